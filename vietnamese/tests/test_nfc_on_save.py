"""Decomposed (NFD) input, as pasted from Word or typed with some input methods, is stored in NFC:
the same post, slug and search hit as the precomposed text."""

import datetime
import json
import unicodedata

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.images.models import Image
from wagtail.models import Revision

from posts.models import NewsPage, PostAuthor, PostImage, PostPage, Topic
from posts.search import search_posts
from units.models import Unit, UnitKind, UnitPage
from vietnamese.signals import nfc_deep, normalise_instance
from vietnamese.text import fold, slugify

pytestmark = pytest.mark.django_db

TITLE = "Đại hội Công đoàn cơ sở Bệnh viện Đa khoa tỉnh nhiệm kỳ 2017 – 2022"
LEAD = "Sáng 24/4, Công đoàn cơ sở tổ chức Đại hội lần thứ XI; đồng chí Nguyễn Thị Ánh Tuyết chủ trì."
PARAGRAPH = "<p>Người lao động được tuyên dương vì những đóng góp xuất sắc.</p>"
CAPTION = "Quang cảnh Đại hội"
AUTHOR = "Nguyễn Thị Ánh Tuyết"


def nfd(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    return decomposed


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


def publish_post(unit_page: UnitPage, *, decomposed: bool) -> NewsPage:
    """A tin written through Wagtail's revision path (draft revision, then publish)."""
    text = nfd if decomposed else (lambda s: s)
    post = NewsPage(
        title=text(TITLE),
        lead=text(LEAD),
        event_date=datetime.date(2017, 4, 24),
        body=[("paragraph", text(PARAGRAPH)), ("quote", {"quote": text(LEAD), "attribution": text(AUTHOR)})],
        live=False,
    )
    post.images = [PostImage(image=Image.objects.first(), caption=text(CAPTION))]
    post.authors = [PostAuthor(name=text(AUTHOR))]
    unit_page.add_child(instance=post)
    revision = post.save_revision()
    revision.publish()
    return NewsPage.objects.get(pk=post.pk)


@pytest.fixture
def two_unit_pages():
    return list(UnitPage.objects.order_by("path")[:2])


def test_nfd_and_nfc_give_the_same_post_slug_and_search_hit(two_unit_pages):
    decomposed = publish_post(two_unit_pages[0], decomposed=True)
    composed = publish_post(two_unit_pages[1], decomposed=False)

    for post in (decomposed, composed):
        assert post.live
        assert post.title == TITLE and post.draft_title == TITLE
        assert post.lead == LEAD
        assert post.body.raw_data[0]["value"] == PARAGRAPH
        assert post.body.raw_data[1]["value"] == {"quote": LEAD, "attribution": AUTHOR}
        assert [a.name for a in post.authors.all()] == [AUTHOR]
        assert [i.caption for i in post.images.all()] == [CAPTION]
        assert (
            post.slug == slugify(TITLE) == "dai-hoi-cong-doan-co-so-benh-vien-da-khoa-tinh-nhiem-ky-2017-2022"
        )
    assert decomposed.search_text == composed.search_text

    ours = PostPage.objects.filter(pk__in=[decomposed.pk, composed.pk])
    for query in ("Đại hội Bệnh viện", nfd("Đại hội Bệnh viện"), "dai hoi benh vien", nfd(AUTHOR)):
        assert set(search_posts(query, ours).values_list("pk", flat=True)) == {decomposed.pk, composed.pk}
    # Equality lookups (the editor's duplicate check, the API's ?title=) find both forms.
    assert PostPage.objects.filter(title=TITLE).filter(pk__in=[decomposed.pk, composed.pk]).count() == 2
    assert fold(nfd(TITLE)) in decomposed.search_text


def test_draft_revisions_are_stored_in_nfc(two_unit_pages):
    post = publish_post(two_unit_pages[0], decomposed=False)
    post.lead = nfd(LEAD)
    post.body = [("paragraph", nfd(PARAGRAPH))]
    post.authors = [PostAuthor(name=nfd(AUTHOR))]
    revision = post.save_revision()
    content = Revision.objects.get(pk=revision.pk).content
    assert content["lead"] == LEAD
    assert json.loads(content["body"])[0]["value"] == PARAGRAPH
    assert content["authors"][0]["name"] == AUTHOR
    # The editor shows the draft from the revision: NFC too.
    assert revision.as_object().body.raw_data[0]["value"] == PARAGRAPH


def test_units_topics_and_unit_pages_are_stored_in_nfc():
    kind = UnitKind.objects.create(code="thu-nfc", name=nfd("Đơn vị thử"))
    unit = Unit.objects.create(
        code="thu-nfc", name=nfd("Công đoàn Viên chức tỉnh"), short_name=nfd("CĐ Viên chức"), kind=kind
    )
    topic = Topic.objects.create(
        name=nfd("Việc làm – đời sống"), slug="viec-lam-doi-song-thu", description=nfd("Mô tả")
    )
    for obj in (kind, unit, topic):
        obj.refresh_from_db()
    assert kind.name == "Đơn vị thử"
    assert (unit.name, unit.short_name) == ("Công đoàn Viên chức tỉnh", "CĐ Viên chức")
    assert (topic.name, topic.description) == ("Việc làm – đời sống", "Mô tả")

    unit_page = UnitPage.objects.select_related("unit").first()
    unit_page.introduction = nfd("<p>Lịch sử hình thành</p>")
    unit_page.seo_title = nfd("Giới thiệu công đoàn")
    unit_page.search_description = nfd("Chức năng, nhiệm vụ")
    unit_page.save()
    unit_page.refresh_from_db()
    assert unit_page.introduction == "<p>Lịch sử hình thành</p>"
    assert unit_page.seo_title == "Giới thiệu công đoàn"
    assert unit_page.search_description == "Chức năng, nhiệm vụ"


def test_models_of_other_apps_are_left_alone_but_for_the_listed_fields():
    # settings.VIETNAMESE_NFC_FIELDS lists auth.User's first_name and last_name, not its username.
    user = get_user_model().objects.create(username=nfd("ánh.nguyễn"), first_name=nfd("Ánh"))
    user.refresh_from_db()
    assert not is_nfc(user.username)
    assert user.first_name == "Ánh"
    group = Group.objects.create(name=nfd("Nhóm thử"))
    group.refresh_from_db()
    assert not is_nfc(group.name)


def test_update_fields_and_deferred_fields():
    unit = Unit.objects.only("pk", "code").first()
    assert normalise_instance(unit) == []  # nothing loaded, nothing touched
    unit = Unit.objects.first()
    unit.name, unit.short_name = nfd("Văn phòng"), nfd("VP Đảng")
    unit.save(update_fields=["name"])
    unit.refresh_from_db()
    assert unit.name == "Văn phòng"


def test_nfc_deep():
    data = {nfd("khóa"): [nfd("Đà"), ("ổ", 3), {"x": None}]}
    assert nfc_deep(data) == {"khóa": ["Đà", ("ổ", 3), {"x": None}]}
