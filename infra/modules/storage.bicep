metadata description = 'The one storage account: the app\'s containers and tables, the Functions host\'s own state and the Flex deployment package. Entra ID only: no account keys, no anonymous access.'

param location string
param tags object
param name string

@description('Redundancy: Standard_LRS, Standard_ZRS, Standard_GRS or Standard_GZRS (main.bicep checks).')
param skuName string

@description('Containers the app reads and writes (Containers.All in Reporting.Core).')
param appContainerNames string[]

@description('Tables of the ledgers (LedgerTables.All in Reporting.Core).')
param tableNames string[]

@description('Where Flex Consumption keeps the deployed package.')
param deploymentContainerName string

@description('Where Event Grid drops upload events it could not deliver.')
param deadLetterContainerName string

@description('Containers whose superseded blob versions are expired; the others (archive, briefings) keep every version.')
param versionExpiryContainerNames string[]

@description('Days deleted blobs, deleted containers and (in the containers above) previous versions are kept.')
@minValue(7)
@maxValue(365)
param retentionDays int = 30

param workspaceId string

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    // Departments upload from their own networks and Event Grid / Flex reach it publicly;
    // access is decided by Entra ID and RBAC (with ABAC conditions), not by network rules.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    // Nothing is lost: an overwritten or deleted original stays recoverable.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: retentionDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: retentionDays
    }
  }
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2025-01-01' = [
  for containerName in union(appContainerNames, [deploymentContainerName, deadLetterContainerName]): {
    parent: blobService
    name: containerName
    properties: {
      publicAccess: 'None'
    }
  }
]

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: storage
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2025-01-01' = [
  for tableName in tableNames: {
    parent: tableService
    name: tableName
  }
]

// Versioning keeps every overwrite; in containers whose content is derived or copied to the
// archive, old versions (and every superseded deployment package) expire instead of piling up.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2025-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-previous-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
              prefixMatch: [for containerName in versionExpiryContainerNames: '${containerName}/']
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: retentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

// Who wrote or deleted which blob (departments upload with their own identities).
resource blobDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: blobService
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'StorageWrite'
        enabled: true
      }
      {
        category: 'StorageDelete'
        enabled: true
      }
    ]
  }
}

output id string = storage.id
output name string = storage.name
