#!/usr/bin/env bash
# Runs the walkthroughs of docs/walkthroughs.md verbatim (the bash blocks between the walkthrough markers) against a running
# platform on http://localhost:8080 (or WALKTHROUGH_BASE, e.g. http://localhost:18500 for a jar on another port),
# and checks what they say you should see.
set -euo pipefail
cd "$(dirname "$0")/.."
script=$(mktemp)
{
  echo 'set -euo pipefail'
  awk '/<!-- walkthrough:start -->/{on=1;next} /<!-- walkthrough:end -->/{on=0} on' docs/walkthroughs.md \
    | awk '/^```bash$/{inb=1;next} /^```$/{inb=0;next} inb' \
    | sed "s#^B=http://localhost:8080\$#B=${WALKTHROUGH_BASE:-http://localhost:8080}#"
  cat <<'CHECKS'
FINAL=$(curl -s -u zhangsan:demo $B/api/applications/$NO)
echo "$FINAL" | grep -q '"outcome":"PAID"' || { echo "walkthrough: expected PAID, got $FINAL"; exit 1; }
echo "$FINAL" | grep -q '𠮷林' || { echo "walkthrough: the 4-byte name did not round-trip"; exit 1; }
TRACK=$(curl -s -H 'Content-Type: application/json' $B/api/public/track -d "{\"applicationNo\":\"$NO\",\"queryCode\":\"$CODE\"}")
echo "$TRACK" | grep -q '已同意报销并支付' || { echo "walkthrough: public tracking lacks the decision: $TRACK"; exit 1; }
if echo "$TRACK" | grep -q -e '𠮷' -e '442000194503012129' -e '张三'; then echo "walkthrough: personal data in public tracking"; exit 1; fi
MFINAL=$(curl -s -u clerk-marriage:demo $B/api/applications/$MNO)
echo "$MFINAL" | grep -q '"outcome":"REGISTERED"' || { echo "walkthrough: marriage not registered: $MFINAL"; exit 1; }
DFINAL=$(curl -s -u clerk-marriage:demo $B/api/applications/$DNO)
echo "$DFINAL" | grep -q '"outcome":"REGISTERED"' || { echo "walkthrough: divorce not registered: $DFINAL"; exit 1; }
SFINAL=$(curl -s -u zhangsan:demo $B/api/applications/$SONO)
echo "$SFINAL" | grep -q '"outcome":"REGISTERED"' || { echo "walkthrough: social organisation not registered: $SFINAL"; exit 1; }
SDOCS=$(curl -s -u zhangsan:demo $B/api/socialorg/$SONO/documents)
echo "$SDOCS" | grep -q '"creditCode":"51442000' || { echo "walkthrough: no credit code in $SDOCS"; exit 1; }
FFINAL=$(curl -s -u zhangsan:demo $B/api/applications/$FNO)
echo "$FFINAL" | grep -q '"outcome":"NOT_COMPETENT"' || { echo "walkthrough: foundation not refused as not competent: $FFINAL"; exit 1; }
curl -s -u zhangsan:demo $B/api/socialorg/$FNO/documents | grep -q '广东省民政厅' || { echo "walkthrough: competent authority not named"; exit 1; }
curl -s -u zhangsan:demo $B/api/applications/$CNO | grep -q '"outcome":"CHANGE_REGISTERED"' || { echo "walkthrough: name change not registered"; exit 1; }
curl -s -u zhangsan:demo $B/api/applications/$XNO | grep -q '"outcome":"CANCELLED"' || { echo "walkthrough: cancellation not registered"; exit 1; }
PFINAL=$(curl -s -u zhangsan:demo $B/api/applications/$PNO)
echo "$PFINAL" | grep -q '"outcome":"APPROVED"' || { echo "walkthrough: place name not approved: $PFINAL"; exit 1; }
echo "$PFINAL" | grep -q 'FILING_OVERDUE' && { echo "walkthrough: the applicant sees the internal escalation"; exit 1; }
curl -s -u chief:demo $B/api/applications/$PNO | grep -q 'FILING_OVERDUE' || { echo "walkthrough: late filing not escalated"; exit 1; }
curl -s -u zhangsan:demo $B/api/placename/$PNO/announcement | grep -q '"published":true' || { echo "walkthrough: announcement not published"; exit 1; }
echo "walkthrough: PASSED ($NO paid; public tracking without personal data; marriage $MNO and divorce $DNO registered; social organisation $SONO registered, renamed ($CNO) and cancelled ($XNO), foundation $FNO refused as not competent; place name $PNO approved, filed late and escalated, announced)"
CHECKS
} > "$script"
bash "$script"
