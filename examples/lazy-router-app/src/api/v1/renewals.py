"""Upcoming and past renewals."""
from core.http import json_response
from core.routing import Router

router = Router("renewals")


@router.get("")
def list_renewals(request):
    return json_response(200, {"items": [], "resource": "renewals", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_renewals(request, item_id):
    return json_response(200, {"id": item_id, "resource": "renewals"})


@router.post("")
def create_renewals(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "renewals", "fields": sorted(item)})
