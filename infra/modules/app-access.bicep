metadata description = 'The roles of the app\'s identity, each at the narrowest scope that works.'

param identityName string
param storageAccountName string
param keyVaultName string
param applicationInsightsName string

@description('Name of the SMTP password secret; empty when no SMTP server is configured (no Key Vault role then).')
param smtpPasswordSecretName string

@description('Name of the IMAP password secret; empty when no reporting mailbox is configured (no Key Vault role then).')
param imapPasswordSecretName string

// Built-in role definition ids (the same in every tenant).
var roles = {
  // The Functions host keeps blob leases, receipts and the Flex package under AzureWebJobsStorage;
  // Microsoft documents Owner (not Contributor) for it. Owner adds only POSIX ACL management,
  // which has no effect on an account without a hierarchical namespace.
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  // Blob trigger poison queue and host queues.
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  // Ledgers: submissions, deliveries, reminders, issues, mailbox.
  storageTableDataContributor: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

var storageRoles = [
  roles.storageBlobDataOwner
  roles.storageQueueDataContributor
  roles.storageTableDataContributor
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource smtpPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' existing = if (!empty(smtpPasswordSecretName)) {
  parent: vault
  name: smtpPasswordSecretName
}

resource imapPasswordSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' existing = if (!empty(imapPasswordSecretName)) {
  parent: vault
  name: imapPasswordSecretName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in storageRoles: {
    name: guid(storage.id, identity.id, roleId)
    scope: storage
    properties: {
      principalId: identity.properties.principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
    }
  }
]

// Scoped to the one secret, not the vault.
resource secretAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(smtpPasswordSecretName)) {
  name: guid(vault.id, smtpPasswordSecretName, identity.id, roles.keyVaultSecretsUser)
  scope: smtpPasswordSecret
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

// Scoped to the one secret, like the SMTP password's.
resource imapSecretAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(imapPasswordSecretName)) {
  name: guid(vault.id, imapPasswordSecretName, identity.id, roles.keyVaultSecretsUser)
  scope: imapPasswordSecret
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
  }
}

resource telemetryAssignment 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, identity.id, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
  }
}
