#!/usr/bin/env bash
# Books a ticket for tomorrow through the OCTO API and prints its QR code (see docs/channel-integration.md).
#   ./scenicpass demo --data data &                                   # in another terminal: the demo server
#   examples/ota-booking/run.sh --demo-json data/demo.json
#   examples/ota-booking/run.sh --base-url http://127.0.0.1:8080 --api-key KEY [--product ID] [--adults N]
#                               [--png ticket.png] [--light-terminal]
# Arguments must not contain spaces (they are passed through -Dexec.args).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
if [[ ! -f "$HOME/.m2/repository/io/scenicpass/sdk-channel/0.1.0-SNAPSHOT/sdk-channel-0.1.0-SNAPSHOT.jar" ]]; then
  echo "[ota-booking] building the SDK modules once ..." >&2
  mvn -B -ntp -q -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true install -pl sdk-core,sdk-terminal,sdk-channel -am >&2
fi
exec mvn -B -ntp -q -Dstyle.color=never -pl examples compile exec:java \
  -Dexec.mainClass=io.scenicpass.examples.ota.OtaBookingExample -Dexec.args="$*"
