#!/usr/bin/env bash
# Start-up time and memory of the packaged JVM app (README "Start-up").
#
#   scripts/measure-startup.sh            # build, train the archives, 5 measured starts each
#   RUNS=9 scripts/measure-startup.sh     # more runs
#   SKIP_BUILD=1 scripts/measure-startup.sh   # re-measure what was built and trained last time
#
# One warm-up start per variant, then $RUNS rounds that start each variant once, so that other
# load on the machine spreads evenly. A start launches the app as ../shared/bench/startup.sh does
# (seed off, rate limits off, response cache off), polls GET /api/v1/programs?limit=1 with curl
# every 10 ms, and records the time from launching `java` to the first 200 ("time to first data
# answer"), the JVM's RSS right then (`ps -o rss`) and the CPU time it had used by then (user +
# system, from /proc/<pid>/stat; less sensitive to other load on the machine than wall time).
# Reported: the median, the fastest start (other load only ever adds time) and the load average
# before and after, as context.
#
# Database: an already-running, migrated PostgreSQL, so its start-up is not counted. Defaults to
# the local Debian cluster (pg_ctlcluster 15 main start) with database/user/password catalog;
# override with QUARKUS_DATASOURCE_JDBC_URL / _USERNAME / _PASSWORD.
#
# Variants (one `./mvnw package`, the aot-jar layout; archives from scripts/train-startup-cache.sh
# against the same database, with the launch-line flags):
#   jdk17          java -jar quarkus-run.jar on JDK 17 (what startup.sh's svc17 runs)
#   jdk17-cds      + the launch line: AppCDS archive, serial GC, 32 MB initial heap
#   jdk25          the same jar on JDK 25 (svc25)
#   jdk25-aot      + the launch line: AOT cache from a training run, serial GC, 32 MB initial heap
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
WORK=${WORK:-target/startup}
PORT=${PORT:-18080}
export QUARKUS_DATASOURCE_JDBC_URL=${QUARKUS_DATASOURCE_JDBC_URL:-jdbc:postgresql://localhost:5432/catalog}
export QUARKUS_DATASOURCE_USERNAME=${QUARKUS_DATASOURCE_USERNAME:-catalog}
export QUARKUS_DATASOURCE_PASSWORD=${QUARKUS_DATASOURCE_PASSWORD:-catalog}
URL="http://localhost:$PORT/api/v1/programs?limit=1"
# The launch line of README "Start-up" and Dockerfile.jvm, without the archive flag.
LAUNCH_OPTS=${LAUNCH_OPTS:--XX:+UseSerialGC -Xms32m -XX:MaxRAMPercentage=75}
# Plain-text logs (easier to read in app.log; not what is measured); no 5 s shutdown delay
# between runs (it only affects stopping); as startup.sh: no seed, no rate limit, no cache.
APP_OPTS=(-Dquarkus.http.port="$PORT" -Dquarkus.log.console.json.enabled=false -Dquarkus.shutdown.delay=0s
  -Dcatalog.seed.enabled=false -Dcatalog.rate-limit.enabled=false -Dcatalog.cache.max-entries=0)
TICK=$(getconf CLK_TCK)

log() { echo "measure-startup: $*" >&2; }

# One start: prints "<ms> <rss_kb> <cpu_ms>"; extra arguments go to java before -jar.
run_once() { # run_once JDK APPDIR [java args...]
  local jdk=$1 dir=$2; shift 2
  local t0 t1 pid rss cpu
  t0=$(date +%s%N)
  (cd "$dir" && exec "$jdk/bin/java" "$@" "${APP_OPTS[@]}" -jar quarkus-run.jar >app.log 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "$URL"; do
    if ! kill -0 "$pid" 2>/dev/null; then log "the app died; see $dir/app.log"; tail -20 "$dir/app.log" >&2; exit 1; fi
    if (( ($(date +%s%N) - t0) / 1000000 > 120000 )); then log "no answer in 120 s"; kill "$pid"; exit 1; fi
    sleep 0.01
  done
  t1=$(date +%s%N)
  # The subshell exec'd java (env execs too), so $pid is the JVM.
  rss=$(ps -o rss= -p "$pid" | tr -d ' ')
  # Fields 14 and 15 of /proc/<pid>/stat (utime, stime in clock ticks); the command name in
  # field 2 has no spaces here ("(java)").
  cpu=$(awk -v t="$TICK" '{print int(($14 + $15) * 1000 / t)}' "/proc/$pid/stat")
  kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
  echo "$(( (t1 - t0) / 1000000 )) $rss $cpu"
}

minimum() { tr ' ' '\n' | grep . | sort -n | head -1; }
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

VARIANTS=(jdk17 jdk17-cds jdk25 jdk25-aot)

run_variant() { # run_variant VARIANT: one start of that variant
  local dir=$WORK/quarkus-app
  case $1 in
    jdk17) run_once "$JDK17" "$dir" ;;
    # shellcheck disable=SC2086 # LAUNCH_OPTS is a list of flags
    jdk17-cds) run_once "$JDK17" "$dir" -XX:SharedArchiveFile=app-cds.jsa $LAUNCH_OPTS ;;
    jdk25) run_once "$JDK25" "$dir" ;;
    # shellcheck disable=SC2086
    jdk25-aot) run_once "$JDK25" "$dir" -XX:AOTCache=app.aot $LAUNCH_OPTS ;;
  esac
}

mkdir -p "$WORK"
command -v curl >/dev/null || { log "curl is needed"; exit 1; }
if curl -s -o /dev/null "http://localhost:$PORT/"; then log "port $PORT is in use; set PORT"; exit 1; fi

if [[ -z ${SKIP_BUILD:-} ]]; then
  log "building"
  ./mvnw -B -q -ntp package -DskipTests >"$WORK/build.log" 2>&1 || { tail -30 "$WORK/build.log" >&2; exit 1; }
  rm -rf "${WORK:?}/quarkus-app" && cp -a target/quarkus-app "$WORK/"
  # One start against the database first: migrates it if needed (the training runs too).
  run_once "$JDK17" "$WORK/quarkus-app" >/dev/null
  log "training runs"
  JAVA=$JDK17/bin/java JAVA_OPTS=$LAUNCH_OPTS scripts/train-startup-cache.sh "$WORK/quarkus-app"
  JAVA=$JDK25/bin/java JAVA_OPTS=$LAUNCH_OPTS scripts/train-startup-cache.sh "$WORK/quarkus-app"
fi

echo "$(nproc) CPUs, $(uname -r), load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm-up, then round-robin over the variants, so that other load on the machine spreads evenly.
for v in "${VARIANTS[@]}"; do log "warm-up $v"; out=$(run_variant "$v"); done
declare -A T R C
for ((i = 1; i <= RUNS; i++)); do
  log "round $i of $RUNS"
  for v in "${VARIANTS[@]}"; do
    out=$(run_variant "$v")
    read -r t r c <<<"$out"
    T[$v]+="$t "; R[$v]+="$r "; C[$v]+="$c "
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| variant | first answer ms, median | min | RSS MiB, median | CPU ms, median | runs (ms) |"
echo "|---|---|---|---|---|---|"
for v in "${VARIANTS[@]}"; do
  printf '| %s | %s | %s | %s | %s | %s |\n' "$v" "$(median <<<"${T[$v]}")" "$(minimum <<<"${T[$v]}")" \
    "$(( $(median <<<"${R[$v]}") / 1024 ))" "$(median <<<"${C[$v]}")" "${T[$v]% }"
done
