#!/usr/bin/env bash
# Runs the benchmarks on demand (never part of dotnet test) and writes their tables into
# docs/performance.md, each in its own section, with the machine and the date.
#
#   tests/Reporting.Benchmarks/run.sh                 # everything: ingestion, indicators, rendering, scale, startup
#   tests/Reporting.Benchmarks/run.sh ingestion       # or any of: ingestion indicators rendering scale startup
#
# Release build; BenchmarkDotNet's artifacts land in tests/Reporting.Benchmarks/BenchmarkDotNet.Artifacts (ignored by git).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
artifacts="$here/BenchmarkDotNet.Artifacts"
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(ingestion indicators rendering scale startup)

dotnet build -c Release "$here/Reporting.Benchmarks.csproj" -nologo -v q
dll="$here/bin/Release/net10.0/Reporting.Benchmarks.dll"

# run_bdn SECTION CLASS: runs one benchmark class, then puts machine + BenchmarkDotNet's table into the section.
run_bdn() {
  local section=$1 class=$2 out
  out=$(mktemp)
  "$here/machine.sh" > "$out"
  dotnet "$dll" --filter "*.$class.*" --exporters GitHub --artifacts "$artifacts"
  {
    echo
    echo "Command: \`tests/Reporting.Benchmarks/run.sh $section\`"
    echo
    sed -n '/^```/,$p' "$artifacts/results/Reporting.Benchmarks.$3.$class-report-github.md"
  } >> "$out"
  "$here/doc-section.sh" "$section" "$out"
  rm -f "$out"
}

for part in "${parts[@]}"; do
  case "$part" in
    ingestion) run_bdn ingestion IngestionBenchmarks Ingestion ;;
    indicators) run_bdn indicators IndicatorBenchmarks Indicators ;;
    rendering) run_bdn rendering RenderBriefingBenchmarks Briefings ;;
    scale) run_bdn scale ScaleBriefingBenchmarks Briefings ;;
    startup) "$here/startup.sh" ;;
    *) echo "unknown part '$part': use ingestion, indicators, rendering, scale or startup" >&2; exit 2 ;;
  esac
done
echo "Results written to $root/docs/performance.md"
