#!/usr/bin/env bash
# The whole ScenicPass story in one script, against a fresh `./scenicpass demo` server:
#   1. start the demo server in the background (free port, temporary data directory)
#   2. a channel with a webhook endpoint books two tickets through OCTO with the OTA example
#   3. a simulated gate (`./scenicpass gate`) enrolls, admits the first ticket and syncs: the booking is REDEEMED
#   4. the gate's network is cut; it keeps admitting (the second ticket) and refuses a re-use of the first
#   5. the network returns; the gate uploads what it decided offline
#   6. what the server sees: the booking, the stored entries (when the admin API lists them), the channel's webhooks
# Usage: examples/e2e-demo.sh [--keep] [--pause]
#   --keep leaves the working directory (server log, gate journal and state) for inspection
#   --pause keeps the server running at the end (up to 10 minutes, Enter stops it) to look at the dashboard
#   SCENICPASS_SERVER_JAR=FILE / SCENICPASS_CLI_JAR=FILE use prebuilt jars instead of ./scenicpass demo|gate
# Needs: java 17+, maven, curl, python3. Bounded: every wait has a deadline; everything started is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
KEEP=false
PAUSE=false
for arg in "$@"; do
  case "$arg" in
    --keep) KEEP=true ;;
    --pause) PAUSE=true ;;
    *) echo "usage: examples/e2e-demo.sh [--keep] [--pause]" >&2; exit 2 ;;
  esac
done
for tool in java mvn curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "e2e-demo: $tool is required" >&2; exit 2; }
done

WORK="$(mktemp -d -t scenicpass-e2e-XXXXXX)"
PIDS=()
GATE_FD_OPEN=false
cleanup() {
  set +e
  if $GATE_FD_OPEN; then exec 3>&-; fi
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null
  done
  if $KEEP; then echo "(working directory kept: $WORK)"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
json() {
  python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    d = d[int(k)] if isinstance(d, list) else d.get(k)
print("" if d is None else d)' "$@"
}
qr_codes() {
  python3 -c 'import json, sys
for item in json.load(open(sys.argv[1]))["unitItems"]:
    for o in (item.get("ticket") or {}).get("deliveryOptions", []):
        if o.get("deliveryFormat") == "QRCODE":
            print(o["deliveryValue"])' "$1"
}
# wait_for DESCRIPTION SECONDS COMMAND...: polls COMMAND every 0.2 s until it succeeds or the deadline passes
wait_for() {
  local what="$1" secs="$2"; shift 2
  local end=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= end)); then echo "e2e-demo: timed out after ${secs}s waiting for $what" >&2; return 1; fi
    sleep 0.2
  done
}

say "1. demo server (first run builds it)"
# the server creates $WORK/data itself, owner-only (it refuses a data directory other users can read);
# the webhook receiver below listens on 127.0.0.1, a private target the server refuses unless told otherwise
export SCENICPASS_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true
if [[ -n "${SCENICPASS_SERVER_JAR:-}" ]]; then
  java -jar "$SCENICPASS_SERVER_JAR" demo --port 0 --data "$WORK/data" >"$WORK/server.log" 2>&1 &
else
  ./scenicpass demo --port 0 --data "$WORK/data" >"$WORK/server.log" 2>&1 &
fi
PIDS+=($!)
SERVER_PID=$!
server_ready() {
  kill -0 "$SERVER_PID" || { tail -20 "$WORK/server.log" >&2; exit 1; }
  [[ -f "$WORK/data/demo.json" ]] && curl -sf "$(json "$WORK/data/demo.json" baseUrl)/health"
}
wait_for "the demo server" 600 server_ready
DEMO="$WORK/data/demo.json"
BASE="$(json "$DEMO" baseUrl)"
ADMIN="$(json "$DEMO" adminToken)"
ENROLL="$(json "$DEMO" deviceEnrollmentToken)"
echo "server $BASE  (log: $WORK/server.log)"
if [[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/terminal/v1/keyset")" == 404 ]]; then
  echo "e2e-demo: this server build does not serve the terminal API (/terminal/v1) yet" >&2; exit 1
fi

say "2. a channel with a webhook endpoint books two tickets (OTA example)"
HOOK_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 - "$HOOK_PORT" >"$WORK/webhooks.log" 2>/dev/null <<'PY' &
import http.server, json, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        b = body.get("booking") or {}
        signed = "signed" if self.headers.get("ScenicPass-Signature") else "UNSIGNED"
        print(f"webhook {body.get('type')} booking {b.get('uuid')} status {b.get('status')} ({signed})", flush=True)
        self.send_response(200); self.end_headers()
    def log_message(self, *a): pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
PIDS+=($!)
CHANNEL="demo-ota-$RANDOM"
curl -sf -X POST "$BASE/admin/v1/channels" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"id\":\"$CHANNEL\",\"name\":\"Demo OTA\",\"webhookUrl\":\"http://127.0.0.1:$HOOK_PORT/hooks\",\"webhookSecret\":\"whsec-demo\"}" \
  >"$WORK/channel.json"
KEY="$(json "$WORK/channel.json" apiKey)"
echo "channel $CHANNEL, webhooks to http://127.0.0.1:$HOOK_PORT/hooks"
examples/ota-booking/run.sh --base-url "$BASE" --api-key "$KEY" --product park-entry --adults 2 \
  --png "$WORK/ticket.png" | tee "$WORK/ota.out" | grep -E '^[0-9]\.' || true
UUID="$(grep -oE 'confirmed [0-9a-f-]{36}' "$WORK/ota.out" | head -1 | cut -d' ' -f2)"
[[ -n "$UUID" ]] || { echo "e2e-demo: the OTA example did not confirm a booking" >&2; exit 1; }
curl -sf "$BASE/octo/bookings/$UUID" -H "Authorization: Bearer $KEY" >"$WORK/booking.json"
mapfile -t PASSES < <(qr_codes "$WORK/booking.json")
[[ ${#PASSES[@]} -ge 2 ]] || { echo "e2e-demo: expected two tickets in the booking" >&2; exit 1; }
P1="${PASSES[0]}"
P2="${PASSES[1]}"
SLOT="$(json "$WORK/booking.json" availabilityId)"
AT="$(python3 -c 'import datetime,sys; print((datetime.datetime.fromisoformat(sys.argv[1])+datetime.timedelta(minutes=10)).isoformat())' "$SLOT")"
booking_status() { curl -sf "$BASE/octo/bookings/$UUID" -H "Authorization: Bearer $KEY" >"$WORK/b.json" && json "$WORK/b.json" status; }
echo "booking $UUID: $(booking_status), slot $SLOT; the gate will run at $AT"

say "3. the simulated gate enrolls, admits the first ticket and syncs"
mkfifo "$WORK/gate.in"
GATE=(./scenicpass gate)
[[ -n "${SCENICPASS_CLI_JAR:-}" ]] && GATE=(java -jar "$SCENICPASS_CLI_JAR" gate)
"${GATE[@]}" --server "$BASE" --enroll "$ENROLL" --data "$WORK/gate" --clock "$AT" \
  <"$WORK/gate.in" >"$WORK/gate.out" 2>"$WORK/gate.err" &
PIDS+=($!)
exec 3>"$WORK/gate.in"
GATE_FD_OPEN=true
SHOWN=0
count() { grep -cE "$1" "$WORK/gate.out" 2>/dev/null || true; }
more_than() { [[ "$(count "$1")" -gt "$2" ]]; }
# step INPUT PATTERN: sends one line to the gate, waits for one more output line matching PATTERN, prints new output
step() {
  local before; before="$(count "$2")"
  echo "> ${1:0:40}$([[ ${#1} -gt 40 ]] && echo …)"
  printf '%s\n' "$1" >&3
  wait_for "the gate to answer '${1:0:20}'" 120 more_than "$2" "$before"
  local total; total="$(wc -l <"$WORK/gate.out")"
  sed -n "$((SHOWN + 1)),${total}p" "$WORK/gate.out"
  SHOWN="$total"
}
wait_for "the gate to start" 300 more_than '^\* status' 0
step sync '^\* sync'
step "$P1" '^\[in \]'
step sync '^\* sync'
echo "server: booking $(booking_status)"

say "4. the gate's network is cut: it keeps deciding from its local state"
step offline '^\* network'
step "$P2" '^\[in \]'
step "$P1" '^\[in \]'
step status '^\* status'
echo "server: has not heard of these two decisions yet (the gate holds them in its journal: pendingUploads)"

say "5. the network returns: the gate uploads what it decided offline"
step online '^\* network'
step status '^\* status'
step quit '^\* bye'

say "6. what the server and the channel see"
echo "booking $UUID: $(booking_status)"
DEVICE="$(json "$WORK/gate/device.json" deviceId)"
if [[ "$(curl -s -o "$WORK/entries.json" -w '%{http_code}' "$BASE/admin/v1/entries?deviceId=$DEVICE" \
      -H "Authorization: Bearer $ADMIN")" == 200 ]]; then
  echo "entries the server stored for gate device $DEVICE:"
  python3 -c 'import json, sys
for e in json.load(open(sys.argv[1])):
    print("  ", e.get("time"), e.get("verdict"), e.get("reason"), "pass", e.get("passId"), "offline" if e.get("offline") else "online", e.get("status"))' "$WORK/entries.json"
fi
DAY="${SLOT:0:10}"
if [[ "$(curl -s -o "$WORK/arrivals.json" -w '%{http_code}' "$BASE/admin/v1/flow/arrivals?date=$DAY" \
      -H "Authorization: Bearer $ADMIN")" == 200 ]]; then
  python3 -c 'import json, sys
g = json.load(open(sys.argv[1]))["gates"]["series"]
for gate, buckets in sorted(g.items()):
    print(f"dashboard: {sum(buckets)} admitted at {gate} on {sys.argv[2]}")' "$WORK/arrivals.json" "$DAY"
  echo "dashboard page: $BASE/dashboard (admin token: $ADMIN)"
fi
wait_for "the BOOKING_REDEEMED webhook" 60 grep -q BOOKING_REDEEMED "$WORK/webhooks.log" || true
cat "$WORK/webhooks.log"
echo
if $PAUSE; then
  read -r -t 600 -p "server still running at $BASE (dashboard: $BASE/dashboard); press Enter to stop it " _ || true
  echo
fi
echo "done.$($KEEP && echo " The gate's journal and state are in $WORK/gate." || echo " (--keep leaves the gate's journal and state for inspection)")"
