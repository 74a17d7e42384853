"""The Jinja2 environment of the templates that render long lists (`<app>/jinja2/`).

Most templates are Django templates. The lists that repeat a fragment dozens of times per page
(post cards, the unit directory) are Jinja2, which compiles a template to Python: a home page's
thirty cards took about 6 ms with Django's engine, under 1 ms with Jinja2 (bench/throughput.py
"uncached render"; docs/deploy.md). They take plain values (public.cards) and the same filters
as their Django counterparts, registered here.
"""

from django.template.defaultfilters import truncatewords
from django.utils import timezone
from jinja2 import Environment

from posts.search import highlight
from vietnamese.dates import to_local
from vietnamese.templatetags.vietnamese import vn_datetime


def iso_datetime(value) -> str:
    """What Django's `{{ value|date:"c" }}` writes: ISO 8601 in Vietnam time (the site's only zone)."""
    if not value:
        return ""
    return to_local(value).isoformat() if timezone.is_aware(value) else value.isoformat()


def environment(**options) -> Environment:
    # Django's backend passes autoescape=True; set here too, so that no option can turn it off.
    options.pop("autoescape", None)
    env = Environment(autoescape=True, **options)
    env.filters.update(
        vn_datetime=vn_datetime,
        iso_datetime=iso_datetime,
        highlight=highlight,
        truncatewords=truncatewords,
    )
    return env
