#!/usr/bin/env bash
# Load benchmark of one node (docs/benchmarks.md §2 and the YKC figures): a fresh PostgreSQL database, the server jar,
# a simulated fleet, and what was stored and spent in a measured window after a warm-up. Never part of the tests.
#
#   bench/load.sh [--protocol ocpp|ykc] [--count 19000] [--charging 0.55] [--interval 4] [--warmup 150] [--duration 120]
#                 [--heartbeat 60|10] [--tags 200000] [--heap 3g] [--out target/bench-load] [-- extra simulator options]
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth); builds the jars if needed. Drops and re-creates
# the database pylon_bench. Ports: HTTP 18080, OCPP 18180, YKC 18767. Writes report.md (the simulator's latency
# histograms) and summary.md (rows/s and CPU seconds of server, simulator and PostgreSQL in the window) to --out.
set -euo pipefail
cd "$(dirname "$0")/.."

heartbeat= protocol=ocpp count=19000 charging=0.55 interval=4 warmup=150 duration=120 tags=200000 heap=3g out=target/bench-load
while [[ $# -gt 0 ]]; do
  case "$1" in
    --protocol) protocol=$2; shift 2 ;; --count) count=$2; shift 2 ;; --charging) charging=$2; shift 2 ;;
    --interval) interval=$2; shift 2 ;; --warmup) warmup=$2; shift 2 ;; --duration) duration=$2; shift 2 ;;
    --tags) tags=$2; shift 2 ;; --heartbeat) heartbeat=$2; shift 2 ;; --heap) heap=$2; shift 2 ;; --out) out=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
extra=("$@")
# the protocols' own heartbeat periods unless told otherwise: OCPP chargers are told 60 s here, YKC piles send every 10 s
heartbeat=${heartbeat:-$([[ $protocol == ykc ]] && echo 10 || echo 60)}
mkdir -p "$out"
out=$(cd "$out" && pwd)

PSQL=(psql -h 127.0.0.1 -U postgres -qAt)
DB=pylon_bench
./pylon build-if-needed

"${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
export PYLON_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB PYLON_DB_USER=postgres PYLON_UNKNOWN_CHARGERS=accept \
  PYLON_HTTP_PORT=18080 PYLON_OCPP_PORT=18180 PYLON_YKC_PORT=18767 PYLON_ADMIN_PASSWORD=benchbench1 PYLON_DATA_DIR="$out/data"
# ./pylon finds a JDK 21+ and execs it, so $! is the server's JVM
JAVA_OPTS="-Xmx$heap --enable-native-access=ALL-UNNAMED" ./pylon serve >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null 2>&1 && break
  sleep 1
done
curl -fs http://127.0.0.1:18080/actuator/health/readiness >/dev/null || { echo "server did not start; see $out/server.log" >&2; exit 1; }

# Cards the simulated drivers present: many, so that random picks rarely collide as ConcurrentTx. B0nnnnnn is also a
# valid YKC physical card (even-length hex).
"${PSQL[@]}" -d $DB -c "insert into id_token (id_tag, status, kind, created_at, updated_at)
  select 'B0' || lpad(g::text, 6, '0'), 'ACCEPTED', 'RFID', now(), now() from generate_series(1, $tags) g"
{ printf -- '--id-tags\n'; seq -f 'B0%06g' 1 "$tags" | paste -sd, -; } >"$out/tags.args"

sim_tags=("@$out/tags.args")
if [[ $protocol == ykc ]]; then url=tcp://127.0.0.1:18767; else url=ws://127.0.0.1:18180/ocpp; fi

cpu() { # utime+stime in clock ticks of a process and its threads
  awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}
pg_cpu() {
  local total=0
  for p in $(pgrep -u postgres postgres); do total=$((total + $(cpu "$p"))); done
  echo $total
}
rows() { "${PSQL[@]}" -d $DB -c "select count(*) from meter_reading"; }

JAVA_OPTS="-Xmx2g" ./pylon simulate --url "$url" --protocol "$protocol" --count "$count" \
  --charging "$charging" --meter-interval "$interval" --heartbeat "$heartbeat" --ramp 250 --warmup "$warmup" --duration $((warmup + duration)) \
  --prefix BENCH- --report-md "$out/report.md" --report-json "$out/report.json" "${sim_tags[@]}" "${extra[@]}" >"$out/simulator.log" 2>&1 &
sim=$!
sleep "$warmup"
r0=$(rows); s0=$(cpu $server); m0=$(cpu $sim); p0=$(pg_cpu); t0=$(date +%s.%N)
sleep "$duration"
r1=$(rows); s1=$(cpu $server); m1=$(cpu $sim); p1=$(pg_cpu); t1=$(date +%s.%N)
curl -fs -u admin:benchbench1 http://127.0.0.1:18080/actuator/prometheus >"$out/prometheus.txt" 2>/dev/null || true
wait $sim || true
hz=$(getconf CLK_TCK)
awk -v r0="$r0" -v r1="$r1" -v t0="$t0" -v t1="$t1" -v s="$((s1 - s0))" -v m="$((m1 - m0))" -v p="$((p1 - p0))" -v hz="$hz" -v warmup="$warmup" \
  -v cmd="bench/load.sh --protocol $protocol --heartbeat $heartbeat --count $count --charging $charging --interval $interval --warmup $warmup --duration $duration" 'BEGIN {
  w = t1 - t0
  printf "command: %s\nwindow: %.1f s after a %s s warm-up\n", cmd, w, warmup
  printf "meter rows stored: %d (%.0f /s)\n", r1 - r0, (r1 - r0) / w
  printf "CPU seconds in the window: server %.1f, simulator %.1f, PostgreSQL %.1f\n", s / hz, m / hz, p / hz
}' | tee "$out/summary.md"
echo "latency report: $out/report.md"
