"""Static files in the test settings: served through the finders, without WhiteNoise's warning about an
uncollected STATIC_ROOT ("No directory at .../static_collected")."""

import warnings

from django.conf import settings
from django.http import HttpResponse
from whitenoise.middleware import WhiteNoiseMiddleware


def test_whitenoise_starts_without_warning():
    assert not settings.STATIC_ROOT.is_dir()  # tests never run collectstatic
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        WhiteNoiseMiddleware(lambda request: HttpResponse())
    assert [str(w.message) for w in caught] == []


def test_site_stylesheet_is_served(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert b"".join(response.streaming_content)
