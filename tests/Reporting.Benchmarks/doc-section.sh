#!/usr/bin/env bash
# Shared by run.sh and startup.sh: replaces the text between "<!-- NAME:begin -->" and
# "<!-- NAME:end -->" in docs/performance.md with the contents of a file.
# usage: doc-section.sh NAME FILE
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
doc="$root/docs/performance.md"
name=$1
file=$2
grep -qx "<!-- $name:begin -->" "$doc" || { echo "docs/performance.md has no section '$name'" >&2; exit 2; }
awk -v begin="<!-- $name:begin -->" -v end="<!-- $name:end -->" -v file="$file" '
  $0 == begin { print; while ((getline line < file) > 0) print line; close(file); skip = 1; next }
  $0 == end { skip = 0 }
  !skip { print }
' "$doc" > "$doc.tmp"
mv "$doc.tmp" "$doc"
