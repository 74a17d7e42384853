"""Content Security Policy: strict on the public site, scoped for the admin."""

import pytest
from csp.constants import NONE, SELF
from django.conf import settings

pytestmark = pytest.mark.django_db


def directives(header: str) -> dict[str, list[str]]:
    result = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            result[words[0]] = words[1:]
    return result


def test_public_pages_allow_no_inline_script(client):
    response = client.get("/")
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == [SELF]
    assert "'unsafe-inline'" not in policy.get("style-src", [])
    assert policy["object-src"] == [NONE]
    assert policy["frame-ancestors"] == [NONE]
    assert policy["base-uri"] == [SELF]
    assert policy["form-action"] == [SELF]


def test_not_found_pages_get_the_policy_too(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert directives(response["Content-Security-Policy"])["script-src"] == [SELF]


def test_admin_gets_its_own_closed_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert SELF in policy["script-src"]
    # Nothing from another origin, whatever the admin needs inline.
    for name, sources in policy.items():
        for source in sources:
            assert source.startswith("'") or source in {"data:", "blob:"}, (name, source)
    assert policy["frame-ancestors"] == [SELF]
    assert policy["object-src"] == [NONE]


def test_security_headers(client):
    response = client.get("/admin/login/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"]


def test_session_lasts_a_working_day_at_most():
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600
    assert settings.SESSION_COOKIE_HTTPONLY
