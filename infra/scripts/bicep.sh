#!/bin/sh
# Runs the pinned Bicep CLI (infra/tools/Bicep.props), restoring it from NuGet on first use.
#   infra/scripts/bicep.sh lint --pattern 'infra/**/*.bicep'
#   infra/scripts/bicep.sh build infra/main.bicep --stdout
set -eu
tools_dir="$(cd "$(dirname "$0")/../tools" && pwd)"
dotnet restore "$tools_dir/bicep.proj" --verbosity quiet >&2
bicep="$(dotnet msbuild "$tools_dir/bicep.proj" -getProperty:BicepCliPath)"
[ -x "$bicep" ] || chmod +x "$bicep"
exec "$bicep" "$@"
