#!/usr/bin/env bash
# The engine's schema upgrade as docs/operations.md's "Upgrading" says, with running cases: the platform built on the previous
# Camunda release (the pom's camunda.previous.version, 7.23) makes a fresh MariaDB database with that engine's own
# scripts (cn.zs.civil.schema) and takes two cases (one in a clerk's queue, one divorce in its cooling-off period,
# i.e. a waiting timer); it is stopped, and this build (Camunda 7.24) starts on the same database: Flyway runs the
# engine jar's upgrade script before the engine starts, the case is still in the queue and is decided, and the timer,
# once due, fires. Bounded: every wait has a limit; about 4 minutes, most of it building the previous release.
# Needs the jar of this build (./mvnw -pl backend package), curl, node and mysql; MariaDB/MySQL root through
# MYSQL_ROOT (default: the local socket).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=$(ls "$ROOT"/backend/target/civil-approval-backend-*.jar | head -1)
PREVIOUS=$(sed -n 's|.*<camunda.previous.version>\(.*\)</camunda.previous.version>.*|\1|p' pom.xml)
CURRENT=$(sed -n 's|.*<camunda.version>\(.*\)</camunda.version>.*|\1|p' pom.xml)
PORT=${UPGRADE_TEST_PORT:-18433}
DBN=${UPGRADE_TEST_DB:-ops_engine_upgrade}
USER_=ops_upgrade_app
PASS=ops_upgrade_pw
read -r -a MYSQL_ROOT <<< "${MYSQL_ROOT:-mysql --protocol=socket -uroot}"
WORK=$(mktemp -d)
# shellcheck source=lib/platform.sh
. "$ROOT/.ci/lib/platform.sh"
trap stop_app_on_exit EXIT
# A copy, so that a build running meanwhile cannot change the jar under the running platform.
cp "$JAR" "$WORK/current.jar" && JAR="$WORK/current.jar"

# OLD_JAR: the platform already built on the previous release (.ci/build-previous-engine.sh), else it is built here.
if [ -n "${OLD_JAR:-}" ] && [ -f "$OLD_JAR" ]; then
  step "the platform built on Camunda $PREVIOUS: $OLD_JAR"
else
  step "the platform built on Camunda $PREVIOUS (a copy of this tree, without the web UI)"
  OLD_JAR="$WORK/previous.jar"
  bash "$ROOT/.ci/build-previous-engine.sh" "$OLD_JAR" || fail "the platform does not build on Camunda $PREVIOUS"
fi

step "Camunda $PREVIOUS makes a fresh database $DBN and takes two cases"
fresh_database "$DBN"
start_app "$DBN" "$OLD_JAR"
[ "$(sql "$DBN" "select max(VERSION_) from ACT_GE_SCHEMA_LOG")" = "$PREVIOUS" ] \
  || fail "the database was not made by Camunda $PREVIOUS's scripts"
running_cases "$DBN"
TASKS=$(sql "$DBN" "select count(*) from ACT_RU_TASK")
JOBS=$(sql "$DBN" "select count(*) from ACT_RU_JOB where TYPE_ = 'timer'")
stop_app

step "this build (Camunda $CURRENT) starts on it: Flyway upgrades the engine's tables before the engine starts"
start_app "$DBN"
[ "$(sql "$DBN" "select max(VERSION_) from ACT_GE_SCHEMA_LOG")" = "$CURRENT" ] \
  || fail "the schema log does not record Camunda $CURRENT after the upgrade"
HISTORY=$(sql "$DBN" "select group_concat(concat(version, ':', success) order by installed_rank) from engine_schema_history where version <> '0'")
[ "$HISTORY" = "$PREVIOUS:1,$CURRENT:1" ] || fail "engine_schema_history is '$HISTORY', not '$PREVIOUS:1,$CURRENT:1'"
[ "$(sql "$DBN" "select count(*) from ACT_RU_TASK")" = "$TASKS" ] || fail "open tasks were lost in the upgrade"
[ "$(sql "$DBN" "select count(*) from ACT_RU_JOB where TYPE_ = 'timer'")" = "$JOBS" ] || fail "timers were lost in the upgrade"

step "the queue holds the case and the clerk decides it; the cooling-off timer, once due, fires"
funeral_case_goes_on "$DBN"
MOVED=$(divorce_timer_fires "$DBN")
echo "engine-upgrade: ok (Camunda $PREVIOUS -> $CURRENT; $TASKS open tasks and $JOBS timers kept; $FNO decided on; $DNO: $MOVED)"
stop_app
"${MYSQL_ROOT[@]}" -e "DROP DATABASE $DBN;"
