"""What the public site's Jinja2 templates call: registered as globals and filters with these
names in congdoan/jinja2.py (`{{ post_cards(posts, layout="grid") }}`). A function taking
`context` gets the template's context, which gives it the request.

The functions that touch the database do so a fixed number of times per call (never per post),
so that page query counts stay flat however many posts a list shows.
"""

import json
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.template import engines
from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from pagecache.memo import remember
from public.cards import make_cards
from public.list_markup import cards_html, directory_html
from public.listing import SHARE_RENDITION, load_post_page
from public.models import AboutPage, TopicIndexPage
from public.page_urls import PageUrls
from units.models import Unit, UnitIndexPage
from vietnamese.money import format_number

LOGO = "img/logo.png"

# What the site's main sections are, by page model (the page tree is data, titles may change).
SECTION_MODELS = {"about": AboutPage, "units": UnitIndexPage, "topics": TopicIndexPage}


@dataclass(frozen=True)
class Section:
    """A main section of the site, as the menu links it (`{{ sections.units.url }}`)."""

    pk: int
    title: str
    url_path: str
    url: str


def section_rows(site) -> list[tuple]:
    """[(name, pk, title, url_path)] of the site's home and main sections, in one query."""
    home = site.root_page
    rows = [("home", home.pk, home.title, home.url_path)]
    # By content type (indexed, a handful of rows), not by tree position alone: the home
    # page's descendants are every post of the site.
    types = ContentType.objects.get_for_models(*SECTION_MODELS.values())
    names = {types[model].pk: name for name, model in SECTION_MODELS.items()}
    children = (
        Page.objects.filter(path__startswith=home.path, depth=home.depth + 1, live=True)
        .filter(content_type__in=list(names))
        # No ORDER BY: sorting by path made SQLite walk the path index over every page
        # (180 ms at 100 000 posts) instead of the content type index (0.1 ms).
        .order_by()
        .values_list("path", "content_type_id", "pk", "title", "url_path")
    )
    seen = {"home"}
    for _path, content_type_id, pk, title, url_path in sorted(children):
        if names[content_type_id] not in seen:
            seen.add(names[content_type_id])
            rows.append((names[content_type_id], pk, title, url_path))
    return rows


def site_sections(request) -> dict:
    """{"home": Section, "about": ..., "units": ..., "topics": ...}: one query per process and
    cache generation (pagecache/memo.py), the URLs per request (relative to the current site)."""
    if request is None:
        return {}
    cached = getattr(request, "_public_site_sections", None)
    if cached is not None:
        return cached
    sections = {}
    site = Site.find_for_request(request)
    if site is not None:
        urls = PageUrls.for_request(request)
        for name, pk, title, url_path in remember(request, ("sections", site.pk), lambda: section_rows(site)):
            sections[name] = Section(pk, title, url_path, urls(url_path))
    request._public_site_sections = sections
    return sections


def path_url(context, url_path):
    """`{{ path_url(unit.page.url_path) }}`: the page's URL as `pageurl()` gives it, from its
    url_path alone (public.page_urls; no page object or `reverse()` per link)."""
    return PageUrls.for_request(context.get("request"))(url_path) if url_path else ""


def sections(context):
    """`site_sections()` in base.html, then `{{ sections.units.url }}` in every page."""
    return site_sections(context.get("request"))


def render_jinja2(name: str, context: dict) -> str:
    """A Jinja2 template of ours (congdoan/jinja2.py says why), as safe HTML for a Django template."""
    # Reviewed: Jinja2 autoescapes every value; the templates are ours.
    return mark_safe(engines["jinja2"].get_template(name).render(context))  # nosec B308 B703


def post_cards(
    context,
    posts,
    heading_level=3,
    layout="grid",
    eager_first=False,
    terms=None,
    show_unit=True,
    show_lead=True,
):
    """A list of post cards (public.cards): two queries whatever the number of posts; the
    markup is public.list_markup's."""
    return cards_html(
        make_cards(posts, context.get("request"), units=show_unit),
        heading_level=heading_level,
        layout=layout,
        eager_first=eager_first,
        terms=terms,
        show_lead=show_lead,
    )


def directory_groups(request) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """[(kind name, [(unit name, its page's url_path, or None without a live page)])] of the units
    existing today, in directory order: one query per day and cache generation (pagecache/memo.py;
    saving a unit or publishing a page bumps it)."""
    today = timezone.localdate()

    def read():
        rows = Unit.objects.for_directory(today).values_list(
            "kind_id", "kind__name", "name", "page_url_path", "page_live"
        )
        return [
            (members[0][1], [(name, path if live else None) for _k, _n, name, path, live in members])
            for members in (list(group) for _kind, group in groupby(rows, key=itemgetter(0)))
        ]

    return remember(request, ("unit directory", today), read)


def unit_directory(context, heading_level=2):
    """`{{ unit_directory(heading_level=3) }}`: the units existing today, by kind, linked to their
    pages; the markup is public.list_markup's."""
    request = context.get("request")
    return directory_html(directory_groups(request), heading_level, PageUrls.for_request(request))


def post_page_data(context, post):
    """`{% set data = post_page_data(page) %}`: photos, unit, authors, topics, tags, related posts.

    Loaded once per request and kept on the post, so the head (Open Graph) and the body of the
    page share one fetch.
    """
    data = getattr(post, "_public_page_data", None)
    if data is None:
        data = load_post_page(post, context.get("related_posts"))
        post._public_page_data = data
    return data


def vn_number(value):
    """{{ 1234|vn_number }} -> "1.234" (the Vietnamese thousands separator)."""
    try:
        return format_number(int(value))
    except (TypeError, ValueError):
        return value


def absolute_url(context, url):
    request = context.get("request")
    if not url:
        return ""
    return request.build_absolute_uri(url) if request is not None else url


def ld_json(data):
    """A dict as JSON for `<script type="application/ld+json">`, safe against `</script>`.

    The same escapes as Django's `json_script` (which only writes `application/json`).
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    # Reviewed: JSON with its HTML-significant characters escaped (as json_script does).
    return mark_safe(text)  # nosec B308 B703


def news_article(context, post, image=None, authors=(), unit=None):
    """schema.org NewsArticle data of a post (https://schema.org/NewsArticle)."""
    request = context.get("request")
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title[:110],
        "description": post.lead,
        "datePublished": post.first_published_at,
        "dateModified": post.last_published_at or post.first_published_at,
        "inLanguage": "vi",
        "author": [{"@type": "Person", "name": author.name} for author in authors],
        "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
    }
    if request is not None:
        data["mainEntityOfPage"] = request.build_absolute_uri(post.get_url(request))
        data["publisher"]["logo"] = {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(LOGO)),
        }
    if image is not None:
        rendition = image.image.get_rendition(SHARE_RENDITION)
        data["image"] = [request.build_absolute_uri(rendition.url) if request else rendition.url]
    if unit is not None:
        data["articleSection"] = unit.name
    return data


def pagination_html(context, page):
    """`{{ pagination(page_obj) }}`: Trang trước / page numbers / Trang sau, keeping the other
    query parameters (e.g. q)."""
    return render_jinja2("public/includes/pagination.html", pagination_context(context.get("request"), page))


def pagination_context(request, page) -> dict:
    params = request.GET.copy() if request is not None else {}

    def url(number):
        query = params.copy()
        query["trang"] = number
        return "?" + query.urlencode()

    numbers = []
    if page is not None and page.paginator.num_pages > 1:
        for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
            numbers.append({"number": number, "url": url(number) if isinstance(number, int) else None})
    return {
        "page": page,
        "numbers": numbers,
        "previous_url": url(page.previous_page_number())
        if page is not None and page.has_previous()
        else None,
        "next_url": url(page.next_page_number()) if page is not None and page.has_next() else None,
    }
