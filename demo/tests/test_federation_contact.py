"""The footer's federation contact, filled by load_demo from Letter 435/LĐLĐ and nothing else."""

import pytest
from bs4 import BeautifulSoup

from demo.contact import ensure_federation_contact
from public.models import FederationContact

pytestmark = pytest.mark.django_db

NAME = "Liên đoàn Lao động tỉnh Bình Thuận"
RESPONSIBLE = "Ban Biên tập Website Công đoàn Bình Thuận"


def footer_text(client) -> str:
    html = client.get("/").content.decode()
    footer = BeautifulSoup(html, "html.parser").select_one("footer.site-footer")
    return " ".join(footer.get_text(" ").split())


def test_the_demo_fills_what_the_letter_says_and_invents_nothing():
    contact = FederationContact.load()
    assert (contact.name, contact.responsible) == (NAME, RESPONSIBLE)
    # The letter's header has no street address, telephone or email address.
    assert (contact.address, contact.phone, contact.email) == ("", "", "")


def test_the_footer_shows_the_federation_contact(client):
    text = footer_text(client)
    assert NAME in text
    assert f"Chịu trách nhiệm nội dung: {RESPONSIBLE}" in text
    assert "Địa chỉ:" not in text and "Điện thoại:" not in text  # no empty lines for unknown fields


def test_what_the_it_team_types_is_kept_and_shown(client):
    contact = FederationContact.load()
    contact.phone = "0252 3822 222"
    contact.responsible = "Ban Tuyên giáo"
    contact.save()
    assert ensure_federation_contact() == []  # running load_demo again changes nothing
    contact.refresh_from_db()
    assert (contact.phone, contact.responsible) == ("0252 3822 222", "Ban Tuyên giáo")
    text = footer_text(client)
    assert "Điện thoại: 0252 3822 222" in text
    assert "Chịu trách nhiệm nội dung: Ban Tuyên giáo" in text
