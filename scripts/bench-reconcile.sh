#!/usr/bin/env bash
# Nightly-run benchmark: generate a corpus (once, cached in /tmp), then reconcile it end to end into
# a fresh ClickHouse database on the local services (./run-local.sh up first), reference snapshot
# copy included, and check the audit: the runs row must say in = written + quarantined (the
# documents table then holds every distinct SED version; duplicate deliveries collapse).
#   scripts/bench-reconcile.sh [SEDS] [A1S] [DECLARATIONS] [--dry-run]
#   scripts/bench-reconcile.sh 1200000 1000000 1000000      # a year, issue #6's target run
# Knobs: BENCH_RECONCILE_SET="--set Key=Value ..." (more reconcile settings, to compare two configurations);
# BENCH_SETTLE=SECONDS (wait after dropping the benchmark database: see the stream benchmark);
# INGEST_GC_LOG=FILE (the CLI writes one line a garbage collection: generation, pause, promoted bytes, heap).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seds="${1:-100000}"
a1s="${2:-$((seds * 85 / 100))}"
declarations="${3:-$a1s}"
dry="${4:-}"
cli="dotnet src/Ingest.Cli/bin/Release/net10.0/ingest.dll"
corpus="/tmp/ingest-bench-reconcile-$seds-$a1s-$declarations"
db="bench_reconcile"
port="${INGEST_CH_TCP_PORT:-19000}"
if [[ ! -f "$corpus/manifest.json" ]]; then
  echo "generating $seds SEDs, $a1s A1s, $declarations declarations into $corpus" >&2
  $cli generate --out "$corpus" --seds "$seds" --a1 "$a1s" --declarations "$declarations" --seed 11 >&2
fi
clickhouse-client --port "$port" --query "DROP DATABASE IF EXISTS $db" 2>/dev/null || true
# Right after a drop, ext4 makes ClickHouse's first inserts cost several times their usual CPU.
sleep "${BENCH_SETTLE:-0}"
log="$(mktemp /tmp/ingest-bench-reconcile.XXXXXX)"
trap 'rm -f "$log"' EXIT
# ClickHouse shares the two cores: its CPU seconds (user + system) while the run ran are part of the bill.
ch_pid="$(cat .local/clickhouse/server.pid 2>/dev/null || true)"
ch_cpu() { [[ -n "$ch_pid" ]] && awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$ch_pid/stat" 2>/dev/null || echo 0; }
ch_before="$(ch_cpu)"
/usr/bin/time -f "process: %e s wall, %U s user, %S s sys, peak RSS %M KB" \
  $cli reconcile --input "$corpus" --set "ClickHouse:Database=$db" $dry ${BENCH_RECONCILE_SET:-} > "$log" 2>&1 || { cat "$log"; exit 1; }
ch_after="$(ch_cpu)"
grep -v '^progress' "$log"
echo "ClickHouse: $(awk -v a="$ch_before" -v b="$ch_after" 'BEGIN { printf "%.1f", b - a }') s of CPU while the run ran"
if [[ -z "$dry" ]]; then
  clickhouse-client --port "$port" --format TSV --query "
    SELECT 'runs row: in ' || toString(units_in) || ' = written ' || toString(seds) || ' + quarantined ' || toString(quarantined)
           || if(units_in = seds + quarantined, ' (audit ok)', ' (AUDIT MISMATCH)')
    FROM $db.runs FINAL ORDER BY started_at DESC LIMIT 1"
  clickhouse-client --port "$port" --format TSV --query "
    SELECT 'sed_documents: ' || toString(count()) || ' rows, ' || toString(uniqExact(case_id, document_id, version)) || ' distinct versions'
    FROM $db.sed_documents"
fi
