"""The audit trail of every change."""
from core.http import json_response
from core.routing import Router

router = Router("audit")


@router.get("")
def list_audit(request):
    return json_response(200, {"items": [], "resource": "audit", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_audit(request, item_id):
    return json_response(200, {"id": item_id, "resource": "audit"})


@router.post("")
def create_audit(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "audit", "fields": sorted(item)})
