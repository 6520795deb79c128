#!/usr/bin/env bash
# A gate terminal (sdk-terminal + simulated devices) enrolls against the demo server and admits the ticket just booked.
#   ./scenicpass demo --data data &                                  # in another terminal: the demo server
#   examples/gate-terminal/run.sh --demo-json data/demo.json [--adults N] [--pass SP1...] [--data DIR] [--gate GATE_ID]
# Arguments must not contain spaces (they are passed through -Dexec.args).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
if [[ ! -f "$HOME/.m2/repository/io/scenicpass/sdk-terminal/0.1.0-SNAPSHOT/sdk-terminal-0.1.0-SNAPSHOT.jar" ]]; then
  echo "[gate-terminal] building the SDK modules once ..." >&2
  mvn -B -ntp -q -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true install -pl sdk-core,sdk-terminal,sdk-channel -am >&2
fi
exec mvn -B -ntp -q -Dstyle.color=never -pl examples compile exec:java \
  -Dexec.mainClass=io.scenicpass.examples.gate.GateTerminalExample -Dexec.args="$*"
