#!/usr/bin/env bash
# Stream benchmark: Kafka → worker → ClickHouse on the local services (./run-local.sh up first).
#   scripts/bench-stream.sh [SEDS] [RATE]     RATE = producer records/s (0 = as fast as possible)
# Produces a generated corpus into a fresh topic while one worker consumes it, then prints the
# worker's throughput and end-to-end latency (record timestamp → ClickHouse acknowledgement).
# The producer is paced by RATE so the dev broker (≈5 MB a partition) never drops a record; the
# broker's drop report for the topic is printed and must be 0.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seds="${1:-100000}"
rate="${2:-0}"
cli="dotnet src/Ingest.Cli/bin/Release/net10.0/ingest.dll"
corpus="/tmp/ingest-bench-stream-$seds"
topic="bench.seds.$(date +%s)"
db="bench_stream"
[[ -f "$corpus/manifest.json" ]] || $cli generate --out "$corpus" --seds "$seds" --seed 99 --layout frames --noise default >/dev/null
clickhouse-client --port "${INGEST_CH_TCP_PORT:-19000}" --query "DROP DATABASE IF EXISTS $db" 2>/dev/null || true
warmup="/tmp/ingest-bench-stream-warmup"
[[ -f "$warmup/manifest.json" ]] || $cli generate --out "$warmup" --seds 200 --seed 98 --layout frames --noise default >/dev/null
# A small warm-up creates the topic (a group only assigns topics that exist), then the worker joins,
# then the measured producer starts. Records produced before the worker's first assignment are
# reported as backlog, not latency (the worker's log says how many).
$cli produce "$warmup" --topic "$topic" >/dev/null
$cli stream --topic "$topic" --group "bench-$topic" --exit-when-idle 5 --set ClickHouse:Database=$db \
  --set Stream:BatchMaxRecords=50000 --set Kafka:FetchWaitMaxMs=5 > /tmp/ingest-bench-stream.log 2>&1 &
worker=$!
for _ in $(seq 1 120); do grep -q "partitions assigned" /tmp/ingest-bench-stream.log 2>/dev/null && break; sleep 0.5; done
$cli produce "$corpus" --topic "$topic" --rate "$rate" &
producer=$!
wait $producer
wait $worker
grep -E "stopping:|throughput:|backlog:" -A0 /tmp/ingest-bench-stream.log | grep -v '^--' | sed 's/^ *//'
echo "broker drops on $topic: $(python3 -c "import json;d=json.load(open('.local/kafka/broker-status.json'))['partitions'];print(sum(v for k,v in d.items() if k.startswith('$topic[')))" 2>/dev/null || echo '?')"
$cli status --json --set ClickHouse:Database=$db
