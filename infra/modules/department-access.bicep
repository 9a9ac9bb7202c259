metadata description = '''
Department isolation. Each department's Entra group may write (and read back) blobs under
uploads/{department}/ only, and read its answers under rejected/{department}/ only: role assignments
at container scope, each with an ABAC condition confining every data action to the department's prefix.
Leaders get no storage role at all: they get e-mail.
'''

import { departmentGroup, departmentFolderCondition } from 'rules.bicep'

param departments departmentGroup[]
param storageAccountName string
param uploadsContainerName string
param rejectedContainerName string

@description('''
Role the groups get on uploads/. Empty (the default) creates a custom role with only blob read, write
and create: the built-in Storage Blob Data Contributor also carries containers/delete, which no
condition can restrict and which would let any clerk delete the whole uploads container. Creating the
custom role needs Microsoft.Authorization/roleDefinitions/write (Owner or User Access Administrator);
whoever lacks it can pass the built-in role's GUID (ba92f5b4-2d11-453d-a403-e96b0029c9fe) instead.
''')
param uploadRoleDefinitionGuid string = ''

var storageBlobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
var uploaderRoleName = guid(resourceGroup().id, 'reporting-department-uploader')
var uploadRoleId = empty(uploadRoleDefinitionGuid) ? uploaderRoleName : uploadRoleDefinitionGuid

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource uploads 'containers' existing = {
      name: uploadsContainerName
    }

    resource rejected 'containers' existing = {
      name: rejectedContainerName
    }
  }
}

resource uploaderRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = if (empty(uploadRoleDefinitionGuid) && !empty(departments)) {
  name: uploaderRoleName
  properties: {
    // Role names are unique per tenant: the resource group's hash tells environments apart.
    roleName: 'Reporting department uploader (${resourceGroup().name} ${uniqueString(resourceGroup().id)})'
    description: 'Read, write and create blobs; no delete, no container management. Assigned per department with a condition confining it to uploads/{department}/.'
    type: 'CustomRole'
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: [
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'
          'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'
        ]
        notDataActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

resource uploadAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for department in departments: {
    name: guid(storage::blobService::uploads.id, department.groupObjectId, uploadRoleId)
    scope: storage::blobService::uploads
    properties: {
      principalId: department.groupObjectId
      principalType: 'Group'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', uploadRoleId)
      description: 'Department ${department.id}: uploads/${department.id}/ only.'
      conditionVersion: '2.0'
      condition: departmentFolderCondition(uploadsContainerName, department.id)
    }
    dependsOn: [
      uploaderRole
    ]
  }
]

resource answerAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for department in departments: {
    name: guid(storage::blobService::rejected.id, department.groupObjectId, storageBlobDataReader)
    scope: storage::blobService::rejected
    properties: {
      principalId: department.groupObjectId
      principalType: 'Group'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataReader)
      description: 'Department ${department.id}: read its answers under rejected/${department.id}/ only.'
      conditionVersion: '2.0'
      condition: departmentFolderCondition(rejectedContainerName, department.id)
    }
  }
]
