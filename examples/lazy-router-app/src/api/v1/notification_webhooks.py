"""Inbound delivery webhooks from the messaging provider. Loaded eagerly: the provider's health probe must
answer on a cold start without waiting for a lazy import."""
from core.http import json_response
from core.routing import Router

router = Router("notification-webhooks")


@router.get("/health", public=True)
def health(request):
    return json_response(200, {"status": "ok", "component": "notification-webhooks"})


@router.post("/deliveries")
def delivery(request):
    event = request.json() or {}
    return json_response(202, {"accepted": True, "messageId": event.get("messageId")})
