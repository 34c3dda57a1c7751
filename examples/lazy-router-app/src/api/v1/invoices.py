"""Invoices issued to organizations."""
from core.http import json_response
from core.routing import Router

router = Router("invoices")


@router.get("")
def list_invoices(request):
    return json_response(200, {"items": [], "resource": "invoices", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_invoices(request, item_id):
    return json_response(200, {"id": item_id, "resource": "invoices"})


@router.post("")
def create_invoices(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "invoices", "fields": sorted(item)})
