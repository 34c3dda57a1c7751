"""Notifications sent to providers and administrators."""
from core.http import json_response
from core.routing import Router

router = Router("notifications")


@router.get("")
def list_notifications(request):
    return json_response(200, {"items": [], "resource": "notifications", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_notifications(request, item_id):
    return json_response(200, {"id": item_id, "resource": "notifications"})


@router.post("")
def create_notifications(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "notifications", "fields": sorted(item)})
