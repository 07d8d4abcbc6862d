#!/usr/bin/env bash
# Mutation testing of the rule and validation files with Stryker.NET, against the unit tests only
# (tests/Kechuang.Tests/stryker-config.json names the files and filters the tests). Takes tens of minutes;
# not part of scripts/test.sh. Prints the mutation score per file and in total
# (score = (killed + timeout) / (killed + timeout + survived + no coverage)).
#
#   scripts/mutation.sh                      every file of the config
#   scripts/mutation.sh '**/MarketRules.cs'  only the files matching these globs (while iterating)
#
# MUTATION_CONCURRENCY (default 1) sets Stryker's parallel test runners. The HTML report is written to
# artifacts/mutation/reports/mutation-report.html. MUTATION_BREAK (default 0) makes the script fail
# when the total score is below it.
#
# No mutant is excluded. Survivors known to be equivalent (they cannot change behaviour), left in the score:
#   HighTechEvaluation  `Employees > 0`, `sales > 0`, `rdTotal > 0`, `totalIncome > 0` as `>= 0`: at 0 the ratio
#                       beside them is 0 and fails its threshold anyway; the `span` text's "" and `false ?`: the
#                       span is only printed with details; `- Organization.Min`, `- bonus.Min`, `- coreSupport.Min`:
#                       those minimums are 0; `band.Max` for `band.Min` in Fixed: taken only when they are equal.
#   TechSmeEvaluation   `false ? 0 : Band(...)` for sales or costs of 0: the ratio is then 0, whose band is 0.
#   ContractsRules      CountyCode `>= 6` as `> 6`: a six-digit code and its padding are the same string.
#   MarketRules         SoftClose `>` as `>=`: at equality both branches return the same time.
#   OrganizationRules   the initial "" of creditCode: read only when no field has an error, after it was set.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if ! command -v jq >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq jq
fi

# Installs the tools of .config/dotnet-tools.json (dotnet-stryker among them); a no-op once installed.
dotnet tool restore >/dev/null

out=$root/artifacts/mutation
rm -rf "$out"
mutate=()
for pattern in "$@"; do mutate+=(--mutate "$pattern"); done

(
  cd tests/Kechuang.Tests
  dotnet stryker --config-file stryker-config.json --output "$out" --skip-version-check \
    --concurrency "${MUTATION_CONCURRENCY:-1}" "${mutate[@]}"
)

report=$out/reports/mutation-report.json
if [[ ! -f $report ]]; then
  echo "no mutation report at $report" >&2
  exit 1
fi

echo
echo "== mutation score per file (killed+timeout / killed+timeout+survived+no coverage; ignored and compile errors left out)"
jq -r --arg root "$root/" '
  def counts: reduce .[] as $m ({k:0,t:0,s:0,n:0,i:0};
      if $m.status == "Killed" then .k += 1
      elif $m.status == "Timeout" then .t += 1
      elif $m.status == "Survived" then .s += 1
      elif $m.status == "NoCoverage" then .n += 1
      elif $m.status == "Ignored" then .i += 1
      else . end);
  def score: if (.k + .t + .s + .n) == 0 then "n/a"
      else (((.k + .t) * 1000 / (.k + .t + .s + .n)) | round / 10 | tostring) + "%" end;
  def line($name): "\(.|score)\t\(.k) killed, \(.t) timeout, \(.s) survived, \(.n) no coverage, \(.i) ignored\t\($name)";
  ([.files | to_entries[] | .value.mutants | counts | select(.k + .t + .s + .n > 0)] | reduce .[] as $c ({k:0,t:0,s:0,n:0,i:0};
      .k += $c.k | .t += $c.t | .s += $c.s | .n += $c.n | .i += $c.i)) as $total
  | (.files | to_entries | sort_by(.key)[] | .key as $file | (.value.mutants | counts)
      | select(.k + .t + .s + .n > 0) | line($file)),
    ($total | line("TOTAL"))
' "$report" | sed "s|$root/||" | column -t -s $'\t'

total=$(jq '[.files[].mutants[] | .status] as $s
  | ([$s[] | select(. == "Killed" or . == "Timeout")] | length) as $killed
  | ([$s[] | select(. == "Killed" or . == "Timeout" or . == "Survived" or . == "NoCoverage")] | length) as $all
  | if $all == 0 then 0 else $killed * 100 / $all end' "$report")
echo "mutation score: $(printf '%.1f' "$total")%"
if [[ -n ${MUTATION_BREAK:-} ]] && jq -e --argjson t "$total" --argjson b "$MUTATION_BREAK" -n '$t < $b' >/dev/null; then
  echo "mutation score below ${MUTATION_BREAK}%" >&2
  exit 1
fi
