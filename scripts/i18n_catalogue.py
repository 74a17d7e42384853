"""Vietnamese catalogue for Wagtail: parsing, comparison and (re)generation.

Standard library only.  The project overrides Wagtail's own (very partial)
Vietnamese translation with ``locale/vi/LC_MESSAGES/{django,djangojs}.po``
(``LOCALE_PATHS`` takes precedence over the apps' catalogues).  Our catalogue
must cover every msgid of the *installed* Wagtail's English catalogues
(``wagtail/**/locale/en/LC_MESSAGES/*.po``).

Public API (used by ``scripts/i18n_missing.py``, ``scripts/i18n_update.py``
and tests):

* ``missing_translations()`` -> ``[(source_file, msgctxt, msgid), ...]``:
  msgids that Wagtail has and that lack a non-empty Vietnamese translation.
* ``obsolete_translations()`` -> ``[(our_po_file, msgctxt, msgid), ...]``:
  entries of our catalogue that the installed Wagtail no longer has.
* ``placeholder_problems()`` -> ``[(our_po_file, msgctxt, msgid, problem)]``:
  translations whose ``%(name)s`` / ``%s`` / ``{name}`` placeholders or HTML
  tags differ from the English msgid.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = PROJECT_ROOT / "locale" / "vi" / "LC_MESSAGES"
DOMAINS = ("django", "djangojs")
SOURCE_GLOB = "locale/en/LC_MESSAGES/*.po"

Key = tuple  # (msgctxt | None, msgid)


# --------------------------------------------------------------------------
# Locating the installed Wagtail
# --------------------------------------------------------------------------


def wagtail_dir() -> Path:
    """Directory of the installed ``wagtail`` package (without importing Django)."""
    import importlib.util

    spec = importlib.util.find_spec("wagtail")
    if spec is not None and spec.submodule_search_locations:
        return Path(list(spec.submodule_search_locations)[0])
    # Fall back to the project's virtualenv when run with another interpreter.
    for candidate in sorted(PROJECT_ROOT.glob(".venv/lib/python*/site-packages/wagtail")):
        return candidate
    raise RuntimeError("Cannot find the installed wagtail package")


def _app_sort_key(rel: str) -> tuple:
    # wagtail core first, then admin, then the other apps, contrib last.
    app = rel.split("/locale/")[0]
    order = {"wagtail": 0, "wagtail/admin": 1}
    return (order.get(app, 3 if app.startswith("wagtail/contrib/") else 2), app, rel)


def english_catalogues() -> list[tuple[str, Path]]:
    """``[(relative name, path)]`` of the installed Wagtail's English catalogues.

    The relative name looks like ``wagtail/admin/locale/en/LC_MESSAGES/django.po``.
    """
    root = wagtail_dir()
    found = []
    for path in root.rglob("*.po"):
        rel = "wagtail/" + path.relative_to(root).as_posix()
        if "/locale/en/LC_MESSAGES/" in rel:
            found.append((rel, path))
    return sorted(found, key=lambda item: _app_sort_key(item[0]))


def domain_of(rel: str) -> str:
    return Path(rel).stem  # django / djangojs


def app_of(rel: str) -> str:
    return rel.split("/locale/")[0]


# --------------------------------------------------------------------------
# A tiny .po parser / writer
# --------------------------------------------------------------------------


@dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: str = ""
    msgstr_plural: dict = field(default_factory=dict)  # index -> str
    flags: list = field(default_factory=list)  # e.g. ["python-format"]
    comments: list = field(default_factory=list)  # "# ..." translator comments
    extracted: list = field(default_factory=list)  # "#. ..." extracted comments
    references: list = field(default_factory=list)  # "#: ..." references
    obsolete: bool = False

    @property
    def key(self) -> Key:
        return (self.msgctxt, self.msgid)

    @property
    def fuzzy(self) -> bool:
        return "fuzzy" in self.flags

    def translations(self) -> list[str]:
        if self.msgid_plural is not None:
            return [self.msgstr_plural[i] for i in sorted(self.msgstr_plural)]
        return [self.msgstr]

    @property
    def translated(self) -> bool:
        values = self.translations()
        return bool(values) and all(v.strip() for v in values) and not self.fuzzy


def _unquote(text: str) -> str:
    text = text.strip()
    if not (text.startswith('"') and text.endswith('"')):
        raise ValueError(f"Expected a quoted string: {text!r}")
    # PO strings use C escapes which are a subset of Python's.
    return ast.literal_eval(text)


def parse_po(path: Path | str) -> tuple[Entry | None, list[Entry]]:
    """Parse a .po file; return ``(header_entry, entries)``.

    Obsolete (``#~``) entries are returned with ``obsolete=True``.
    """
    text = Path(path).read_text(encoding="utf-8")
    entries: list[Entry] = []
    current: dict = {}
    last_field = None

    def flush():
        nonlocal current, last_field
        if "msgid" in current:
            entry = Entry(
                msgid=current["msgid"],
                msgctxt=current.get("msgctxt"),
                msgid_plural=current.get("msgid_plural"),
                msgstr=current.get("msgstr", ""),
                msgstr_plural=current.get("msgstr_plural", {}),
                flags=current.get("flags", []),
                comments=current.get("comments", []),
                extracted=current.get("extracted", []),
                references=current.get("references", []),
                obsolete=current.get("obsolete", False),
            )
            entries.append(entry)
            current = {}
        last_field = None

    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\n")
        obsolete = False
        if line.startswith("#~"):
            obsolete = True
            line = line[2:].lstrip()
            if not line or line.startswith("#"):
                continue
        if not line.strip():
            flush()
            continue
        if line.startswith("#"):
            if "msgid" in current and last_field is not None:
                flush()
            if line.startswith("#,"):
                current.setdefault("flags", []).extend(f.strip() for f in line[2:].split(",") if f.strip())
            elif line.startswith("#."):
                current.setdefault("extracted", []).append(line[2:].strip())
            elif line.startswith("#:"):
                current.setdefault("references", []).extend(line[2:].split())
            elif line.startswith("#|"):
                pass  # previous msgid, irrelevant here
            else:
                current.setdefault("comments", []).append(line[1:].strip())
            continue
        try:
            if line.startswith('"'):
                if last_field is None:
                    raise ValueError("continuation line without a keyword")
                value = _unquote(line)
                if isinstance(last_field, tuple):
                    current["msgstr_plural"][last_field[1]] += value
                else:
                    current[last_field] += value
                continue
            keyword, _, rest = line.partition(" ")
            if keyword in ("msgctxt", "msgid") and ("msgstr" in current or current.get("msgstr_plural")):
                flush()
            if obsolete:
                current["obsolete"] = True
            match = re.fullmatch(r"msgstr\[(\d+)\]", keyword)
            if match:
                index = int(match.group(1))
                current.setdefault("msgstr_plural", {})[index] = _unquote(rest)
                last_field = ("msgstr_plural", index)
            elif keyword in ("msgctxt", "msgid", "msgid_plural", "msgstr"):
                current[keyword] = _unquote(rest)
                last_field = keyword
            else:
                raise ValueError(f"unknown keyword {keyword!r}")
        except (ValueError, SyntaxError) as exc:
            raise ValueError(f"{path}:{lineno}: {exc}") from exc
    flush()

    header = None
    if entries and entries[0].msgid == "" and entries[0].msgctxt is None:
        header = entries.pop(0)
    return header, entries


def _quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\t", "\\t")
        .replace("\r", "\\r")
        .replace("\n", "\\n")
    )
    return f'"{escaped}"'


def _format_field(keyword: str, text: str, prefix: str = "", width: int = 79) -> list[str]:
    """Format like xgettext: long or multi-line strings are wrapped."""
    single = f"{prefix}{keyword} {_quote(text)}"
    if len(single) <= width and "\n" not in text[:-1]:
        return [single]
    # Split after newlines, then wrap at spaces.
    pieces = []
    for part in re.split(r"(?<=\n)", text):
        if not part:
            continue
        chunk = ""
        for token in re.split(r"(?<= )", part):
            if chunk and len(_quote(chunk + token)) + len(prefix) > width:
                pieces.append(chunk)
                chunk = token
            else:
                chunk += token
        if chunk:
            pieces.append(chunk)
    return [f'{prefix}{keyword} ""'] + [f"{prefix}{_quote(p)}" for p in pieces]


def format_entry(entry: Entry) -> str:
    prefix = "#~ " if entry.obsolete else ""
    lines = [f"# {c}".rstrip() for c in entry.comments]
    lines += [f"#. {c}".rstrip() for c in entry.extracted]
    if entry.references:
        lines += [f"#: {r}" for r in entry.references]
    if entry.flags:
        lines.append("#, " + ", ".join(entry.flags))
    if entry.msgctxt is not None:
        lines += _format_field("msgctxt", entry.msgctxt, prefix)
    lines += _format_field("msgid", entry.msgid, prefix)
    if entry.msgid_plural is not None:
        lines += _format_field("msgid_plural", entry.msgid_plural, prefix)
        plural = entry.msgstr_plural or {0: ""}
        for index in sorted(plural):
            lines += _format_field(f"msgstr[{index}]", plural[index], prefix)
    else:
        lines += _format_field("msgstr", entry.msgstr, prefix)
    return "\n".join(lines) + "\n"


HEADER_COMMENTS = [
    "Vietnamese translation of the Wagtail admin for this project.",
    "Overrides Wagtail's own vi catalogues (LOCALE_PATHS takes precedence).",
    "Terminology: see locale/GLOSSARY.md.",
    "Entries are grouped by the Wagtail source catalogue they come from.",
    "Check with: .venv/bin/python scripts/i18n_missing.py",
    "Regenerate layout after a Wagtail upgrade: .venv/bin/python scripts/i18n_update.py",
    "",
]


def header_entry(wagtail_version: str, domain: str, revision_date: str | None = None) -> Entry:
    if revision_date is None:
        import datetime

        revision_date = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M%z")
    msgstr = (
        f"Project-Id-Version: Wagtail {wagtail_version} ({domain})\n"
        "Report-Msgid-Bugs-To: \n"
        f"PO-Revision-Date: {revision_date}\n"
        "Last-Translator: Project team\n"
        "Language-Team: Vietnamese\n"
        "Language: vi\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "Plural-Forms: nplurals=1; plural=0;\n"
    )
    return Entry(msgid="", msgstr=msgstr, comments=list(HEADER_COMMENTS))


def write_po(path: Path, header: Entry, entries: list[Entry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    chunks = [format_entry(header)] + [format_entry(e) for e in entries]
    path.write_text("\n".join(chunks), encoding="utf-8")


# --------------------------------------------------------------------------
# Source (English) and target (our Vietnamese) catalogues
# --------------------------------------------------------------------------


@dataclass
class SourceEntry:
    entry: Entry  # from the first English catalogue containing the key
    sources: list  # relative names of all English catalogues containing it


def source_entries(domain: str | None = None) -> dict[str, dict[Key, SourceEntry]]:
    """``{domain: {key: SourceEntry}}`` merged over the English catalogues,
    in catalogue order (core, admin, other apps, contrib) then file order."""
    result: dict[str, dict[Key, SourceEntry]] = {d: {} for d in DOMAINS}
    for rel, path in english_catalogues():
        dom = domain_of(rel)
        if domain is not None and dom != domain:
            continue
        _, entries = parse_po(path)
        bucket = result.setdefault(dom, {})
        for entry in entries:
            if entry.obsolete:
                continue
            if entry.key in bucket:
                bucket[entry.key].sources.append(rel)
                if bucket[entry.key].entry.msgid_plural is None and entry.msgid_plural:
                    bucket[entry.key].entry.msgid_plural = entry.msgid_plural
            else:
                bucket[entry.key] = SourceEntry(entry, [rel])
    return result


def target_path(domain: str) -> Path:
    return LOCALE_DIR / f"{domain}.po"


def target_entries(domain: str) -> dict[Key, Entry]:
    path = target_path(domain)
    if not path.exists():
        return {}
    _, entries = parse_po(path)
    return {e.key: e for e in entries if not e.obsolete}


def missing_translations() -> list[tuple[str, str | None, str]]:
    """Every msgid of the installed Wagtail's English catalogues lacking a
    non-empty (non-fuzzy) Vietnamese translation in our catalogue.

    Returns ``[(source_file, msgctxt, msgid)]`` where ``source_file`` is the
    first English catalogue (relative to site-packages) containing the msgid.
    """
    missing = []
    for domain, sources in source_entries().items():
        ours = target_entries(domain)
        for key, src in sources.items():
            entry = ours.get(key)
            if entry is None or not entry.translated:
                missing.append((src.sources[0], key[0], key[1]))
            elif src.entry.msgid_plural is not None and entry.msgid_plural is None:
                missing.append((src.sources[0], key[0], key[1]))
    return missing


def obsolete_translations() -> list[tuple[str, str | None, str]]:
    """Entries in our catalogue that the installed Wagtail no longer has."""
    obsolete = []
    for domain, sources in source_entries().items():
        for key in target_entries(domain):
            if key not in sources:
                obsolete.append((str(target_path(domain).relative_to(PROJECT_ROOT)), *key))
    return obsolete


# --------------------------------------------------------------------------
# Placeholder checks
# --------------------------------------------------------------------------

_PRINTF = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGc%]")
_BRACE = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|\{\d*\}")
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\b[^>]*>")
_ENTITY = re.compile(r"&[A-Za-z]+;|&#\d+;")


def _tokens(text: str) -> Counter:
    tokens = Counter()
    for m in _PRINTF.finditer(text):
        if m.group() != "%%":
            tokens[m.group()] += 1
    for m in _BRACE.finditer(text):
        tokens[m.group()] += 1
    for m in _TAG.finditer(text):
        tokens["<" + ("/" if m.group().startswith("</") else "") + m.group(1).lower() + ">"] += 1
    for m in _ENTITY.finditer(text):
        tokens[m.group()] += 1
    return tokens


def _positional(tokens: Counter) -> bool:
    return any(t.startswith("%") and not t.startswith("%(") for t in tokens)


def check_placeholders(entry: Entry) -> list[str]:
    """Problems with the placeholders/tags of a translated entry."""
    problems = []
    if entry.msgid_plural is not None:
        # nplurals=1: the single form is used for every n, so it must carry
        # the placeholders of the plural msgid.
        expected = _tokens(entry.msgid_plural)
        allowed = expected | _tokens(entry.msgid)
    else:
        expected = allowed = _tokens(entry.msgid)
    for text in entry.translations():
        if not text:
            continue
        got = _tokens(text)
        if got == expected:
            continue
        named_only = not _positional(expected)
        if (
            named_only
            and set(got) == set(expected)
            and all(t.startswith("%(") or t.startswith("{") for t in got)
        ):
            continue  # a named placeholder may be repeated or reordered
        extra = got - allowed
        lacking = expected - got
        if extra:
            problems.append(f"unexpected {sorted(extra)}")
        if lacking:
            problems.append(f"missing {sorted(lacking)}")
        if not extra and not lacking and got != expected:
            problems.append(f"placeholders differ: {dict(got)} vs {dict(expected)}")
    return problems


def placeholder_problems() -> list[tuple[str, str | None, str, str]]:
    problems = []
    for domain in DOMAINS:
        for key, entry in target_entries(domain).items():
            if not entry.translated:
                continue
            for problem in check_placeholders(entry):
                problems.append((str(target_path(domain).relative_to(PROJECT_ROOT)), *key, problem))
    return problems


def installed_wagtail_version() -> str:
    init = (wagtail_dir() / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r"^VERSION\s*=\s*\(([^)]*)\)", init, re.M)
    if not match:
        return "unknown"
    parts = [p.strip().strip("\"'") for p in match.group(1).split(",")]
    major, minor, patch = parts[:3]
    return f"{major}.{minor}" + (f".{patch}" if patch != "0" else "")
