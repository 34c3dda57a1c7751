"""Professional credentials other than licenses (DEA, board certification)."""
from core.http import json_response
from core.routing import Router

router = Router("credentials")


@router.get("")
def list_credentials(request):
    return json_response(200, {"items": [], "resource": "credentials", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_credentials(request, item_id):
    return json_response(200, {"id": item_id, "resource": "credentials"})


@router.post("")
def create_credentials(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "credentials", "fields": sorted(item)})
