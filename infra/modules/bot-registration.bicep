// Registers the Web App with the Bot Framework as a single-tenant bot whose identity is the
// user-assigned managed identity, and connects it to Microsoft Teams.

@minLength(2)
@maxLength(64)
param botName string

@maxLength(42)
param botDisplayName string

@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

param tags object = {}

@description('https://<web app>/api/messages')
param messagingEndpoint string

param identityClientId string
param identityResourceId string
param identityTenantId string

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: botDisplayName
    endpoint: messagingEndpoint
    // A managed identity is always single tenant: the bot only answers within this directory.
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppMSIResourceId: identityResourceId
    msaAppTenantId: identityTenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output botServiceName string = botService.name
