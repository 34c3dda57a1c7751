"""Permissions that roles grant."""
from core.http import json_response
from core.routing import Router

router = Router("permissions")


@router.get("")
def list_permissions(request):
    return json_response(200, {"items": [], "resource": "permissions", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_permissions(request, item_id):
    return json_response(200, {"id": item_id, "resource": "permissions"})


@router.post("")
def create_permissions(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "permissions", "fields": sorted(item)})
