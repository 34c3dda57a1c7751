"""Continuing medical education activities and the credits they earn."""
from core.http import json_response
from core.routing import Router

router = Router("cme-activities")


@router.get("")
def list_cme_activities(request):
    return json_response(200, {"items": [], "resource": "cme-activities", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_cme_activities(request, item_id):
    return json_response(200, {"id": item_id, "resource": "cme-activities"})


@router.post("")
def create_cme_activities(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "cme-activities", "fields": sorted(item)})
