"""Bearer tokens: "<subject>.<expires-epoch>.<hex HMAC-SHA256>" signed with TOKEN_SIGNING_KEY.

Without a valid token an API client gets 401 and a browser (Accept: text/html) a 307 to the login page, as the
incident's app did. Both prove the code loaded; a 500 does not.
"""
import hashlib
import hmac
import os
import time

from core.http import json_response, login_redirect


def _key():
    return os.environ.get("TOKEN_SIGNING_KEY", "").encode("utf-8")


def issue_token(subject, ttl_seconds=3600, now=None):
    expires = int((now or time.time()) + ttl_seconds)
    payload = "%s.%d" % (subject, expires)
    signature = hmac.new(_key(), payload.encode("utf-8"), hashlib.sha256).hexdigest()
    return payload + "." + signature


def verify_token(token, now=None):
    """The token's subject, or None when it is malformed, forged or expired."""
    try:
        subject, expires, signature = token.rsplit(".", 2)
        expires_at = int(expires)
    except ValueError:
        return None
    if not _key():
        return None
    expected = hmac.new(_key(), ("%s.%s" % (subject, expires)).encode("utf-8"), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature) or expires_at < (now or time.time()):
        return None
    return subject


def authenticate(request):
    """(subject, None) for a valid token, else (None, the 401 or 307 response)."""
    authorization = request.header("authorization", "")
    scheme, _, token = authorization.partition(" ")
    subject = verify_token(token.strip()) if scheme.lower() == "bearer" else None
    if subject is not None:
        return subject, None
    if request.wants_html():
        return None, login_redirect(request)
    return None, json_response(401, {"detail": "Not authenticated"}, {"WWW-Authenticate": "Bearer"})
