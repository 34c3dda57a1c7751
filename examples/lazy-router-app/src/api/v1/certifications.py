"""Certifications (BLS, ACLS) and their renewal cycles."""
from core.http import json_response
from core.routing import Router

router = Router("certifications")


@router.get("")
def list_certifications(request):
    return json_response(200, {"items": [], "resource": "certifications", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_certifications(request, item_id):
    return json_response(200, {"id": item_id, "resource": "certifications"})


@router.post("")
def create_certifications(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "certifications", "fields": sorted(item)})
