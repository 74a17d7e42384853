"""Page slugs are stored in ASCII: the editor's JavaScript keeps the Vietnamese letters of the title
(WAGTAIL_ALLOW_UNICODE_SLUGS) and the page folds them on save ("tin-thử-nghiệm-lỗi" -> "tin-thu-nghiem-loi").
The browser half (typing a title in the editor) is in newsroom/tests/test_browser.py."""

from datetime import date

import pytest
from django.conf import settings
from django.urls import reverse

from newsroom.tests.support import Editor, editor_form_data, unit_page, user
from posts.models import NewsPage, PostPage
from public.models import AboutPage, HomePage
from vietnamese.pages import ascii_slug

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("tin-thử-nghiệm-lỗi", "tin-thu-nghiem-loi"),
        ("đại-hội-đoàn-viên", "dai-hoi-doan-vien"),
        ("ĐỘI-TUYỂN", "doi-tuyen"),
        ("tin-da-dung-ascii", "tin-da-dung-ascii"),
        ("Giu_Nguyen", "Giu_Nguyen"),  # already ASCII: the writer's own choice stays
        ("", ""),
    ],
)
def test_ascii_slug(typed, stored):
    assert ascii_slug(typed) == stored


def test_the_editor_may_keep_vietnamese_letters():
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is True


def test_post_saved_from_the_editor_gets_the_folded_slug(client):
    # What the editor's JavaScript now sends for the title "Tin thử nghiệm lỗi".
    response = Editor(client, "vanphong").create("van-phong", "Tin thử nghiệm lỗi", slug="tin-thử-nghiệm-lỗi")
    assert response.status_code == 302
    post = PostPage.objects.get(title="Tin thử nghiệm lỗi")
    assert post.slug == "tin-thu-nghiem-loi"
    assert post.get_latest_revision_as_object().slug == "tin-thu-nghiem-loi"


def test_published_post_url_is_ascii(client):
    Editor(client, "tuyphong.duyet").create(
        "tuy-phong", "Đoàn viên Tuy Phong đón Tết", slug="đoàn-viên-tuy-phong-đón-tết", action="publish"
    )
    post = PostPage.objects.get(title="Đoàn viên Tuy Phong đón Tết")
    assert post.live
    assert post.url == "/don-vi/tuy-phong/doan-vien-tuy-phong-don-tet/"
    assert client.get(post.url).status_code == 200


def test_folded_slug_taken_by_a_sibling_is_refused_in_vietnamese_terms(client):
    editor = Editor(client, "vanphong")
    editor.create("van-phong", "Hội nghị cán bộ", slug="hoi-nghi-can-bo")
    response = editor.create("van-phong", "Hội nghị cán bộ (2)", slug="hội-nghị-cán-bộ")
    assert response.status_code == 200  # the form again, with the error on the slug
    assert response.context["form"].errors["slug"]
    assert PostPage.objects.filter(title="Hội nghị cán bộ (2)").count() == 0


def test_unit_page_edited_in_the_admin_gets_the_folded_slug(client):
    page = unit_page("tuy-phong")
    client.force_login(user("admin"))
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = editor_form_data(client.get(url))
    data.update({"slug": "liên-đoàn-tuy-phong", "action-publish": "1"})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    page.refresh_from_db()
    assert page.slug == "lien-doan-tuy-phong"
    assert page.url == "/don-vi/lien-doan-tuy-phong/"


def test_pages_saved_in_code_are_folded_too():
    home = HomePage.objects.get()
    about = AboutPage(title="Lịch sử hình thành", slug="lịch-sử-hình-thành")
    home.add_child(instance=about)
    assert about.slug == "lich-su-hinh-thanh"

    about.slug = "giới-thiệu-đơn-vị"
    about.save_revision().publish()
    about.refresh_from_db()
    assert about.slug == "gioi-thieu-don-vi"


def test_empty_slug_comes_from_the_title_made_unique():
    parent = unit_page("van-phong")
    first, second = (
        NewsPage(title="Đại hội công đoàn", slug="", lead="Tóm tắt.", event_date=date(2017, 3, 1), live=False)
        for _ in range(2)
    )
    parent.add_child(instance=first)
    parent.add_child(instance=second)
    assert (first.slug, second.slug) == ("dai-hoi-cong-doan", "dai-hoi-cong-doan-2")
