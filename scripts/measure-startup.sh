#!/usr/bin/env bash
# Start-up time and memory of the packaged JVM app (README "Start-up and memory").
#
#   scripts/measure-startup.sh            # build every variant, 5 measured starts each
#   RUNS=9 scripts/measure-startup.sh     # more runs
#   SKIP_BUILD=1 scripts/measure-startup.sh   # re-measure the variants built last time
#
# One warm-up start per variant (migrates and seeds an empty database, fills the page cache),
# then $RUNS rounds that start each variant once, so that other load on the machine spreads
# evenly. A start launches the app, polls GET /api/v1/programs/ccxp with curl every 20 ms, and
# records the time from launching `java` to the first 200 ("time to first data answer"), the
# JVM's RSS right then (`ps -o rss`) and the CPU time it had used by then (user + system, from
# /proc/<pid>/stat; less sensitive to other load on the machine than wall time). Reported: the
# median, the fastest start (other load only ever adds time) and the load average before and
# after, as context.
#
# Database: an already-running PostgreSQL, so its start-up is not counted. Defaults to the local
# Debian cluster (pg_ctlcluster 15 main start) with database/user/password catalog; override
# with QUARKUS_DATASOURCE_JDBC_URL / _USERNAME / _PASSWORD. The "embedded" variant instead starts
# the app's throw-away PostgreSQL (-Dcatalog.embedded-postgres.enabled=true) and so includes it.
#
# Variants (each is a separate `./mvnw package`, copied to $WORK/<variant>/quarkus-app):
#   jdk17            plain jar on JDK 17
#   jdk17-embedded   the same, with the embedded PostgreSQL
#   jdk17-appcds     quarkus.package.jar.appcds.enabled=true; runs with -XX:SharedArchiveFile
#   jdk25            the plain jar (Java 17 bytecode) on JDK 25
#   jdk25-aot        built on JDK 25 with quarkus.package.jar.aot.enabled=true, type=AOT,
#                    phase=build (Quarkus records the AOT cache from a start that stops after
#                    static init); runs with -XX:AOTCache=app.aot
#   jdk25-aot-trained  JDK 25 AOT cache recorded by hand from a training run that serves
#                    requests (-XX:AOTCacheOutput, JEP 514/515); runs with -XX:AOTCache
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
URL="http://localhost:$PORT/api/v1/programs/ccxp"
# Plain-text logs (easier to read in app.log; not what is measured); no 5 s shutdown delay
# between runs (it only affects stopping).
APP_OPTS=(-Dquarkus.http.port="$PORT" -Dquarkus.log.console.json.enabled=false -Dquarkus.shutdown.delay=0s)
TICK=$(getconf CLK_TCK)

LAUNCH=(env) # the embedded variant unsets the datasource variables here
log() { echo "measure-startup: $*" >&2; }

build() { # build VARIANT JDK [maven args...]
  local variant=$1 jdk=$2; shift 2
  log "building $variant with $(basename "$jdk")"
  JAVA_HOME=$jdk ./mvnw -B -q -ntp package -DskipTests "$@" >"$WORK/$variant.build.log" 2>&1 \
    || { tail -30 "$WORK/$variant.build.log" >&2; exit 1; }
  rm -rf "${WORK:?}/$variant" && mkdir -p "$WORK/$variant"
  cp -a target/quarkus-app "$WORK/$variant/"
}

# One start: prints "<ms> <rss_kb> <cpu_ms>"; extra arguments go to java before -jar.
run_once() { # run_once JDK APPDIR [java args...]
  local jdk=$1 dir=$2; shift 2
  local t0 t1 pid rss cpu
  t0=$(date +%s%N)
  (cd "$dir" && exec "${LAUNCH[@]}" "$jdk/bin/java" "$@" "${APP_OPTS[@]}" -jar quarkus-run.jar >app.log 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "$URL"; do
    if ! kill -0 "$pid" 2>/dev/null; then log "the app died; see $dir/app.log"; tail -20 "$dir/app.log" >&2; exit 1; fi
    if (( ($(date +%s%N) - t0) / 1000000 > 120000 )); then log "no answer in 120 s"; kill "$pid"; exit 1; fi
    sleep 0.02
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

VARIANTS=(jdk17 jdk17-embedded jdk17-appcds jdk25 jdk25-aot jdk25-aot-trained)

run_variant() { # run_variant VARIANT: one start of that variant (in a subshell: LAUNCH stays local)
  case $1 in
    jdk17) run_once "$JDK17" "$WORK/jdk17/quarkus-app" ;;
    jdk17-embedded)
      LAUNCH=(env -u QUARKUS_DATASOURCE_JDBC_URL -u QUARKUS_DATASOURCE_USERNAME -u QUARKUS_DATASOURCE_PASSWORD)
      run_once "$JDK17" "$WORK/jdk17/quarkus-app" -Dcatalog.embedded-postgres.enabled=true ;;
    jdk17-appcds) run_once "$JDK17" "$WORK/jdk17-appcds/quarkus-app" -XX:SharedArchiveFile=app-cds.jsa ;;
    jdk25) run_once "$JDK25" "$WORK/jdk17/quarkus-app" ;;
    jdk25-aot) run_once "$JDK25" "$WORK/jdk25-aot/quarkus-app" -XX:AOTCache=app.aot ;;
    jdk25-aot-trained) run_once "$JDK25" "$WORK/jdk25-aot-trained/quarkus-app" -XX:AOTCache=app-trained.aot ;;
  esac
}

mkdir -p "$WORK"
command -v curl >/dev/null || { log "curl is needed"; exit 1; }
if curl -s -o /dev/null "http://localhost:$PORT/"; then log "port $PORT is in use; set PORT"; exit 1; fi

if [[ -z ${SKIP_BUILD:-} ]]; then
  build jdk17 "$JDK17"
  build jdk17-appcds "$JDK17" -Dquarkus.package.jar.appcds.enabled=true \
    -Dquarkus.package.jar.appcds.use-container=false
  build jdk25-aot "$JDK25" -Dquarkus.package.jar.aot.enabled=true \
    -Dquarkus.package.jar.aot.type=AOT -Dquarkus.package.jar.aot.phase=build
  # Training run for the hand-made cache: start, answer a few requests, stop (the JVM writes the
  # cache at exit). Uses the plain jar.
  rm -rf "${WORK:?}/jdk25-aot-trained" && cp -a "$WORK/jdk17" "$WORK/jdk25-aot-trained"
  log "training run for jdk25-aot-trained"
  dir="$WORK/jdk25-aot-trained/quarkus-app"
  (cd "$dir" && exec "$JDK25/bin/java" -XX:AOTCacheOutput=app-trained.aot "${APP_OPTS[@]}" \
    -jar quarkus-run.jar >training.log 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "$URL"; do kill -0 "$pid" || { tail -20 "$dir/training.log" >&2; exit 1; }; sleep 0.1; done
  for path in /api/v1/programs/ccxp /api/v1/providers /api/v1/providers/cxpa /api/v1/programs/nope /q/health/ready; do
    for _ in 1 2 3 4 5; do curl -s -o /dev/null "http://localhost:$PORT$path"; done
  done
  kill -TERM "$pid"; wait "$pid" || true
  [[ -f $dir/app-trained.aot ]] || { log "no AOT cache written; see $dir/training.log"; exit 1; }
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
