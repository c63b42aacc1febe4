#!/usr/bin/env bash
# Follows docs/backup-restore.md against the packaged jar on MariaDB (the MySQL stand-in): a database with running
# cases (one in a clerk's queue, one divorce in its 30-day cooling-off period, i.e. a waiting timer) is dumped with
# mysqldump while the platform runs, restored into a fresh database, and the platform started on the restored copy:
# the queue still holds the case and it can be decided; the cooling-off timer, once due, fires and the divorce moves on.
# Bounded: every wait has a limit; the whole script takes about 3 minutes. Needs the jar (./mvnw -pl backend package),
# curl, node, mysql and mysqldump, and MariaDB/MySQL root through MYSQL_ROOT (default: the local socket).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAR=$(ls "$ROOT"/backend/target/civil-approval-backend-*.jar | head -1)
PORT=${BACKUP_TEST_PORT:-18431}
SRC=${BACKUP_TEST_DB:-ops_backup}_src
DST=${BACKUP_TEST_DB:-ops_backup}_restored
USER_=ops_backup_app
PASS=ops_backup_pw
read -r -a MYSQL_ROOT <<< "${MYSQL_ROOT:-mysql --protocol=socket -uroot}"
read -r -a MYSQLDUMP <<< "${MYSQLDUMP:-mysqldump --protocol=socket -uroot}"
WORK=$(mktemp -d)
# shellcheck source=lib/platform.sh
. "$ROOT/.ci/lib/platform.sh"
trap stop_app_on_exit EXIT

step "a platform on a fresh database $SRC with running cases"
fresh_database "$SRC"
start_app "$SRC"
running_cases "$SRC"

step "mysqldump of $SRC while the platform runs (docs/backup-restore.md, step 1)"
"${MYSQLDUMP[@]}" --single-transaction --quick --routines --triggers --events --hex-blob \
  --default-character-set=utf8mb4 "$SRC" > "$WORK/backup.sql"
sha256sum "$WORK/backup.sql" > "$WORK/backup.sql.sha256"
stop_app

step "restore into a fresh database $DST (step 2) and start the platform on it (step 3)"
sha256sum -c --quiet "$WORK/backup.sql.sha256"
fresh_database "$DST"
"${MYSQL_ROOT[@]}" "$DST" < "$WORK/backup.sql"
for table in application case_event audit_log ACT_RU_EXECUTION ACT_RU_JOB ACT_RU_TASK; do
  [ "$(sql "$SRC" "select count(*) from $table")" = "$(sql "$DST" "select count(*) from $table")" ] \
    || fail "$table differs between the dump's source and the restored copy"
done
start_app "$DST"

step "the queue holds the case; the clerk decides it on the restored copy (step 4)"
funeral_case_goes_on "$DST"

step "the day after the cooling-off period the platform reports, the restored timer fires and the divorce moves on"
MOVED=$(divorce_timer_fires "$DST")
echo "backup-restore: ok (restored $(wc -c < "$WORK/backup.sql") bytes; $FNO decided on; $DNO: $MOVED)"
stop_app
"${MYSQL_ROOT[@]}" -e "DROP DATABASE $SRC; DROP DATABASE $DST;"
