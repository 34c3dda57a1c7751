"""API Gateway (REST API, payload v1) proxy events in, proxy responses out."""
import base64
import json
from urllib.parse import quote


class Request:
    def __init__(self, method, path, headers, query, body, request_id):
        self.method = method
        self.path = path
        self.headers = headers
        self.query = query
        self.body = body
        self.request_id = request_id

    @classmethod
    def from_apigw_v1(cls, event):
        headers = {}
        # multiValueHeaders wins over headers, as API Gateway fills both; names are case-insensitive.
        for name, value in (event.get("headers") or {}).items():
            headers[name.lower()] = value
        for name, values in (event.get("multiValueHeaders") or {}).items():
            if values:
                headers[name.lower()] = values[-1]
        body = event.get("body")
        if body is not None and event.get("isBase64Encoded"):
            body = base64.b64decode(body).decode("utf-8", "replace")
        context = event.get("requestContext") or {}
        return cls(
            method=(event.get("httpMethod") or "GET").upper(),
            path=event.get("path") or "/",
            headers=headers,
            query=event.get("queryStringParameters") or {},
            body=body,
            request_id=context.get("requestId"),
        )

    def header(self, name, default=None):
        return self.headers.get(name.lower(), default)

    def json(self):
        return json.loads(self.body) if self.body else None

    def wants_html(self):
        accept = self.header("accept", "")
        return "text/html" in accept


class Response:
    def __init__(self, status, body="", headers=None):
        self.status = status
        self.body = body
        self.headers = headers or {}

    def to_apigw(self):
        return {
            "statusCode": self.status,
            "headers": self.headers,
            "multiValueHeaders": {},
            "body": self.body,
            "isBase64Encoded": False,
        }


def json_response(status, payload, headers=None):
    all_headers = {"Content-Type": "application/json"}
    all_headers.update(headers or {})
    return Response(status, json.dumps(payload), all_headers)


def redirect(location, status=307):
    return Response(status, "", {"Location": location, "Content-Type": "text/html; charset=utf-8"})


def login_redirect(request):
    return redirect("/login?next=" + quote(request.path, safe=""))
