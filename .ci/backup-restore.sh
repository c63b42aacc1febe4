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
B=http://127.0.0.1:$PORT
SRC=${BACKUP_TEST_DB:-ops_backup}_src
DST=${BACKUP_TEST_DB:-ops_backup}_restored
USER_=ops_backup_app
PASS=ops_backup_pw
read -r -a MYSQL_ROOT <<< "${MYSQL_ROOT:-mysql --protocol=socket -uroot}"
read -r -a MYSQLDUMP <<< "${MYSQLDUMP:-mysqldump --protocol=socket -uroot}"
WORK=$(mktemp -d)
APP_PID=""

cleanup() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
step() { echo "--- backup-restore: $*"; }
fail() { echo "backup-restore FAILED: $*"; [ -f "$WORK/app.log" ] && tail -40 "$WORK/app.log"; exit 1; }
# A day N days from another (dates come from the platform, never from this machine).
day() { node -e 'const d=new Date(process.argv[1].slice(0,10)+"T00:00:00Z");d.setUTCDate(d.getUTCDate()+Number(process.argv[2]));console.log(d.toISOString().slice(0,10))' "$1" "$2"; }
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split("."))v=v[k];console.log(typeof v==="object"?JSON.stringify(v):v)})' "$1"; }
sql() { "${MYSQL_ROOT[@]}" -N -B "$1" -e "$2"; }

fresh_database() {
  "${MYSQL_ROOT[@]}" <<SQL
DROP DATABASE IF EXISTS $1;
CREATE DATABASE $1 CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS '$USER_'@'127.0.0.1' IDENTIFIED BY '$PASS';
GRANT ALL ON $1.* TO '$USER_'@'127.0.0.1';
SQL
}

start_app() {
  (exec env SPRING_PROFILES_ACTIVE=mysql PORT="$PORT" SERVER_ADDRESS=127.0.0.1 DEMO_DATA=false DEMO_TIME_TRAVEL=true \
      DB_URL="jdbc:mysql://127.0.0.1:3306/$1?characterEncoding=UTF-8&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true" \
      DB_USER=$USER_ DB_PASSWORD=$PASS PLATFORM_HASH_KEY=backup-restore-test-hash-key \
      DATA_ENCRYPTION_KEYS="br:JpnBi3aXe8PXjfNYePxgTqueX8XFTM4yu2UEdxnZHq4=" \
      java -Xmx512m -jar "$JAR" > "$WORK/app.log" 2>&1) &
  APP_PID=$!
  for _ in $(seq 1 300); do
    curl -sf "$B/actuator/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || break
    sleep 1
  done
  fail "the platform did not start on $1"
}

stop_app() {
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}

# Waits (at most 60 s) until the command's output equals the expected value.
await() {
  local expected=$1; shift
  for _ in $(seq 1 60); do
    [ "$("$@" 2>/dev/null)" = "$expected" ] && return 0
    sleep 1
  done
  fail "waited for '$expected' from: $*"
}
next_task() { curl -s -u "$1":demo -X POST "$B/api/tasks/next" | json taskId; }
# The case's number when it is in the user's queue, else nothing.
in_queue() {
  curl -s -u "$1":demo "$B/api/tasks?size=100" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).items.some(i=>i.applicationNo===process.argv[1])?process.argv[1]:""))' "$2"
}
# The open task of a case in a database, by its key in the model.
open_task() {
  sql "$1" "select t.TASK_DEF_KEY_ from ACT_RU_TASK t join application a on a.process_instance_id = t.PROC_INST_ID_ where a.application_no = '$2'"
}

step "a platform on a fresh database $SRC with running cases"
fresh_database "$SRC"
start_app "$SRC"
TODAY=$(curl -s -u admin:demo "$B/api/calendar/today" | json today)
printf '%%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' > "$WORK/scan.pdf"
FILE=$(curl -s -u zhangsan:demo -F "file=@$WORK/scan.pdf;filename=c.pdf" "$B/api/attachments" | json id)
INVOICE=$(curl -s -u zhangsan:demo -F "file=@$WORK/scan.pdf;filename=i.pdf" "$B/api/attachments" | json id)
FNO=$(curl -s -u zhangsan:demo -H 'Content-Type: application/json' "$B/api/applications" -d @- <<EOF | json applicationNo
{"serviceCode": "funeral-fee-reimbursement", "data": {
  "district": "xiaolan", "deceasedName": "𠮷林", "deceasedIdNumber": "442000194503012129",
  "dateOfDeath": "$(day "$TODAY" -18)", "deathCertificateNo": "SW4401002026077",
  "cremationCertificateNo": "HZ440100202600123", "cremationDate": "$(day "$TODAY" -15)", "funeralHome": "广州市殡葬服务中心",
  "items": [{"itemCode": "CREMATION", "quantity": 1, "charge": 350}],
  "waivedElsewhereDeclared": "no", "applicantName": "张三", "applicantIdNumber": "442000199001011014",
  "relationship": "CHILD", "phone": "13800138000", "bankName": "中国工商银行中山分行",
  "bankAccount": "6222020000123456789", "cremationCertificateFile": "$FILE", "invoiceFile": ["$INVOICE"],
  "declaration": true}}
EOF
)
DNO=$(curl -s -u clerk-marriage:demo -H 'Content-Type: application/json' "$B/api/applications" -d '{
  "serviceCode": "divorce-registration", "data": {"district": "shiqi",
  "partyAName": "刘建华", "partyAIdNumber": "442000198804046814", "partyAPhone": "13800000001",
  "partyBName": "赵丽", "partyBIdNumber": "442000199009097924", "partyBPhone": "13800000002",
  "marriageCertificateNo": "J442000-2015-000123", "certificatesPresent": "BOTH", "agreementProvided": true,
  "agreementCovers": ["VOLUNTARY","CHILDREN","PROPERTY","DEBTS"], "fullCapacity": "yes",
  "marriageRegisteredIn": "MAINLAND", "bothPresent": true}}' | json applicationNo)
[ -n "$FNO" ] && [ -n "$DNO" ] || fail "the cases were not received"
await "$DNO" in_queue clerk-marriage "$DNO"
TASK=$(next_task clerk-marriage)
curl -sf -u clerk-marriage:demo -H 'Content-Type: application/json' -X POST "$B/api/tasks/$TASK/complete" \
  -d '{"data":{"decision":"accept"}}' || fail "the divorce was not accepted"
PI=$(sql "$SRC" "select process_instance_id from application where application_no = '$DNO'")
TIMERS=$(sql "$SRC" "select count(*) from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = '$PI' and TYPE_ = 'timer'")
[ "$TIMERS" -ge 1 ] || fail "no cooling-off timer on the divorce"
await "$FNO" in_queue clerk-funeral-xl "$FNO"

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
TASK=$(next_task clerk-funeral-xl)
[ -n "$TASK" ] || fail "the funeral case is not in 陈明's queue after the restore"
curl -sf -u clerk-funeral-xl:demo -H 'Content-Type: application/json' -X POST "$B/api/tasks/$TASK/complete" \
  -d '{"data":{"decision":"accept"}}' || fail "the restored case could not be accepted"
await Task_ReviewReimbursement open_task "$DST" "$FNO"

step "the day after the cooling-off period the platform reports, the restored timer fires and the divorce moves on"
BEFORE=$(curl -s -u clerk-marriage:demo "$B/api/applications/$DNO" | json summary.statusText)
T1=$(curl -s -u clerk-marriage:demo "$B/api/divorces/$DNO" | json coolingOffEndsOn)
curl -sf -u admin:demo -H 'Content-Type: application/json' -X POST "$B/api/admin/demo-clock" \
  -d "{\"to\":\"$(day "$T1" 1)\"}" >/dev/null
FIRED=$(sql "$DST" "select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = '$PI' and ACT_TYPE_ like '%Timer%' and END_TIME_ is not null")
[ "$FIRED" -ge 1 ] || fail "the cooling-off timer did not fire on the restored database"
AFTER=$(curl -s -u clerk-marriage:demo "$B/api/applications/$DNO" | json summary.statusText)
[ "$BEFORE" != "$AFTER" ] || fail "the divorce did not move on after its timer ($AFTER)"
echo "backup-restore: ok (restored $(wc -c < "$WORK/backup.sql") bytes; $FNO decided on; $DNO: $BEFORE -> $AFTER)"
stop_app
"${MYSQL_ROOT[@]}" -e "DROP DATABASE $SRC; DROP DATABASE $DST;"
