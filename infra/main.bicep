// Azure resources for Valued, deployed into one resource group:
//   - a user-assigned managed identity: the bot's identity (no passwords) and its key to Table Storage
//   - a Linux App Service plan + Web App running the Node 20 bot
//   - a Storage account whose Table service holds every record (shared keys disabled)
//   - an Azure Bot registration (single tenant, managed identity) with the Microsoft Teams channel
//   - Log Analytics + Application Insights for logs and telemetry
//
// Deployed by the Microsoft 365 Agents Toolkit (m365agents.yml → arm/deploy) or by hand:
//   az deployment group create -g <group> -f infra/main.bicep -p resourceBaseName=valued123 botDisplayName=Valued
// Outputs are UPPER_CASE because the toolkit writes each output into env/.env.<env> under its own name.

targetScope = 'resourceGroup'

@minLength(4)
@maxLength(20)
@description('Base for every resource name. Must be globally unique-ish: the toolkit appends a random RESOURCE_SUFFIX.')
param resourceBaseName string

@maxLength(42)
@description('Name people see for the bot in Teams and in the Azure portal.')
param botDisplayName string

@description('Region for everything except the bot registration, which is global.')
param location string = resourceGroup().location

@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
@description('App Service plan size. B1 is enough for a trust; P0v3 and up add zone redundancy options and more memory.')
param webAppSku string = 'B1'

@description('Signs links to people\'s own pages (portfolio, exports). Fresh on each deployment; links last an hour.')
@secure()
param linkSecret string = '${newGuid()}${newGuid()}'

@minValue(1)
@maxValue(10)
@description('Number of Web App instances. The bot is stateless, so more instances simply share the load.')
param instanceCount int = 1

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot pricing tier. Messages on the Teams channel are free on either tier.')
param botServiceSku string = 'F0'

@description('Client id of the Entra app that the "My recognition" tab uses for Teams single sign-on. Empty until it exists.')
param aadAppClientId string = ''

@minValue(30)
@maxValue(730)
@description('Days Log Analytics keeps logs. 30 days is included in the ingestion price.')
param logRetentionInDays int = 30

@description('Tags added to every resource, e.g. cost centre or owner.')
param tags object = {}

// Names stay derivable from resourceBaseName so a redeploy updates rather than duplicates.
var identityName = '${resourceBaseName}-identity'
var planName = '${resourceBaseName}-plan'
var webAppName = resourceBaseName
var botName = resourceBaseName
var logAnalyticsName = '${resourceBaseName}-logs'
var appInsightsName = '${resourceBaseName}-insights'
// Storage names: 3-24 lower-case letters and digits, unique across Azure.
var storageAccountName = take('st${toLower(replace(resourceBaseName, '-', ''))}${uniqueString(resourceGroup().id)}', 24)

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

resource logAnalytics 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logAnalytics.id
  }
}

module storage 'modules/storage.bicep' = {
  name: 'valued-storage'
  params: {
    storageAccountName: storageAccountName
    location: location
    tags: tags
    dataContributorPrincipalId: identity.properties.principalId
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: instanceCount
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false // stateless: any instance can serve any request
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: 'node dist/src/index.js'
      alwaysOn: true // keeps the bot warm so Teams' 5-second message-extension deadline is met
      healthCheckPath: '/healthz' // App Service stops routing to an instance that fails this
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        {
          name: 'MicrosoftAppId'
          value: identity.properties.clientId
        }
        {
          name: 'MicrosoftAppType'
          value: 'UserAssignedMSI'
        }
        {
          name: 'MicrosoftAppTenantId'
          value: identity.properties.tenantId
        }
        {
          name: 'STORAGE_ACCOUNT_URL'
          value: storage.outputs.tableEndpoint
        }
        {
          // DefaultAzureCredential picks the user-assigned identity by this client id.
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'AAD_APP_CLIENT_ID'
          value: aadAppClientId
        }
        {
          // The "My recognition" tab's SSO tokens are checked against these (v2: client id; v1: the
          // Application ID URI, the same as webApplicationInfo.resource in the Teams manifest).
          name: 'SSO_CLIENT_ID'
          value: aadAppClientId
        }
        {
          name: 'SSO_AUDIENCE'
          // Empty without a sign-in app: SSO_AUDIENCE alone would stop Valued starting.
          value: empty(aadAppClientId) ? '' : 'api://${resourceBaseName}.azurewebsites.net/botid-${identity.properties.clientId}'
        }
        {
          // Links in cards and the personal tab point here.
          name: 'PUBLIC_URL'
          value: 'https://${resourceBaseName}.azurewebsites.net'
        }
        {
          name: 'LINK_SECRET'
          value: linkSecret
        }
        {
          name: 'LOG_FORMAT'
          value: 'json'
        }
        {
          name: 'NODE_ENV'
          value: 'production'
        }
        {
          // The deploy stage ships compiled code with production node_modules; nothing to build on the server.
          name: 'SCM_DO_BUILD_DURING_DEPLOYMENT'
          value: 'false'
        }
      ]
    }
  }
}

// Console output (our JSON logs) and HTTP logs go to Log Analytics, searchable alongside telemetry.
resource webAppDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: webApp
  properties: {
    workspaceId: logAnalytics.id
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
  }
}

module bot 'modules/bot-registration.bicep' = {
  name: 'valued-bot-registration'
  params: {
    botName: botName
    botDisplayName: botDisplayName
    sku: botServiceSku
    tags: tags
    messagingEndpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    identityClientId: identity.properties.clientId
    identityResourceId: identity.id
    identityTenantId: identity.properties.tenantId
  }
}

// Written into env/.env.<env> by the toolkit; manifest/manifest.json and m365agents.yml read them.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_SERVICE_NAME string = bot.outputs.botServiceName
output STORAGE_ACCOUNT_URL string = storage.outputs.tableEndpoint
output STORAGE_ACCOUNT_RESOURCE_ID string = storage.outputs.storageAccountId
