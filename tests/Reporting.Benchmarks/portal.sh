#!/usr/bin/env bash
# 报送平台 measured against Azurite: page loads (clerk home, office status), upload of a 400-row workbook to its answer,
# and 30 clerks uploading at the same moment. Builds Release, starts Azurite on loopback (in memory, the integration
# tests' npm package), runs `Reporting.Benchmarks --portal`, and writes the result into the "portal" section of
# docs/performance.md. The invariants of the burst (every upload answered, none lost, none ingested twice) are also an
# integration test (PortalBurstTests); here they are checked again and the times are reported.
#
#   tests/Reporting.Benchmarks/portal.sh [LOADS UPLOADS CLERKS]   # default 30 page loads, 36 uploads, 30 clerks
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
azurite="$root/tests/Reporting.IntegrationTests/node_modules/.bin/azurite"
[ -x "$azurite" ] || npm ci --prefix "$root/tests/Reporting.IntegrationTests" --no-audit --no-fund --loglevel=error

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release "$here/Reporting.Benchmarks.csproj" -nologo -v q

# Azurite picks free ports (0) and says which.
"$azurite" --silent --inMemoryPersistence --skipApiVersionCheck --disableTelemetry --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
  --blobPort 0 --queuePort 0 --tablePort 0 > "$work/azurite.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  blob=$(sed -n 's/.*Blob service is successfully listening at http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/azurite.log")
  table=$(sed -n 's/.*Table service is successfully listening at http:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$work/azurite.log")
  [ -n "$blob" ] && [ -n "$table" ] && break
  sleep 0.2
done
[ -n "${blob:-}" ] && [ -n "${table:-}" ] || { cat "$work/azurite.log" >&2; echo "portal.sh: Azurite did not start" >&2; exit 1; }
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"

out="$work/section.md"
"$here/machine.sh" > "$out"
{
  echo
  echo "Command: \`tests/Reporting.Benchmarks/portal.sh $*\` (Release build; Azurite in memory on loopback; \`Reporting.Benchmarks --portal\`)."
  echo
} >> "$out"
(cd "$here/bin/Release/net10.0" && dotnet Reporting.Benchmarks.dll --portal "$connection" "$@") >> "$out"
"$here/doc-section.sh" portal "$out"
cat "$out"
