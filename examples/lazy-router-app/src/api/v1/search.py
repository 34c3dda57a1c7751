"""Full-text search across providers and documents."""
from core.http import json_response
from core.routing import Router

router = Router("search")


@router.get("")
def list_search(request):
    return json_response(200, {"items": [], "resource": "search", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_search(request, item_id):
    return json_response(200, {"id": item_id, "resource": "search"})


@router.post("")
def create_search(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "search", "fields": sorted(item)})
