"""Every management command of the project, given garbage arguments, says what is wrong in
Vietnamese (a CommandError, never a traceback) and writes nothing: no file, not half a file,
no row. Issue 7, "Bad input".

Arguments come from hypothesis: bad periods and months, unknown unit codes, bad formats and
dates, unwritable or impossible output paths, overlong strings, NUL bytes, Vietnamese text.
Each command is called as `manage.py` would call it (strings through its parser); one
subprocess checks the exit code and stderr of the real command line.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from oversight.models import IssuedReport, QuotaRule, Remark, ReminderLog
from royalties.models import Statement
from royalties.selectors import find_unit, month_period
from units.models import Unit, UnitKind
from vietnamese.periods import PeriodError, parse_period

pytestmark = pytest.mark.django_db

FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

VIETNAMESE_LETTERS = re.compile(
    r"[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]", re.I
)
ENGLISH = re.compile(r"\b(error|invalid|required|expected|argument|traceback|errno|no such)\b", re.I)

# -- garbage --------------------------------------------------------------------------------------

vietnamese_text = st.text(
    alphabet="Công đoàn quý tháng năm huyện Phú Quý Hàm Thuận Bắc ơưđ", min_size=1, max_size=40
)
overlong = st.integers(300, 5000).map(lambda n: "đ" * n)
with_nul = st.text(max_size=10).map(lambda s: s + "\x00" + "2017")
garbage = st.one_of(st.text(max_size=30), vietnamese_text, overlong, with_nul)


def bad(parse):
    def refused(value):
        try:
            parse(value)
        except (PeriodError, Unit.DoesNotExist, ValueError):
            return True
        return False

    return refused


bad_periods = garbage.filter(bad(parse_period))
bad_months = garbage.filter(bad(month_period))
bad_formats = garbage.filter(lambda s: s not in {"text", "csv", "xlsx", "docx"} and not s.startswith("-"))
bad_dates = st.one_of(garbage, st.sampled_from(["2017-02-30", "31/12/2017", "2017-13-01", "hôm qua"]))
bad_ints = st.one_of(garbage.filter(lambda s: not s.strip().lstrip("-").isdigit()), st.just("1.5"))


def no_dash(strategy):
    """argparse reads a value starting with "-" as an option: a different (also tested) error."""
    return strategy.filter(lambda s: s and not s.startswith("-"))


@st.composite
def bad_paths(draw, tmp):
    """Paths nothing can be written to."""
    return draw(
        st.sampled_from(
            [
                str(tmp / "khong-co-thu-muc" / "bao-cao.xlsx"),  # missing folder
                str(tmp),  # a folder
                str(tmp / ("t" * 300 + ".csv")),  # name too long
                str(tmp / "có\x00nul.csv"),  # NUL byte
                "/proc/khong-ghi-duoc/bao-cao.csv",  # a read-only filesystem
                str(tmp / "tep-thuong.txt" / "con.csv"),  # under a file
            ]
        )
    )


# -- what a failed command may leave behind -------------------------------------------------------

WATCHED = (QuotaRule, Remark, Unit, UnitKind, ReminderLog, Statement, IssuedReport)


def snapshot(tmp: Path):
    files = sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*"))
    return files, {model.__name__: model.objects.count() for model in WATCHED}


def assert_vietnamese(message, args):
    assert VIETNAMESE_LETTERS.search(message), (args, message)
    assert not ENGLISH.search(message), (args, message)


def assert_refused_in_vietnamese(args, tmp):
    before = snapshot(tmp)
    with pytest.raises(CommandError) as caught:
        call_command(*args, verbosity=0)
    assert_vietnamese(str(caught.value), args)
    assert snapshot(tmp) == before, args


@pytest.fixture
def tmp(tmp_path):
    (tmp_path / "tep-thuong.txt").write_text("không phải thư mục", encoding="utf-8")
    return tmp_path


# -- every command is here ------------------------------------------------------------------------


def project_commands() -> set[str]:
    base = Path(django_settings.BASE_DIR)
    return {
        path.stem
        for path in base.glob("*/management/commands/*.py")
        if not path.stem.startswith("_") and ".venv" not in path.parts
    }


COVERED = {
    "compliance_report",
    "royalty_statement",
    "send_quota_reminders",
    "load_quotas",
    "load_units",
    "setup_roles",
    "load_demo",
    "backup",
    "restore",
    "strip_image_locations",
    "supersede_report",
}


def test_every_command_of_the_project_is_tested():
    assert project_commands() == COVERED


# -- reports and statements ----------------------------------------------------------------------


@FAST
@given(data=st.data())
def test_compliance_report_garbage(tmp, data):
    good = "2017-Q1"
    args = data.draw(
        st.one_of(
            bad_periods.map(lambda p: [p]),
            no_dash(bad_formats).map(lambda f: [good, "--format", f]),
            st.sampled_from(["xlsx", "docx"]).map(lambda f: [good, "--format", f]),  # binary, no --output
            no_dash(bad_dates).map(lambda d: [good, "--date", d]),
            with_nul.map(lambda n: [good, "--number", n]),
            bad_paths(tmp).map(lambda p: [good, "--format", "xlsx", "--output", p]),
            bad_paths(tmp).map(lambda p: [good, "--output", p]),
            st.just([good, "--issued"]),  # nothing issued for the quarter in the demo
            st.just([]),
            st.just([good, "--khong-co"]),
        )
    )
    assume(not (args[:1] and args[0].startswith("-")))
    assert_refused_in_vietnamese(["compliance_report", *args], tmp)


def _unknown_unit(text):
    if "\x00" in text:  # PostgreSQL cannot even look it up; the command refuses it first
        return True
    try:
        find_unit(text)
    except (Unit.DoesNotExist, ValueError):
        return True
    return False


@FAST
@given(data=st.data())
def test_royalty_statement_garbage(tmp, data):
    good = "2017-01"
    args = data.draw(
        st.one_of(
            no_dash(bad_months).map(lambda m: [m, "--unit", "tuy-phong"]),
            no_dash(garbage).filter(_unknown_unit).map(lambda u: [good, "--unit", u]),
            no_dash(bad_formats).map(lambda f: [good, "--all-units", "--format", f]),
            bad_paths(tmp).map(lambda p: [good, "--unit", "tuy-phong", "--format", "csv", "--output", p]),
            bad_paths(tmp).map(lambda p: [good, "--all-units", "--format", "xlsx", "--output", p]),
            st.just([good, "--unit", "tuy-phong", "--format", "xlsx"]),  # binary, no --output
            st.just([good]),  # neither --unit nor --all-units
            st.just([good, "--unit", "tuy-phong", "--all-units"]),
            st.just(["2017-Q1", "--all-units"]),  # a quarter is not a month
        )
    )
    assume(not args[0].startswith("-"))
    assert_refused_in_vietnamese(["royalty_statement", *args], tmp)


@FAST
@given(data=st.data())
def test_send_quota_reminders_garbage(tmp, data, mailoutbox):
    args = data.draw(
        st.one_of(
            no_dash(bad_periods).map(lambda p: ["--period", p]),
            no_dash(bad_dates).map(lambda d: ["--today", d]),
            no_dash(bad_ints).map(lambda n: ["--days-before-end", n]),
            st.integers(-(10**6), -1).map(lambda n: ["--days-before-end", str(n)]),
            st.just(["2017-Q1"]),  # the period is an option
        )
    )
    assert_refused_in_vietnamese(["send_quota_reminders", *args], tmp)
    assert mailoutbox == []


@FAST
@given(
    content=st.one_of(
        st.binary(max_size=200),
        st.text(max_size=200),
        st.sampled_from(
            [
                "{}",
                "[]",
                '{"rules": 5}',
                '{"rules": [5]}',
                '{"rules": [{}]}',
                '{"rules": [{"valid_from": "hôm nay"}]}',
                '{"rules": [{"valid_from": "2017-01-01", "unit": "khong-co"}]}',
                '{"rules": [{"valid_from": "2017-01-01", "target_news": "sáu"}]}',
                '{"rules": [], "remarks": [{"unit": "tuy-phong"}]}',
                '{"rules": [], "remarks": 7}',
            ]
        ),
    )
)
def test_load_quotas_garbage_file(tmp, content):
    source = tmp / "chi-tieu.json"
    source.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = snapshot(tmp)
    try:
        call_command("load_quotas", str(source), verbosity=0)
    except CommandError as error:
        assert_vietnamese(str(error), content)
        assert snapshot(tmp) == before
    else:
        # Only a file that has a list of rules (possibly empty) loads.
        assert isinstance(json.loads(content).get("rules"), list)


@FAST
@given(data=st.data())
def test_loaders_with_impossible_paths(tmp, data):
    command = data.draw(st.sampled_from(["load_quotas", "load_units"]))
    path = data.draw(
        st.one_of(
            st.sampled_from(
                [
                    str(tmp / "khong-co.json"),
                    str(tmp),
                    str(tmp / ("t" * 300 + ".json")),
                    str(tmp / "a\x00.json"),
                ]
            ),
            no_dash(vietnamese_text).map(lambda name: str(tmp / f"{name}.json")),
        )
    )
    assert_refused_in_vietnamese([command, path], tmp)


@FAST
@given(content=st.one_of(st.binary(max_size=100), st.sampled_from(["{}", '{"kinds": 1, "units": 2}', "[1]"])))
def test_load_units_garbage_file(tmp, content):
    source = tmp / "don-vi.json"
    source.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    assert_refused_in_vietnamese(["load_units", str(source)], tmp)


@FAST
@given(data=st.data())
def test_supersede_report_garbage(tmp, data):
    def call(period="2017-Q1", date="2017-05-12"):
        return [period, "--number", "512/LĐLĐ", "--date", date, "--reason", "Sửa số liệu."]

    args = data.draw(
        st.one_of(
            no_dash(bad_periods).map(lambda p: call(period=p)),
            no_dash(bad_dates).map(lambda d: call(date=d)),
            st.just(call()),  # nothing issued for the quarter in the demo
        )
    )
    assert_refused_in_vietnamese(["supersede_report", *args], tmp)


# -- the other commands: only their parsers can be given garbage -----------------------------------


@FAST
@given(data=st.data())
def test_other_commands_refuse_unknown_arguments(tmp, data):
    command, args = data.draw(
        st.one_of(
            st.tuples(st.just("load_demo"), no_dash(bad_ints).map(lambda n: ["--posts", n])),
            st.tuples(st.just("load_demo"), no_dash(bad_ints).map(lambda n: ["--seed", n])),
            st.tuples(
                st.sampled_from(["setup_roles", "load_demo", "strip_image_locations", "backup"]),
                no_dash(garbage).map(lambda extra: [extra]),
            ),
            st.tuples(
                st.sampled_from(["setup_roles", "load_demo", "strip_image_locations", "backup", "restore"]),
                st.just(["--khong-co-tham-so"]),
            ),
            st.tuples(st.just("restore"), st.just([])),
        )
    )
    assert_refused_in_vietnamese([command, *args], tmp)


@FAST
@given(data=st.data())
def test_backup_and_restore_with_impossible_paths(tmp, data):
    garbage_archive = tmp / "hong.tar.gz"
    garbage_archive.write_bytes(data.draw(st.binary(max_size=200)))
    command, args = data.draw(
        st.one_of(
            st.tuples(
                st.just("backup"),
                st.sampled_from(["/proc/khong-ghi-duoc/sao-luu.tar.gz", str(tmp / "a\x00.tar.gz")]).map(
                    lambda p: ["--output", p]
                ),
            ),
            st.tuples(
                st.just("restore"),
                st.sampled_from(
                    [str(tmp / "khong-co.tar.gz"), str(tmp), str(tmp / "a\x00.tar.gz"), str(garbage_archive)]
                ).map(lambda p: [p]),
            ),
        )
    )
    assert_refused_in_vietnamese([command, *args], tmp)


# -- the real command line -----------------------------------------------------------------------


def run_manage(*args, tmp):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "congdoan.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp / 'trong.sqlite3'}",
    }
    return subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "args, code, expected",
    [
        (["royalty_statement", "2017-13", "--unit", "tuy-phong"], 1, "Kỳ báo cáo không hợp lệ"),
        (["compliance_report", "2017-Q1", "--format", "pdf"], 2, "không hợp lệ; hãy chọn một trong"),
        (["compliance_report", "quý V/2017", "--output", "x.csv"], 1, "không hợp lệ"),
        (["send_quota_reminders", "--days-before-end", "mười"], 2, "phải là một số nguyên"),
    ],
)
def test_command_line_exit_code_and_stderr(tmp, args, code, expected):
    result = run_manage(*args, tmp=tmp)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert expected in result.stderr
    assert result.stdout == ""
    assert not (Path(django_settings.BASE_DIR) / "x.csv").exists()
