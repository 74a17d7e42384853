"""Public views that are not pages: the search and robots.txt."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from posts.search import MAX_QUERY_LENGTH, query_terms, search_posts

from .listing import paginate, prepare_cards
from .models import published_posts

RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """/tim-kiem/?q=...&trang=N: posts containing every word, accents and case ignored."""
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
            results = paginate(
                request,
                search_posts(query, published_posts()).select_related("unit", "unit__page"),
                RESULTS_PER_PAGE,
            )
            prepare_cards(results)
            context.update(terms=terms, results=results)
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
