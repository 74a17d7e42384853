"""The admin speaks Vietnamese: every Wagtail msgid translated, placeholders intact, catalogues that
compile, and Django actually serving our translation (LOCALE_PATHS wins over Wagtail's own `vi`)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from django.utils import translation

from scripts import i18n_catalogue, i18n_packages

from .english_labels import english_labels_in, visible_text


def _listing(rows, limit=40) -> str:
    lines = [" | ".join(str(part) for part in row if part is not None) for row in rows[:limit]]
    if len(rows) > limit:
        lines.append(f"... and {len(rows) - limit} more")
    return "\n".join(lines)


def test_every_wagtail_msgid_has_a_vietnamese_translation():
    missing = i18n_catalogue.missing_translations()
    assert not missing, (
        f"{len(missing)} msgid(s) of the installed Wagtail lack a Vietnamese translation "
        f"(see locale/README.md, 'After upgrading Wagtail'):\n{_listing(missing)}"
    )


def test_catalogue_has_no_msgid_wagtail_dropped():
    obsolete = i18n_catalogue.obsolete_translations()
    assert not obsolete, (
        f"Run scripts/i18n_update.py to move msgids Wagtail no longer has to the obsolete section:\n"
        f"{_listing(obsolete)}"
    )


def test_placeholders_and_tags_intact():
    problems = i18n_catalogue.placeholder_problems()
    assert not problems, _listing(problems)


def test_every_msgid_of_django_and_the_installed_packages_has_a_vietnamese_translation():
    """Django's own vi catalogue lacks ~100 msgids (field validation, formsets, CSRF page);
    django-filter, taggit, django-otp and django-axes have none: vietnamese/locale fills in."""
    missing = i18n_packages.missing_translations()
    assert not missing, (
        f"{len(missing)} msgid(s) without Vietnamese; run scripts/i18n_packages.py --write and translate:\n"
        f"{_listing(missing)}"
    )
    assert not i18n_packages.placeholder_problems()


CATALOGUES = [i18n_catalogue.target_path(domain) for domain in i18n_catalogue.DOMAINS] + [
    i18n_packages.SUPPLEMENT
]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(i18n_catalogue.PROJECT_ROOT)))
def test_msgfmt_check_passes(path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt is not installed (`make test` installs gettext)")
    result = subprocess.run(  # noqa: S603 (fixed argv)
        [msgfmt, "--check", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    # msgfmt --statistics: "N translated messages." and nothing fuzzy or untranslated.
    assert "fuzzy" not in result.stderr and "untranslated" not in result.stderr, result.stderr


def _served(entry: i18n_catalogue.Entry) -> list[tuple[str, str]]:
    """(what Django returns, what our catalogue says) for an entry, singular and plural."""
    if entry.msgid_plural is not None:
        expected = entry.msgstr_plural[0]
        if entry.msgctxt is not None:
            got = [translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n) for n in (1, 5)]
        else:
            got = [translation.ngettext(entry.msgid, entry.msgid_plural, n) for n in (1, 5)]
        return [(value, expected) for value in got]
    if entry.msgctxt is not None:
        return [(translation.pgettext(entry.msgctxt, entry.msgid), entry.msgstr)]
    return [(translation.gettext(entry.msgid), entry.msgstr)]


def test_django_serves_our_translation_of_every_msgid():
    """The compiled catalogue is loaded and takes precedence over Wagtail's own 2014 `vi` one."""
    wrong = []
    with translation.override("vi"):
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.gettext("Dashboard") == "Bảng điều khiển"
        assert translation.gettext("Sign in") == "Đăng nhập"
        # From vietnamese/locale: what Django's own vi catalogue lacks.
        assert (
            translation.gettext("“%(value)s” value must be an integer.")
            == "Giá trị “%(value)s” phải là một số nguyên."
        )
        for entry in i18n_catalogue.target_entries("django").values():
            for got, expected in _served(entry):
                if got != expected:
                    wrong.append((entry.msgctxt, entry.msgid, got))
        _, supplement = i18n_catalogue.parse_po(i18n_packages.SUPPLEMENT)
        ours = i18n_catalogue.target_entries("django")
        for entry in supplement:
            if entry.key in ours:
                continue  # locale/ (LOCALE_PATHS) takes precedence
            for got, expected in _served(entry):
                if got != expected:
                    wrong.append((entry.msgctxt, entry.msgid, got))
    assert not wrong, f"Django serves another text for {len(wrong)} msgid(s):\n{_listing(wrong)}"


def test_javascript_catalogue_serves_our_translation(client):
    entries = i18n_catalogue.target_entries("djangojs")
    samples = [e for e in entries.values() if e.msgctxt is None and e.msgid_plural is None][:5]
    response = client.get("/admin/jsi18n/")
    assert response.status_code == 200
    content = response.content.decode()
    for entry in samples:
        assert json.dumps(entry.msgstr)[1:-1] in content or entry.msgstr in content, entry.msgid


LOGIN_LABELS = ["Sign in", "Log in", "Forgotten password?", "Username", "Password", "Dashboard"]


@pytest.mark.django_db
def test_login_page_is_vietnamese(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "Đăng nhập trang quản trị" in text and "Mật khẩu" in text
    assert "Nhập tên đăng nhập của bạn" in response.content.decode()  # placeholder, lower case
    found = english_labels_in(text, LOGIN_LABELS)
    assert not found, f"English on the login page: {found}\n{text}"
