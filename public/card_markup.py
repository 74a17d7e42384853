"""The HTML of a list of post cards (public.cards.Card), for `{{ post_cards(...) }}`.

Written as Python string building, not as a Jinja2 template like the rest of the public site,
because it is the one piece of markup a page repeats dozens of times: an uncached home page has
about thirty cards in eight lists. Measured in-process at 100 000 posts (SQLite, production
settings), the eight lists took 1.2 ms of CPU through `post_cards.html` and 0.8 ms here, of an
uncached home page of about 5 ms (docs/deploy.md §3). The markup is what the template wrote,
byte for byte: values are escaped with markupsafe, as Jinja2's autoescape does.
"""

from __future__ import annotations

from django.template.defaultfilters import truncatewords
from django.utils.safestring import SafeString, mark_safe
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
        return mark_safe("")
    heading = f"h{int(heading_level)}"
    sizes, first_sizes = card_sizes(layout), card_sizes(layout, first=True)
    parts = [f'\n<ul class="cards cards--{escape(layout)}" role="list">']
    for position, card in enumerate(cards):
        url = escape(card.url)
        parts.append('\n<li><article class="card">')
        if card.photo:
            if eager_first and position == 0:
                picture = card.photo.html(first_sizes, loading="eager", fetchpriority="high")
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
    parts.append("\n</ul>")
    # Reviewed: every value above is escaped (or highlight()'s escaped markup); the rest is fixed.
    return mark_safe("".join(parts))  # nosec B308 B703


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
