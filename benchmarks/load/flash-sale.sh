#!/usr/bin/env bash
# Flash sale: 20,000 concurrent buyers for 1,000 places of one slot across two server processes on one PostgreSQL.
#   benchmarks/load/flash-sale.sh [FlashSale options]   e.g. --buyers 20000 --places 1000 --server-virtual-threads on
# The generator (io.scenicpass.benchmarks.load.FlashSale) runs on Temurin 25 (one virtual thread per buyer); the
# servers run on SERVER_JDK (default: the Java 17 on PATH). Environment: SERVER_JAR, BENCH_JAR, JDK25, SERVER_JDK.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SERVER_JAR="${SERVER_JAR:-$ROOT/reference-server/target/scenicpass-server.jar}"
BENCH_JAR="${BENCH_JAR:-$ROOT/benchmarks/target/benchmarks.jar}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
SERVER_JAVA="${SERVER_JDK:+$SERVER_JDK/bin/java}"
SERVER_JAVA="${SERVER_JAVA:-$(command -v java)}"
ulimit -n "$(ulimit -Hn)" # thousands of sockets in the generator and in each server
[[ -x "$JDK25/bin/java" ]] || { echo "no Java 21+ at $JDK25 (set JDK25)" >&2; exit 2; }
echo "[flash-sale] $(date -u +%FT%TZ) loadavg $(cut -d' ' -f1-3 /proc/loadavg), server java: $("$SERVER_JAVA" -version 2>&1 | head -1)" >&2
exec "$JDK25/bin/java" -cp "$BENCH_JAR" io.scenicpass.benchmarks.load.FlashSale --server-jar "$SERVER_JAR" \
  --server-java "$SERVER_JAVA" "$@"
