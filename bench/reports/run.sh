#!/usr/bin/env bash
# Benchmark of the managers' reports on MariaDB at 1,000,000 completed and 100,000 open cases.
#   bench/reports/run.sh                 build the jar if needed, create the database, generate, measure
#   SKIP_GENERATE=1 bench/reports/run.sh measure again on the data already generated
# ONLY: comma-separated parts of report names to measure just those.
# Settings (environment): BENCH_DB (rp_bench), BENCH_PORT (18610), RUNS (20 timed calls per report, after 2 warm-ups),
# BENCH_JAR (default: the packaged jar in backend/target).
# Writes results/reports-<date>.json and .md. Needs a local MariaDB reachable as root through the socket.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DB=${BENCH_DB:-rp_bench}
PORT=${BENCH_PORT:-18610}
RUNS=${RUNS:-20}
WORK=${BENCH_WORK:-/tmp/bench-reports}
mkdir -p "$WORK"

# BENCH_JAR: a copy of the jar, so that a rebuild in backend/target cannot change it under the running application.
JAR=${BENCH_JAR:-$(ls "$ROOT"/backend/target/civil-approval-backend-*.jar 2>/dev/null | grep -v plain | head -1 || true)}
if [ -z "$JAR" ]; then
  (cd "$ROOT" && ./mvnw -B -q -o -pl backend package -Dweb.skip -DskipTests)
  JAR=$(ls "$ROOT"/backend/target/civil-approval-backend-*.jar | grep -v plain | head -1)
fi

if [ -z "${SKIP_GENERATE:-}" ]; then
  mysql --protocol=socket -uroot <<SQL
DROP DATABASE IF EXISTS $DB;
CREATE DATABASE $DB CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS 'rp_bench'@'127.0.0.1' IDENTIFIED BY 'rp_bench';
GRANT ALL ON $DB.* TO 'rp_bench'@'127.0.0.1';
SQL
fi

URL="jdbc:mysql://127.0.0.1:3306/$DB?characterEncoding=UTF-8&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true"
# The key id is "bench": generate.sql writes a placeholder under it, so the start-up re-sealing leaves the rows alone.
KEY="bench:$(head -c 32 /dev/urandom | base64)"
APP_PID=""
start_app() {
  (cd "$WORK" && exec env SPRING_PROFILES_ACTIVE=mysql DB_URL="$URL" DB_USER=rp_bench DB_PASSWORD=rp_bench \
      DEMO_DATA=false DATA_ENCRYPTION_KEYS="$KEY" PLATFORM_HASH_KEY="bench-$(head -c 16 /dev/urandom | base64)" \
      PORT="$PORT" java -Xmx1g -jar "$JAR" --server.address=127.0.0.1 > "$WORK/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
    sleep 1
  done
  echo "the application did not start"; exit 1
}
stop_app() { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
trap stop_app EXIT

# First start: Flyway and Camunda create the schema (and the start-up backfill finds nothing).
start_app
GEN_SECONDS=""
if [ -z "${SKIP_GENERATE:-}" ]; then
  stop_app
  start=$(date +%s)
  mysql --protocol=socket -uroot "$DB" < "$HERE/generate.sql"
  GEN_SECONDS=$(( $(date +%s) - start ))
  echo "generated in ${GEN_SECONDS}s"
  # Second start: the application's own start-up backfill (ReportFacts) writes rp_case and rp_task for the
  # generated cases and tasks, exactly as it does for history that predates the reporting tables.
  start_app
fi
start=$(date +%s)
for _ in $(seq 1 3600); do
  grep -q "Report facts up to date" "$WORK/app.log" && break
  grep -q "Report facts backfill failed" "$WORK/app.log" && { grep -A20 "backfill failed" "$WORK/app.log"; exit 1; }
  sleep 1
done
grep "Report facts up to date" "$WORK/app.log"
BACKFILL_SECONDS=$(( $(date +%s) - start ))

python3 "$HERE/measure.py" --base "http://127.0.0.1:$PORT" --runs "$RUNS" --db "$DB" \
    --generate-seconds "${GEN_SECONDS:-}" --backfill-seconds "$BACKFILL_SECONDS" --out "$HERE/results"
