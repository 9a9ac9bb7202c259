#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run): restores NuGet packages and Azurite (npm ci),
# then runs every test project. The integration tests start Azurite and an SMTP server on
# loopback themselves and stop them afterwards. Needs the .NET 10 SDK and Node.js 20+; installs
# Debian's chromium and fonts-noto-cjk for the portal's browser tests when they are missing.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export NPM_CONFIG_UPDATE_NOTIFIER=false

if ! command -v node >/dev/null 2>&1; then
  echo "test.sh: Node.js 20+ is required for Azurite (the integration tests' storage emulator)." >&2
  exit 1
fi

# Debian packages the integration tests start or drive, installed when missing (apt-get, as root or with sudo -n); the
# tests fail, never skip, without them:
# - chromium: the portal's browser tests (Microsoft.Playwright's own browser download cannot run here);
# - fonts-noto-cjk: without them every Chinese character in a screenshot is a box;
# - dovecot-imapd: the IMAP server the mailbox's tests start on loopback (ImapFixture).
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "install ok installed" || missing="$missing fonts-noto-cjk"
[ -x /usr/sbin/dovecot ] || missing="$missing dovecot-imapd"
if [ -n "$missing" ]; then
  echo "== apt-get install$missing"
  as_root=""
  if [ "$(id -u)" -ne 0 ]; then as_root="sudo -n"; fi
  $as_root apt-get update -qq >/dev/null
  # shellcheck disable=SC2086 # the package list is meant to split
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

echo "== npm ci (Azurite for the integration tests)"
npm ci --prefix tests/Reporting.IntegrationTests --no-audit --no-fund --loglevel=error

echo "== dotnet test Reporting.sln"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test Reporting.sln --nologo --logger "console;verbosity=normal" < /dev/null 2>&1 | tee "$log" || status=$?

# One closing line over every test assembly: "N passed, N failed, N skipped", summed from each
# assembly's "Total tests" block ("     Passed: 37", "     Failed: 1", "    Skipped: 0").
count() { { grep -E "^ +$1: +[0-9]+ *\$" "$log" || true; } | awk '{ s += $2 } END { print s + 0 }'; }
passed="$(count Passed)"
failed="$(count Failed)"
skipped="$(count Skipped)"
echo
# CI keeps only the tail of the output: name each failed test again here, where it will be read.
if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  { grep -E "^ +Failed [A-Za-z_]" "$log" || true; } | sed -E 's/^ +/  /'
fi
# A test host that crashes (an exception nobody awaited) stops its assembly without a "Failed" line: say so here too.
if grep -q "Test Run Aborted" "$log"; then
  echo "Test run aborted:"
  { grep -E "The active test run was aborted|^Unhandled exception|^   at Reporting\." "$log" || true; } | sed -E 's/^ +/  /' | awk 'NR <= 20'
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "test.sh: no test ran" >&2
  exit 1
fi
exit "$status"
