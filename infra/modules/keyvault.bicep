metadata description = 'Key Vault for the SMTP and IMAP passwords: RBAC only, soft delete and purge protection, audited to Log Analytics.'

param location string
param tags object
param name string
param workspaceId string

@description('Name of the secret holding the SMTP password.')
param smtpPasswordSecretName string

@secure()
@description('The SMTP password; empty leaves the secret as it is (set it in Key Vault yourself).')
param smtpPassword string = ''

@description('Name of the secret holding the reporting mailbox\'s IMAP password.')
param imapPasswordSecretName string

@secure()
@description('The IMAP password; empty leaves the secret as it is (set it in Key Vault yourself).')
param imapPassword string = ''

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    enabledForDeployment: false
    enabledForDiskEncryption: false
    enabledForTemplateDeployment: false
    // The Flex app reaches the vault over the public endpoint; RBAC decides who may read.
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow'
      bypass: 'AzureServices'
    }
  }
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(smtpPassword)) {
  parent: vault
  name: smtpPasswordSecretName
  properties: {
    value: smtpPassword
    contentType: 'text/plain; SMTP password'
  }
}

resource imapPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(imapPassword)) {
  parent: vault
  name: imapPasswordSecretName
  properties: {
    value: imapPassword
    contentType: 'text/plain; IMAP password'
  }
}

resource auditDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
  name: 'to-log-analytics'
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AuditEvent'
        enabled: true
      }
    ]
  }
}

output id string = vault.id
output name string = vault.name
