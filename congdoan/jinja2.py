"""The Jinja2 environment of the public site's templates (`<app>/jinja2/`).

The pages readers see (home, sections, units, posts, topics, search, errors) are Jinja2 templates:
Jinja2 compiles a template to Python, where Django's engine walks a node tree at every render.
On an uncached home page the Django templates took about a quarter of the CPU (docs/deploy.md
§3); the lists of cards alone went from 6 ms to under 1 ms. The admin and the e-mails stay
Django templates (Wagtail's admin is written in them), as do StreamField block templates, which
Wagtail renders through Django's loader whatever the page's engine.

Wagtail's own Jinja2 extensions give `pageurl`, `wagtail_site`, `richtext`, `image` and
`settings` (settings TEMPLATES). What our Django tags and filters do is registered here with the
same names, calling the same functions (public.template_functions, vietnamese.templatetags); a
function taking `context` is registered with Jinja2's `pass_context`.
"""

from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.defaultfilters import truncatechars, truncatewords
from django.templatetags.static import static as django_static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from jinja2 import Environment, pass_context

from posts.search import highlight
from public.page_urls import remembered_reverse
from vietnamese.dates import to_local
from vietnamese.templatetags import vietnamese


def iso_datetime(value) -> str:
    """What Django's `{{ value|date:"c" }}` writes: ISO 8601 in Vietnam time (the site's only zone)."""
    if not value:
        return ""
    return to_local(value).isoformat() if timezone.is_aware(value) else value.isoformat()


def url(name, *args, **kwargs) -> str:
    """`{{ url("search") }}`: Django's `{% url %}`."""
    if kwargs:
        return reverse(name, kwargs=kwargs)
    return remembered_reverse(name, args)


@lru_cache(maxsize=1024)
def static(path: str) -> str:
    """`{{ static("css/site.css") }}`: Django's `{% static %}`, once per file and process (the
    manifest of hashed names is read at start-up and does not change while the process runs)."""
    return django_static(path)


@receiver(setting_changed)
def _forget_static(**kwargs) -> None:
    """Tests that change static storage settings get fresh addresses."""
    static.cache_clear()


def environment(**options) -> Environment:
    # Django's backend passes autoescape=True; set here too, so that no option can turn it off.
    options.pop("autoescape", None)
    extensions = [*options.pop("extensions", []), "jinja2.ext.i18n"]
    env = Environment(autoescape=True, extensions=extensions, **options)
    env.install_gettext_callables(gettext, ngettext, newstyle=True)

    from public import template_functions as public
    from public.templatetags import picture_tags

    env.globals.update(
        static=static,
        url=url,
        site_sections=pass_context(public.sections),
        path_url=pass_context(public.path_url),
        absolute_url=pass_context(public.absolute_url),
        post_cards=pass_context(public.post_cards),
        unit_directory=pass_context(public.unit_directory),
        pagination=pass_context(public.pagination_html),
        news_article=pass_context(public.news_article),
        post_page_data=pass_context(public.post_page_data),
        responsive_image=picture_tags.responsive_image,
    )
    env.filters.update(
        vn_datetime=vietnamese.vn_datetime,
        vn_date=vietnamese.vn_date,
        vn_number=public.vn_number,
        ld_json=public.ld_json,
        iso_datetime=iso_datetime,
        highlight=highlight,
        truncatewords=truncatewords,
        truncatechars=truncatechars,
    )
    return env
