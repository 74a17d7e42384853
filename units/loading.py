"""Load the organisation (unit kinds, units, their pages) from a JSON file; idempotent.

Another federation loads its own file with the same layout as
`units/fixtures/binh_thuan_2017.json`.
"""

import datetime
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
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
        raise OrganisationFileError(
            _("Không tìm thấy tệp đơn vị: %(path)s. Hãy kiểm tra lại đường dẫn và tên tệp.") % {"path": path}
        ) from exc
    except UnicodeDecodeError as exc:
        raise OrganisationFileError(
            _("Tệp đơn vị %(path)s không phải văn bản UTF-8. Hãy lưu lại tệp với bảng mã UTF-8.")
            % {"path": path}
        ) from exc
    except OSError as exc:
        raise OrganisationFileError(
            _("Không đọc được tệp đơn vị %(path)s. Hãy kiểm tra đó là một tệp và có quyền đọc.")
            % {"path": path}
        ) from exc
    except json.JSONDecodeError as exc:
        raise OrganisationFileError(
            _(
                "Tệp đơn vị không đúng định dạng JSON ở dòng %(line)s, cột %(column)s. Hãy kiểm tra "
                "dấu phẩy, dấu ngoặc và dấu nháy kép quanh chỗ đó (mẫu: units/fixtures/binh_thuan_2017.json)."
            )
            % {"line": exc.lineno, "column": exc.colno}
        ) from exc
    if not isinstance(data, dict) or "kinds" not in data or "units" not in data:
        raise OrganisationFileError(
            _(
                "Tệp đơn vị phải có hai mục “kinds” (các loại đơn vị) và “units” (các đơn vị). "
                "Hãy làm theo mẫu units/fixtures/binh_thuan_2017.json."
            )
        )
    return data


def _row_label(what: str, number: int, row) -> str:
    code = row.get("code") if isinstance(row, dict) else None
    if code:
        return _("%(what)s thứ %(number)s (“%(code)s”)") % {"what": what, "number": number, "code": code}
    return _("%(what)s thứ %(number)s") % {"what": what, "number": number}


def _field_problems(label: str, instance, exclude: list[str]) -> list[str]:
    """Django's own (Vietnamese) validation of the row's values: lengths, numbers, dates, e-mail."""
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        problems = []
        for name, messages in exc.message_dict.items():
            field = instance._meta.get_field(name).verbose_name if name != NON_FIELD_ERRORS else ""
            for message in messages:
                problems.append(
                    _("%(row)s, mục “%(name)s” (%(field)s): %(message)s")
                    % {"row": label, "name": name, "field": field, "message": message}
                )
        return problems
    return []


def check_organisation(data: dict) -> list[str]:
    """Everything wrong with an organisation file, in Vietnamese, each saying how to fix it.

    Empty when the file can be loaded. Nothing is written: the loader checks the whole file
    first, so a mistake in the last row does not leave half an organisation behind.
    """
    problems: list[str] = []
    kinds, units = data.get("kinds"), data.get("units")
    if not isinstance(kinds, list) or not isinstance(units, list):
        return [_("Mục “kinds” và mục “units” phải là danh sách (đặt trong dấu [ ]).")]
    kind_codes: set[str] = set()
    for number, row in enumerate(kinds, start=1):
        label = _row_label(_("Loại đơn vị"), number, row)
        if not isinstance(row, dict):
            problems.append(_("%(row)s phải là một đối tượng JSON (đặt trong dấu { }).") % {"row": label})
            continue
        missing = [key for key in ("code", "name") if not row.get(key)]
        problems += [
            _("%(row)s thiếu mục “%(key)s”. Hãy thêm mục này.") % {"row": label, "key": k} for k in missing
        ]
        if row.get("code") in kind_codes:
            problems.append(
                _("%(row)s trùng mã với một loại đơn vị trước đó. Mỗi mã chỉ dùng một lần.") % {"row": label}
            )
        kind_codes.add(row.get("code"))
        values = {
            key: row[key] for key in ("code", "name", "addressee", "self_publishing", "order") if key in row
        }
        problems += _field_problems(label, UnitKind(**values), exclude=missing)
    unit_codes: set[str] = set()
    for number, row in enumerate(units, start=1):
        label = _row_label(_("Đơn vị"), number, row)
        if not isinstance(row, dict):
            problems.append(_("%(row)s phải là một đối tượng JSON (đặt trong dấu { }).") % {"row": label})
            continue
        missing = [key for key in ("code", "name", "kind") if not row.get(key)]
        problems += [
            _("%(row)s thiếu mục “%(key)s”. Hãy thêm mục này.") % {"row": label, "key": k} for k in missing
        ]
        if row.get("kind") and row["kind"] not in kind_codes:
            problems.append(
                _(
                    "%(row)s có loại “%(kind)s” không có trong mục “kinds”. "
                    "Hãy sửa loại của đơn vị hoặc thêm loại này vào mục “kinds”."
                )
                % {"row": label, "kind": row["kind"]}
            )
        if row.get("code") in unit_codes:
            problems.append(
                _("%(row)s trùng mã với một đơn vị trước đó. Mỗi mã chỉ dùng một lần.") % {"row": label}
            )
        unit_codes.add(row.get("code"))
        problems += [
            _("%(row)s, mục “%(key)s” không được để null. Hãy ghi một giá trị hoặc bỏ hẳn mục này.")
            % {"row": label, "key": key}
            for key in ("report_order", "quota_applies", "has_own_page")
            if key in row and row[key] is None
        ]
        values = {key: row[key] for key in ("code", *UNIT_FIELDS, "valid_from", "valid_to") if key in row}
        unit = Unit(**{key: value for key, value in values.items() if value is not None})
        row_problems = _field_problems(label, unit, exclude=["kind", *missing])
        problems += row_problems
        if not row_problems and unit.valid_from and unit.valid_to and unit.valid_from > unit.valid_to:
            problems.append(
                _(
                    "%(row)s: ngày “valid_from” (%(start)s) sau ngày “valid_to” (%(end)s). "
                    "Hãy sửa lại hai ngày này."
                )
                % {"row": label, "start": row["valid_from"], "end": row["valid_to"]}
            )
    return problems


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


@transaction.atomic
def load_organisation(data: dict) -> LoadResult:
    """Create or update kinds and units by code, and give every unit its page."""
    problems = check_organisation(data)
    if problems:
        raise OrganisationFileError(
            "\n".join([_("Tệp đơn vị có %(count)s lỗi; chưa nạp gì:") % {"count": len(problems)}, *problems])
        )
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
        defaults = {name: row[name] for name in UNIT_FIELDS if name in row}
        for name in ("name", "short_name", "note_name", "email"):
            if name in defaults:
                defaults[name] = nfc(defaults[name] or "")
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
