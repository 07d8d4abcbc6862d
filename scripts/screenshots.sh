#!/usr/bin/env bash
# Refreshes the pictures in docs/screenshots/: runs the browser suite (which writes its screenshots to the
# git-ignored artifacts/screenshots/) and copies every picture docs/ui.md names into docs/screenshots/.
# Copies nothing when a test fails, and stops when a named picture was not taken.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

scripts/services.sh
# Old pictures must not pass for new ones.
rm -rf artifacts/screenshots
dotnet test tests/Kechuang.BrowserTests -v q --nologo

mapfile -t names < <(grep -oE '\b([a-z]+-)?[0-9]{2}-[a-z0-9-]*[a-z0-9]' docs/ui.md | sort -u)
if ((${#names[@]} == 0)); then
  echo "docs/ui.md names no screenshot" >&2
  exit 1
fi
missing=()
for name in "${names[@]}"; do
  [[ -f "artifacts/screenshots/$name.png" ]] || missing+=("$name.png")
done
if ((${#missing[@]})); then
  echo "not taken by the browser suite: ${missing[*]}" >&2
  exit 1
fi
mkdir -p docs/screenshots
for name in "${names[@]}"; do
  cp "artifacts/screenshots/$name.png" "docs/screenshots/$name.png"
done
echo "${#names[@]} screenshots copied into docs/screenshots/ (review with git diff --stat docs/screenshots)"
