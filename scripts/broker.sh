#!/usr/bin/env bash
# The development Kafka broker (`ingest dev-broker`) as a background process with a pid file.
# Usage: scripts/broker.sh start|stop|status
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/.local/kafka"
pidfile="$dir/broker.pid"
bootstrap_file="${INGEST_KAFKA_BOOTSTRAP_FILE:-$dir/bootstrap.txt}"
cli="$root/src/Ingest.Cli/bin/Release/net10.0/ingest.dll"

say() { echo "broker: $*" >&2; }

running_pid() {
  [[ -f "$pidfile" ]] || return 1
  local pid; pid="$(cat "$pidfile" 2>/dev/null || true)"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start() {
  if running_pid >/dev/null && [[ -s "$bootstrap_file" ]]; then say "already running at $(cat "$bootstrap_file")"; return 0; fi
  [[ -f "$cli" ]] || { say "CLI not built ($cli); run: dotnet build -c Release"; return 1; }
  mkdir -p "$dir"
  rm -f "$bootstrap_file"
  nohup dotnet "$cli" dev-broker --bootstrap-file "$bootstrap_file" --status-file "$dir/broker-status.json" \
    >"$dir/broker.log" 2>&1 &
  echo $! > "$pidfile"
  for _ in $(seq 1 100); do
    if [[ -s "$bootstrap_file" ]]; then say "up at $(cat "$bootstrap_file") (address in $bootstrap_file, log $dir/broker.log)"; return 0; fi
    running_pid >/dev/null || { say "exited during start-up:"; tail -n 20 "$dir/broker.log" >&2; return 1; }
    sleep 0.2
  done
  say "no bootstrap address after 20 s:"; tail -n 20 "$dir/broker.log" >&2; return 1
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then say "not running"; return 0; fi
  kill -TERM "$pid"
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || { say "stopped"; rm -f "$pidfile"; return 0; }
    sleep 0.2
  done
  say "did not stop in 10 s; killing"; kill -KILL "$pid" 2>/dev/null || true; rm -f "$pidfile" "$bootstrap_file"
}

status() {
  if running_pid >/dev/null && [[ -s "$bootstrap_file" ]]; then
    echo "broker: up at $(cat "$bootstrap_file") $(cat "$dir/broker-status.json" 2>/dev/null || true)"
  else
    echo "broker: down"; return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 64 ;;
esac
