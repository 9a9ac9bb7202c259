metadata description = '''
The BlobCreated subscription on uploads/ that feeds the blob trigger (Source = EventGrid) through the
blob extension's webhook. The webhook needs the blobs_extension system key, which the Functions host
creates only once the code is deployed and has started: so this is deployed after `azd deploy`, by the
postdeploy hook (infra/scripts/subscribe-uploads.sh), and from then on by every `azd provision`
(main.bicep, uploadsEventSubscription = true). The key is read inside ARM with listKeys and never
leaves Azure: not in azd's environment, not in deployment outputs.
'''

param systemTopicName string
param functionAppName string

@description('The blob-triggered function (Function name in the app, e.g. IngestUpload).')
param functionName string

param storageAccountName string
param uploadsContainerName string
param deadLetterContainerName string

@description('Delivery attempts before an event is dead-lettered (Event Grid backs off up to minutes between attempts).')
@minValue(1)
@maxValue(30)
param maxDeliveryAttempts int = 30

@description('How long Event Grid keeps retrying one event, in minutes (a cold start or a deployment must not lose an upload).')
@minValue(1)
@maxValue(1440)
param eventTimeToLiveInMinutes int = 1440

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource app 'Microsoft.Web/sites@2024-11-01' existing = {
  name: functionAppName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

// Microsoft.Web/sites/host has no Bicep types; listKeys on it returns masterKey, functionKeys and systemKeys.
var blobsExtensionKey = listKeys('${app.id}/host/default', '2024-11-01').systemKeys.blobs_extension

resource uploadsSubscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: 'uploads-to-${toLower(functionName)}'
  properties: {
    destination: {
      endpointType: 'WebHook'
      properties: {
        endpointUrl: 'https://${app.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${functionName}&code=${blobsExtensionKey}'
        // One upload, one invocation: a slow workbook must not hold others back.
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    eventDeliverySchema: 'EventGridSchema'
    filter: {
      includedEventTypes: [
        'Microsoft.Storage.BlobCreated'
      ]
      subjectBeginsWith: '/blobServices/default/containers/${uploadsContainerName}/'
    }
    retryPolicy: {
      maxDeliveryAttempts: maxDeliveryAttempts
      eventTimeToLiveInMinutes: eventTimeToLiveInMinutes
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output name string = uploadsSubscription.name
