"""Who may read which report, export and royalty screen: every actor × every screen, unit A vs unit B.

Like the newsroom's permission matrix (newsroom/tests/test_permission_matrix.py), each case is
played through the admin as the user would, and judged by what comes back (the page, the CSV,
the XLSX or DOCX file), never by a permission flag. Issue 7, "Authorisation": finance of one
unit never sees another unit's statements; writers never see reports; anonymous users get the
login page, never data.

Unit A is Tuy Phong (its accountant is `ketoan.tuyphong`, its leader `tuyphong.duyet`, its
writer `tuyphong`), unit B the federation's Văn phòng. Both have a paid statement for January
2017 in the demo data.

Outcomes:
    LOGIN   the admin's login page (a redirect), and not one unit name, title or amount;
    REFUSED 403 or Wagtail's redirect to the dashboard, and no data of either unit;
    NONE    the screen opens (it is Wagtail's, for every admin user) but shows neither unit's data;
    OWN     unit A's data; unit B's data never, asked for by URL, filter parameter or export;
    ALL     both units' data.

Management commands that read or write reports and statements (`compliance_report`,
`royalty_statement`, `send_quota_reminders`, `load_quotas`) take no user: they are run by the
server's operator, who sees everything; `test_no_admin_url_runs_a_command` checks that none of
them is reachable from the web, so the matrix below is the whole of the web's access to them.
"""

from __future__ import annotations

import datetime
import html
import io
import re
import zipfile
from dataclasses import dataclass, field

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from newsroom.actions import unpublish_with_reason
from newsroom.tests.support import make_post
from oversight.selectors import compliance_rows
from oversight.services import issue_report
from royalties.models import Statement
from royalties.selectors import statement_rows
from units.models import Unit

pytestmark = pytest.mark.django_db

UNIT_A, UNIT_B = "tuy-phong", "van-phong"
MONTH = "2017-01"
QUARTER = "2017-Q1"

LOGIN, REFUSED, NONE, OWN, ALL = "login", "refused", "none", "own", "all"

ACTORS = (
    "anonymous",
    "tuyphong",  # writer of unit A
    "tuyphong.duyet",  # leader (unit editor) of unit A
    "ketoan.tuyphong",  # finance of unit A
    "thuky",  # secretariat
    "bbt",  # board
    "giamsat",  # oversight (standing committee)
    "admin",  # IT team, superuser
)


@dataclass
class Data:
    """What each unit's data looks like on a screen: shown when allowed, never shown otherwise."""

    shown: dict[str, list[str]] = field(default_factory=dict)
    secret: dict[str, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Screen:
    name: str
    # (world, unit code) -> URL; one URL for both units when the screen covers the federation.
    url: object
    # What to look for: "statement", "federation", "log", "reference".
    data: str
    per_unit: bool = True


def unit_of(code) -> Unit:
    return Unit.objects.get(code=code)


def statement_of(code) -> Statement:
    return Statement.objects.get(unit__code=code, month=MONTH)


def site_history(**extra):
    """Wagtail's site history, statements only (their entries are dated 2017: not on page one)."""
    query = {"object_type": ContentType.objects.get_for_model(Statement).pk, **extra}
    return reverse("wagtailadmin_reports:site_history") + "?" + "&".join(f"{k}={v}" for k, v in query.items())


def statement_query(code, **extra):
    return (
        reverse("royalties:statement")
        + "?"
        + "&".join(f"{k}={v}" for k, v in {"unit": code, "month": MONTH, **extra}.items())
    )


SCREENS = [
    # -- royalty desk ------------------------------------------------------------------------
    Screen("statement", lambda w, u: statement_query(u), "statement"),
    Screen("statement-csv", lambda w, u: statement_query(u, format="csv"), "statement"),
    Screen("statement-xlsx", lambda w, u: statement_query(u, format="xlsx"), "statement"),
    Screen("statement-text", lambda w, u: statement_query(u, format="text"), "statement"),
    Screen("summary", lambda w, u: reverse("royalties:summary") + f"?month={MONTH}", "unit", per_unit=False),
    Screen(
        "summary-csv",
        lambda w, u: reverse("royalties:summary") + f"?month={MONTH}&format=csv",
        "unit",
        per_unit=False,
    ),
    Screen(
        "summary-xlsx",
        lambda w, u: reverse("royalties:summary") + f"?month={MONTH}&format=xlsx",
        "unit",
        per_unit=False,
    ),
    Screen(
        "author",
        lambda w, u: reverse("royalties:author") + f"?name={w.author[u]}&first={MONTH}&last={MONTH}",
        "unit",
    ),
    Screen(
        "author-csv",
        lambda w, u: (
            reverse("royalties:author") + f"?name={w.author[u]}&first={MONTH}&last={MONTH}&format=csv"
        ),
        "unit",
    ),
    Screen("close", lambda w, u: reverse("royalties:close", args=[u, MONTH]), "unit"),
    Screen("mark-paid", lambda w, u: reverse("royalties:mark_paid", args=[statement_of(u).pk]), "unit"),
    # -- oversight office ----------------------------------------------------------------------
    Screen("compliance", lambda w, u: reverse("oversight:report") + f"?ky={QUARTER}", "federation", False),
    Screen(
        "compliance-xlsx",
        lambda w, u: reverse("oversight:download", args=[QUARTER, "xlsx"]),
        "federation",
        False,
    ),
    Screen(
        "compliance-docx",
        lambda w, u: reverse("oversight:download", args=[QUARTER, "docx"]),
        "federation",
        False,
    ),
    Screen("issued", lambda w, u: reverse("oversight:issued", args=[w.issued.pk]), "federation", False),
    Screen(
        "issued-xlsx",
        lambda w, u: reverse("oversight:issued_download", args=[w.issued.pk, "xlsx"]),
        "federation",
        False,
    ),
    Screen(
        "issued-docx",
        lambda w, u: reverse("oversight:issued_download", args=[w.issued.pk, "docx"]),
        "federation",
        False,
    ),
    Screen("issue", lambda w, u: reverse("oversight:issue", args=["2017-Q2"]), "issue", False),
    Screen("supersede", lambda w, u: reverse("oversight:supersede", args=[w.issued.pk]), "issue", False),
    Screen("remind", lambda w, u: reverse("oversight:remind", args=[QUARTER]), "federation", False),
    # -- newsroom audit report -----------------------------------------------------------------
    Screen("approval-log", lambda w, u: reverse("newsroom:approval_log"), "log", False),
    Screen(
        "approval-log-filtered",
        lambda w, u: reverse("newsroom:approval_log") + f"?unit={unit_of(u).pk}",
        "log",
    ),
    Screen("approval-log-xlsx", lambda w, u: reverse("newsroom:approval_log") + "?export=xlsx", "log", False),
    Screen(
        "approval-log-csv",
        lambda w, u: reverse("newsroom:approval_log") + f"?unit={unit_of(u).pk}&export=csv",
        "log",
    ),
    # -- Wagtail's site history: statements are closed and paid there too ----------------------
    Screen("site-history", lambda w, u: site_history(), "history", False),
    Screen("site-history-csv", lambda w, u: site_history(export="csv"), "history", False),
    # -- reference data (snippets) -------------------------------------------------------------
    Screen("rate-tables", lambda w, u: reverse("wagtailsnippets_royalties_ratetable:list"), "rates", False),
    Screen("quotas", lambda w, u: reverse("wagtailsnippets_oversight_quotarule:list"), "quotas", False),
]

L, R, N, OW, A = LOGIN, REFUSED, NONE, OWN, ALL
# One row per screen, one column per actor (in ACTORS' order).
MATRIX = {
    #                        anon tuyphong duyet ketoan thuky bbt giamsat admin
    "statement":             [L, R, R, OW, R, A, A, A],
    "statement-csv":         [L, R, R, OW, R, A, A, A],
    "statement-xlsx":        [L, R, R, OW, R, A, A, A],
    "statement-text":        [L, R, R, OW, R, A, A, A],
    "summary":               [L, R, R, OW, R, A, A, A],
    "summary-csv":           [L, R, R, OW, R, A, A, A],
    "summary-xlsx":          [L, R, R, OW, R, A, A, A],
    "author":                [L, R, R, OW, R, A, A, A],
    "author-csv":            [L, R, R, OW, R, A, A, A],
    # Closing and paying are finance's: the board and the oversight office read, never act.
    "close":                 [L, R, R, OW, R, R, R, A],
    "mark-paid":             [L, R, R, OW, R, R, R, A],
    "compliance":            [L, R, R, R, R, A, A, A],
    "compliance-xlsx":       [L, R, R, R, R, A, A, A],
    "compliance-docx":       [L, R, R, R, R, A, A, A],
    "issued":                [L, R, R, R, R, A, A, A],
    "issued-xlsx":           [L, R, R, R, R, A, A, A],
    "issued-docx":           [L, R, R, R, R, A, A, A],
    "issue":                 [L, R, R, R, R, R, A, A],
    "supersede":             [L, R, R, R, R, R, A, A],
    "remind":                [L, R, R, R, R, R, A, A],
    "approval-log":          [L, R, OW, R, A, A, A, A],
    "approval-log-filtered": [L, R, OW, R, A, A, A, A],
    "approval-log-xlsx":     [L, R, OW, R, A, A, A, A],
    "approval-log-csv":      [L, R, OW, R, A, A, A, A],
    # Every statement's closing is logged with its amount: seen by those who read the statement
    # (royalties.models.StatementLogEntry), finance only its own unit's.
    "site-history":          [L, N, N, OW, N, A, A, A],
    "site-history-csv":      [L, N, N, OW, N, A, A, A],
    "rate-tables":           [L, R, R, R, R, R, R, A],
    "quotas":                [L, R, R, R, R, R, A, A],
}  # fmt: skip


@dataclass
class World:
    """What the screens need beyond the demo: an issued report and approval history, on demand."""

    data: dict[str, Data]
    author: dict[str, str]
    issued: object = None


def _titles(code) -> list[str]:
    """The beginnings of the statement's titles (the text table cuts long ones)."""
    return sorted({line.title[:24] for line in statement_rows(unit_of(code), MONTH).lines})


def make_world(kind: str) -> World:
    admin = get_user_model().objects.get(username="admin")
    world = World(data={kind: Data()}, author={})
    if kind in ("federation", "issue"):
        world.issued = issue_report(QUARTER, "435/LĐLĐ", datetime.date(2017, 4, 24), admin)
    log_titles = {UNIT_A: "Ma trận: tin Tuy Phong", UNIT_B: "Ma trận: tin Văn phòng"}
    if kind == "log":
        for code, title in log_titles.items():
            unpublish_with_reason(make_post(code, title, live=True), user=admin, reason="Kiểm tra quyền.")
    table_names = {row.unit_id: row.unit_name for row in compliance_rows(QUARTER)}
    for code in (UNIT_A, UNIT_B):
        unit = unit_of(code)
        titles = _titles(code)
        assert titles, f"the demo has no January 2017 statement lines for {code}"
        world.author[code] = statement_rows(unit, MONTH).lines[0].author
        markers = {
            "statement": (titles, [*titles, unit.name]),
            "unit": ([unit.name], [unit.name, *titles]),
            "federation": ([table_names[unit.pk]], [table_names[unit.pk]]),
            "issue": ([], [table_names[unit.pk], unit.name]),
            "log": ([log_titles[code]], [log_titles[code]]),
            "history": ([str(statement_of(code))], [str(statement_of(code))]),
            "rates": (["Bảng mức"], [unit.name, *titles]),
            "quotas": (["Chỉ tiêu"], [unit.name, *titles]),
        }
        world.data[kind].shown[code], world.data[kind].secret[code] = markers[kind]
    return world


def body_text(response) -> str:
    """What a person would read: the page, the CSV, or the words inside an XLSX/DOCX file."""
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    if raw[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
        return html.unescape(re.sub(r"<[^>]+>", " ", " ".join(parts)))
    return html.unescape(raw.decode("utf-8", "replace"))


def outcome(response) -> str:
    if response.status_code == 302:
        location = response["Location"]
        if location.startswith(reverse("wagtailadmin_login")):
            return LOGIN
        if location == reverse("wagtailadmin_home"):
            return REFUSED
        return f"redirect to {location}"
    if response.status_code == 403:
        return REFUSED
    if response.status_code == 200:
        return "ok"
    return str(response.status_code)


def client_for(actor) -> Client:
    client = Client()
    if actor != "anonymous":
        client.force_login(get_user_model().objects.get(username=actor))
    return client


def judge(world, screen, actor, expected) -> list[str]:
    """What went wrong for one actor on one screen (nothing: an empty list)."""
    client = client_for(actor)
    data = world.data[screen.data]
    answers = {}
    for code in (UNIT_A, UNIT_B) if screen.per_unit else (UNIT_A,):
        response = client.get(screen.url(world, code))
        answers[code] = (outcome(response), body_text(response))
    if not screen.per_unit:
        answers[UNIT_B] = answers[UNIT_A]
    problems = []

    def leaks(text, *codes):
        return [secret for code in codes for secret in data.secret[code] if secret in text]

    if expected in (LOGIN, REFUSED, NONE):
        for code, (answer, text) in answers.items():
            if answer != expected and expected != NONE:
                problems.append(f"{code}: {answer} instead of {expected}")
            if leaks(text, UNIT_A, UNIT_B):
                problems.append(f"{code}: shows {leaks(text, UNIT_A, UNIT_B)}")
        return problems

    (a_answer, a_text), (b_answer, b_text) = answers[UNIT_A], answers[UNIT_B]
    if a_answer != "ok" or not all(shown in a_text for shown in data.shown[UNIT_A]):
        problems.append(f"{UNIT_A}: {a_answer}, not showing {data.shown[UNIT_A]}")
    if expected == ALL:
        if b_answer != "ok" or not all(shown in b_text for shown in data.shown[UNIT_B]):
            problems.append(f"{UNIT_B}: {b_answer}, not showing {data.shown[UNIT_B]}")
    else:
        # Unit B's data shows nowhere: not when asked for, not beside unit A's.
        if b_answer not in ("ok", REFUSED, "404"):
            problems.append(f"{UNIT_B}: {b_answer}")
        if leaks(a_text + b_text, UNIT_B):
            problems.append(f"{UNIT_B}'s data shown: {leaks(a_text + b_text, UNIT_B)}")
    return problems


@pytest.mark.parametrize("screen", SCREENS, ids=[screen.name for screen in SCREENS])
def test_authorization_matrix(screen):
    world = make_world(screen.data)
    problems = {}
    for actor, expected in zip(ACTORS, MATRIX[screen.name], strict=True):
        found = judge(world, screen, actor, expected)
        if found:
            problems[f"{actor} (expected {expected})"] = found
    assert problems == {}


def test_the_matrix_covers_every_screen_of_reports_and_royalties():
    """Every admin URL the oversight office and the royalty desk register has a row here."""
    from oversight.wagtail_hooks import urlpatterns as oversight_urls
    from royalties.urls import urlpatterns as royalty_urls

    covered = {
        "oversight:report": "compliance",
        "oversight:download": "compliance-xlsx",
        "oversight:issue": "issue",
        "oversight:issued": "issued",
        "oversight:issued_download": "issued-xlsx",
        "oversight:remind": "remind",
        "oversight:supersede": "supersede",
        "royalties:statement": "statement",
        "royalties:close": "close",
        "royalties:mark_paid": "mark-paid",
        "royalties:summary": "summary",
        "royalties:author": "author",
    }
    registered = {f"oversight:{p.name}" for p in oversight_urls} | {
        f"royalties:{p.name}" for p in royalty_urls
    }
    assert registered == set(covered)
    assert set(covered.values()) <= set(MATRIX)


def test_no_admin_url_runs_a_command():
    """The report commands are the operator's: no URL of the project calls them."""
    from django.urls import get_resolver

    def views(resolver):
        for pattern in resolver.url_patterns:
            if hasattr(pattern, "url_patterns"):
                yield from views(pattern)
            else:
                yield pattern.callback

    modules = {getattr(view, "__module__", "") for view in views(get_resolver())}
    assert not [module for module in modules if ".management.commands." in module]


def test_finance_cannot_close_or_pay_another_units_statement():
    """POSTs, not only the confirmation screens: nothing changes in unit B's statements."""
    client = client_for("ketoan.tuyphong")
    other = statement_of(UNIT_B)
    before = (other.state, other.number, other.paid_on)
    open_month = "2017-06"
    close = client.post(reverse("royalties:close", args=[UNIT_B, open_month]), {"number": "99/BK-NB"})
    pay = client.post(reverse("royalties:mark_paid", args=[other.pk]), {"paid_on": "2017-02-10"})
    assert outcome(close) == REFUSED and outcome(pay) == REFUSED
    other.refresh_from_db()
    assert (other.state, other.number, other.paid_on) == before
    assert not Statement.objects.filter(unit__code=UNIT_B, month=open_month).exists()
