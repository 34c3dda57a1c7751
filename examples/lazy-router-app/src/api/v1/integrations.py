"""Connections to licensing boards and HR systems."""
from core.http import json_response
from core.routing import Router

router = Router("integrations")


@router.get("")
def list_integrations(request):
    return json_response(200, {"items": [], "resource": "integrations", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_integrations(request, item_id):
    return json_response(200, {"id": item_id, "resource": "integrations"})


@router.post("")
def create_integrations(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "integrations", "fields": sorted(item)})
