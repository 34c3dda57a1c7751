#!/usr/bin/python3
"""The incident's approach, as written by hand: invoke the function directly, one API Gateway event after the
other, and check each status code. Debian's python3-boto3.

    boto3_checks.py ENDPOINT FUNCTION N SLEEP_MS
"""
import json
import sys
import time
import uuid

import boto3
from botocore.config import Config


def api_gateway_event(method, path, query):
    return {
        "resource": "/{proxy+}",
        "path": path,
        "httpMethod": method,
        "headers": {"Accept": "application/json", "Host": "lvapi00001.execute-api.us-east-1.amazonaws.com"},
        "multiValueHeaders": {"Accept": ["application/json"]},
        "queryStringParameters": query,
        "multiValueQueryStringParameters": {k: [v] for k, v in query.items()},
        "pathParameters": {"proxy": path.lstrip("/")},
        "stageVariables": None,
        "requestContext": {
            "resourcePath": "/{proxy+}",
            "httpMethod": method,
            "path": "/verify" + path,
            "stage": "verify",
            "requestId": str(uuid.uuid4()),
            "requestTimeEpoch": int(time.time() * 1000),
            "identity": {"sourceIp": "127.0.0.1", "userAgent": "boto3-script"},
            "accountId": "123456789012",
            "apiId": "lvapi00001",
        },
        "body": None,
        "isBase64Encoded": False,
    }


def main():
    endpoint, function, n, sleep_ms = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    client = boto3.client("lambda", endpoint_url=endpoint,
                          config=Config(retries={"max_attempts": 1}, read_timeout=60))
    failures = 0
    for i in range(1, n + 1):
        event = api_gateway_event("GET", "/items/%d" % i, {"sleep_ms": sleep_ms})
        result = client.invoke(FunctionName=function, Payload=json.dumps(event).encode())
        response = json.loads(result["Payload"].read())
        if result.get("FunctionError") or response.get("statusCode") != 200:
            failures += 1
            print("FAIL GET /items/%d: %s" % (i, response), file=sys.stderr)
    print("%d checks, %d failed" % (n, failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
