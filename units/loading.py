"""Load the organisation (unit kinds, units, their pages) from a JSON file; idempotent.

Another federation loads its own file with the same layout as
`units/fixtures/binh_thuan_2017.json`.
"""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from vietnamese.text import nfc

from .models import Unit, UnitIndexPage, UnitKind, UnitPage

DEFAULT_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "binh_thuan_2017.json"

UNIT_FIELDS = ("name", "short_name", "report_order", "quota_applies", "has_own_page", "note_name", "email")


class OrganisationFileError(ValueError):
    """The organisation file cannot be read; the message says what to fix, in Vietnamese."""


@dataclass
class LoadResult:
    kinds_created: int = 0
    units_created: int = 0
    units_updated: int = 0
    pages_created: int = 0
    warnings: list[str] = field(default_factory=list)


def read_organisation_file(path: Path | str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise OrganisationFileError(_("Không tìm thấy tệp đơn vị: %(path)s") % {"path": path}) from exc
    except json.JSONDecodeError as exc:
        raise OrganisationFileError(
            _("Tệp đơn vị không đúng định dạng JSON (dòng %(line)s): %(error)s")
            % {"line": exc.lineno, "error": exc.msg}
        ) from exc
    if not isinstance(data, dict) or "kinds" not in data or "units" not in data:
        raise OrganisationFileError(_("Tệp đơn vị phải có hai mục “kinds” và “units”."))
    return data


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load_organisation(data: dict) -> LoadResult:
    """Create or update kinds and units by code, and give every unit its page."""
    result = LoadResult()
    kinds = {}
    for row in data["kinds"]:
        kind, created = UnitKind.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": nfc(row["name"]),
                "addressee": nfc(row.get("addressee", "")),
                "self_publishing": bool(row.get("self_publishing", False)),
                "order": row.get("order", 0),
            },
        )
        kinds[kind.code] = kind
        result.kinds_created += created
    for row in data["units"]:
        if row.get("kind") not in kinds:
            raise OrganisationFileError(
                _("Đơn vị “%(code)s” có loại “%(kind)s” không có trong mục “kinds”.")
                % {"code": row.get("code"), "kind": row.get("kind")}
            )
        defaults = {name: row[name] for name in UNIT_FIELDS if name in row}
        for name in ("name", "short_name", "note_name"):
            if name in defaults:
                defaults[name] = nfc(defaults[name])
        defaults["kind"] = kinds[row["kind"]]
        defaults["valid_from"] = _date(row.get("valid_from"))
        defaults["valid_to"] = _date(row.get("valid_to"))
        _unit, created = Unit.objects.update_or_create(code=row["code"], defaults=defaults)
        result.units_created += created
        result.units_updated += not created
    result.pages_created = ensure_unit_pages(result)
    return result


def ensure_unit_pages(result: LoadResult | None = None) -> int:
    """Give every unit without a page one, under the “Đơn vị” index page (published, empty)."""
    index = UnitIndexPage.objects.first()
    missing = Unit.objects.filter(page__isnull=True).order_by("report_order")
    if index is None:
        if result is not None and missing.exists():
            result.warnings.append(_("Chưa có trang “Đơn vị”; chưa tạo trang cho các đơn vị."))
        return 0
    created = 0
    for unit in missing:
        index.add_child(instance=UnitPage(title=unit.name, slug=unit.code, unit=unit))
        created += 1
    return created
