#!/usr/bin/env bash
# The one test command: installs and starts services, checks formatting, builds, runs every suite
# (integration tests on SQLite and PostgreSQL, browser tests in Chromium) and ends with
# "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

scripts/services.sh

echo "== restore"
dotnet restore Kechuang.slnx -v q
echo "== openapi lint tools"
# Redocly CLI (tools/openapi-lint, pinned by its lock file) lints /openapi/v1.json in the OpenAPI tests. It needs
# Node.js 20.19+ or 22.12+, which this kind of machine carries; npm ci runs again only when the lock file changed.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
lint=tools/openapi-lint
if ! cmp -s "$lint/package-lock.json" "$lint/node_modules/.installed-lock.json"; then
  (cd "$lint" && npm ci --no-audit --no-fund --prefer-offline --loglevel=error)
  cp "$lint/package-lock.json" "$lint/node_modules/.installed-lock.json"
fi
echo "== format"
dotnet format Kechuang.slnx --verify-no-changes --no-restore
echo "== build"
dotnet build Kechuang.slnx --no-restore -v q -nologo

mkdir -p artifacts
log=artifacts/test-output.txt
: > "$log"
status=0
for project in tests/*/*.csproj; do
  echo "== test $(basename "$project" .csproj)"
  dotnet test "$project" --no-build -v q --nologo --logger "console;verbosity=minimal" 2>&1 | tee -a "$log" || status=1
done

passed=0; failed=0; skipped=0
while read -r line; do
  f=$(sed -n 's/.*Failed: *\([0-9]*\).*/\1/p' <<<"$line"); failed=$((failed + ${f:-0}))
  p=$(sed -n 's/.*Passed: *\([0-9]*\).*/\1/p' <<<"$line"); passed=$((passed + ${p:-0}))
  s=$(sed -n 's/.*Skipped: *\([0-9]*\).*/\1/p' <<<"$line"); skipped=$((skipped + ${s:-0}))
done < <(grep -E '^(Passed|Failed)!' "$log" || true)

if ((passed + failed == 0)); then
  echo "no test ran" >&2
  status=1
fi
if ((skipped > 0)); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
if ((failed > 0)); then status=1; fi
exit $status
