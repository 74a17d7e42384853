"""Tags and people's names are stored in NFC too (settings.VIETNAMESE_NFC_FIELDS, vietnamese/tags.py):
a tag typed decomposed (NFD) is the same tag as the precomposed one, and a name sorts and matches."""

import unicodedata

import pytest
from django.contrib.auth import get_user_model
from taggit.models import Tag

from newsroom.tests.support import Editor
from posts.models import PostPage

pytestmark = pytest.mark.django_db

JOBS = "Việc làm"
LIFE = "Đời sống công nhân"


def nfd(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    return decomposed


def test_tag_names_are_stored_in_nfc():
    tag = Tag.objects.create(name=nfd(JOBS))
    assert Tag.objects.get(pk=tag.pk).name == JOBS


def test_user_names_are_stored_in_nfc_and_the_rest_untouched():
    person = get_user_model().objects.create_user(
        "nhanvien.moi", password="x-Mật-khẩu-2017", first_name=nfd("Nguyễn Thị"), last_name=nfd("Ánh")
    )
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("Nguyễn Thị", "Ánh")
    assert person.check_password("x-Mật-khẩu-2017")
    assert get_user_model().objects.filter(first_name="Nguyễn Thị").count() == 1


def test_a_tag_typed_decomposed_in_the_editor_is_the_existing_tag(client):
    Tag.objects.create(name=JOBS)
    typed = f"{nfd(JOBS)}, {nfd(LIFE)}"
    response = Editor(client, "vanphong").create("van-phong", "Hội chợ việc làm", tags=typed)
    assert response.status_code == 302
    post = PostPage.objects.get(title="Hội chợ việc làm").get_latest_revision_as_object()
    assert sorted(tag.name for tag in post.tags.all()) == sorted([JOBS, LIFE])

    Editor(client, "vanphong").create("van-phong", "Tin thứ hai", tags=nfd(JOBS), action="submit")
    assert Tag.objects.filter(name=JOBS).count() == 1
    assert all(unicodedata.is_normalized("NFC", name) for name in Tag.objects.values_list("name", flat=True))
