#!/usr/bin/env bash
# Local ClickHouse for development and tests: Debian's clickhouse-server with a config of our own,
# data and logs under .local/clickhouse, loopback only. Usage: scripts/clickhouse.sh start|stop|status
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${INGEST_CH_DIR:-$root/.local/clickhouse}"
http_port="${INGEST_CH_HTTP_PORT:-18123}"
tcp_port="${INGEST_CH_TCP_PORT:-19000}"
pidfile="$dir/server.pid"

say() { echo "clickhouse: $*" >&2; }

ping_ok() { curl -fsS --max-time 2 "http://127.0.0.1:$http_port/ping" 2>/dev/null | grep -q 'Ok'; }

running_pid() {
  [[ -f "$pidfile" ]] || return 1
  local pid; pid="$(cat "$pidfile" 2>/dev/null || true)"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

write_config() {
  mkdir -p "$dir"/{data,tmp,user_files,format_schemas,log}
  cat > "$dir/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <logger>
    <level>warning</level>
    <log>$dir/log/clickhouse-server.log</log>
    <errorlog>$dir/log/clickhouse-server.err.log</errorlog>
    <size>50M</size>
    <count>2</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$http_port</http_port>
  <tcp_port>$tcp_port</tcp_port>
  <path>$dir/data/</path>
  <tmp_path>$dir/tmp/</tmp_path>
  <user_files_path>$dir/user_files/</user_files_path>
  <format_schema_path>$dir/format_schemas/</format_schema_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <max_concurrent_queries>100</max_concurrent_queries>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <builtin_dictionaries_reload_interval>3600</builtin_dictionaries_reload_interval>
</yandex>
XML
  cat > "$dir/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>8000000000</max_memory_usage>
      <use_uncompressed_cache>0</use_uncompressed_cache>
      <load_balancing>random</load_balancing>
    </default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas>
    <default>
      <interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval>
    </default>
  </quotas>
</yandex>
XML
}

install_if_missing() {
  if ! command -v clickhouse-server >/dev/null 2>&1; then
    say "installing Debian's clickhouse-server and clickhouse-client"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clickhouse-server clickhouse-client >/dev/null
  fi
}

start() {
  if running_pid >/dev/null && ping_ok; then say "already running on 127.0.0.1:$http_port"; return 0; fi
  install_if_missing
  write_config
  rm -f "$pidfile"
  # The server stays in the foreground of a background subshell so that we own its pid.
  # exec keeps the pid of the background subshell, which is the one we record (18.16 writes no
  # pid file unless daemonised).
  ( cd "$dir" && exec clickhouse-server --config-file="$dir/config.xml" >"$dir/log/stdout.log" 2>&1 ) &
  echo $! > "$pidfile"
  for _ in $(seq 1 120); do
    if ping_ok; then say "up on http://127.0.0.1:$http_port (tcp $tcp_port), data in $dir"; return 0; fi
    sleep 0.5
  done
  say "did not answer /ping within 60 s; last log lines:"; tail -n 20 "$dir/log/clickhouse-server.err.log" >&2 || true
  return 1
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then say "not running"; return 0; fi
  kill -TERM "$pid"
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || { say "stopped"; rm -f "$pidfile"; return 0; }
    sleep 0.5
  done
  say "did not stop in 30 s; killing"; kill -KILL "$pid" 2>/dev/null || true; rm -f "$pidfile"
}

status() {
  if ping_ok; then
    echo "clickhouse: up on http://127.0.0.1:$http_port ($(curl -fsS "http://127.0.0.1:$http_port/?query=SELECT%20version()"))"
  else
    echo "clickhouse: down"; return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 64 ;;
esac
