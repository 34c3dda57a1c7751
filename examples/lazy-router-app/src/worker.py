"""Second function of the stack (Handler: worker.handler): drains notification jobs from SQS."""
import json
import logging

logger = logging.getLogger()
logger.setLevel(logging.INFO)


def handler(event, context):
    records = event.get("Records") or []
    failures = []
    for record in records:
        try:
            job = json.loads(record.get("body") or "{}")
            logger.info("notification %s to %s", job.get("template"), job.get("recipient"))
        except ValueError:
            failures.append({"itemIdentifier": record.get("messageId")})
    return {"batchItemFailures": failures}
