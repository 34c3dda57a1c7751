"""Customer organizations."""
from core.http import json_response
from core.routing import Router

router = Router("organizations")


@router.get("")
def list_organizations(request):
    return json_response(200, {"items": [], "resource": "organizations", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_organizations(request, item_id):
    return json_response(200, {"id": item_id, "resource": "organizations"})


@router.post("")
def create_organizations(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "organizations", "fields": sorted(item)})
