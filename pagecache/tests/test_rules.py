"""The page cache's pure rules, as tables of cases."""

import pytest

from pagecache.rules import cookie_names, not_modified, parse_etags, response_is_cacheable

TAG = '"abc"'
MODIFIED = "Thu, 26 Nov 2026 10:00:00 GMT"


@pytest.mark.parametrize(
    ("status", "headers", "expected"),
    [
        ("200 OK", [("ETag", TAG)], True),
        ("200 OK", [("etag", TAG), ("Cache-Control", "max-age=0")], True),
        ("200 OK", [], False),  # not marked public by pagecache.middleware
        ("404 Not Found", [("ETag", TAG)], False),
        ("301 Moved Permanently", [("ETag", TAG)], False),
        ("200 OK", [("ETag", TAG), ("Set-Cookie", "csrftoken=x")], False),
        ("200 OK", [("ETag", TAG), ("Cache-Control", "private")], False),
        ("200 OK", [("ETag", TAG), ("Cache-Control", "max-age=0, no-cache")], False),
        ("200 OK", [("ETag", TAG), ("cache-control", "No-Store")], False),
    ],
)
def test_response_is_cacheable(status, headers, expected):
    assert response_is_cacheable(status, headers) is expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("a=1; b=2", {"a", "b"}),
        ("__Host-sessionid=x;theme=dark", {"__Host-sessionid", "theme"}),
        ("xsessionid=1", {"xsessionid"}),
        ("", set()),
        ("novalue", set()),
    ],
)
def test_cookie_names(header, expected):
    assert cookie_names(header) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('"a"', ['"a"']),
        ('W/"a", "b"', ['"a"', '"b"']),
        ("*", ["*"]),
        ("", []),
    ],
)
def test_parse_etags(header, expected):
    assert parse_etags(header) == expected


@pytest.mark.parametrize(
    ("if_none_match", "if_modified_since", "etag", "last_modified", "expected"),
    [
        (TAG, "", TAG, MODIFIED, True),
        (f"W/{TAG}", "", TAG, MODIFIED, True),
        (f'"x", {TAG}', "", TAG, MODIFIED, True),
        ('"x"', "", TAG, MODIFIED, False),
        ("*", "", TAG, MODIFIED, True),
        (TAG, "", "", MODIFIED, False),
        # If-None-Match present: If-Modified-Since is not read.
        ('"x"', MODIFIED, TAG, MODIFIED, False),
        ("", MODIFIED, TAG, MODIFIED, True),
        ("", "Fri, 27 Nov 2026 10:00:00 GMT", TAG, MODIFIED, True),
        ("", "Wed, 25 Nov 2026 10:00:00 GMT", TAG, MODIFIED, False),
        ("", "not a date", TAG, MODIFIED, False),
        ("", MODIFIED, TAG, "", False),
        ("", "", TAG, MODIFIED, False),
    ],
)
def test_not_modified(if_none_match, if_modified_since, etag, last_modified, expected):
    assert not_modified(if_none_match, if_modified_since, etag, last_modified) is expected
