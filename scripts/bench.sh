#!/usr/bin/env bash
# Runs one benchmark in Release and prints its figure, the baseline measured in the same run, and
# the ratio. Usage: scripts/bench.sh <audit-write|scope-filter|contracts-import [--provider Sqlite|Postgres] [--rows N] [--rounds R] [--warmup N] [--chunk N] [--breakdown]
#   |screening [--provider Sqlite|Postgres] [--enterprises N]
#   |programs-review [--applications N] [--reviewers R] [--per K] [--pool P]
#   |matching [--docs N] [--queries Q] [--concurrency C]
#   |auction [--seconds S] [--bidders N] [--viewers V] [--pool P] [--warmup W]
#   |province [--rows-scale 0.05] [--users 200] [--seconds 60] [--think-ms 1000] [--port 8090] [--app build:Release|publish] [--pool 30] [--keep-cluster]>
#   (auction, programs-review, province: PostgreSQL on 127.0.0.1:5432, see scripts/services.sh; province also runs scripts/cluster.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet run -c Release --project bench/Kechuang.Bench -- "$@"
