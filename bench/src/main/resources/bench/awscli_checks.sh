#!/usr/bin/env bash
# The shell-loop approach: one `aws lambda invoke` per check (Debian's awscli), an API Gateway event per file.
#   awscli_checks.sh AWS ENDPOINT FUNCTION N SLEEP_MS WORKDIR
set -uo pipefail
aws=$1 endpoint=$2 function=$3 n=$4 sleep_ms=$5 dir=$6
binary_format=()
"$aws" --version 2>&1 | grep -q '^aws-cli/1\.' || binary_format=(--cli-binary-format raw-in-base64-out)
failures=0
for i in $(seq 1 "$n"); do
  cat > "$dir/event.json" <<JSON
{"resource": "/{proxy+}", "path": "/items/$i", "httpMethod": "GET",
 "headers": {"Accept": "application/json"}, "queryStringParameters": {"sleep_ms": "$sleep_ms"},
 "pathParameters": {"proxy": "items/$i"}, "requestContext": {"stage": "verify", "httpMethod": "GET",
 "path": "/verify/items/$i", "accountId": "123456789012", "apiId": "lvapi00001"}, "body": null,
 "isBase64Encoded": false}
JSON
  if ! "$aws" lambda invoke --endpoint-url "$endpoint" --function-name "$function" "${binary_format[@]}" \
      --payload "file://$dir/event.json" "$dir/out.json" > /dev/null \
      || ! grep -Eq '"statusCode": ?200' "$dir/out.json"; then
    failures=$((failures + 1))
    echo "FAIL GET /items/$i" >&2
  fi
done
echo "$n checks, $failures failed"
[ "$failures" -eq 0 ]
