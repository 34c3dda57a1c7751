"""Facilities where providers practise."""
from core.http import json_response
from core.routing import Router

router = Router("facilities")


@router.get("")
def list_facilities(request):
    return json_response(200, {"items": [], "resource": "facilities", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_facilities(request, item_id):
    return json_response(200, {"id": item_id, "resource": "facilities"})


@router.post("")
def create_facilities(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "facilities", "fields": sorted(item)})
