"""Compliance status per provider and per requirement."""
from core.http import json_response
from core.routing import Router

router = Router("compliance")


@router.get("")
def list_compliance(request):
    return json_response(200, {"items": [], "resource": "compliance", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_compliance(request, item_id):
    return json_response(200, {"id": item_id, "resource": "compliance"})


@router.post("")
def create_compliance(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "compliance", "fields": sorted(item)})
