targetScope = 'subscription'

metadata description = 'Reporting on Azure: a Flex Consumption function app (.NET isolated 10) with its storage, identity, monitoring, Key Vault (SMTP and IMAP passwords), Event Grid and per-department upload access. Deployed with `azd up`; see infra/README.md.'

import {
  checkGuid
  parseAddresses
  parseCountyRecipients
  parseDepartmentContacts
  parseDepartmentGroups
  parseMailboxSenders
  parseObjectIds
} from 'modules/rules.bicep'

@minLength(1)
@maxLength(64)
@description('azd environment name (AZURE_ENV_NAME): names the resource group and tags every resource.')
param environmentName string

@minLength(1)
@description('Region (AZURE_LOCATION); it must offer Flex Consumption: `az functionapp list-flexconsumption-locations`.')
param location string

@description('Leaders who receive the briefing, comma-separated (REPORTING_RECIPIENTS). Only these addresses ever get mail.')
param recipients string = ''

@description('County leaders (县区主要领导) who receive the briefing plus their county\'s one-page appendix, "county=address" separated by \';\' or \',\' (REPORTING_COUNTY_RECIPIENTS), e.g. "安源区=leader@example.gov.cn;湘东区=…". County names as the app knows them (or an alias).')
param countyRecipients string = ''

@allowed([
  ''
  'true'
  'false'
])
@description('审核签发 (REPORTING_REQUIRE_SIGN_OFF): true or empty, the timer only drafts the briefing and mails the draft to the reviewers; leaders get it once the office signs it off in the portal. false: the timer mails it to the leaders unreviewed.')
param requireSignOff string = ''

@description('The office\'s reviewers (审核人) who receive each draft with a link to review and sign it, comma-separated (REPORTING_REVIEWERS); required while sign-off is required and leaders are configured.')
param reviewers string = ''

@description('Public base address of the portal for links in mails (REPORTING_PORTAL_ADDRESS), e.g. https://baosong.example.gov.cn; empty means https:// and the function app\'s default host name.')
param portalAddress string = ''

@description('Application (client) id of the portal\'s Entra ID app registration (REPORTING_PORTAL_CLIENT_ID): sign-in only, no secret. Empty: the portal\'s sign-in page answers 503 until it is set.')
param portalClientId string = ''

@description('Entra tenant id of the portal\'s sign-in (REPORTING_PORTAL_TENANT_ID); empty means the tenant of this deployment.')
param portalTenantId string = ''

@description('Entra ID sign-in endpoint (REPORTING_PORTAL_INSTANCE); empty means the login endpoint of the cloud deployed to (Azure operated by 21Vianet: https://login.chinacloudapi.cn/).')
param portalInstance string = ''

@description('Entra group object ids of the office (推进办) in the portal, comma-separated (REPORTING_OFFICE_GROUPS). Departments\' clerks come from REPORTING_DEPARTMENT_GROUPS.')
param officeGroups string = ''

@description('Sender address of the briefing and receipts (REPORTING_MAIL_FROM); required with SMTP_HOST.')
param mailFrom string = ''

@description('SMTP server (SMTP_HOST). Empty: no mail leaves, messages are written to the outbox container.')
param smtpHost string = ''

@description('SMTP port (SMTP_PORT); empty means 587.')
param smtpPort string = ''

@description('SMTP user name (SMTP_USERNAME).')
param smtpUserName string = ''

@secure()
@description('SMTP password (SMTP_PASSWORD, best set with `azd env set-secret`). Stored in Key Vault, read by the app through a Key Vault reference. Empty leaves the vault\'s secret as it is.')
param smtpPassword string = ''

@description('IMAP server of the office\'s reporting mailbox (IMAP_HOST). Empty: no mailbox is read.')
param imapHost string = ''

@description('IMAP port (IMAP_PORT); empty means 993 (IMAPS).')
param imapPort string = ''

@description('IMAP account of the reporting mailbox (IMAP_USERNAME), usually its address.')
param imapUserName string = ''

@secure()
@description('IMAP password (IMAP_PASSWORD, best set with `azd env set-secret`). Stored in Key Vault, read by the app through a Key Vault reference. Empty leaves the vault\'s secret as it is.')
param imapPassword string = ''

@description('The authserv-id the office\'s receiving mail server writes into Authentication-Results (MAILBOX_AUTHSERV_ID), e.g. mx.pingxiang.gov.cn; required with IMAP_HOST.')
param mailboxAuthServId string = ''

@description('Further addresses that may mail spreadsheets for a department besides its contact, "id=address" comma-separated, one pair per address (REPORTING_MAILBOX_SENDERS).')
param mailboxSenders string = ''

@description('NCRONTAB (UTC) of the mailbox run (MAILBOX_SCHEDULE); empty means 0 */5 * * * * (every five minutes).')
param mailboxSchedule string = ''

@description('Departments and their Entra groups, "id=groupObjectId" comma-separated (REPORTING_DEPARTMENT_GROUPS), e.g. "anyuan=<guid>,swj=<guid>". Ids as in reporting.json.')
param departmentGroups string = ''

@description('Department mailboxes for receipts and reminders, "id=address" comma-separated (REPORTING_DEPARTMENT_CONTACTS), e.g. "anyuan=clerk@example.gov.cn". Ids as in reporting.json.')
param departmentContacts string = ''

@description('NCRONTAB (UTC) of the monthly briefing (BRIEFING_SCHEDULE); empty means 0 30 0 5 * * (08:30 Beijing time on the 5th).')
param briefingSchedule string = ''

@description('NCRONTAB (UTC) of the daily reminder run (REMINDER_SCHEDULE); empty means 0 0 1 * * * (09:00 Beijing time).')
param reminderSchedule string = ''

@allowed([
  ''
  'false'
  'true'
])
@description('Whether the uploads Event Grid subscription exists yet (UPLOADS_EVENT_SUBSCRIPTION). The postdeploy hook sets it to true once the app has its blob extension key; do not set it by hand on a new environment.')
param uploadsEventSubscription string = ''

@description('GUID of the role departments get on uploads/ (DEPARTMENT_UPLOAD_ROLE_ID); empty creates a narrower custom role. See modules/department-access.bicep.')
param departmentUploadRoleId string = ''

@allowed([
  ''
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
@description('Storage redundancy (STORAGE_SKU); empty means Standard_LRS.')
param storageSkuName string = ''

@description('Name of the blob-triggered function that ingests uploads.')
param uploadsFunctionName string = 'IngestUpload'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
  application: 'reporting'
}

// The app's layout (Reporting.Core Storage/Containers.cs and Storage/ILedgerStore.cs LedgerTables).
var containers = {
  uploads: 'uploads'
  archive: 'archive'
  datasets: 'datasets'
  rejected: 'rejected'
  briefings: 'briefings'
  outbox: 'outbox'
  portal: 'portal'
}
var tables = [
  'submissions'
  'deliveries'
  'reminders'
  'issues'
  'mailbox'
]
var deploymentContainerName = 'app-package'
var deadLetterContainerName = 'eventgrid-deadletter'
var smtpPasswordSecretName = 'smtp-password'
var imapPasswordSecretName = 'imap-password'

var departments = parseDepartmentGroups(departmentGroups)
var departmentIds = map(departments, d => d.id)
#disable-next-line no-unused-vars
var departmentsAreDistinct = length(union(departmentIds, [])) == length(departmentIds)
  ? true
  : fail('REPORTING_DEPARTMENT_GROUPS names a department twice')
var recipientList = parseAddresses('REPORTING_RECIPIENTS', recipients)
var countyRecipientList = parseCountyRecipients(countyRecipients)
var reviewerList = parseAddresses('REPORTING_REVIEWERS', reviewers)
var officeGroupList = parseObjectIds('REPORTING_OFFICE_GROUPS', officeGroups)
var contactList = parseDepartmentContacts(departmentContacts)
var senderList = parseMailboxSenders(mailboxSenders)

var names = {
  resourceGroup: 'rg-${environmentName}'
  identity: 'id-func-${resourceToken}'
  workspace: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  storage: 'st${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-${resourceToken}'
  systemTopic: 'evgt-${resourceToken}'
}

var smtpSettings = empty(smtpHost)
  ? {}
  : {
      Reporting__Delivery__Smtp__Host: smtpHost
      Reporting__Delivery__Smtp__Port: empty(smtpPort) ? '587' : smtpPort
      Reporting__Delivery__Smtp__UserName: smtpUserName
      Reporting__Delivery__Smtp__Password: '@Microsoft.KeyVault(SecretUri=https://${names.keyVault}${environment().suffixes.keyvaultDns}/secrets/${smtpPasswordSecretName})'
      Reporting__Delivery__From: empty(mailFrom) ? fail('REPORTING_MAIL_FROM is required when SMTP_HOST is set') : mailFrom
    }

// The reporting mailbox (邮件报送): read only with a host; the password, like SMTP's, is a Key Vault reference.
var imapSettings = empty(imapHost)
  ? {}
  : {
      Reporting__Mailbox__Imap__Host: imapHost
      Reporting__Mailbox__Imap__Port: empty(imapPort) ? '993' : imapPort
      Reporting__Mailbox__Imap__UserName: imapUserName
      Reporting__Mailbox__Imap__Password: '@Microsoft.KeyVault(SecretUri=https://${names.keyVault}${environment().suffixes.keyvaultDns}/secrets/${imapPasswordSecretName})'
      Reporting__Mailbox__AuthServId: empty(mailboxAuthServId) ? fail('MAILBOX_AUTHSERV_ID is required when IMAP_HOST is set') : mailboxAuthServId
    }

// 报送平台: Entra ID sign-in inside the app (Microsoft.Identity.Web; Flex Consumption has no built-in
// authentication). The registration is sign-in only, so there is no secret; without a client id the
// sign-in page answers 503. Office and department roles come from the token's group ids: one
// REPORTING_DEPARTMENT_GROUPS value serves both the portal and the upload folders' role assignments.
var portalSettings = union(
  {
    Reporting__Portal__SignIn: 'EntraId'
    Reporting__Portal__EntraId__TenantId: empty(portalTenantId)
      ? tenant().tenantId
      : checkGuid('REPORTING_PORTAL_TENANT_ID', 'a tenant id', portalTenantId)
    Reporting__Portal__EntraId__Instance: empty(portalInstance)
      ? environment().authentication.loginEndpoint
      : startsWith(portalInstance, 'https://')
          ? portalInstance
          : fail('REPORTING_PORTAL_INSTANCE: \'${portalInstance}\' is not an https:// address')
  },
  empty(portalClientId)
    ? {}
    : {
        Reporting__Portal__EntraId__ClientId: checkGuid('REPORTING_PORTAL_CLIENT_ID', 'an application (client) id', portalClientId)
      },
  toObject(range(0, length(officeGroupList)), i => 'Reporting__Portal__OfficeGroups__${i}', i => officeGroupList[i]),
  toObject(departments, d => 'Reporting__Portal__DepartmentGroups__${d.id}', d => d.groupObjectId)
)

// The app's settings cannot read its own defaultHostName output, but the default host name of an app
// is its name under the cloud's App Service domain; REPORTING_PORTAL_ADDRESS overrides it (a custom domain).
var appServiceDomain = environment().name == 'AzureChinaCloud'
  ? 'chinacloudsites.cn'
  : environment().name == 'AzureUSGovernment' ? 'azurewebsites.us' : 'azurewebsites.net'
var portalBaseAddress = empty(portalAddress)
  ? 'https://${names.functionApp}.${appServiceDomain}'
  : startsWith(portalAddress, 'https://') && !contains(portalAddress, ' ')
      ? (endsWith(portalAddress, '/') ? take(portalAddress, length(portalAddress) - 1) : portalAddress)
      : fail('REPORTING_PORTAL_ADDRESS: \'${portalAddress}\' is not an https:// address')

// 审核签发: with sign-off required, leaders get the briefing only once the office has signed it off in
// the portal, and the reviewers are who is sent each draft to sign: leaders without reviewers would wait
// for a draft nobody is told about.
var signOffSettings = {
  Reporting__Briefing__RequireSignOff: requireSignOff == 'false'
    ? 'false'
    : empty(reviewerList) && !(empty(recipientList) && empty(countyRecipientList))
        ? fail('REPORTING_REVIEWERS is required while sign-off is required (REPORTING_REQUIRE_SIGN_OFF is not false) and REPORTING_RECIPIENTS or REPORTING_COUNTY_RECIPIENTS is set: leaders get the briefing only once the office signs it off, and without reviewers nobody is sent the draft to sign. Set REPORTING_REVIEWERS, or REPORTING_REQUIRE_SIGN_OFF to false to mail the briefing unreviewed')
        : 'true'
  Reporting__Delivery__PortalAddress: portalBaseAddress
}

// Several clerks per department: one setting per department (Reporting__Mailbox__Senders__{id}), its addresses joined by ';'.
var senderSettings = toObject(
  union(map(senderList, s => s.id), []),
  id => 'Reporting__Mailbox__Senders__${id}',
  id => join(map(filter(senderList, s => s.id == id), s => s.address), ';')
)

var reportingSettings = union(
  {
    BriefingSchedule: empty(briefingSchedule) ? '0 30 0 5 * *' : briefingSchedule
    ReminderSchedule: empty(reminderSchedule) ? '0 0 1 * * *' : reminderSchedule
    MailboxSchedule: empty(mailboxSchedule) ? '0 */5 * * * *' : mailboxSchedule
  },
  empty(mailFrom) ? {} : { Reporting__Delivery__From: mailFrom },
  toObject(range(0, length(recipientList)), i => 'Reporting__Delivery__Recipients__${i}', i => recipientList[i]),
  toObject(range(0, length(countyRecipientList)), i => 'Reporting__Delivery__CountyRecipients__${i}__County', i => countyRecipientList[i].county),
  toObject(range(0, length(countyRecipientList)), i => 'Reporting__Delivery__CountyRecipients__${i}__Address', i => countyRecipientList[i].address),
  toObject(range(0, length(reviewerList)), i => 'Reporting__Delivery__Reviewers__${i}', i => reviewerList[i]),
  toObject(contactList, c => 'Reporting__Contacts__${c.id}', c => c.address),
  signOffSettings,
  portalSettings,
  smtpSettings,
  imapSettings,
  senderSettings
)

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: names.resourceGroup
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: names.identity
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    workspaceName: names.workspace
    applicationInsightsName: names.applicationInsights
  }
}

module storage 'modules/storage.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: names.storage
    skuName: empty(storageSkuName) ? 'Standard_LRS' : storageSkuName
    appContainerNames: map(items(containers), c => c.value)
    tableNames: tables
    deploymentContainerName: deploymentContainerName
    deadLetterContainerName: deadLetterContainerName
    versionExpiryContainerNames: [
      containers.uploads
      containers.datasets
      containers.rejected
      containers.outbox
      deploymentContainerName
      deadLetterContainerName
    ]
    workspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/keyvault.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: names.keyVault
    workspaceId: monitoring.outputs.workspaceId
    smtpPasswordSecretName: smtpPasswordSecretName
    smtpPassword: smtpPassword
    imapPasswordSecretName: imapPasswordSecretName
    imapPassword: imapPassword
  }
}

module appAccess 'modules/app-access.bicep' = {
  scope: resourceGroup
  params: {
    identityName: names.identity
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    smtpPasswordSecretName: empty(smtpHost) ? '' : smtpPasswordSecretName
    imapPasswordSecretName: empty(imapHost) ? '' : imapPasswordSecretName
  }
  dependsOn: [
    identity
    monitoring
    storage
    keyVault
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    planName: names.plan
    appName: names.functionApp
    serviceName: 'functions'
    identityName: names.identity
    storageAccountName: names.storage
    deploymentContainerName: deploymentContainerName
    applicationInsightsName: names.applicationInsights
    workspaceId: monitoring.outputs.workspaceId
    appSettings: reportingSettings
  }
  // The host must be able to reach its storage and vault the moment it starts.
  dependsOn: [
    appAccess
    storage
  ]
}

module eventGrid 'modules/eventgrid.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: names.systemTopic
    storageAccountName: names.storage
    deadLetterContainerName: deadLetterContainerName
    workspaceId: monitoring.outputs.workspaceId
  }
  dependsOn: [
    storage
  ]
}

module uploadsSubscription 'modules/uploads-subscription.bicep' = if (uploadsEventSubscription == 'true') {
  scope: resourceGroup
  params: {
    systemTopicName: names.systemTopic
    functionAppName: names.functionApp
    functionName: uploadsFunctionName
    storageAccountName: names.storage
    uploadsContainerName: containers.uploads
    deadLetterContainerName: deadLetterContainerName
  }
  dependsOn: [
    eventGrid
    functionApp
  ]
}

module departmentAccess 'modules/department-access.bicep' = {
  scope: resourceGroup
  params: {
    departments: departments
    storageAccountName: names.storage
    uploadsContainerName: containers.uploads
    rejectedContainerName: containers.rejected
    uploadRoleDefinitionGuid: departmentUploadRoleId
  }
  dependsOn: [
    storage
  ]
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_FUNCTION_APP_HOSTNAME string = functionApp.outputs.defaultHostName
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output EVENT_GRID_SYSTEM_TOPIC_NAME string = eventGrid.outputs.name
output UPLOADS_CONTAINER_NAME string = containers.uploads
output EVENT_GRID_DEADLETTER_CONTAINER_NAME string = deadLetterContainerName
output UPLOADS_FUNCTION_NAME string = uploadsFunctionName
output REPORTING_DEPARTMENT_IDS string = join(departmentIds, ',')
output REPORTING_PORTAL_ADDRESS string = portalBaseAddress
// What the portal's app registration must list as its web redirect URI (PortalAuthentication.CallbackPath).
output REPORTING_PORTAL_REDIRECT_URI string = '${empty(portalAddress) ? 'https://${functionApp.outputs.defaultHostName}' : portalBaseAddress}/portal/signin-oidc'
