#!/usr/bin/env bash
# Start-up: the whole `reporting brief` process on the bundled 2022-12 sample data, from process
# start to PDF written, from a Release build run directly (not `dotnet run`). Target: < 1.5 s.
# Uses hyperfine when installed (apt-get install -y hyperfine), else a timed loop. Writes the
# result into the "startup" section of docs/performance.md.
#
#   tests/Reporting.Benchmarks/startup.sh [RUNS] [--r2r]   # default 10 runs after 2 warm-up runs
#
# --r2r also publishes a ReadyToRun build (needs the linux-x64 runtime and crossgen2 packs from NuGet)
# and times it in the same hyperfine run, for the ratio.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=10
r2r=false
for arg in "$@"; do
  case "$arg" in
    --r2r) r2r=true ;;
    *) runs=$arg ;;
  esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release "$root/functions/Reporting.Cli/Reporting.Cli.csproj" -nologo -v q
bin="$root/functions/Reporting.Cli/bin/Release/net10.0"
reporting="$bin/reporting"

# The store: every bundled sample submission ingested once (not part of the measurement).
store="$work/store"
for folder in "$bin"/SampleData/2022-12/*/; do
  department=$(basename "$folder")
  for file in "$folder"*; do
    "$reporting" ingest --department "$department" --store "$store" "$file" > /dev/null
  done
done

command="$reporting brief --period 2022-12 --store $store --out $work/brief.pdf --date 2023-01-06"
commands=("$command")
if $r2r; then
  dotnet publish "$root/functions/Reporting.Cli/Reporting.Cli.csproj" -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$work/r2r" -nologo -v q
  commands+=("$work/r2r/reporting brief --period 2022-12 --store $store --out $work/brief-r2r.pdf --date 2023-01-06")
fi
out="$work/section.md"
"$here/machine.sh" > "$out"
{
  echo
  echo "Command: \`tests/Reporting.Benchmarks/startup.sh\`, which builds Release, ingests the bundled sample into a fresh store and times:"
  echo
  echo '```'
  echo "functions/Reporting.Cli/bin/Release/net10.0/reporting brief --period 2022-12 --store STORE --out brief.pdf --date 2023-01-06"
  echo '```'
  echo
  if $r2r; then
    echo "and, with \`--r2r\`, the same command from \`dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true\`."
    echo
  fi
} >> "$out"

if command -v hyperfine > /dev/null; then
  hyperfine --warmup 2 --runs "$runs" --export-markdown "$work/hyperfine.md" "${commands[@]}"
  sed -e "s|$reporting|reporting|g" -e "s|$work/r2r/reporting|reporting (ReadyToRun)|g" -e "s|$work/|/tmp/…/|g" "$work/hyperfine.md" >> "$out"
else
  times=()
  for i in $(seq 1 $((runs + 2))); do
    start=$(date +%s%N)
    $command > /dev/null
    end=$(date +%s%N)
    [ "$i" -le 2 ] || times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v runs="$runs" '
    { t[NR] = $1; sum += $1 }
    END { printf "| runs | mean | min | median | max |\n|---:|---:|---:|---:|---:|\n| %d | %.0f ms | %d ms | %d ms | %d ms |\n", runs, sum / NR, t[1], t[int((NR + 1) / 2)], t[NR] }' >> "$out"
fi

pages=$(python3 -c "import sys,re; d=open(sys.argv[1],'rb').read(); print(len(re.findall(rb'/Type\s*/Page[^s]', d)))" "$work/brief.pdf" 2> /dev/null || echo "?")
echo >> "$out"
echo "The briefing written: $(stat -c %s "$work/brief.pdf") bytes, $pages pages." >> "$out"
cat "$out"
"$here/doc-section.sh" startup "$out"
