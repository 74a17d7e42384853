"""Load quota rules and remarks from a JSON file; idempotent (the demo loader runs it too).

The default file holds Letter 435/LĐLĐ's quota (6 tin and 1 bài per quarter for every unit of
the table, from 1/1/2016) and the oversight office's remark on Ban Tuyên giáo for Q1/2017.
Another federation loads its own file with the same layout.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
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
            _("Tệp chỉ tiêu không đúng định dạng JSON (dòng %(line)s): %(error)s")
            % {"line": exc.lineno, "error": exc.msg}
        ) from exc
    if not isinstance(data, dict) or "rules" not in data:
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
    for row in data.get("rules", []):
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
        result.rules_created += created
        result.rules_updated += not created
    for row in data.get("remarks", []):
        unit = _lookup(Unit, row.get("unit"), _("đơn vị"))
        _remark, created = Remark.objects.update_or_create(
            unit=unit,
            period_code=normalise_period_code(row["period"]),
            defaults={
                "text": nfc(row["text"]),
                "replaces_shortfall": bool(row.get("replaces_shortfall", False)),
            },
        )
        result.remarks_created += created
        result.remarks_updated += not created
    return result


def load_default_quotas() -> QuotaLoadResult:
    """The demo loader's step: Letter 435/LĐLĐ's quotas and the Ban Tuyên giáo remark."""
    return load_quotas(read_quota_file(DEFAULT_QUOTAS))


def demo_step() -> str:
    """`load_demo`'s step (demo/steps.py): the default quotas and remark, with a summary line."""
    return load_default_quotas().summary()
