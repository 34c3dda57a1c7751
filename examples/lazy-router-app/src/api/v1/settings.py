"""Organization settings."""
from core.http import json_response
from core.routing import Router

router = Router("settings")


@router.get("")
def list_settings(request):
    return json_response(200, {"items": [], "resource": "settings", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_settings(request, item_id):
    return json_response(200, {"id": item_id, "resource": "settings"})


@router.post("")
def create_settings(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "settings", "fields": sorted(item)})
