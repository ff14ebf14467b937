#!/usr/bin/env bash
# Ingest on one machine, no Docker: local ClickHouse (Debian package, own config) and a local
# Kafka broker (librdkafka mock cluster), then the nightly reconciliation on a generated corpus.
#
#   ./run-local.sh          main job: install, build, start services, generate a sample corpus
#                           if absent, reconcile it into ClickHouse, print the summary
#   ./run-local.sh test     start services, run every test, stop services; ends with "N passed, N failed"
#   ./run-local.sh up | down | status
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
corpus="${INGEST_SAMPLE_CORPUS:-$root/samples/generated}"
sample_seds="${INGEST_SAMPLE_SEDS:-20000}"
cli="$root/src/Ingest.Cli/bin/Release/net10.0/ingest.dll"
export INGEST_CH_HTTP_PORT="${INGEST_CH_HTTP_PORT:-18123}"
export INGEST_KAFKA_BOOTSTRAP_FILE="${INGEST_KAFKA_BOOTSTRAP_FILE:-$root/.local/kafka/bootstrap.txt}"
export ClickHouse__ConnectionString="${ClickHouse__ConnectionString:-Host=127.0.0.1;Port=$INGEST_CH_HTTP_PORT;JsonReadMode=None;JsonWriteMode=None}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n==> %s\n' "$*" >&2; }
fail() { printf '\nrun-local.sh: FAILED at step: %s\n' "$*" >&2; exit 1; }

install_missing() {
  local missing=()
  command -v clickhouse-server >/dev/null || missing+=(clickhouse-server)
  command -v clickhouse-client >/dev/null || missing+=(clickhouse-client)
  command -v kcat >/dev/null || missing+=(kcat)
  command -v xmllint >/dev/null || missing+=(libxml2-utils)
  command -v curl >/dev/null || missing+=(curl)
  if ((${#missing[@]})); then
    step "installing ${missing[*]} (apt)"
    local sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"
    $sudo apt-get update -qq || fail "apt-get update"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]}"
  fi
  command -v dotnet >/dev/null || fail "the .NET SDK (dotnet) is not installed"
}

build() {
  step "building (Release)"
  dotnet build Ingest.sln -c Release -nologo -clp:ErrorsOnly -v:q || fail "dotnet build"
}

up() {
  install_missing
  [[ -f "$cli" ]] || build
  step "starting ClickHouse"
  scripts/clickhouse.sh start || fail "start ClickHouse (log in .local/clickhouse/log)"
  step "starting the dev Kafka broker"
  scripts/broker.sh start || fail "start the dev broker (log in .local/kafka/broker.log)"
}

down() {
  scripts/broker.sh stop || true
  scripts/clickhouse.sh stop || true
}

status() {
  local rc=0
  scripts/clickhouse.sh status || rc=1
  scripts/broker.sh status || rc=1
  return $rc
}

main_job() {
  install_missing
  build
  up
  if [[ ! -f "$corpus/manifest.json" ]]; then
    step "generating a sample corpus of $sample_seds SEDs in $corpus"
    dotnet "$cli" generate --out "$corpus" --seds "$sample_seds" --seed 42 --noise default --layout zip || fail "generate"
  fi
  step "reconciling $corpus into ClickHouse"
  dotnet "$cli" reconcile --input "$corpus" || fail "reconcile"
  cat <<TXT

Services stay up so you can query the results (stop them with ./run-local.sh down):
  clickhouse-client --port ${INGEST_CH_TCP_PORT:-19000} --query "SELECT sed_type, count() FROM ingest.sed_documents FINAL GROUP BY sed_type ORDER BY 2 DESC"
  clickhouse-client --port ${INGEST_CH_TCP_PORT:-19000} --query "SELECT status, target, count() FROM ingest.match_results FINAL GROUP BY status, target"
  clickhouse-client --port ${INGEST_CH_TCP_PORT:-19000} --query "SELECT * FROM ingest.runs FINAL ORDER BY started_at DESC LIMIT 1 FORMAT Vertical"
TXT
}

run_tests() {
  install_missing
  build
  up
  trap down EXIT
  local results="$root/.local/test-results"
  rm -rf "$results"
  step "running the tests"
  local rc=0 project name
  # One run per test project, each with its own TRX file: the summary counts every one.
  for project in tests/*/*.csproj; do
    name="$(basename "$project" .csproj)"
    grep -q 'Microsoft.NET.Test.Sdk' "$project" || continue
    dotnet test "$project" -c Release --no-build --logger "trx;LogFileName=$name.trx" --results-directory "$results" || rc=$?
  done
  summarize "$results"
  return $rc
}

# "N passed, N failed" from the TRX files the test run wrote.
summarize() {
  local passed=0 failed=0 line p f
  for trx in "$1"/*.trx; do
    [[ -f "$trx" ]] || continue
    line="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
    p="$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$line")"
    f="$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$line")"
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  done
  echo "$passed passed, $failed failed"
}

case "${1:-}" in
  "") main_job ;;
  test) run_tests ;;
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 [test|up|down|status]" >&2; exit 64 ;;
esac
