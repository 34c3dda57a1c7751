"""User accounts."""
from core.http import json_response
from core.routing import Router

router = Router("users")


@router.get("")
def list_users(request):
    return json_response(200, {"items": [], "resource": "users", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_users(request, item_id):
    return json_response(200, {"id": item_id, "resource": "users"})


@router.post("")
def create_users(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "users", "fields": sorted(item)})
