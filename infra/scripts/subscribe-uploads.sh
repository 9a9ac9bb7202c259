#!/bin/sh
# azd postdeploy hook: subscribes the blob trigger to BlobCreated events on uploads/.
#
# The Event Grid webhook must carry the blob extension's system key (blobs_extension), and the
# Functions host creates that key only once the deployed code has started. So on the first
# deployment of an environment this script waits for the key, deploys
# infra/modules/uploads-subscription.bicep (which reads the key inside ARM with listKeys: the key
# never passes through this shell, azd's .env or deployment outputs), and sets
# UPLOADS_EVENT_SUBSCRIPTION=true so that every later `azd provision` keeps the subscription in
# main.bicep, picking up a rotated key.
#
# Needs: az (signed in to the same tenant and subscription as azd), azd, curl.
# Runs under azd, which exports the environment's values and main.bicep's outputs.
set -eu

fail() {
  echo "subscribe-uploads: $*" >&2
  exit 1
}

: "${AZURE_SUBSCRIPTION_ID:?run through azd (azd up or azd deploy), which exports the environment}"
: "${AZURE_RESOURCE_GROUP:?missing: run azd provision first}"
: "${AZURE_FUNCTION_APP_NAME:?missing: run azd provision first}"
: "${AZURE_FUNCTION_APP_HOSTNAME:?missing: run azd provision first}"
: "${AZURE_STORAGE_ACCOUNT_NAME:?missing: run azd provision first}"
: "${EVENT_GRID_SYSTEM_TOPIC_NAME:?missing: run azd provision first}"
: "${UPLOADS_CONTAINER_NAME:?missing: run azd provision first}"
: "${EVENT_GRID_DEADLETTER_CONTAINER_NAME:?missing: run azd provision first}"
: "${UPLOADS_FUNCTION_NAME:?missing: run azd provision first}"

if [ "${UPLOADS_EVENT_SUBSCRIPTION:-}" = "true" ]; then
  echo "subscribe-uploads: the uploads subscription is part of azd provision already; nothing to do."
  exit 0
fi

attempts="${SUBSCRIBE_UPLOADS_ATTEMPTS:-30}"
delay="${SUBSCRIBE_UPLOADS_DELAY_SECONDS:-10}"
modules_dir="$(cd "$(dirname "$0")/../modules" && pwd)"

attempt=1
while :; do
  # A request starts the (scaled-to-zero) host, which creates its system keys as it loads extensions.
  curl --silent --output /dev/null --max-time 60 "https://${AZURE_FUNCTION_APP_HOSTNAME}/" || true
  # Ask only whether the key exists; its value stays in Azure.
  present="$(az functionapp keys list \
    --subscription "$AZURE_SUBSCRIPTION_ID" \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension && 'present'" \
    --output tsv 2>/dev/null || true)"
  if [ "$present" = "present" ]; then
    break
  fi
  if [ "$attempt" -ge "$attempts" ]; then
    fail "the app has no blobs_extension system key after $attempts attempts. Is ${UPLOADS_FUNCTION_NAME} deployed with a blob trigger (Source = EventGrid)? Check the app's logs, then run: azd hooks run postdeploy"
  fi
  echo "subscribe-uploads: waiting for the host's blobs_extension key (attempt $attempt of $attempts)..."
  attempt=$((attempt + 1))
  sleep "$delay"
done

echo "subscribe-uploads: creating the BlobCreated subscription on ${UPLOADS_CONTAINER_NAME}/ for ${UPLOADS_FUNCTION_NAME}..."
az deployment group create \
  --subscription "$AZURE_SUBSCRIPTION_ID" \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name uploads-subscription \
  --template-file "$modules_dir/uploads-subscription.bicep" \
  --parameters \
    systemTopicName="$EVENT_GRID_SYSTEM_TOPIC_NAME" \
    functionAppName="$AZURE_FUNCTION_APP_NAME" \
    functionName="$UPLOADS_FUNCTION_NAME" \
    storageAccountName="$AZURE_STORAGE_ACCOUNT_NAME" \
    uploadsContainerName="$UPLOADS_CONTAINER_NAME" \
    deadLetterContainerName="$EVENT_GRID_DEADLETTER_CONTAINER_NAME" \
  --output none || fail "the subscription deployment failed (see the az error above)"

azd env set UPLOADS_EVENT_SUBSCRIPTION true || fail "could not record UPLOADS_EVENT_SUBSCRIPTION=true in the azd environment"
echo "subscribe-uploads: done; later provisions keep the subscription (UPLOADS_EVENT_SUBSCRIPTION=true)."
