#!/usr/bin/env bash
# Prints the machine a measurement ran on, as Markdown list items (for docs/performance.md).
set -euo pipefail
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
ram=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release && echo "$PRETTY_NAME")
echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "- CPU: $cpu, $(nproc) logical cores; RAM $ram; $os, kernel $(uname -r)"
echo "- .NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }')"
echo "- Load average when the run started: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared; compare ratios, not absolute times)"
