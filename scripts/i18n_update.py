#!/usr/bin/env python
"""Regenerate ``locale/vi/LC_MESSAGES/{django,djangojs}.po`` from the installed
Wagtail's English catalogues, keeping our translations.

Usage (from the project root)::

    .venv/bin/python scripts/i18n_update.py                 # re-sync layout
    .venv/bin/python scripts/i18n_update.py --dump-missing  # work list (TSV)
    .venv/bin/python scripts/i18n_update.py --apply FILE    # merge a batch

After a Wagtail upgrade: run it without arguments (new msgids appear with an
empty msgstr, msgids Wagtail dropped move to the ``#~`` obsolete section at
the end of the file), then ``--dump-missing``, translate, ``--apply``, and
check with ``scripts/i18n_missing.py``.

Batch files (``--apply``) have one entry per line: ``ID<TAB>translation``
where ID comes from ``--dump-missing``; ``\\n`` and ``\\t`` are escapes, and a
translation of ``=`` takes Wagtail's own Vietnamese translation unchanged.
Lines starting with ``#`` and blank lines are ignored.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import i18n_catalogue as cat  # noqa: E402


def entry_id(domain: str, key) -> str:
    raw = f"{domain}\x04{key[0] or ''}\x04{key[1]}".encode()
    return hashlib.sha1(raw, usedforsecurity=False).hexdigest()[:6]


def escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


def unescape(text: str) -> str:
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append({"n": "\n", "t": "\t", "\\": "\\"}.get(nxt, "\\" + nxt))
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def wagtail_vi_translations(domain: str) -> dict:
    """Wagtail's own Vietnamese translations (non-fuzzy, non-empty)."""
    result = {}
    root = cat.wagtail_dir()
    for path in sorted(root.rglob(f"locale/vi/LC_MESSAGES/{domain}.po")):
        _, entries = cat.parse_po(path)
        for e in entries:
            if not e.obsolete and e.translated and e.key not in result:
                result[e.key] = e
    return result


def build(domain: str, overrides: dict | None = None) -> tuple[int, int]:
    """Rewrite our catalogue for ``domain``; return (entries, translated)."""
    overrides = overrides or {}
    sources = cat.source_entries(domain)[domain]
    path = cat.target_path(domain)
    old_entries, revision_date = [], None
    if path.exists():
        old_header, old_entries = cat.parse_po(path)
        match = re.search(r"^PO-Revision-Date: (.+)$", old_header.msgstr if old_header else "", re.M)
        if match and not overrides:
            revision_date = match.group(1)  # unchanged translations: keep the date
    ours = {e.key: e for e in old_entries if not e.obsolete}
    old_obsolete = {e.key: e for e in old_entries if e.obsolete}

    entries = []
    previous_source = None
    translated = 0
    for key, src in sources.items():
        english = src.entry
        old = ours.get(key) or old_obsolete.get(key)
        entry = cat.Entry(
            msgid=english.msgid,
            msgctxt=english.msgctxt,
            msgid_plural=english.msgid_plural,
            flags=[f for f in english.flags if f != "fuzzy"],
            extracted=list(english.extracted),
        )
        # Our own translator comments (other than section headers) survive.
        if old is not None:
            entry.comments = [c for c in old.comments if not c.startswith("=====")]
            if old.fuzzy:
                entry.flags.append("fuzzy")
        text = overrides.get(key)
        if text is None and old is not None:
            values = old.translations()
            text = values[0] if values else ""
        text = text or ""
        if entry.msgid_plural is not None:
            entry.msgstr_plural = {0: text}
        else:
            entry.msgstr = text
        if text.strip():
            translated += 1
        apps = ", ".join(cat.app_of(s) for s in src.sources)
        entry.extracted.insert(0, f"{apps}")
        if src.sources[0] != previous_source:
            entry.comments.insert(0, f"===== {src.sources[0]} =====")
            previous_source = src.sources[0]
        entries.append(entry)

    # Keep translations Wagtail no longer uses as obsolete entries (reusable
    # if the msgid comes back, and visible in review).
    for key, old in list(ours.items()) + list(old_obsolete.items()):
        if key in sources:
            continue
        old.obsolete = True
        old.comments = [c for c in old.comments if not c.startswith("=====")]
        old.references = []
        entries.append(old)

    header = cat.header_entry(cat.installed_wagtail_version(), domain, revision_date)
    cat.write_po(path, header, entries)
    return len(sources), translated


def dump_missing(out) -> None:
    for domain in cat.DOMAINS:
        sources = cat.source_entries(domain)[domain]
        ours = cat.target_entries(domain)
        theirs = wagtail_vi_translations(domain)
        for key, src in sources.items():
            entry = ours.get(key)
            if entry is not None and entry.translated:
                continue
            english = src.entry
            suggestion = ""
            if key in theirs:
                suggestion = theirs[key].translations()[0]
            refs = " ".join(english.references[:3])
            fields = [
                entry_id(domain, key),
                escape(english.msgid),
                escape(english.msgid_plural or ""),
                escape(suggestion),
                cat.app_of(src.sources[0]) + " " + refs,
            ]
            if english.msgctxt:
                fields.append("ctxt=" + escape(english.msgctxt))
            out.write("\t".join(fields) + "\n")


def read_batch(path: Path) -> dict:
    """``{(domain, key): text}`` from a batch file."""
    index = {}
    for domain in cat.DOMAINS:
        for key in cat.source_entries(domain)[domain]:
            index[entry_id(domain, key)] = (domain, key)
    theirs = {d: wagtail_vi_translations(d) for d in cat.DOMAINS}
    result = {}
    errors = 0
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        ident, sep, text = line.partition("\t")
        ident = ident.strip()
        if not sep or ident not in index:
            print(f"{path}:{lineno}: unknown id or no tab: {line[:60]!r}", file=sys.stderr)
            errors += 1
            continue
        domain, key = index[ident]
        text = unescape(text.strip())
        if text == "=":
            if key not in theirs[domain]:
                print(f"{path}:{lineno}: no Wagtail translation for {ident}", file=sys.stderr)
                errors += 1
                continue
            text = theirs[domain][key].translations()[0]
        # Keep the msgid's leading/trailing whitespace (e.g. "Locale: ").
        msgid = key[1]
        lead = msgid[: len(msgid) - len(msgid.lstrip())]
        trail = msgid[len(msgid.rstrip()) :]
        result[(domain, key)] = lead + text.strip() + trail
    if errors:
        raise SystemExit(f"{errors} error(s) in {path}")
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump-missing", action="store_true")
    parser.add_argument("--apply", type=Path, action="append", default=[])
    args = parser.parse_args(argv)

    if args.dump_missing:
        dump_missing(sys.stdout)
        return 0
    overrides: dict = {d: {} for d in cat.DOMAINS}
    for batch in args.apply:
        for (domain, key), text in read_batch(batch).items():
            overrides[domain][key] = text
    for domain in cat.DOMAINS:
        total, done = build(domain, overrides[domain])
        rel = cat.target_path(domain).relative_to(cat.PROJECT_ROOT)
        print(f"{rel}: {done}/{total} translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
