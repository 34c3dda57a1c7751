"""Lambda entry point (Handler: app.handler). The task root is this directory: imports are relative to it."""
import json
import logging
import os

from api.v1 import notification_webhooks
from api.v1.registry import ROUTER_MODULES
from core.auth import authenticate
from core.http import Request, json_response
from core.routing import LazyRouters

logger = logging.getLogger()
logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))

API_PREFIX = "/api/v1/"
ROUTERS = LazyRouters(ROUTER_MODULES, eager={"notification-webhooks": notification_webhooks.router})


def handler(event, context):
    request = Request.from_apigw_v1(event)
    try:
        response = dispatch(request)
    except Exception:
        # What the incident's logs showed for every lazily-loaded route: the traceback, then a 500.
        logger.exception("Unhandled error on %s %s", request.method, request.path)
        response = json_response(500, {"detail": "Internal Server Error"})
    logger.info("%s %s -> %d", request.method, request.path, response.status)
    return response.to_apigw()


def dispatch(request):
    if request.path == "/":
        return json_response(200, {"service": "lazy-router-app", "stage": os.environ.get("STAGE"),
                                   "routers": ROUTERS.names()})
    if request.path == "/health":
        return json_response(200, {"status": "ok"})
    if not request.path.startswith(API_PREFIX):
        return json_response(404, {"detail": "Not Found"})
    name, _, rest = request.path[len(API_PREFIX):].partition("/")
    # Route lookup imports the router before auth runs (as FastAPI resolves the route first): a broken lazy
    # import therefore answers 500 even to unauthenticated requests.
    router = ROUTERS.get(name)
    if router is None:
        return json_response(404, {"detail": "Not Found"})
    route, params = router.match(request.method, "/" + rest if rest else "")
    if route is None:
        return json_response(404, {"detail": "Not Found"})
    if route == "method-not-allowed":
        return json_response(405, {"detail": "Method Not Allowed"})
    if not route.public:
        subject, denied = authenticate(request)
        if denied is not None:
            return denied
        request.subject = subject
    return route.func(request, **params)
