"""Teams of administrators."""
from core.http import json_response
from core.routing import Router

router = Router("teams")


@router.get("")
def list_teams(request):
    return json_response(200, {"items": [], "resource": "teams", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_teams(request, item_id):
    return json_response(200, {"id": item_id, "resource": "teams"})


@router.post("")
def create_teams(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "teams", "fields": sorted(item)})
