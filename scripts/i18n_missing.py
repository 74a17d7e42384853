#!/usr/bin/env python
"""List Wagtail msgids lacking a Vietnamese translation in our catalogue.

Usage (from the project root)::

    .venv/bin/python scripts/i18n_missing.py            # report, exit 1 if incomplete
    .venv/bin/python scripts/i18n_missing.py --summary  # counts only

Reports, against the *installed* Wagtail's English catalogues
(``wagtail/**/locale/en/LC_MESSAGES/*.po``):

* MISSING: msgids without a non-empty (non-fuzzy) translation in
  ``locale/vi/LC_MESSAGES/{django,djangojs}.po``;
* OBSOLETE: msgids in our catalogue that Wagtail no longer has;
* PLACEHOLDER: translations whose ``%(name)s``/``%s``/``{name}`` placeholders or
  HTML tags differ from the English text.

Exit code 0 when the catalogue is complete and clean, 1 otherwise.  This is the
documented check after upgrading Wagtail (see ``scripts/i18n_update.py`` to
re-sync the catalogue layout first).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from i18n_catalogue import (  # noqa: E402
    missing_translations,
    obsolete_translations,
    placeholder_problems,
    source_entries,
)


def _fmt(msgctxt, msgid) -> str:
    text = msgid.replace("\n", "\\n")
    if len(text) > 100:
        text = text[:97] + "..."
    return (f"[{msgctxt}] " if msgctxt else "") + repr(text)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--summary", action="store_true", help="print counts only")
    args = parser.parse_args(argv)

    missing = missing_translations()
    obsolete = obsolete_translations()
    problems = placeholder_problems()
    total = sum(len(v) for v in source_entries().values())

    if not args.summary:
        for source, msgctxt, msgid in missing:
            print(f"MISSING  {source}: {_fmt(msgctxt, msgid)}")
        for source, msgctxt, msgid in obsolete:
            print(f"OBSOLETE {source}: {_fmt(msgctxt, msgid)}")
        for source, msgctxt, msgid, problem in problems:
            print(f"PLACEHOLDER {source}: {_fmt(msgctxt, msgid)}: {problem}")

    by_source = Counter(source for source, _, _ in missing)
    for source, count in sorted(by_source.items()):
        print(f"  {count:5d} missing from {source}", file=sys.stderr)
    print(
        f"{total - len(missing)}/{total} Wagtail msgids translated; "
        f"{len(missing)} missing, {len(obsolete)} obsolete, "
        f"{len(problems)} placeholder problem(s).",
        file=sys.stderr,
    )
    return 1 if (missing or obsolete or problems) else 0


if __name__ == "__main__":
    sys.exit(main())
