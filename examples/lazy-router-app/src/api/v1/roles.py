"""Roles granted to users."""
from core.http import json_response
from core.routing import Router

router = Router("roles")


@router.get("")
def list_roles(request):
    return json_response(200, {"items": [], "resource": "roles", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_roles(request, item_id):
    return json_response(200, {"id": item_id, "resource": "roles"})


@router.post("")
def create_roles(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "roles", "fields": sorted(item)})
