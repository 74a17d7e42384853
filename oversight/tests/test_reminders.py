"""Reminders: one e-mail per short unit, never twice a day, nothing to units on track or exempt."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command

from newsroom.models import Role, UnitRole
from oversight.models import ReminderLog
from oversight.reminders import send_reminders
from units.models import Unit, UnitKind

from .factories import make_post, make_unit, make_user, vn

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quotas")]

MARCH_20 = datetime.date(2017, 3, 20)  # 11 days before the end of Q1/2017


@pytest.fixture
def short_unit():
    unit = make_unit(
        "huyen-nhac-nho",
        kind=UnitKind.objects.get(code="district"),
        email="ldld-nhac-nho@example.vn",
        has_own_page=True,
        note_name="huyện",
        short_name="LĐLĐ huyện Nhắc Nhở",
    )
    make_post(unit, vn(2017, 2, 1))
    return unit


@pytest.fixture
def on_track_unit():
    unit = make_unit("huyen-du", kind=UnitKind.objects.get(code="district"), email="du@example.vn")
    for day in range(1, 7):
        make_post(unit, vn(2017, 2, day))
    make_post(unit, vn(2017, 2, 10), kind="article")
    return unit


@pytest.fixture
def exempt_unit():
    return make_unit(
        "don-vi-mien",
        kind=UnitKind.objects.get(code="district"),
        email="mien@example.vn",
        quota_applies=False,
    )


def mails_to(address):
    return [m for m in mail.outbox if address in m.to]


def test_dry_run_prints_who_would_get_what_and_sends_nothing(short_unit):
    run = send_reminders("2017-Q1", today=MARCH_20, dry_run=True)
    reminder = next(r for r in run.would_send if r.unit_id == short_unit.pk)
    assert reminder.recipients == [short_unit.email]
    assert (
        reminder.subject == "Nhắc nhở đăng tin - bài quý I/2017: LĐLĐ huyện Nhắc Nhở còn thiếu 5 tin, 1 bài"
    )
    assert "Kính gửi: Đơn vị huyen-nhac-nho." in reminder.body
    assert "đơn vị đăng ít nhất 6 tin và 1 bài trên Website Công đoàn Bình Thuận" in reminder.body
    assert "Đến ngày 20/03/2017, đơn vị đã đăng 1 tin, 0 bài." in reminder.body
    assert "Đơn vị còn thiếu 5 tin, 1 bài." in reminder.body
    assert "Còn 11 ngày nữa là hết kỳ (ngày cuối: 31/03/2017)." in reminder.body
    assert "&" not in reminder.body
    assert mail.outbox == [] and not ReminderLog.objects.exists()


def test_each_short_unit_gets_one_mail_a_day(short_unit, on_track_unit, exempt_unit):
    first = send_reminders("2017-Q1", today=MARCH_20)
    assert short_unit.pk in {r.unit_id for r in first.sent}
    assert len(mails_to(short_unit.email)) == 1
    message = mails_to(short_unit.email)[0]
    assert message.subject.endswith("còn thiếu 5 tin, 1 bài")
    log = ReminderLog.objects.get(unit=short_unit)
    assert (log.period_code, log.sent_on, log.news, log.missing) == (
        "2017-Q1",
        MARCH_20,
        1,
        "Thiếu 5 tin, 1 bài",
    )
    # On track or exempt: nothing.
    assert mails_to(on_track_unit.email) == [] and mails_to(exempt_unit.email) == []
    assert on_track_unit.pk not in {r.unit_id for r in first.sent}

    again = send_reminders("2017-Q1", today=MARCH_20)
    assert again.sent == []
    assert "LĐLĐ huyện Nhắc Nhở" in again.already_sent
    assert len(mails_to(short_unit.email)) == 1

    next_day = send_reminders("2017-Q1", today=MARCH_20 + datetime.timedelta(days=1))
    assert short_unit.pk in {r.unit_id for r in next_day.sent}
    assert len(mails_to(short_unit.email)) == 2


def test_without_a_period_only_near_the_end_of_the_current_quarter(short_unit):
    early = send_reminders(today=datetime.date(2017, 3, 10), days_before_end=15)
    assert not early.in_window and mail.outbox == []
    late = send_reminders(today=MARCH_20, days_before_end=15)
    assert late.in_window and late.period.code == "2017-Q1" and late.days_left == 11
    assert mails_to(short_unit.email)


def test_units_without_any_address_are_reported(short_unit):
    Unit.objects.filter(pk=short_unit.pk).update(email="")
    run = send_reminders("2017-Q1", today=MARCH_20, dry_run=True)
    assert "LĐLĐ huyện Nhắc Nhở" in run.without_address


def test_writers_and_approvers_receive_the_reminder(short_unit):
    group = Group.objects.create(name="Biên tập viên – kiểm thử nhắc nhở")
    UnitRole.objects.create(group=group, role=Role.WRITER, unit=short_unit)
    make_user("kt-bientap", email="bientap@example.vn", groups=[group])
    make_user("kt-ngoai", email="ngoai@example.vn")  # in no group of the unit
    run = send_reminders("2017-Q1", today=MARCH_20, dry_run=True)
    reminder = next(r for r in run.would_send if r.unit_id == short_unit.pk)
    assert reminder.recipients == ["bientap@example.vn"]


def test_command_dry_run(short_unit):
    out = io.StringIO()
    call_command(
        "send_quota_reminders", "--period", "quý I/2017", "--dry-run", "--today", "2017-03-20", stdout=out
    )
    text = out.getvalue()
    assert f"[thử] Gửi tới: {short_unit.email}" in text
    assert "Nhắc nhở đăng tin - bài quý I/2017: LĐLĐ huyện Nhắc Nhở còn thiếu 5 tin, 1 bài" in text
    assert "(chạy thử)" in text
    assert mail.outbox == []


def test_command_outside_the_window_says_so():
    out = io.StringIO()
    call_command("send_quota_reminders", "--today", "2017-01-05", stdout=out)
    assert "không gửi thư nào" in out.getvalue()


@pytest.mark.parametrize(
    "args", [["--period", "quý 5/2017"], ["--today", "20/03/2017"], ["--days-before-end", "-1"]]
)
def test_command_rejects_bad_input_in_vietnamese(args):
    with pytest.raises(CommandError) as error:
        call_command("send_quota_reminders", *args)
    assert "không" in str(error.value)
