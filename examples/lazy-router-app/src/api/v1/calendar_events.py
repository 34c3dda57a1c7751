"""Deadlines shown on the calendar."""
from core.http import json_response
from core.routing import Router

router = Router("calendar")


@router.get("")
def list_calendar_events(request):
    return json_response(200, {"items": [], "resource": "calendar", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_calendar_events(request, item_id):
    return json_response(200, {"id": item_id, "resource": "calendar"})


@router.post("")
def create_calendar_events(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "calendar", "fields": sorted(item)})
