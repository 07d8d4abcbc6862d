#!/usr/bin/env bash
# Adds a migration with the same name to both migration sets (SQLite and PostgreSQL).
# Usage: scripts/add-migration.sh <Name>
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh <MigrationName>}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build src/Kechuang -v q -nologo
dotnet ef migrations add "$name" --no-build --project src/Kechuang --context SqliteKechuangDb --output-dir Migrations/Sqlite
dotnet ef migrations add "$name" --no-build --project src/Kechuang --context PostgresKechuangDb --output-dir Migrations/Postgres
