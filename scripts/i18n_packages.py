#!/usr/bin/env python
"""Vietnamese for what Django and the installed non-Wagtail packages show.

Django's own ``vi`` catalogue leaves about 80 msgids untranslated, among them validation
messages a writer meets in the page editor ("Enter a valid “slug” …", "“%(value)s” value must
be an integer.", "Please submit at least %(num)d forms." for a post without an author, the CSRF
failure page); django-filter (the admin's report filters), taggit, django-otp and django-axes
have no ``vi`` at all. What they lack is translated in
``vietnamese/locale/vi/LC_MESSAGES/django.po``, an app catalogue: ``vietnamese`` comes first in
INSTALLED_APPS, so it takes precedence over every later app and over Django's own catalogue
(``locale/`` through LOCALE_PATHS still wins, and holds Wagtail's msgids).

Usage (from the project root)::

    .venv/bin/python scripts/i18n_packages.py          # list MISSING msgids, exit 1 if any
    .venv/bin/python scripts/i18n_packages.py --write  # add them, untranslated, to the catalogue

After upgrading Django or one of these packages: ``--write``, translate the new empty
entries, ``msgfmt --check``, ``make messages``.

The packages are Django itself and every app in INSTALLED_APPS outside the project and
outside Wagtail (whose msgids ``scripts/i18n_missing.py`` checks) that ships a ``locale/``
directory. A package's msgids are those of its English catalogue, or, when it ships none, of
its largest catalogue.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import i18n_catalogue as cat  # noqa: E402

PROJECT_ROOT = cat.PROJECT_ROOT
SUPPLEMENT = PROJECT_ROOT / "vietnamese" / "locale" / "vi" / "LC_MESSAGES" / "django.po"


@dataclass(frozen=True)
class Package:
    name: str  # "django", "django.contrib.admin", "taggit", ...
    reference: Path  # the catalogue whose msgids count
    vietnamese: Path | None  # the package's own vi catalogue


def _setup_django() -> None:
    import django
    from django.apps import apps

    if not apps.ready:
        sys.path.insert(0, str(PROJECT_ROOT))
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "congdoan.settings.test")
        django.setup()


def _package(name: str, locale_dir: Path) -> Package | None:
    catalogues = sorted(locale_dir.glob("*/LC_MESSAGES/django.po"))
    if not catalogues:
        return None
    english = [p for p in catalogues if p.parts[-3] in ("en", "en_US")]
    reference = english[0] if english else max(catalogues, key=lambda p: p.stat().st_size)
    vietnamese = locale_dir / "vi" / "LC_MESSAGES" / "django.po"
    return Package(name, reference, vietnamese if vietnamese.exists() else None)


def packages() -> list[Package]:
    """Django and the installed third-party apps that have catalogues (Wagtail and ours excluded)."""
    _setup_django()
    import django
    from django.apps import apps

    found = [_package("django", Path(django.__file__).parent / "conf" / "locale")]
    for config in apps.get_app_configs():
        path = Path(config.path)
        installed = "site-packages" in path.parts or "dist-packages" in path.parts
        if config.name.startswith("wagtail") or not installed:
            continue
        found.append(_package(config.name, path / "locale"))
    return [p for p in found if p is not None]


def _translated(path: Path | None) -> set:
    if path is None or not path.exists():
        return set()
    _, entries = cat.parse_po(path)
    return {e.key for e in entries if not e.obsolete and e.translated}


def missing_translations() -> list[tuple[str, str | None, str]]:
    """``[(package, msgctxt, msgid)]`` that neither the package's own vi catalogue, nor
    ours for Wagtail (LOCALE_PATHS), nor the supplement translates."""
    ours = _translated(SUPPLEMENT) | _translated(cat.target_path("django"))
    missing, seen = [], set()
    for package in packages():
        theirs = _translated(package.vietnamese)
        _, entries = cat.parse_po(package.reference)
        for entry in entries:
            if entry.obsolete or entry.key in theirs or entry.key in ours or entry.key in seen:
                continue
            seen.add(entry.key)
            missing.append((package.name, *entry.key))
    return missing


def placeholder_problems() -> list[tuple[str | None, str, str]]:
    if not SUPPLEMENT.exists():
        return []
    _, entries = cat.parse_po(SUPPLEMENT)
    return [(e.msgctxt, e.msgid, p) for e in entries if e.translated for p in cat.check_placeholders(e)]


def write_missing() -> int:
    """Append the missing msgids, untranslated, to the supplement; return how many."""
    header, entries = cat.parse_po(SUPPLEMENT) if SUPPLEMENT.exists() else (None, [])
    header = header or cat.header_entry(cat.installed_wagtail_version(), "django")
    header.comments = [
        "Vietnamese for Django and the installed non-Wagtail packages (django-filter, taggit,",
        "django-otp, django-axes): the msgids their own vi catalogues lack.",
        "Check and extend with: .venv/bin/python scripts/i18n_packages.py [--write]",
    ]
    header.msgstr = header.msgstr.replace(
        header.msgstr.split("\n", 1)[0], "Project-Id-Version: Django and packages (django)"
    )
    added = 0
    by_package = {p.name: p for p in packages()}
    for package_name, msgctxt, msgid in missing_translations():
        _, source = cat.parse_po(by_package[package_name].reference)
        original = next(e for e in source if e.key == (msgctxt, msgid))
        entries.append(
            cat.Entry(
                msgid=msgid,
                msgctxt=msgctxt,
                msgid_plural=original.msgid_plural,
                msgstr_plural={0: ""} if original.msgid_plural is not None else {},
                flags=[f for f in original.flags if f.endswith("-format")],
                extracted=[package_name],
            )
        )
        added += 1
    cat.write_po(SUPPLEMENT, header, entries)
    return added


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="add missing msgids to the catalogue")
    args = parser.parse_args(argv)
    if args.write:
        print(f"{write_missing()} msgid(s) added to {SUPPLEMENT.relative_to(PROJECT_ROOT)}", file=sys.stderr)
    missing = missing_translations()
    problems = placeholder_problems()
    for package, msgctxt, msgid in missing:
        print(f"MISSING  {package}: {(f'[{msgctxt}] ' if msgctxt else '') + repr(msgid)}")
    for msgctxt, msgid, problem in problems:
        print(f"PLACEHOLDER {(f'[{msgctxt}] ' if msgctxt else '') + repr(msgid)}: {problem}")
    names = ", ".join(p.name for p in packages())
    print(f"{len(missing)} missing, {len(problems)} placeholder problem(s) in: {names}", file=sys.stderr)
    return 1 if missing or problems else 0


if __name__ == "__main__":
    sys.exit(main())
