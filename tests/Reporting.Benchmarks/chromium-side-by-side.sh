#!/usr/bin/env bash
# The same briefing content printed by headless Chromium, for the ratio to our PDFsharp renderer.
# On demand only, never in CI; needs Debian's chromium (apt-get install -y chromium), else it says so and stops.
# Both sides are timed as whole processes (start, fonts, layout, PDF written), the median of RUNS runs;
# our in-process render time (fonts loaded, JIT warm) is the Rendering table of docs/performance.md.
#
#   tests/Reporting.Benchmarks/chromium-side-by-side.sh [RUNS]    # default 5
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
runs=${1:-5}
chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "No $chromium: install Debian's chromium (apt-get install -y chromium) to run the side-by-side."
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release "$here/Reporting.Benchmarks.csproj" -nologo -v q
dll="$here/bin/Release/net10.0/Reporting.Benchmarks.dll"

# median_ms COMMAND...: runs the command RUNS times after one warm-up, prints the median wall time in ms.
median_ms() {
  "$@" > /dev/null 2>&1
  local times=() start end
  for _ in $(seq 1 "$runs"); do
    start=$(date +%s%N)
    "$@" > /dev/null 2>&1
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

# A fresh profile every time, as a one-off print would have.
chromium_print() {
  "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$(mktemp -d -p "$work")" \
    --no-pdf-header-footer --print-to-pdf="$2" "file://$1"
}

pages() {
  python3 -c "import re,sys; print(len(re.findall(rb'/Type\s*/Page(?![s\w])', open(sys.argv[1],'rb').read())))" "$1" 2> /dev/null || echo "?"
}

out="$work/section.md"
"$here/machine.sh" > "$out"
{
  echo "- $("$chromium" --version 2> /dev/null | head -1)"
  echo
  echo "Command: \`tests/Reporting.Benchmarks/chromium-side-by-side.sh\` (median of $runs runs each, whole processes)"
  echo
  echo "| briefing | our pages | ours: \`Reporting.Benchmarks --pdf\` | Chromium pages | Chromium: \`--headless --print-to-pdf\` | Chromium / ours |"
  echo "|---|---:|---:|---:|---:|---:|"
} >> "$out"

for name in demo long; do
  dotnet "$dll" --html "$name" "$work/$name.html"
  ours=$(median_ms dotnet "$dll" --pdf "$name" "$work/$name-ours.pdf")
  theirs=$(median_ms chromium_print "$work/$name.html" "$work/$name-chromium.pdf")
  ratio=$(awk -v a="$theirs" -v b="$ours" 'BEGIN { printf "%.1f×", a / b }')
  echo "| $name | $(pages "$work/$name-ours.pdf") | $ours ms | $(pages "$work/$name-chromium.pdf") | $theirs ms | $ratio |" >> "$out"
done

cat "$out"
"$here/doc-section.sh" chromium "$out"
