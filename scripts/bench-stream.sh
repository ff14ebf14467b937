#!/usr/bin/env bash
# Stream benchmark: Kafka → worker → ClickHouse on the local services (./run-local.sh up first).
#   scripts/bench-stream.sh [SEDS] [RATE]
# Both modes run a private dev broker with a fresh 24-partition topic whose drop watcher follows the
# benchmark's consumer group.
# RATE > 0  latency mode: the worker joins the empty topic, then a producer paced at RATE records/s
#           replays the corpus while the worker consumes; the worker prints its rate and the
#           end-to-end latency (record timestamp → ClickHouse acknowledgement) of those records.
# RATE = 0  drain mode (sustained throughput): the topic is filled with the corpus first (nothing consumes meanwhile, so nothing competes with the
#           producer), then one worker drains it; the rate is first record → last batch in ClickHouse.
# Either way the broker's drop report for the topic is printed and must be 0: the dev broker keeps
# about 5 MB of compressed batches per partition, so SEDS must fit (≈ 8 000 SEDs a partition).
# Knobs: BENCH_SETTLE=SECONDS (wait after the drop), BENCH_BATCH=RECORDS (Stream:BatchMaxRecords, 50 000),
# BENCH_WORKER_SET="--set Stream:X=Y ..." (more worker settings, e.g. to compare two configurations),
# BENCH_GC_LOG=FILE (the worker's garbage collections, one line each: INGEST_GC_LOG for the worker alone),
# BENCH_WORKER_PREFIX="perf record -F 999 -g -o FILE --" (a command the worker runs under, e.g. a profiler).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seds="${1:-100000}"
rate="${2:-0}"
cli="dotnet src/Ingest.Cli/bin/Release/net10.0/ingest.dll"
corpus="/tmp/ingest-bench-stream-$seds"
topic="bench.seds.$(date +%s)"
db="bench_stream"
log=/tmp/ingest-bench-stream.log
[[ -f "$corpus/manifest.json" ]] || $cli generate --out "$corpus" --seds "$seds" --seed 99 --layout frames --noise default >/dev/null
clickhouse-client --port "${INGEST_CH_TCP_PORT:-19000}" --query "DROP DATABASE IF EXISTS $db" 2>/dev/null || true
# ext4 scans past recently deleted inodes when it allocates new ones, and each insert creates a
# part directory per month partition touched: right after the drop, ClickHouse's inserts cost
# several times their usual CPU. BENCH_SETTLE=SECONDS waits that out (≈ 30 s) between runs.
sleep "${BENCH_SETTLE:-0}"
worker_args=(stream --topic "$topic" --group "bench-$topic" --exit-when-idle 5 --set "ClickHouse:Database=$db"
  --set Stream:BatchMaxRecords=${BENCH_BATCH:-50000} --set Kafka:FetchWaitMaxMs=5 ${BENCH_WORKER_SET:-})

# A private dev broker for the run: its drop watcher knows the benchmark's consumer group, so a
# record removed by the broker's retention after the worker consumed it is not reported as dropped.
private="$(mktemp -d /tmp/ingest-bench-broker.XXXXXX)"
status_file="$private/status.json"
$cli dev-broker --bootstrap-file "$private/bootstrap.txt" --status-file "$status_file" \
  --topic "$topic:24" --watch-group "bench-$topic" > "$private/broker.log" 2>&1 &
broker=$!
trap 'kill $broker 2>/dev/null || true; rm -rf "$private"' EXIT
for _ in $(seq 1 100); do [[ -s "$private/bootstrap.txt" ]] && break; sleep 0.2; done
# Through its bootstrap file: the worker then knows the dev broker and takes the KIP-848 group protocol.
export Kafka__BootstrapFile="$private/bootstrap.txt"

# CPU seconds (user + system) a process has used so far; the worker reports its own.
cpu_of() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat" 2>/dev/null || echo 0; }
ch_pid="$(cat .local/clickhouse/server.pid 2>/dev/null || true)"
cpu_mark() { echo "$(cpu_of "$broker") $( [[ -n "$ch_pid" ]] && cpu_of "$ch_pid" || echo 0)"; }

if [[ "$rate" -gt 0 ]]; then
  # The worker joins the (empty) topic first, then the measured producer starts.
  INGEST_GC_LOG="${BENCH_GC_LOG:-}" ${BENCH_WORKER_PREFIX:-} $cli "${worker_args[@]}" > "$log" 2>&1 &
  worker=$!
  for _ in $(seq 1 120); do grep -q "partitions assigned" "$log" 2>/dev/null && break; sleep 0.5; done
  $cli produce "$corpus" --topic "$topic" --rate "$rate"
  wait $worker
else
  $cli produce "$corpus" --topic "$topic"
  read -r broker_cpu0 ch_cpu0 <<< "$(cpu_mark)"
  INGEST_GC_LOG="${BENCH_GC_LOG:-}" ${BENCH_WORKER_PREFIX:-} $cli "${worker_args[@]}" > "$log" 2>&1
  read -r broker_cpu1 ch_cpu1 <<< "$(cpu_mark)"
  echo "while the worker ran: broker CPU $(echo "$broker_cpu1 - $broker_cpu0" | bc) s, ClickHouse CPU $(echo "$ch_cpu1 - $ch_cpu0" | bc) s"
fi
# Let the watcher see the group's last commits before reading its report.
sleep 3
grep -E "stopping:|throughput:|gc:|latency \(" "$log" | sed 's/^ *//'
echo "broker drops on $topic: $(python3 -c "import json;d=json.load(open('$status_file'))['partitions'];print(sum(v for k,v in d.items() if k.startswith('$topic[')))" 2>/dev/null || echo '?')"
$cli status --json --set ClickHouse:Database=$db
