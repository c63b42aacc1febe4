#!/usr/bin/env bash
# The OpenAPI contract under Redocly's recommended rules: 0 errors or this fails. The document is the one the
# application serves at /v3/api-docs, written to backend/target/openapi.json by OpenApiContractIT (part of
# ./mvnw verify); without it, the IT runs alone first. Warnings left, each on purpose (docs/operations.md, "Operations"):
# operation-4xx-response on the four public reads without any input (GET /api/services, /api/services/districts,
# /api/public/sign-in, /api/public/appointments/options): nothing a caller sends can be refused there.
set -euo pipefail
cd "$(dirname "$0")/.."
DOC=backend/target/openapi.json
REDOCLY_CLI=@redocly/cli@2.77.0
if [ ! -f "$DOC" ]; then
  ./mvnw -B -q --no-transfer-progress -pl backend -Dweb.skip verify -Dtest=NoSuchTest \
    -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=OpenApiContractIT
fi
npx --yes "$REDOCLY_CLI" lint --extends recommended --format stylish "$DOC"
