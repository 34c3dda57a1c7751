"""Aggregated analytics for the organization."""
from core.http import json_response
from core.routing import Router

router = Router("analytics")


@router.get("")
def list_analytics(request):
    return json_response(200, {"items": [], "resource": "analytics", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_analytics(request, item_id):
    return json_response(200, {"id": item_id, "resource": "analytics"})


@router.post("")
def create_analytics(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "analytics", "fields": sorted(item)})
