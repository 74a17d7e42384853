"""Content Security Policy: strict on the public site, scoped for the admin."""

from dataclasses import asdict

import pytest
from csp.constants import NONCE, NONE, SELF
from csp.decorators import csp_exempt, csp_update
from csp.utils import build_policy
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from safety.csp import ScopedCSPMiddleware

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


def plain_view(request):
    return HttpResponse("trang")


@csp_update({"img-src": ["https://anh.example.org"]})
def view_with_its_own_images(request):
    return HttpResponse("trang")


@csp_exempt()
def exempt_view(request):
    return HttpResponse("trang")


def view_with_a_nonce(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}"></script>')


def through_middleware(path: str, view):
    return ScopedCSPMiddleware(view)(RequestFactory().get(path))


def test_plain_responses_get_the_policy_django_csp_builds_for_their_kind_of_path():
    """Built once per kind of path, then copied: always what django-csp itself would write."""
    for path in ("/", "/don-vi/van-phong/", "/admin/login/", "/admin/pages/"):
        request = RequestFactory().get(path)
        parts = ScopedCSPMiddleware(plain_view).get_policy_parts(request, HttpResponse())
        expected = build_policy(**asdict(parts))
        for _ in range(2):
            assert through_middleware(path, plain_view)["Content-Security-Policy"] == expected, path
    public = directives(through_middleware("/", plain_view)["Content-Security-Policy"])
    admin = directives(through_middleware("/admin/pages/", plain_view)["Content-Security-Policy"])
    assert public["frame-ancestors"] == [NONE] and admin["frame-ancestors"] == [SELF]


def test_a_view_with_its_own_policy_keeps_it_after_plain_pages():
    through_middleware("/", plain_view)
    own = directives(through_middleware("/", view_with_its_own_images)["Content-Security-Policy"])
    assert "https://anh.example.org" in own["img-src"]
    assert "https://anh.example.org" not in through_middleware("/", plain_view)["Content-Security-Policy"]
    assert "Content-Security-Policy" not in through_middleware("/", exempt_view)


def test_a_changed_policy_and_a_page_using_a_nonce_get_their_own_header():
    through_middleware("/", plain_view)
    directives_now = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    policy = {
        "DIRECTIVES": {
            **directives_now,
            "script-src": [SELF, NONCE],
            "img-src": [SELF, "https://anh.example.org"],
        }
    }
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        response = through_middleware("/", view_with_a_nonce)
        nonce = response.content.decode().split('nonce="')[1].split('"')[0]
        assert directives(response["Content-Security-Policy"])["script-src"] == [SELF, f"'nonce-{nonce}'"]
        plain = directives(through_middleware("/", plain_view)["Content-Security-Policy"])
        assert plain["script-src"] == [SELF]
        assert plain["img-src"] == [SELF, "https://anh.example.org"]
    plain = directives(through_middleware("/", plain_view)["Content-Security-Policy"])
    assert "https://anh.example.org" not in plain["img-src"]
