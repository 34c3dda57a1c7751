"""Follow-up tasks assigned to administrators."""
from core.http import json_response
from core.routing import Router

router = Router("tasks")


@router.get("")
def list_tasks(request):
    return json_response(200, {"items": [], "resource": "tasks", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_tasks(request, item_id):
    return json_response(200, {"id": item_id, "resource": "tasks"})


@router.post("")
def create_tasks(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "tasks", "fields": sorted(item)})
