"""Conversations between administrators and providers."""
from core.http import json_response
from core.routing import Router

router = Router("messaging")


@router.get("")
def list_messaging(request):
    return json_response(200, {"items": [], "resource": "messaging", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_messaging(request, item_id):
    return json_response(200, {"id": item_id, "resource": "messaging"})


@router.post("")
def create_messaging(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "messaging", "fields": sorted(item)})
