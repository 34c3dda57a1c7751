"""Dashboard widgets and their counters."""
from core.http import json_response
from core.routing import Router

router = Router("dashboard")


@router.get("")
def list_dashboard(request):
    return json_response(200, {"items": [], "resource": "dashboard", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_dashboard(request, item_id):
    return json_response(200, {"id": item_id, "resource": "dashboard"})


@router.post("")
def create_dashboard(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "dashboard", "fields": sorted(item)})
