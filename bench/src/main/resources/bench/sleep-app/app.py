"""The benchmark's function: answers like an API Gateway proxy integration after sleeping the chosen latency.

The latency comes from the event (query parameter sleep_ms), else from the SLEEP_MS environment variable, so one
warm pool serves every latency the benchmark measures.
"""
import json
import os
import time


def handler(event, context):
    query = event.get("queryStringParameters") or {}
    sleep_ms = int(query.get("sleep_ms") or os.environ.get("SLEEP_MS", "0"))
    if sleep_ms > 0:
        time.sleep(sleep_ms / 1000.0)
    return {
        "statusCode": 200,
        "headers": {"Content-Type": "application/json"},
        "body": json.dumps({"path": event.get("path"), "slept_ms": sleep_ms}),
    }
