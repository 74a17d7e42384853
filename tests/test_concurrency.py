"""Two people doing the same thing at the same moment end with one result (issue 7, Data safety).

Each test runs real threads, each with its own database connection, through the same admin
views people use. PostgreSQL only: SQLite serialises writers on one file, so the races below
cannot happen there and row locks (`select_for_update`) do not exist.

The threads must see committed data, so these tests cannot run inside the usual per-test
transaction, and a `transaction=True` test would flush the demo federation that the root
conftest loads once per test database. Instead every test gets a private copy of the test
database (`CREATE DATABASE … TEMPLATE`, the demo included), points the connections at it and
drops it afterwards: the test database itself is never written, so the tests that follow in
the same process still see the demo untouched.

A barrier makes both requests reach the contested step before either goes on, so each test
would fail (two publications, two frozen copies, two issued reports) without the guard it
checks; the barrier's timeout only keeps a broken run from hanging.
"""

from __future__ import annotations

import datetime
import threading
from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.urls import reverse
from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState

import oversight.views
import royalties.views
from newsroom.models import EditorialApprovalTask, Role, UnitRole
from newsroom.tests.support import make_post
from oversight.models import IssuedReport
from oversight.services import issue_report
from posts.models import PostPage
from royalties.models import Statement, StatementLine, StatementLogEntry, StatementState
from royalties.selectors import statement_rows
from royalties.services import CLOSE_ACTION
from royalties.tests.factories import make_post as make_paid_post
from royalties.tests.factories import vn
from units.models import Unit

BARRIER_TIMEOUT = 60  # seconds; never reached in a passing run


@pytest.fixture
def db(django_db_setup, django_db_blocker):
    """This module's `db`: the test database with the demo, reached without a wrapping transaction.

    It replaces pytest-django's fixture of the same name on purpose: a test asking for `db` makes
    pytest-django create the test database (and the root conftest load the demo into it), but
    nothing here may hold the per-test transaction open, since other threads must see the data.
    """
    with django_db_blocker.unblock():
        yield
        connection.close()


@pytest.fixture
def private_database(db):
    """A throw-away copy of this worker's test database (demo included) for threads to commit to."""
    if connection.vendor != "postgresql":
        pytest.skip("concurrency tests need PostgreSQL: SQLite has one writer at a time and no row locks")
    settings_dict = connection.settings_dict  # the same dict every thread's connection reads
    source = settings_dict["NAME"]
    assert source.startswith("test_"), "only ever copy a test database"
    copy = f"{source}_race"[:63]
    connection.close()
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{copy}" TEMPLATE "{source}"')
    settings_dict["NAME"] = copy
    try:
        yield copy
    finally:
        connection.close()
        settings_dict["NAME"] = source
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{copy}" WITH (FORCE)')
        # Nothing read from the copy may outlive it in this process's local caches.
        for cache in caches.all():
            if cache.__class__.__name__ == "LocMemCache":
                cache.clear()
        mail.outbox = []


def at_once(*jobs):
    """Run the jobs in parallel threads; return each one's result (or the exception it raised)."""
    results: list = [None] * len(jobs)

    def run(index, job):
        try:
            results[index] = job()
        except BaseException as exc:  # reported to the test, which asserts on it
            results[index] = exc
        finally:
            connection.close()  # the thread's own connection; the copy is dropped afterwards

    threads = [threading.Thread(target=run, args=(index, job)) for index, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def gated(function, parties=2):
    """`function`, but every call waits until `parties` calls have arrived, then all go on."""
    barrier = threading.Barrier(parties, timeout=BARRIER_TIMEOUT)

    def wrapper(*args, **kwargs):
        barrier.wait()
        return function(*args, **kwargs)

    return wrapper


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def second_member(username, role, unit_code, first_name) -> object:
    """Another member of a unit's role group, like a deputy who shares the approver's work."""
    group = UnitRole.objects.get(role=role, unit__code=unit_code).group
    member = get_user_model().objects.create_user(
        username, email=f"{username}@congdoan.local", first_name=first_name
    )
    member.groups.add(group)
    return member


# -- two approvers, one submission --------------------------------------------------------------


def test_two_approvers_at_once_publish_the_post_once(private_database, monkeypatch):
    User = get_user_model()
    writer = User.objects.get(username="tuyphong")
    approver = User.objects.get(username="tuyphong.duyet")
    deputy = second_member("tuyphong.duyet2", Role.APPROVER, "tuy-phong", "Phó Chủ tịch")
    post = make_post("tuy-phong", "Hội nghị tổng kết phong trào thi đua 2017", owner=writer)
    post.get_workflow().start(post, writer)
    task_state = PostPage.objects.get(pk=post.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(post.pk, "approve", task_state.pk))
    clients = [signed_in(approver), signed_in(deputy)]
    mail.outbox = []
    monkeypatch.setattr(EditorialApprovalTask, "on_action", gated(EditorialApprovalTask.on_action))

    responses = at_once(*(lambda client=client: client.post(url, {"comment": "Đạt"}) for client in clients))

    # Both people land back in the admin; neither sees an error page.
    assert [getattr(response, "status_code", response) for response in responses] == [302, 302]
    post = PostPage.objects.get(pk=post.pk)
    assert post.live and post.first_published_at is not None
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_APPROVED
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == WorkflowState.STATUS_APPROVED
    # One approval, one publication of the one submitted revision, one of each log entry.
    logged = Counter(PageLogEntry.objects.filter(page=post).values_list("action", flat=True))
    assert logged["wagtail.workflow.approve"] == 1
    assert logged["wagtail.publish"] == 1
    assert Revision.page_revisions.filter(object_id=str(post.pk)).count() == 1
    assert post.live_revision_id == task_state.revision_id
    # No notification went out twice.
    sent = Counter((message.subject, tuple(sorted(message.to))) for message in mail.outbox)
    assert all(count == 1 for count in sent.values()), sent


# -- two accountants, one statement ---------------------------------------------------------------


def test_two_accountants_closing_at_once_freeze_one_statement(private_database, monkeypatch):
    unit = Unit.objects.get(code="tuy-phong")
    # June 2017 is after the demo's closed months; one post of each kind published in it.
    make_paid_post(unit, vn(2017, 6, 5), authors=("Huỳnh Thanh Tâm", "Lê Thị Thu"))
    make_paid_post(unit, vn(2017, 6, 20), kind="article")
    assert not Statement.objects.filter(unit=unit, month="2017-06").exists()
    shown = [(line.position, line.post_id, line.author) for line in statement_rows(unit, "2017-06").lines]
    accountant = get_user_model().objects.get(username="ketoan.tuyphong")
    deputy = second_member("ketoan.tuyphong2", Role.FINANCE, "tuy-phong", "Thủ quỹ")
    url = reverse("royalties:close", args=(unit.code, "2017-06"))
    # Both reach the statement row (creating it if missing) at the same moment, then close.
    monkeypatch.setattr(royalties.views, "statement_for", gated(royalties.views.statement_for))

    responses = at_once(
        lambda: signed_in(accountant).post(url, {"number": "06/BK-TP"}),
        lambda: signed_in(deputy).post(url, {"number": "06/BK-TP-2"}),
    )

    statuses = sorted(getattr(response, "status_code", response) for response in responses)
    # The winner is sent to the closed statement; the other sees the form again with the reason.
    assert statuses == [200, 302], responses
    refused = next(response for response in responses if response.status_code == 200)
    assert "đã chốt, không chốt lại được" in refused.content.decode()
    statement = Statement.objects.get(unit=unit, month="2017-06")
    assert statement.state == StatementState.CLOSED
    assert statement.number in {"06/BK-TP", "06/BK-TP-2"}
    # Frozen once: exactly the lines shown while open (the demo's June adjustment included).
    frozen = StatementLine.objects.filter(statement=statement).order_by("position")
    assert list(frozen.values_list("position", "post_id", "author")) == shown
    assert len(shown) >= 3
    assert StatementLogEntry.objects.for_instance(statement).filter(action=CLOSE_ACTION).count() == 1


# -- two officers, one compliance report -----------------------------------------------------------


def test_two_officers_issuing_at_once_issue_one_report(private_database, monkeypatch):
    officer = get_user_model().objects.get(username="giamsat")
    group = UnitRole.objects.get(role=Role.OVERSIGHT, unit=None).group
    colleague = get_user_model().objects.create_user("giamsat2", first_name="Phó ban")
    colleague.groups.add(group)
    assert not IssuedReport.objects.filter(period_code="2017-Q2").exists()
    url = reverse("oversight:issue", args=("2017-Q2",))
    form = {"number": "612/LĐLĐ", "document_date": "2017-07-10", "confirmed": "True"}
    monkeypatch.setattr(oversight.views, "issue_report", gated(oversight.views.issue_report))

    responses = at_once(
        lambda: signed_in(officer).post(url, form),
        lambda: signed_in(colleague).post(url, {**form, "number": "613/LĐLĐ"}),
    )

    statuses = sorted(getattr(response, "status_code", response) for response in responses)
    assert statuses == [200, 302], responses
    refused = next(response for response in responses if response.status_code == 200)
    assert "Bảng kết quả quý II/2017 đã được ban hành." in refused.content.decode()
    assert IssuedReport.objects.filter(period_code="2017-Q2").count() == 1


def test_two_officers_correcting_at_once_supersede_once(private_database, monkeypatch):
    officer = get_user_model().objects.get(username="giamsat")
    colleague = get_user_model().objects.create_user("giamsat2", first_name="Phó ban")
    colleague.groups.add(UnitRole.objects.get(role=Role.OVERSIGHT, unit=None).group)
    issued = issue_report("2017-Q2", "612/LĐLĐ", datetime.date(2017, 7, 10), officer)
    url = reverse("oversight:supersede", args=(issued.pk,))
    form = {"number": "650/LĐLĐ", "document_date": "2017-07-20", "reason": "Bổ sung số liệu."}
    monkeypatch.setattr(oversight.views, "supersede_report", gated(oversight.views.supersede_report))

    responses = at_once(
        lambda: signed_in(officer).post(url, form),
        lambda: signed_in(colleague).post(url, {**form, "number": "651/LĐLĐ"}),
    )

    statuses = sorted(getattr(response, "status_code", response) for response in responses)
    assert statuses == [200, 302], responses
    refused = next(response for response in responses if response.status_code == 200)
    assert "đã được thay thế bằng một báo cáo khác" in refused.content.decode()
    assert IssuedReport.objects.filter(period_code="2017-Q2").count() == 2
    assert IssuedReport.objects.filter(supersedes=issued).count() == 1


def test_the_copy_is_gone_and_the_demo_untouched(db):
    """Runs after the tests above in the same process: the test database still holds the demo."""
    assert not Statement.objects.filter(month="2017-06", unit__code="tuy-phong").exists()
    assert not IssuedReport.objects.filter(period_code="2017-Q2").exists()
    assert (
        not get_user_model()
        .objects.filter(username__in=["tuyphong.duyet2", "ketoan.tuyphong2", "giamsat2"])
        .exists()
    )
    assert PostPage.objects.filter(title="Hội nghị tổng kết phong trào thi đua 2017").count() == 0
    assert Unit.objects.filter(code="tuy-phong").exists()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            copy = f"{connection.settings_dict['NAME']}_race"[:63]
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [copy])
            assert cursor.fetchone() is None
