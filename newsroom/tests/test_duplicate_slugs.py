"""A slug taken by a sibling between the editor form's check and the save is no server error.

The form refuses a slug a sibling already has (vietnamese/tests/test_page_slugs.py). But a sibling can
take it after that check: the editor's autosave creating the post while a quick "Gửi duyệt" creates it
again, two writers saving the same title at once (treebeard's add_child locks the unit's page, so the
second save waits for the first and then sees its slug), or a copy whose typed slug folds onto a
sibling's. The page saved second gets the next free suffix ("-2"), as Wagtail does for slugs it makes
from titles.
"""

import pytest
from django.urls import reverse

from posts.forms import PostPageForm
from posts.models import PostPage

from .support import Editor, make_post, unit_page, user

pytestmark = pytest.mark.django_db

UNIT = "tuy-phong"
TITLE = "Tin thử nghiệm lỗi"


@pytest.fixture
def sibling_saved_after_the_form_check(monkeypatch):
    """Another request commits a post of the same title once this request's form has checked the slug."""
    checked = PostPageForm.clean
    other_posts = []

    def clean_then_the_other_request_saves(form):
        cleaned_data = checked(form)
        if not other_posts:
            other_posts.append(make_post(UNIT, TITLE))
        return cleaned_data

    monkeypatch.setattr(PostPageForm, "clean", clean_then_the_other_request_saves)
    return other_posts


@pytest.mark.parametrize("action", [None, "submit"])
def test_the_post_saved_second_gets_a_suffixed_slug(client, sibling_saved_after_the_form_check, action):
    response = Editor(client, "tuyphong").create(UNIT, TITLE, slug="tin-thử-nghiệm-lỗi", action=action)

    assert response.status_code == 302
    [other] = sibling_saved_after_the_form_check
    mine = PostPage.objects.exclude(pk=other.pk).get(title=TITLE)
    assert (other.slug, mine.slug) == ("tin-thu-nghiem-loi", "tin-thu-nghiem-loi-2")
    assert mine.get_latest_revision_as_object().slug == "tin-thu-nghiem-loi-2"
    assert mine.url_path.endswith("/tin-thu-nghiem-loi-2/")


def test_a_post_published_second_is_online_at_its_own_address(client, sibling_saved_after_the_form_check):
    response = Editor(client, "tuyphong.duyet").create(
        UNIT, TITLE, slug="tin-thử-nghiệm-lỗi", action="publish"
    )

    assert response.status_code == 302
    mine = PostPage.objects.live().get(title=TITLE)
    assert mine.url == "/don-vi/tuy-phong/tin-thu-nghiem-loi-2/"
    assert client.get(mine.url).status_code == 200


def test_a_copy_whose_slug_folds_onto_a_siblings_gets_a_suffix(client):
    original = make_post(UNIT, "Hội nghị cán bộ")
    assert original.slug == "hoi-nghi-can-bo"
    client.force_login(user("admin"))
    # Wagtail's copy form checks the slug as typed ("hội-nghị-cán-bộ" is free); it folds on save.
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=(original.pk,)),
        {
            "new_title": "Hội nghị cán bộ",
            "new_slug": "hội-nghị-cán-bộ",
            "new_parent_page": str(unit_page(UNIT).pk),
        },
    )

    assert response.status_code == 302
    copy = PostPage.objects.exclude(pk=original.pk).get(title="Hội nghị cán bộ")
    assert copy.slug == "hoi-nghi-can-bo-2"


def test_a_slug_taken_before_the_form_check_is_still_a_form_error(client):
    make_post(UNIT, TITLE)
    response = Editor(client, "tuyphong").create(UNIT, TITLE, slug="tin-thử-nghiệm-lỗi")

    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == [
        "Đường dẫn rút gọn 'tin-thu-nghiem-loi' đã được dùng trong trang cha."
    ]
    assert PostPage.objects.filter(title=TITLE).count() == 1


def test_a_new_post_has_no_autosave_an_existing_one_keeps_it(client):
    """Wagtail's autosave would create the post in the background while “Gửi duyệt” creates it again
    (newsroom.views.PostCreateView); once the post exists, its editor autosaves revisions."""
    client.force_login(user("tuyphong"))
    parent = unit_page(UNIT)
    create = client.get(reverse("wagtailadmin_pages:add", args=("posts", "newspage", parent.pk)))
    assert create.status_code == 200
    assert "data-w-autosave-interval-value" not in create.content.decode()

    post = make_post(UNIT, TITLE)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(post.pk,)))
    assert edit.status_code == 200
    assert "data-w-autosave-interval-value" in edit.content.decode()
