"""Payments of renewal and subscription fees."""
from core.http import json_response
from core.routing import Router

router = Router("payments")


@router.get("")
def list_payments(request):
    return json_response(200, {"items": [], "resource": "payments", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_payments(request, item_id):
    return json_response(200, {"id": item_id, "resource": "payments"})


@router.post("")
def create_payments(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "payments", "fields": sorted(item)})
