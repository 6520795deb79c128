#!/usr/bin/env bash
# Availability under 10,000 open connections on one node (the demo area on embedded H2), for docs/benchmarks.md.
#   benchmarks/load/availability.sh [config ...]      config = <jdk>:<threads>:<cache>
#     jdk 17|25, threads platform|virtual, cache on|off; default: 17:platform:on 17:platform:off 25:platform:on 25:virtual:on
# Per config: wrk, closed loop, CONNECTIONS connections (max throughput; latency ~ connections / throughput), then the
# Java open-loop generator (io.scenicpass.benchmarks.load.AvailabilityLoad, on Temurin 25 virtual threads) at each of
# RATES requests/s over CONNECTIONS held keep-alive connections, latency measured from the intended send time.
# Environment: SERVER_JAR, BENCH_JAR, JDK17, JDK25, CONNECTIONS (10000), RATES ("500 1000 2000"), SECONDS (20),
#   WARMUP (5; at least CONNECTIONS/rate so every connection is used once), WRK_SECONDS (20), OUT (results file; default /tmp/scenicpass-load-<time>.txt).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVER_JAR="${SERVER_JAR:-$ROOT/reference-server/target/scenicpass-server.jar}"
BENCH_JAR="${BENCH_JAR:-$ROOT/benchmarks/target/benchmarks.jar}"
JDK17="${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
CONNECTIONS="${CONNECTIONS:-10000}"
RATES="${RATES:-500 1000 2000}"
SECS="${SECONDS_RUN:-${SECS:-20}}"
WARMUP="${WARMUP:-5}"
WRK_SECONDS="${WRK_SECONDS:-20}"
OUT="${OUT:-/tmp/scenicpass-load-$(date -u +%Y%m%dT%H%M%S).txt}"
CONFIGS=("$@")
[[ ${#CONFIGS[@]} -gt 0 ]] || CONFIGS=(17:platform:on 17:platform:off 25:platform:on 25:virtual:on)

log() { printf '[load] %s\n' "$*" | tee -a "$OUT" >&2; }
# 10,000 sockets per process (server and load generator): raise the soft limit to the hard one
ulimit -n "$(ulimit -Hn)"
if ! command -v wrk >/dev/null 2>&1; then
  [[ $(id -u) -eq 0 ]] && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 || true
fi
command -v wrk >/dev/null 2>&1 || log "wrk not installed: closed-loop runs skipped (apt-get install wrk)"
[[ -x "$JDK25/bin/java" ]] || { log "no Java 21+ at $JDK25 (JDK25=...): the generator needs virtual threads"; exit 2; }
[[ -f "$SERVER_JAR" && -f "$BENCH_JAR" ]] || { log "missing $SERVER_JAR or $BENCH_JAR (./scenicpass bench load builds them)"; exit 2; }
(( $(ulimit -n) >= CONNECTIONS + 1000 )) || log "WARNING: ulimit -n is $(ulimit -n), below $CONNECTIONS connections + slack"

WORK="$(mktemp -d /tmp/scenicpass-load.XXXXXX)"
SERVER_PID=""
cleanup() { [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

log "date $(date -u +%FT%TZ), $(nproc) cores, connections $CONNECTIONS, rates $RATES, results in $OUT"
for cfg in "${CONFIGS[@]}"; do
  IFS=: read -r jdk threads cache <<<"$cfg"
  java="$JDK17/bin/java"; [[ "$jdk" == 25 ]] && java="$JDK25/bin/java"
  vt=off; [[ "$threads" == virtual ]] && vt=on
  cms=1000; [[ "$cache" == off ]] && cms=0
  port="$(free_port)"; data="$WORK/data-$jdk-$threads-$cache"
  SCENICPASS_HTTP_VIRTUAL_THREADS="$vt" SCENICPASS_AVAILABILITY_CACHE_MILLIS="$cms" \
    "$java" -Xms512m -Xmx1g -jar "$SERVER_JAR" demo --port "$port" --data "$data" >"$WORK/server-$cfg.log" 2>&1 &
  SERVER_PID=$!
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 240); do
    [[ -f "$data/demo.json" ]] && curl -fs "$base/health" >/dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server-$cfg.log" >&2; exit 1; }
    sleep 0.5 # polling for the child server to come up (a script, not a test)
  done
  key="$(jq -r .channelApiKey "$data/demo.json")"; admin="$(jq -r .adminToken "$data/demo.json")"
  channel="$(jq -r .channelId "$data/demo.json")"
  # per-channel rate limits (token bucket, default 50/s burst 100) would answer 429: raise them to the maximum
  curl -fs -X PATCH -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"ratePerSecond":100000,"burst":100000}' "$base/admin/v1/channels/$channel" >/dev/null
  products="$(curl -fs -H "Authorization: Bearer $key" "$base/octo/products")"
  pid="$(jq -r '.[0].id' <<<"$products")"; oid="$(jq -r '.[0].options[0].id' <<<"$products")"
  day="$(date -u -d tomorrow +%F)"
  body="{\"productId\":\"$pid\",\"optionId\":\"$oid\",\"localDate\":\"$day\"}"
  slots="$(curl -fs -X POST -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "$body" "$base/octo/availability" | jq length)"
  log "== config jdk=$jdk threads=$threads cache=$cache ($("$java" -version 2>&1 | head -1)); body $body -> $slots slots"
  if command -v wrk >/dev/null 2>&1; then
    cat >"$WORK/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $key"
LUA
    wrk -t2 -c200 -d5s -s "$WORK/post.lua" "$base/octo/availability" >/dev/null 2>&1 || true # JIT warm-up
    log "loadavg before wrk: $(cut -d' ' -f1-3 /proc/loadavg)"
    log "\$ wrk -t2 -c$CONNECTIONS -d${WRK_SECONDS}s --timeout 10s --latency -s post.lua $base/octo/availability"
    wrk -t2 -c"$CONNECTIONS" -d"${WRK_SECONDS}s" --timeout 10s --latency -s "$WORK/post.lua" \
      "$base/octo/availability" 2>&1 | tee -a "$OUT" | grep -E 'Requests/sec|Latency|99%|Non-2xx|Socket errors|requests in' >&2 || true
  fi
  for rate in $RATES; do
    log "loadavg before open loop at $rate/s: $(cut -d' ' -f1-3 /proc/loadavg)"
    "$JDK25/bin/java" -Xss256k -cp "$BENCH_JAR" io.scenicpass.benchmarks.load.AvailabilityLoad --url "$base" \
      --key "$key" --body "$body" --connections "$CONNECTIONS" --rate "$rate" --seconds "$SECS" --warmup "$WARMUP" \
      2>&1 | tee -a "$OUT" | grep -E 'RESULT|opened' | sed "s/^/[load] jdk=$jdk threads=$threads cache=$cache /" >&2
  done
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
done
log "done: $OUT"
