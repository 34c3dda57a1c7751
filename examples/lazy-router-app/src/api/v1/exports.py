"""CSV and PDF exports."""
from core.http import json_response
from core.routing import Router

router = Router("exports")


@router.get("")
def list_exports(request):
    return json_response(200, {"items": [], "resource": "exports", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_exports(request, item_id):
    return json_response(200, {"id": item_id, "resource": "exports"})


@router.post("")
def create_exports(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "exports", "fields": sorted(item)})
