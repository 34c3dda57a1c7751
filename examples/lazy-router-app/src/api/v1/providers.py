"""Providers: the clinicians whose licenses and CME credits are tracked."""
from core.http import json_response
from core.routing import Router

router = Router("providers")


@router.get("")
def list_providers(request):
    return json_response(200, {"items": [], "resource": "providers", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_providers(request, item_id):
    return json_response(200, {"id": item_id, "resource": "providers"})


@router.post("")
def create_providers(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "providers", "fields": sorted(item)})
