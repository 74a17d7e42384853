"""Compiled catalogues for the test suite, whatever order things were run in.

`make install` compiles `locale/**/*.po` (`compilemessages`); a test run straight after a
`git pull` that changed a `.po` file, or on a fresh checkout, would otherwise serve
Wagtail's own (mostly English) strings. `ensure_compiled_messages()` compiles what is
missing or older than its `.po`, once, under a file lock (pytest-xdist workers start together).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import tempfile
from pathlib import Path

from asgiref.local import Local
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

# Where `compilemessages` must not look for locale/ directories (it walks the current directory).
IGNORED = [".venv", ".git", "node_modules", "artifacts", "media", "static_collected"]


def catalogue_dirs() -> list[Path]:
    """LOCALE_PATHS and the locale/ directories of the project's own apps (vietnamese/locale)."""
    from django.apps import apps

    dirs = [Path(base) for base in settings.LOCALE_PATHS]
    for config in apps.get_app_configs():
        path = Path(config.path)
        if path.is_relative_to(settings.BASE_DIR) and ".venv" not in path.parts:
            dirs.append(path / "locale")
    return dirs


def stale_catalogues() -> list[Path]:
    """`.po` files of `catalogue_dirs()` whose `.mo` is missing or older."""
    stale = []
    for base in catalogue_dirs():
        for po in sorted(base.glob("*/LC_MESSAGES/*.po")):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                stale.append(po)
    return stale


def _reset_translation_caches() -> None:
    # What django.test.signals does when LOCALE_PATHS changes: forget catalogues loaded so far
    # (something imported during collection may already have read the stale .mo), and Python's
    # own cache of parsed .mo files, which Django's catalogues are built from.
    import gettext

    from django.utils.translation import trans_real

    gettext._translations.clear()

    trans_real._translations = {}
    trans_real._default = None
    trans_real._active = Local()


def ensure_compiled_messages() -> list[Path]:
    """Compile stale catalogues; return the `.po` files compiled (empty when all were fresh)."""
    if not stale_catalogues():
        return []
    key = hashlib.sha1(str(settings.BASE_DIR).encode(), usedforsecurity=False).hexdigest()[:12]
    lock_path = Path(tempfile.gettempdir()) / f"congdoan-compilemessages-{key}.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stale = stale_catalogues()  # another worker may have compiled them meanwhile
        if stale:
            locales = sorted({po.parent.parent.name for po in stale})
            cwd = os.getcwd()
            os.chdir(settings.BASE_DIR)
            try:
                call_command("compilemessages", locale=locales, ignore_patterns=IGNORED, verbosity=0)
            except CommandError:
                return []  # no msgfmt: test_translations says so; `make install` installs gettext
            finally:
                os.chdir(cwd)
    _reset_translation_caches()
    return stale
