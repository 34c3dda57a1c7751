"""Plan subscriptions of organizations."""
from core.http import json_response
from core.routing import Router

router = Router("subscriptions")


@router.get("")
def list_subscriptions(request):
    return json_response(200, {"items": [], "resource": "subscriptions", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_subscriptions(request, item_id):
    return json_response(200, {"id": item_id, "resource": "subscriptions"})


@router.post("")
def create_subscriptions(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "subscriptions", "fields": sorted(item)})
