"""Generated reports (expiring licenses, missing CME credits)."""
from core.http import json_response
from core.routing import Router

router = Router("reports")


@router.get("")
def list_reports(request):
    return json_response(200, {"items": [], "resource": "reports", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_reports(request, item_id):
    return json_response(200, {"id": item_id, "resource": "reports"})


@router.post("")
def create_reports(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "reports", "fields": sorted(item)})
