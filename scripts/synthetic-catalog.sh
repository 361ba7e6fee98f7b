#!/usr/bin/env bash
# Loads a large synthetic catalog into a running service's database (README "Performance").
#
#   scripts/synthetic-catalog.sh                                   # 100,000 programs, 2,000 providers
#   PROGRAMS=1000000 PROVIDERS=5000 scripts/synthetic-catalog.sh
#   scripts/synthetic-catalog.sh postgresql://catalog:catalog@db.internal:5432/catalog
#   scripts/synthetic-catalog.sh jdbc:postgresql://localhost:5432/catalog   # user/password from
#                                            # QUARKUS_DATASOURCE_USERNAME / _PASSWORD (or PGUSER…)
#
# The database: the argument (a psql URL or the service's JDBC URL), else
# $QUARKUS_DATASOURCE_JDBC_URL with $QUARKUS_DATASOURCE_USERNAME / $QUARKUS_DATASOURCE_PASSWORD —
# the same variables the service reads. Connect as the service's own user (it owns the tables).
# The schema must exist: start the service once against the database first (Flyway migrates it).
#
# scripts/synthetic-catalog.sql does the work, deterministically: the same counts give the same
# catalog; a re-run replaces the synthetic rows (slugs syn-…) and leaves every other row alone.
# Needs psql (PostgreSQL client 15+). About a minute per 100,000 programs on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")"

PROGRAMS=${PROGRAMS:-100000}
PROVIDERS=${PROVIDERS:-2000}
url=${1:-${QUARKUS_DATASOURCE_JDBC_URL:-}}
[ -n "$url" ] || { echo "usage: $0 [postgresql://user:password@host:port/db | jdbc:postgresql://host:port/db]  (or set QUARKUS_DATASOURCE_JDBC_URL)" >&2; exit 2; }
[[ $PROGRAMS =~ ^[0-9]+$ && $PROVIDERS =~ ^[0-9]+$ && $PROGRAMS -ge 1 && $PROVIDERS -ge 1 ]] \
  || { echo "PROGRAMS and PROVIDERS must be positive integers" >&2; exit 2; }
command -v psql >/dev/null || { echo "psql not found: install the PostgreSQL client (apt-get install postgresql-client)" >&2; exit 2; }

# A JDBC URL becomes a libpq one; its user and password come from the service's variables.
if [[ $url == jdbc:* ]]; then
  url=${url#jdbc:}
  export PGUSER=${PGUSER:-${QUARKUS_DATASOURCE_USERNAME:-}}
  export PGPASSWORD=${PGPASSWORD:-${QUARKUS_DATASOURCE_PASSWORD:-}}
  [ -n "$PGUSER" ] || unset PGUSER
  [ -n "$PGPASSWORD" ] || unset PGPASSWORD
fi

echo "Loading $PROGRAMS synthetic programs from $PROVIDERS providers into ${url%%\?*} …" >&2
start=$(date +%s)
psql -X -q "$url" -v ON_ERROR_STOP=1 -v programs="$PROGRAMS" -v providers="$PROVIDERS" \
     -P pager=off -f synthetic-catalog.sql
echo "Loaded in $(( $(date +%s) - start )) s." >&2

cat >&2 <<'EOT'

The read model was derived in the same transaction (read_model_rebuild): lists, details and
GraphQL serve the new programs now. Answers cached before the load renew with the change event
the load appended.
EOT
