// The Storage account whose Table service holds Valued's records, and the one role assignment
// that lets the bot's managed identity read and write them. Shared keys are switched off, so
// Entra ID (the managed identity) is the only way in: there is no connection string to leak.

@minLength(3)
@maxLength(24)
param storageAccountName string
param location string
param tags object = {}

@description('Principal (object) id of the managed identity that reads and writes tables.')
param dataContributorPrincipalId string

// Built-in role "Storage Table Data Contributor": read, write and delete tables and entities.
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource storageAccount 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS' // swap for Standard_ZRS where the region offers zones and you want them
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    accessTier: 'Hot'
  }
}

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  // Deterministic name: redeploying finds the same assignment instead of failing on a duplicate.
  name: guid(storageAccount.id, dataContributorPrincipalId, storageTableDataContributorRoleId)
  scope: storageAccount
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: dataContributorPrincipalId
    // Skips the directory look-up that fails while a just-created identity is still replicating.
    principalType: 'ServicePrincipal'
  }
}

output storageAccountId string = storageAccount.id
output storageAccountName string = storageAccount.name
output tableEndpoint string = storageAccount.properties.primaryEndpoints.table
