#!/usr/bin/env bash
# The dump test (issue #16): after the walkthroughs (docs/walkthroughs.md), a dump of the whole database holds none of the
# walkthrough's names, ID numbers, bank accounts, phone numbers or attachment bytes in plain text.
#   .ci/dump-check.sh h2 DIR                    H2's SCRIPT of DIR/civil-approval (the jar must be stopped: H2 locks the file)
#   .ci/dump-check.sh mysql DATABASE USER PASS  mysqldump of DATABASE on 127.0.0.1:3306 (with binary as is, and as hex)
# The probes are read from the walkthroughs (docs/walkthroughs.md) (the personal fields of its JSON bodies) and the bytes of
# the PDF it uploads, so that a new step with new personal data is checked without editing this script.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:?h2 or mysql}
dump=$(mktemp -d)
trap 'rm -rf "$dump"' EXIT

case "$kind" in
  h2)
    dir=${2:?the directory that holds civil-approval.mv.db}
    [ -f "$dir/civil-approval.mv.db" ] || { echo "dump-check: no H2 database in $dir"; exit 1; }
    # H2 from the packaged jar itself: the same version that wrote the file.
    jar=$(ls backend/target/civil-approval-backend-*.jar | head -1)
    unzip -p "$jar" 'BOOT-INF/lib/h2-*.jar' > "$dump/h2.jar"
    java -cp "$dump/h2.jar" org.h2.tools.Script -url "jdbc:h2:file:$(cd "$dir" && pwd)/civil-approval;MODE=LEGACY" \
      -user sa -script "$dump/dump.sql"
    ;;
  mysql)
    db=${2:?database}; user=${3:?user}; pass=${4:-}
    mysqldump -h127.0.0.1 -P3306 -u"$user" ${pass:+-p"$pass"} --single-transaction --no-tablespaces "$db" > "$dump/dump.sql"
    mysqldump -h127.0.0.1 -P3306 -u"$user" ${pass:+-p"$pass"} --single-transaction --no-tablespaces --hex-blob "$db" > "$dump/dump-hex.sql"
    ;;
  *) echo "dump-check: h2 or mysql, not $kind"; exit 2 ;;
esac

python3 - "$dump" <<'PY'
import glob, re, sys

readme = open("docs/walkthroughs.md", encoding="utf-8").read()
block = readme.split("<!-- walkthrough:start -->", 1)[1].split("<!-- walkthrough:end -->", 1)[0]
# The personal fields of the walkthrough's forms: people's names, ID numbers, phones, bank accounts.
personal = re.compile(r'"((?:deceased|applicant|party[AB]|legalRep|contact|agent|guardian)Name'
                      r'|\w*IdNumber|\w*Phone|phone|bankAccount)"\s*:\s*"([^"$]+)"')
probes = {}
for key, value in personal.findall(block):
    # A deliberately invalid value (the walkthrough's "12345") is no one's number and would match anywhere.
    if not re.fullmatch(r"[0-9]{1,10}", value):
        probes.setdefault(value, key)
# The bytes of the file it uploads (printf's format, as bash expands it).
fmt = re.search(r"printf '([^']*)' > /tmp/scan\.pdf", block)
if not fmt:
    sys.exit("dump-check: the walkthrough's upload (printf ... > /tmp/scan.pdf) was not found in docs/walkthroughs.md")
pdf = fmt.group(1).replace("%%", "%").replace("\\n", "\n").encode()
numbers = [v for v in probes if re.fullmatch(r"[0-9Xx]{11,19}", v)]
names = [v for v in probes if v not in numbers]
if len(numbers) < 5 or len(names) < 4:
    sys.exit(f"dump-check: too few probes read from docs/walkthroughs.md ({probes}): the pattern no longer fits it")

found = []
files = sorted(glob.glob(sys.argv[1] + "/dump*.sql"))
total = 0
for path in files:
    raw = open(path, "rb").read()
    total += len(raw)
    text = raw.decode("utf-8", errors="replace")
    # H2's SCRIPT writes text beyond ASCII as U&'\6838\+020bb7' escapes: read them back as the characters they are.
    text = re.sub(r"\\\+([0-9a-fA-F]{6})|\\([0-9a-fA-F]{4})",
                  lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    for value in probes:
        if value in text:
            at = text.index(value)
            line = text[text.rfind("\n", 0, at) + 1: at + 60].replace("\n", " ")
            found.append(f"{probes[value]} {value!r} in {path.rsplit('/', 1)[1]}: ...{line[-160:]}")
    for needle in (pdf, pdf.hex().encode(), pdf.hex().upper().encode(),
                   pdf.replace(b"\n", b"\\n"), b"/Type/Catalog"):
        if needle in raw:
            found.append(f"the uploaded file's bytes ({needle[:24]!r}...) in {path.rsplit('/', 1)[1]}")
if found:
    print("dump-check: FAILED, plain personal data in the dump:")
    print("\n".join("  " + f for f in found))
    sys.exit(1)
print(f"dump-check: PASSED, {len(files)} dump(s), {total:,} bytes: none of {len(names)} names, {len(numbers)}"
      f" ID/phone/account numbers or the uploaded file's {len(pdf)} bytes in plain text or hex")
PY
