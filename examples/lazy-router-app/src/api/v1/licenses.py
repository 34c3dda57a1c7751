"""State licenses held by providers, with expiry dates."""
from core.http import json_response
from core.routing import Router

router = Router("licenses")


@router.get("")
def list_licenses(request):
    return json_response(200, {"items": [], "resource": "licenses", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_licenses(request, item_id):
    return json_response(200, {"id": item_id, "resource": "licenses"})


@router.post("")
def create_licenses(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "licenses", "fields": sorted(item)})
