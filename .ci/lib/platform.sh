# Shared by the operator scripts in .ci/ (backup-restore.sh, engine-upgrade.sh): a platform jar started on a MariaDB
# database of the script's own, and the small readers they use. The sourcing script sets PORT, USER_, PASS, WORK and
# MYSQL_ROOT (an array) before calling these; every wait is bounded.
B=http://127.0.0.1:$PORT
APP_PID=""

step() { echo "--- $(basename "$0" .sh): $*"; }
fail() { { echo "$(basename "$0" .sh) FAILED: $*"; [ -f "$WORK/app.log" ] && tail -40 "$WORK/app.log"; } >&2; exit 1; }
# A day N days from another (dates come from the platform, never from this machine).
day() { node -e 'const d=new Date(process.argv[1].slice(0,10)+"T00:00:00Z");d.setUTCDate(d.getUTCDate()+Number(process.argv[2]));console.log(d.toISOString().slice(0,10))' "$1" "$2"; }
json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{let v=JSON.parse(s);for(const k of process.argv[1].split("."))v=v[k];console.log(typeof v==="object"?JSON.stringify(v):v)})' "$1"; }
sql() { "${MYSQL_ROOT[@]}" -N -B "$1" -e "$2"; }

stop_app_on_exit() {
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}

fresh_database() {
  "${MYSQL_ROOT[@]}" <<SQL
DROP DATABASE IF EXISTS $1;
CREATE DATABASE $1 CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE USER IF NOT EXISTS '$USER_'@'127.0.0.1' IDENTIFIED BY '$PASS';
GRANT ALL ON $1.* TO '$USER_'@'127.0.0.1';
SQL
}

# start_app DATABASE [JAR]: the platform (profile mysql, demo clock on, no demo cases) on the database, on $PORT.
# The demo registrars' qualifications (R80) are recorded as on a first start with the demo data: the scripts check
# marriages and divorces in as clerk-marriage, which the platform allows only to a certified registrar.
start_app() {
  local jar=${2:-$JAR}
  (exec env SPRING_PROFILES_ACTIVE=mysql PORT="$PORT" SERVER_ADDRESS=127.0.0.1 DEMO_DATA=false DEMO_TIME_TRAVEL=true \
      PLATFORM_MARRIAGE_REGISTRARSEED_ENABLED=true \
      DB_URL="jdbc:mysql://127.0.0.1:3306/$1?characterEncoding=UTF-8&sendFractionalSeconds=false&nullCatalogMeansCurrent=true&useSSL=false&allowPublicKeyRetrieval=true" \
      DB_USER=$USER_ DB_PASSWORD=$PASS PLATFORM_HASH_KEY=operator-scripts-test-hash-key \
      DATA_ENCRYPTION_KEYS="br:JpnBi3aXe8PXjfNYePxgTqueX8XFTM4yu2UEdxnZHq4=" \
      java -Xmx512m -jar "$jar" >> "$WORK/app.log" 2>&1) &
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

# Two running cases: a funeral reimbursement in 陈明's (clerk-funeral-xl) queue, whose number goes to FNO, and a
# divorce accepted into its 30-day cooling-off period (a waiting timer), whose number goes to DNO and process
# instance to DPI. DATABASE is the platform's.
running_cases() {
  local TODAY FILE INVOICE TASK TIMERS
  TODAY=$(curl -s -u admin:demo "$B/api/calendar/today" | json today)
  printf '%%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' > "$WORK/scan.pdf"
  FILE=$(curl -s -u zhangsan:demo -F "file=@$WORK/scan.pdf;filename=c.pdf" "$B/api/attachments" | json id)
  INVOICE=$(curl -s -u zhangsan:demo -F "file=@$WORK/scan.pdf;filename=i.pdf" "$B/api/attachments" | json id)
  FNO=$(curl -s -u zhangsan:demo -H 'Content-Type: application/json' "$B/api/applications" -d @- <<JSON | json applicationNo
{"serviceCode": "funeral-fee-reimbursement", "data": {
  "district": "xiaolan", "deceasedName": "𠮷林", "deceasedIdNumber": "442000194503012129",
  "dateOfDeath": "$(day "$TODAY" -18)", "deathCertificateNo": "SW4401002026077",
  "cremationCertificateNo": "HZ440100202600123", "cremationDate": "$(day "$TODAY" -15)", "funeralHome": "广州市殡葬服务中心",
  "items": [{"itemCode": "CREMATION", "quantity": 1, "charge": 350}],
  "waivedElsewhereDeclared": "no", "applicantName": "张三", "applicantIdNumber": "442000199001011014",
  "relationship": "CHILD", "phone": "13800138000", "bankName": "中国工商银行中山分行",
  "bankAccount": "6222020000123456789", "cremationCertificateFile": "$FILE", "invoiceFile": ["$INVOICE"],
  "declaration": true}}
JSON
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
  DPI=$(sql "$1" "select process_instance_id from application where application_no = '$DNO'")
  TIMERS=$(sql "$1" "select count(*) from ACT_RU_JOB where PROCESS_INSTANCE_ID_ = '$DPI' and TYPE_ = 'timer'")
  [ "$TIMERS" -ge 1 ] || fail "no cooling-off timer on the divorce"
  await "$FNO" in_queue clerk-funeral-xl "$FNO"
}

# The funeral case still in 陈明's queue is accepted and reaches the review (DATABASE is the platform's).
funeral_case_goes_on() {
  local TASK
  TASK=$(next_task clerk-funeral-xl)
  [ -n "$TASK" ] || fail "the funeral case is not in 陈明's queue"
  curl -sf -u clerk-funeral-xl:demo -H 'Content-Type: application/json' -X POST "$B/api/tasks/$TASK/complete" \
    -d '{"data":{"decision":"accept"}}' || fail "the funeral case could not be accepted"
  await Task_ReviewReimbursement open_task "$1" "$FNO"
}

# The day after the cooling-off period the platform reports, the divorce's timer fires and the case moves on.
divorce_timer_fires() {
  local BEFORE T1 FIRED AFTER
  BEFORE=$(curl -s -u clerk-marriage:demo "$B/api/applications/$DNO" | json summary.statusText)
  T1=$(curl -s -u clerk-marriage:demo "$B/api/divorces/$DNO" | json coolingOffEndsOn)
  curl -sf -u admin:demo -H 'Content-Type: application/json' -X POST "$B/api/admin/demo-clock" \
    -d "{\"to\":\"$(day "$T1" 1)\"}" >/dev/null
  FIRED=$(sql "$1" "select count(*) from ACT_HI_ACTINST where PROC_INST_ID_ = '$DPI' and ACT_TYPE_ like '%Timer%' and END_TIME_ is not null")
  [ "$FIRED" -ge 1 ] || fail "the cooling-off timer did not fire"
  AFTER=$(curl -s -u clerk-marriage:demo "$B/api/applications/$DNO" | json summary.statusText)
  [ "$BEFORE" != "$AFTER" ] || fail "the divorce did not move on after its timer ($AFTER)"
  echo "$BEFORE -> $AFTER"
}
