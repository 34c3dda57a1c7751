"""Bulk imports of providers and licenses."""
from core.http import json_response
from core.routing import Router

router = Router("imports")


@router.get("")
def list_imports(request):
    return json_response(200, {"items": [], "resource": "imports", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_imports(request, item_id):
    return json_response(200, {"id": item_id, "resource": "imports"})


@router.post("")
def create_imports(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "imports", "fields": sorted(item)})
