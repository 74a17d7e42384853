"""The HTML of the two lists pages repeat many items of: post cards (public.cards.Card), for
`{{ post_cards(...) }}`, and the unit directory, for `{{ unit_directory(...) }}`.

Written as Python string building, not as Jinja2 templates like the rest of the public site,
because an uncached home page has about thirty cards in eight lists and the directory's units
(docs/deploy.md §3). Measured in-process at 100 000 posts (SQLite, production settings): the
eight card lists took 1.2 ms of CPU through a template and 0.8 ms here, the directory of 26 units
0.29 ms and 0.09 ms, of an uncached home page of about 5 ms. The markup is what the templates
wrote, byte for byte: values are escaped with markupsafe, as Jinja2's autoescape does.

A card's markup is remembered per worker by its arguments (`_remembered_card_html`): the newest
posts are on the home, unit and topic pages at once, and every publication re-renders those pages
(the page cache's generation moves on) with the same cards but one. The Card holds every value
shown, so an edit makes a new entry and there is nothing to invalidate. Measured as above: an
uncached home page 3.63 -> 2.80 ms of CPU. Search results (highlighted terms) are not remembered.
"""

from __future__ import annotations

from functools import lru_cache

from django.template.defaultfilters import truncatewords
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from markupsafe import escape

from congdoan.jinja2 import iso_datetime
from posts.search import highlight
from public.cards import Card
from public.renditions import card_sizes
from vietnamese.templatetags.vietnamese import vn_datetime

# Words of a card's lead shown in lists (search results show the whole lead, highlighted).
LEAD_WORDS = 40
# The photo repeats the title's link: one tab stop and one announcement per card.
IMAGE_LINK = 'tabindex="-1" aria-hidden="true"'
# Cards whose markup a worker remembers (about 1.5 KB each): the newest posts, which the home,
# unit and topic pages all list, and the pages readers browse.
CARD_MEMO_SIZE = 4096


def cards_html(
    cards: list[Card],
    heading_level: int = 3,
    layout: str = "grid",
    eager_first: bool = False,
    terms: list[str] | None = None,
    show_lead: bool = True,
) -> SafeString:
    """`<ul class="cards cards--{layout}">` of `cards`; empty when there are none.

    `eager_first`: the first photo is loaded at once, with high priority (the page's largest
    image); the others lazily. `terms`: search terms, marked in the titles and leads.
    """
    if not cards:
        return SafeString("")
    heading = f"h{int(heading_level)}"
    sizes, first_sizes = card_sizes(layout), card_sizes(layout, first=True)
    parts = [f'\n<ul class="cards cards--{escape(layout)}" role="list">']
    language = get_language()
    for position, card in enumerate(cards):
        eager = eager_first and position == 0
        picture_sizes = first_sizes if eager else sizes
        if terms:
            parts.append(_card_html(card, heading, picture_sizes, eager, show_lead, terms))
        else:
            parts.append(_remembered_card_html(card, heading, picture_sizes, eager, show_lead, language))
    parts.append("\n</ul>")
    # Reviewed: every value above is escaped (or highlight()'s escaped markup); the rest is fixed.
    return mark_safe("".join(parts))  # nosec B308 B703


def _card_html(
    card: Card, heading: str, sizes: str, eager: bool, show_lead: bool, terms: list[str] | None
) -> str:
    """One `<li>` of cards_html."""
    url = escape(card.url)
    parts = ['\n<li><article class="card">']
    if card.photo:
        if eager:
            picture = card.photo.html(sizes, loading="eager", fetchpriority="high")
        else:
            picture = card.photo.html(sizes, loading="lazy", decoding="async")
        parts.append(f'<a class="card__image" href="{url}" {IMAGE_LINK}>{picture}</a>')
    title = highlight(card.title, terms) if terms else escape(card.title)
    badge = f'<span class="badge badge--{escape(card.kind)}">{escape(card.kind_label)}</span>'
    parts.append(
        f'\n<div class="card__body">\n<{heading} class="card__title"><a href="{url}">{title}</a>'
        f'</{heading}>\n<p class="meta">{badge} {_time(card)}{_unit(card)}</p>'
    )
    if show_lead:
        lead = highlight(card.lead, terms) if terms else escape(truncatewords(card.lead, LEAD_WORDS))
        parts.append(f'\n<p class="card__lead">{lead}</p>')
    parts.append("\n</div>\n</article></li>")
    return "".join(parts)


@lru_cache(maxsize=CARD_MEMO_SIZE)
def _remembered_card_html(
    card: Card, heading: str, sizes: str, eager: bool, show_lead: bool, language: str | None
) -> str:
    """_card_html without search terms, remembered by its arguments. The Card holds every value
    the markup shows (title, address, lead, dates, unit, photo files), so an edited post is a
    different Card and a different entry: nothing to invalidate. `language`: the lead's
    truncation mark is translated."""
    return _card_html(card, heading, sizes, eager, show_lead, None)


def _time(card: Card) -> str:
    published = card.first_published_at
    return f'<time datetime="{iso_datetime(published)}">{escape(vn_datetime(published))}</time>'


def _unit(card: Card) -> str:
    if not card.unit_name:
        return ""
    name = escape(card.unit_name)
    if card.unit_url:
        name = f'<a href="{escape(card.unit_url)}">{name}</a>'
    return f' <span class="meta__unit">{name}</span>'


def directory_html(groups, heading_level: int, url) -> SafeString:
    """`groups`: [(kind name, [(unit name, url_path or None)])] (public.template_functions);
    `url`: url_path -> address (public.page_urls.PageUrls)."""
    linked = tuple(
        (kind_name, tuple((name, url(url_path) if url_path else None) for name, url_path in units))
        for kind_name, units in groups
    )
    return _directory_html(linked, int(heading_level))


@lru_cache(maxsize=64)
def _directory_html(groups: tuple, heading_level: int) -> SafeString:
    """The directory's markup, remembered by the units' names and addresses: the same on every
    page of a site until a unit or its page changes."""
    heading = f"h{heading_level}"
    parts = ['<div class="directory__groups">']
    for kind_name, units in groups:
        group_heading = f"<{heading}>{escape(kind_name)}</{heading}>"
        parts.append(f'\n<div class="directory__group">\n{group_heading}\n<ul role="list">')
        for name, address in units:
            name = escape(name)
            if address is not None:
                name = f'<a href="{escape(address)}">{name}</a>'
            parts.append(f"\n<li>{name}</li>")
        parts.append("\n</ul>\n</div>")
    parts.append("\n</div>")
    # Reviewed: names and addresses escaped; the rest is fixed markup.
    return mark_safe("".join(parts))  # nosec B308 B703
