"""Uploaded documents (license scans, certificates) and their review state."""
from core.http import json_response
from core.routing import Router

router = Router("documents")


@router.get("")
def list_documents(request):
    return json_response(200, {"items": [], "resource": "documents", "requestedBy": request.subject})


@router.get("/{item_id}")
def get_documents(request, item_id):
    return json_response(200, {"id": item_id, "resource": "documents"})


@router.post("")
def create_documents(request):
    item = request.json() or {}
    return json_response(201, {"id": "new", "resource": "documents", "fields": sorted(item)})
