"""Bad input on public URLs gives a Vietnamese 404 or 400 page, never a server error."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

NOT_FOUND_TEXT = "Không tìm thấy trang"
BAD_REQUEST_TEXT = "Yêu cầu không hợp lệ"
OK = {200, 301, 302, 304, 400, 404, 405}


@pytest.fixture
def anon():
    return Client(raise_request_exception=False)


def public_urls() -> list[str]:
    """The kinds of public URL there are, taken from the demo site."""
    from posts.models import PostPage
    from units.models import Unit, UnitPage

    urls = ["/", "/tim-kiem/?q=công đoàn", "/rss/", "/sitemap.xml", "/robots.txt", "/api/v2/pages/"]
    unit_page = UnitPage.objects.live().first()
    if unit_page:
        urls.append(unit_page.url)
    unit = Unit.objects.first()
    if unit:
        urls.append(f"/rss/don-vi/{unit.code}/")
    post = PostPage.objects.live().first()
    if post:
        urls.append(post.url)
    try:
        from public.models import TopicIndexPage

        topic_index = TopicIndexPage.objects.live().first()
        if topic_index:
            urls.append(topic_index.url)
    except ImportError:
        pass
    return urls


BAD_QUERIES = [
    "trang=abc",
    "trang=0",
    "trang=-1",
    "trang=1e10",
    "trang=99999999999999999999999999",
    "trang=",
    "trang=1&trang=abc",
    "trang=%00",
    "q=%00",
    "q=a%00b",
    "q=%ff%fe%fd",
    "q=" + "a" * 5000,
    "q=" + "công đoàn " * 300,
    "q=%25%25%25",
    "q=' OR 1=1 --",
    "q=<script>alert(1)</script>",
    "q[]=x&q=y",
    "limit=abc",
    "offset=-5",
    "type=khong.CoKieu",
    "fields=*,-id,%00",
    "&&&==&=",
]


def test_public_urls_answer_bad_queries_without_a_server_error(anon):
    problems = []
    for url in public_urls():
        separator = "&" if "?" in url else "?"
        for query in BAD_QUERIES:
            target = f"{url}{separator}{query}"
            response = anon.get(target)
            if response.status_code not in OK:
                problems.append((target[:120], response.status_code))
            elif response.status_code == 200 and "<script>alert(1)</script>" in response.content.decode(
                "utf-8", "replace"
            ):
                problems.append((target[:120], "query echoed without escaping"))
    assert problems == []


@pytest.mark.parametrize(
    "path",
    [
        "/khong-co-trang-nay/",
        "/don-vi/khong-co-don-vi/",
        "/" + "a" * 3000 + "/",
        "/%ff%fe/",
        "/don-vi/%00/",
        "/..%2f..%2fetc%2fpasswd",
        "/rss/don-vi/khong-co/",
        "/sitemap-khong-co.xml",
        "/media/../congdoan/settings/base.py",
        "/documents/999999/khong-co.pdf",
    ],
)
def test_unknown_pages_are_a_vietnamese_404(anon, path):
    response = anon.get(path)
    assert response.status_code == 404, (path[:80], response.status_code)
    if response.get("Content-Type", "").startswith("text/html"):
        assert NOT_FOUND_TEXT in response.content.decode("utf-8", "replace")


def test_bad_request_page_is_vietnamese(anon, settings):
    settings.ALLOWED_HOSTS = ["congdoan.example.vn"]
    response = anon.get("/", HTTP_HOST="ke-gia-mao.example")
    assert response.status_code == 400
    assert BAD_REQUEST_TEXT in response.content.decode()


def test_csrf_failure_page_is_vietnamese(django_user_model):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = client.post("/admin/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in response.content.decode()


def test_permission_denied_page_is_vietnamese(rf):
    from django.core.exceptions import PermissionDenied
    from django.views.defaults import permission_denied

    response = permission_denied(rf.get("/bao-cao/"), PermissionDenied())
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


def test_too_many_fields_is_a_400_not_a_500(anon, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 100
    query = "&".join(f"a{i}=1" for i in range(500))
    response = anon.get(f"/tim-kiem/?{query}")
    assert response.status_code in {200, 400}


@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "trang=1%00", "%00=1", "q=ok&q=%00"])
def test_nul_characters_in_the_query_string_are_a_400(anon, query):
    # PostgreSQL refuses NUL in text: without safety.middleware this was a 500 on /tim-kiem/.
    response = anon.get(f"/tim-kiem/?{query}")
    assert response.status_code == 400
    assert BAD_REQUEST_TEXT in response.content.decode()


def test_percent_signs_are_not_mistaken_for_nul(anon):
    assert anon.get("/tim-kiem/?q=%2500").status_code == 200
