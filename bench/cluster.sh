#!/usr/bin/env bash
# Multi-node benchmark (docs/benchmarks.md §7, issue #8): N nodes of the server jar on one PostgreSQL and one Kafka
# broker, one simulator process per node (each node's chargers from their own 127.0.<node>.x source addresses, with the
# other nodes as failover targets, as behind a load balancer), and what was connected, answered, stored and spent.
# Never part of the tests.
#
#   bench/cluster.sh [--nodes 3] [--per-node 5000] [--charging 0.25] [--interval 60] [--heartbeat 60] [--ramp 200]
#                    [--warmup 180] [--duration 180] [--heap 1g] [--sim-heap 1g] [--pool 16] [--jvm-opts "..."]
#                    [--fan-out 0.1 --fan-out-every 60]       command fan-out from every simulator to its node's API
#                    [--kill-node 2 --kill-at 60]            SIGKILL that node this many seconds into the window
#                    [--pg-outage 60 --pg-outage-at 60]      stop PostgreSQL for that long, this far into the window
#                    [--sim-warmup S]   the simulators leave this much out of their latency reports (default --warmup;
#                                       0 counts every answer of the run, which the lost-or-not check then compares
#                                       with every row stored)
#                    [--out target/bench-cluster] [-- extra simulator options]
#
# PostgreSQL: a private instance (initdb into --out, port 15432, so an outage disturbs nobody else), made with the
# machine's PostgreSQL binaries; as root the server runs as the postgres user. Kafka: ./pylon bench-kafka. Ports of
# node i: HTTP 18080+i, OCPP 18180+i, YKC 18767+i. Writes summary.md, the simulators' latency reports (sim-i.md/json)
# and every process's log to --out.
set -euo pipefail
cd "$(dirname "$0")/.."

nodes=3 per_node=5000 charging=0.25 interval=60 heartbeat=60 ramp=200 warmup=180 duration=180 heap=1g pool=16 sim_heap=1g
# Many JVMs share two cores here: one GC thread and two JIT threads each keep them from starving one another.
jvm_opts="-XX:ParallelGCThreads=1 -XX:ConcGCThreads=1 -XX:CICompilerCount=2"
fan_out=0 fan_out_every=60 kill_node=0 kill_at=0 pg_outage=0 pg_outage_at=0 tags=100000 out=target/bench-cluster sim_warmup=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --nodes) nodes=$2 ;; --per-node) per_node=$2 ;; --charging) charging=$2 ;; --interval) interval=$2 ;;
    --heartbeat) heartbeat=$2 ;; --ramp) ramp=$2 ;; --warmup) warmup=$2 ;; --duration) duration=$2 ;; --heap) heap=$2 ;;
    --pool) pool=$2 ;; --sim-heap) sim_heap=$2 ;; --jvm-opts) jvm_opts=$2 ;; --fan-out) fan_out=$2 ;; --fan-out-every) fan_out_every=$2 ;; --kill-node) kill_node=$2 ;;
    --kill-at) kill_at=$2 ;; --pg-outage) pg_outage=$2 ;; --pg-outage-at) pg_outage_at=$2 ;; --tags) tags=$2 ;;
    --out) out=$2 ;; --sim-warmup) sim_warmup=$2 ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
extra=("$@")
sim_warmup=${sim_warmup:-$warmup}
(( per_node <= 19000 )) || { echo "--per-node: at most 19000 sockets per simulator process here" >&2; exit 2; }
rm -rf "$out"; mkdir -p "$out/shared"; out=$(cd "$out" && pwd)
chmod 755 "$out"
./pylon build-if-needed

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pg stop -m fast >/dev/null 2>&1 || true
}
trap cleanup EXIT

# --- a private PostgreSQL ---------------------------------------------------------------------------------------
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $PG_BIN/initdb ]] || { echo "no PostgreSQL binaries under /usr/lib/postgresql" >&2; exit 1; }
PGPORT=15432 PGDATA=$out/pgdata
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg() { as_pg "$PG_BIN/pg_ctl" -D "$PGDATA" -l "$out/postgres.log" -w "$@"; }
mkdir -p "$PGDATA"; touch "$out/postgres.log"
[[ $(id -u) -eq 0 ]] && chown postgres "$PGDATA" "$out/postgres.log"
as_pg "$PG_BIN/initdb" -D "$PGDATA" -A trust -U postgres >/dev/null
pg -o "-p $PGPORT -k /tmp -c max_connections=$(( nodes * (pool + 8) + 40 )) -c shared_buffers=512MB" start >/dev/null
PSQL=(psql -h 127.0.0.1 -p $PGPORT -U postgres -qAt)
"${PSQL[@]}" -d postgres -c "create database pylon"
sql() { "${PSQL[@]}" -d pylon -c "$1"; }

# --- Kafka ------------------------------------------------------------------------------------------------------
./pylon bench-kafka out="$out/kafka.bootstrap" >"$out/kafka.log" 2>&1 &
pids+=($!); kafka=$!
for _ in $(seq 1 300); do [[ -s $out/kafka.bootstrap ]] && break; sleep 1; done
[[ -s $out/kafka.bootstrap ]] || { echo "Kafka did not start; see $out/kafka.log" >&2; exit 1; }

# --- nodes ------------------------------------------------------------------------------------------------------
export PYLON_DB_URL=jdbc:postgresql://127.0.0.1:$PGPORT/pylon PYLON_DB_USER=postgres PYLON_DB_POOL=$pool \
  PYLON_BUS=kafka PYLON_KAFKA_BOOTSTRAP=$(cat "$out/kafka.bootstrap") PYLON_UNKNOWN_CHARGERS=accept \
  PYLON_ADMIN_PASSWORD=benchbench1 PYLON_DATA_DIR="$out/shared"
declare -A node_pid
start_node() {
  PYLON_NODE_ID=node-$1 PYLON_HTTP_PORT=$((18080 + $1)) PYLON_OCPP_PORT=$((18180 + $1)) PYLON_YKC_PORT=$((18767 + $1)) \
    JAVA_OPTS="-Xmx$heap $jvm_opts --enable-native-access=ALL-UNNAMED" ./pylon serve >"$out/node-$1.log" 2>&1 &
  node_pid[$1]=$!; pids+=($!)
}
ready() { curl -fs "http://127.0.0.1:$((18080 + $1))/actuator/health/readiness" >/dev/null 2>&1; }
await_ready() {
  for _ in $(seq 1 300); do ready "$1" && return; sleep 1; done
  echo "node $1 did not start; see $out/node-$1.log" >&2; exit 1
}
start_node 1; await_ready 1   # the first node migrates the database and writes the shared secrets
for i in $(seq 2 "$nodes"); do start_node "$i"; done
for i in $(seq 2 "$nodes"); do await_ready "$i"; done

sql "insert into id_token (id_tag, status, kind, created_at, updated_at)
  select 'B0' || lpad(g::text, 6, '0'), 'ACCEPTED', 'RFID', now(), now() from generate_series(1, $tags) g"
{ printf -- '--id-tags\n'; seq -f 'B0%06g' 1 "$tags" | paste -sd, -; } >"$out/tags.args"

cpu() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo 0; }
pg_cpu() { local t=0; for p in $(pgrep -u postgres -f "postgres.*" ); do
  [[ $(readlink "/proc/$p/cwd" 2>/dev/null) == "$PGDATA" ]] && t=$((t + $(cpu "$p"))); done; echo $t; }
sum_cpu() { local t=0; for p in "$@"; do t=$((t + $(cpu "$p"))); done; echo $t; }
now() { date +%s.%N; }

declare -A rss_idle
for i in $(seq 1 "$nodes"); do rss_idle[$i]=$(rss_mb "${node_pid[$i]}"); done

# --- simulators -------------------------------------------------------------------------------------------------
total=$((nodes * per_node))
declare -A sim_pid
t_start=$(now)
for i in $(seq 1 "$nodes"); do
  others=()
  for j in $(seq 1 "$nodes"); do [[ $j != "$i" ]] && others+=("ws://127.0.0.1:$((18180 + j))/ocpp"); done
  failover=()
  (( ${#others[@]} > 0 )) && failover=(--failover-url "$(IFS=,; echo "${others[*]}")")
  fan=()
  [[ $fan_out != 0 ]] && fan=(--fan-out "$fan_out" --fan-out-every "$fan_out_every" --api-url "http://127.0.0.1:$((18080 + i))"
    --api-user admin --api-password benchbench1)
  JAVA_OPTS="-Xmx$sim_heap $jvm_opts" ./pylon simulate --url "ws://127.0.0.1:$((18180 + i))/ocpp" "${failover[@]}" --count "$per_node" \
    --prefix "N$i-" --charging "$charging" --meter-interval "$interval" --heartbeat "$heartbeat" --ramp "$ramp" \
    --source-addresses "127.0.$i.1-127.0.$i.40" --warmup "$sim_warmup" --duration $((warmup + duration)) \
    --report-md "$out/sim-$i.md" --report-json "$out/sim-$i.json" "@$out/tags.args" "${fan[@]}" "${extra[@]}" \
    >"$out/sim-$i.log" 2>&1 &
  sim_pid[$i]=$!; pids+=($!)
done

# Connect storm: time until every charger is connected (polled each second).
online() { sql "select count(*) from charger where online"; }
t_all=""
while (( $(echo "$(now) - $t_start < $warmup" | bc) )); do
  if [[ -z $t_all ]] && (( $(online) >= total )); then t_all=$(printf "%.1f" "$(echo "$(now) - $t_start" | bc)"); fi
  sleep 1
done
declare -A rss_busy
for i in $(seq 1 "$nodes"); do rss_busy[$i]=$(rss_mb "${node_pid[$i]}"); done
connected_at_warmup=$(online)
charging_at_warmup=$(sql "select count(*) from charging_session where state = 'ACTIVE'")

# --- the measured window ------------------------------------------------------------------------------------------
rows() { sql "select count(*) from meter_reading"; }
node_pids=(); for i in $(seq 1 "$nodes"); do node_pids+=("${node_pid[$i]}"); done
sim_pids=(); for i in $(seq 1 "$nodes"); do sim_pids+=("${sim_pid[$i]}"); done
r0=$(rows); n0=$(sum_cpu "${node_pids[@]}"); s0=$(sum_cpu "${sim_pids[@]}"); k0=$(cpu $kafka); p0=$(pg_cpu); t0=$(now)
events=""
if (( kill_node > 0 )); then
  sleep "$kill_at"
  kill -9 "${node_pid[$kill_node]}"; t_kill=$(now)
  # back: every charger connected to a live node (the dead node's rows keep its name until its lease runs out)
  t_back=""
  for _ in $(seq 1 300); do
    n=$(sql "select count(*) from charger where online and node_id <> 'node-$kill_node'")
    if (( n >= total )); then t_back=$(printf "%.1f" "$(echo "$(now) - $t_kill" | bc)"); break; fi
    sleep 1
  done
  events+="node-$kill_node killed (SIGKILL) ${kill_at} s into the window; all $total chargers connected to live nodes again after: ${t_back:-more than 300} s"$'\n'
fi
if (( pg_outage > 0 )); then
  sleep "$pg_outage_at"
  pg stop -m fast >/dev/null; t_down=$(now)
  sleep "$pg_outage"
  pg -o "-p $PGPORT -k /tmp -c max_connections=$(( nodes * (pool + 8) + 40 )) -c shared_buffers=512MB" start >/dev/null
  alive=0; for i in $(seq 1 "$nodes"); do kill -0 "${node_pid[$i]}" 2>/dev/null && alive=$((alive + 1)); done
  events+="PostgreSQL stopped ${pg_outage_at} s into the window for ${pg_outage} s; nodes alive after: $alive of $nodes"$'\n'
fi
rest=$(echo "$t0 + $duration - $(now)" | bc); (( $(echo "$rest > 0" | bc) )) && sleep "$rest"
r1=$(rows); n1=$(sum_cpu "${node_pids[@]}"); s1=$(sum_cpu "${sim_pids[@]}"); k1=$(cpu $kafka); p1=$(pg_cpu); t1=$(now)
for i in $(seq 1 "$nodes"); do
  curl -fs -u admin:benchbench1 "http://127.0.0.1:$((18080 + i))/actuator/prometheus" >"$out/prometheus-$i.txt" 2>/dev/null || true
done
for p in "${sim_pids[@]}"; do wait "$p" || true; done
sleep 5 # the nodes' group commits
oom=$(cat "$out"/node-*.log | grep -c "OutOfMemoryError" || true)

# Nothing lost, nothing doubled: every MeterValues a simulator got an answer for is stored (rows are unique by
# charger, connector, instant and digest, so a retransmission is stored once); no session was opened twice.
answered=$(node -e 'let s = 0; for (const f of process.argv.slice(1)) for (const a of require(f).actions)
  if (a.action === "MeterValues") s += a.count; console.log(s)' "$out"/sim-*.json)
stored_window=$((r1 - r0))
stored_all=$(rows)
twice=$(sql "select count(*) from (select charger_id, connector_id, started_at from charging_session
  group by 1, 2, 3 having count(*) > 1) d")
orders_twice=$(sql "select count(*) from (select session_id from charging_order group by 1 having count(*) > 1) d")

hz=$(getconf CLK_TCK)
{
  echo "command: bench/cluster.sh --nodes $nodes --per-node $per_node --charging $charging --interval $interval --heartbeat $heartbeat --ramp $ramp --warmup $warmup --duration $duration --heap $heap --sim-heap $sim_heap --pool $pool$( [[ $fan_out != 0 ]] && echo " --fan-out $fan_out --fan-out-every $fan_out_every")$( ((kill_node > 0)) && echo " --kill-node $kill_node --kill-at $kill_at")$( ((pg_outage > 0)) && echo " --pg-outage $pg_outage --pg-outage-at $pg_outage_at") ${extra[*]}"
  echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), PostgreSQL $("${PSQL[@]}" -d pylon -c 'show server_version'), Kafka (in-JVM KRaft, 1 broker) and all processes on this box"
  echo "chargers: $total ($per_node per node); connected at the end of the warm-up: $connected_at_warmup; all connected after: ${t_all:-not within the warm-up} s; sessions charging then: $charging_at_warmup"
  [[ -n $t_all ]] && awk -v n="$total" -v t="$t_all" 'BEGIN {printf "connect rate: %.0f BootNotifications/s accepted (all chargers / time to all connected)\n", n / t}'
  for i in $(seq 1 "$nodes"); do
    awk -v i="$i" -v a="${rss_idle[$i]}" -v b="${rss_busy[$i]}" -v n="$per_node" 'BEGIN {
      printf "node-%s RSS: %d MB before chargers, %d MB with %d connected: %.1f KB per connection\n", i, a, b, n, (b - a) * 1024 / n }'
  done
  w=$(echo "$t1 - $t0" | bc)
  awk -v r="$stored_window" -v w="$w" 'BEGIN {printf "window: %.0f s; meter rows stored: %d (%.0f /s)\n", w, r, r / w}'
  if (( kill_node > 0 || pg_outage > 0 )); then
    echo "CPU seconds: not counted (a killed node or a restarted PostgreSQL takes its processes' counters with it)"
  else
    awk -v n="$((n1 - n0))" -v s="$((s1 - s0))" -v k="$((k1 - k0))" -v p="$((p1 - p0))" -v hz="$hz" -v w="$w" 'BEGIN {
      printf "CPU seconds in the window: nodes %.1f, simulators %.1f, Kafka %.1f, PostgreSQL %.1f (of %.0f available)\n", n / hz, s / hz, k / hz, p / hz, 2 * w }'
  fi
  printf "%s" "$events"
  if [[ $sim_warmup == 0 ]]; then
    echo "MeterValues answered over the whole run (simulators): $answered; meter rows stored over the whole run: $stored_all$( ((stored_all >= answered)) && echo " (none lost)" || echo " (LOST $((answered - stored_all)))")"
  else
    echo "MeterValues answered in the simulators' window: $answered; meter rows stored in the measured window: $stored_window"
  fi
  echo "sessions stored twice: $twice; orders twice: $orders_twice; nodes with OutOfMemoryError: $oom"
} | tee "$out/summary.md"
for i in $(seq 1 "$nodes"); do echo "latency report of simulator $i: $out/sim-$i.md"; done
