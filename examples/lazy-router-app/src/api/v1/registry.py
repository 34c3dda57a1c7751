"""Router name (the first path segment after /api/v1/) -> module path, imported lazily on first request.

Module paths are relative to the task root. In the deployment package the task root already IS src/, so a
"src." prefix here imports fine from the repository root and fails on Lambda (the incident); see build.py.
"""

ROUTER_MODULES = {
    "providers": "api.v1.providers",
    "licenses": "api.v1.licenses",
    "documents": "api.v1.documents",
    "cme-activities": "api.v1.cme_activities",
    "compliance": "api.v1.compliance",
    "notifications": "api.v1.notifications",
    "messaging": "api.v1.messaging",
    "reports": "api.v1.reports",
    "audit": "api.v1.audit",
    "dashboard": "api.v1.dashboard",
    "users": "api.v1.users",
    "organizations": "api.v1.organizations",
    "facilities": "api.v1.facilities",
    "credentials": "api.v1.credentials",
    "certifications": "api.v1.certifications",
    "renewals": "api.v1.renewals",
    "payments": "api.v1.payments",
    "invoices": "api.v1.invoices",
    "subscriptions": "api.v1.subscriptions",
    "settings": "api.v1.settings",
    "integrations": "api.v1.integrations",
    "exports": "api.v1.exports",
    "imports": "api.v1.imports",
    "search": "api.v1.search",
    "tasks": "api.v1.tasks",
    "calendar": "api.v1.calendar_events",
    "teams": "api.v1.teams",
    "roles": "api.v1.roles",
    "permissions": "api.v1.permissions",
    "analytics": "api.v1.analytics",
}
