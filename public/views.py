"""Public views that are not pages: the search and robots.txt."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from posts.models import NOT_IN_LISTINGS
from posts.search import MAX_QUERY_LENGTH, planned_for_the_words_searched, query_terms, search_posts

from .listing import count_at_most, paginate
from .models import published_posts

RESULTS_PER_PAGE = 10
RANKED_RESULTS = 1000


@require_GET
def search(request):
    """/tim-kiem/?q=...&trang=N: posts containing every word, accents and case ignored."""
    # The page is rendered here, so every query of it is planned for the words searched.
    with planned_for_the_words_searched():
        return _search(request)


def _search(request):
    query = request.GET.get("q", "").strip()
    context = {"query": query, "terms": [], "results": None, "message": ""}
    if not query:
        context["message"] = _("Nhập từ khóa để tìm tin - bài, ví dụ: công đoàn, đại hội.")
    elif len(query) > MAX_QUERY_LENGTH:
        context["message"] = _("Từ khóa quá dài: tối đa %(max)d ký tự. Hãy rút gọn từ khóa và tìm lại.") % {
            "max": MAX_QUERY_LENGTH
        }
    else:
        terms = query_terms(query)
        if not terms:
            context["message"] = _("Từ khóa chỉ gồm dấu câu. Hãy nhập chữ hoặc số để tìm.")
        else:
            # Up to RANKED_RESULTS matches, title matches come first; past that (a very common
            # word) the newest come first and the count says “hơn 1.000”: ranking would read
            # every match, newest-first reads a few rows from the date index.
            published = published_posts()
            newest_first = search_posts(query, published, rank_titles=False)
            total = count_at_most(newest_first, RANKED_RESULTS)
            capped = total > RANKED_RESULTS
            ordered = newest_first if capped else search_posts(query, published)
            results = paginate(
                request,
                ordered.select_related("unit", "unit__page").defer(*NOT_IN_LISTINGS),
                RESULTS_PER_PAGE,
                count=min(total, RANKED_RESULTS),
            )
            context.update(terms=terms, results=results, capped=capped, cap=RANKED_RESULTS)
            if not results.paginator.count:
                context["message"] = _(
                    "Không tìm thấy tin - bài nào có “%(query)s”. "
                    "Hãy bớt từ, kiểm tra chính tả hoặc thử từ khác."
                ) % {"query": query}
    return render(request, "public/search.html", context)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Disallow: {reverse('search')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return render(request, "public/robots.txt", {"lines": lines}, content_type="text/plain; charset=utf-8")
