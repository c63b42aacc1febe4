#!/usr/bin/env bash
# Builds the platform on the previous Camunda release (the pom's camunda.previous.version) from a copy of this tree,
# without the web UI, and copies its jar to the path given (for .ci/engine-upgrade.sh). .ci/run starts it in the
# background while the walkthroughs run, since it is most of the upgrade test's time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT=${1:?usage: build-previous-engine.sh OUTPUT_JAR}
PREVIOUS=$(sed -n 's|.*<camunda.previous.version>\(.*\)</camunda.previous.version>.*|\1|p' pom.xml)
SRC=$(mktemp -d)
trap 'rm -rf "$SRC"' EXIT
tar -C "$ROOT" --exclude=./.git --exclude='./.ci/work' --exclude='*/target' --exclude='*/node_modules' -cf - . \
  | tar -C "$SRC" -xf -
(cd "$SRC" && ./mvnw -B -q --no-transfer-progress -pl backend package -DskipTests -Dweb.skip \
  -Dcamunda.version="$PREVIOUS")
cp "$(ls "$SRC"/backend/target/civil-approval-backend-*.jar | grep -v -- -plain | head -1)" "$OUT"
