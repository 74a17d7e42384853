"""Load quota rules and remarks from a JSON file; idempotent (the demo loader runs it too).

The default file holds Letter 435/LĐLĐ's quota (6 tin and 1 bài per quarter for every unit of
the table, from 1/1/2016) and the oversight office's remark on Ban Tuyên giáo for Q1/2017.
Another federation loads its own file with the same layout.
"""

from __future__ import annotations

import contextlib
import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from units.models import Unit, UnitKind
from vietnamese.text import nfc

from .models import QuotaRule, Remark, normalise_period_code

DEFAULT_QUOTAS = Path(__file__).resolve().parent / "fixtures" / "binh_thuan_quotas.json"


class QuotaFileError(ValueError):
    """The quota file cannot be loaded; the message (Vietnamese) says what to fix."""


@dataclass
class QuotaLoadResult:
    rules_created: int = 0
    rules_updated: int = 0
    remarks_created: int = 0
    remarks_updated: int = 0
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return _("Chỉ tiêu: thêm %(rc)s, cập nhật %(ru)s. Ghi chú: thêm %(mc)s, cập nhật %(mu)s.") % {
            "rc": self.rules_created,
            "ru": self.rules_updated,
            "mc": self.remarks_created,
            "mu": self.remarks_updated,
        }


def read_quota_file(path: Path | str = DEFAULT_QUOTAS) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise QuotaFileError(_("Không tìm thấy tệp chỉ tiêu: %(path)s") % {"path": path}) from exc
    except json.JSONDecodeError as exc:
        raise QuotaFileError(
            _("Tệp chỉ tiêu không đúng định dạng JSON (dòng %(line)s, cột %(column)s).")
            % {"line": exc.lineno, "column": exc.colno}
        ) from exc
    except UnicodeDecodeError as exc:
        raise QuotaFileError(_("Tệp chỉ tiêu %(path)s không phải văn bản UTF-8.") % {"path": path}) from exc
    except (OSError, ValueError) as exc:  # a folder, no permission, a name too long, a NUL byte
        raise QuotaFileError(
            _("Không đọc được tệp chỉ tiêu %(path)s. Hãy kiểm tra đó là một tệp và có quyền đọc.")
            % {"path": path}
        ) from exc
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("rules"), list)
        or not isinstance(data.get("remarks", []), list)
    ):
        raise QuotaFileError(_("Tệp chỉ tiêu phải có mục “rules”."))
    return data


def _lookup(model, code, what):
    if not code:
        return None
    try:
        return model.objects.get(code=code)
    except model.DoesNotExist:
        raise QuotaFileError(_("Không có %(what)s mã “%(code)s”.") % {"what": what, "code": code}) from None


@transaction.atomic
def load_quotas(data: dict | None = None) -> QuotaLoadResult:
    """Create or update rules (keyed by scope and start date) and remarks (unit and period)."""
    data = read_quota_file() if data is None else data
    result = QuotaLoadResult()
    for number, row in enumerate(data.get("rules", []), start=1):
        with _row(_("chỉ tiêu"), number):
            result.rules_created += _load_rule(row)
    result.rules_updated = len(data.get("rules", [])) - result.rules_created
    for number, row in enumerate(data.get("remarks", []) or [], start=1):
        with _row(_("ghi chú"), number):
            result.remarks_created += _load_remark(row)
    result.remarks_updated = len(data.get("remarks", []) or []) - result.remarks_created
    return result


@contextlib.contextmanager
def _row(what, number):
    """A malformed row stops the whole load (the transaction rolls back) with a Vietnamese message."""
    try:
        yield
    except QuotaFileError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError, DatabaseError) as exc:
        raise QuotaFileError(
            _("Mục %(what)s thứ %(number)s trong tệp không hợp lệ (%(field)s); không nạp gì cả.")
            % {"what": what, "number": number, "field": _field(exc)}
        ) from exc


def _field(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return _("thiếu mục “%(key)s”") % {"key": exc.args[0]}
    return _("sai kiểu hoặc giá trị")


def _load_rule(row) -> bool:
    kind = _lookup(UnitKind, row.get("unit_kind"), _("loại đơn vị"))
    unit = _lookup(Unit, row.get("unit"), _("đơn vị"))
    valid_to = row.get("valid_to")
    _rule, created = QuotaRule.objects.update_or_create(
        unit_kind=kind,
        unit=unit,
        valid_from=datetime.date.fromisoformat(row["valid_from"]),
        defaults={
            "name": nfc(row.get("name", "")),
            "period_kind": row.get("period_kind", "quarter"),
            "target_news": row.get("target_news", 0),
            "target_articles": row.get("target_articles", 0),
            "exempt": bool(row.get("exempt", False)),
            "valid_to": datetime.date.fromisoformat(valid_to) if valid_to else None,
            "basis": nfc(row.get("basis", "")),
        },
    )
    return created


def _load_remark(row) -> bool:
    unit = _lookup(Unit, row.get("unit"), _("đơn vị"))
    _remark, created = Remark.objects.update_or_create(
        unit=unit,
        period_code=normalise_period_code(row["period"]),
        defaults={
            "text": nfc(row["text"]),
            "replaces_shortfall": bool(row.get("replaces_shortfall", False)),
        },
    )
    return created


def load_default_quotas() -> QuotaLoadResult:
    """The demo loader's step: Letter 435/LĐLĐ's quotas and the Ban Tuyên giáo remark."""
    return load_quotas(read_quota_file(DEFAULT_QUOTAS))


def demo_step() -> str:
    """`load_demo`'s step (demo/steps.py): the default quotas and remark, with a summary line."""
    return load_default_quotas().summary()
