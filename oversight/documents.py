"""Assemble what the exports render: rows (live or issued), letter settings, addressees."""

from __future__ import annotations

from datetime import date

from wagtail.models import Site

from units.models import Unit
from vietnamese.periods import Period, parse_period

from .exports.document import ReportDocument
from .models import IssuedReport, LetterSettings
from .selectors import compliance_rows


def letter_settings(site: Site | None = None) -> LetterSettings:
    """The "Cài đặt công văn" of a site (the default site), or the defaults when there is none."""
    site = site or Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        return LetterSettings()
    return LetterSettings.for_site(site)


def addressees(period: Period | str) -> list[str]:
    """The "Kính gửi:" lines: each kind's addressee, or its units by name when it has none.

    Letter 435/LĐLĐ addresses "Các ban Liên đoàn Lao động tỉnh", "Liên đoàn Lao động cấp
    huyện" and "Công đoàn cấp ngành" as kinds, but names the two affiliated institutions.
    """
    period = parse_period(period)
    lines: list[str] = []
    units = (
        Unit.objects.existing_between(period.start_date, period.end_date)
        .select_related("kind")
        .order_by("kind__order", "kind__name", "report_order", "name")
    )
    for unit in units:
        line = unit.kind.addressee.strip() or unit.name
        if line not in lines:
            lines.append(line)
    return lines


def issued_report(period: Period | str) -> IssuedReport | None:
    """The period's report in force: the latest of a chain of corrections, if any."""
    return IssuedReport.objects.current().filter(period_code=parse_period(period).code).first()


def issued_document(issued: IssuedReport) -> ReportDocument:
    letter = dict(issued.letter)
    return ReportDocument(
        period_code=issued.period_code,
        period_label=issued.period_label,
        rows=issued.report_rows,
        letter=letter,
        addressees=list(letter.get("addressees", [])),
        number=issued.number,
        document_date=issued.document_date,
        issued=True,
    )


def live_document(
    period: Period | str, *, number: str = "", document_date: date | None = None, site: Site | None = None
) -> ReportDocument:
    period = parse_period(period)
    return ReportDocument(
        period_code=period.code,
        period_label=period.label,
        rows=compliance_rows(period),
        letter=letter_settings(site).as_dict(),
        addressees=addressees(period),
        number=number,
        document_date=document_date,
    )


def report_document(
    period: Period | str, *, number: str = "", document_date: date | None = None, live: bool = False
) -> ReportDocument:
    """The issued snapshot of a period if there is one (unless ``live``), else the live table."""
    period = parse_period(period)
    issued = None if live else issued_report(period)
    if issued is not None:
        return issued_document(issued)
    return live_document(period, number=number, document_date=document_date)


def download_name(document: ReportDocument, extension: str) -> str:
    """ "ket-qua-dang-tin-bai-2017-Q1.xlsx" (ASCII, safe in every browser)."""
    stem = "cong-van-don-doc" if extension == "docx" else "ket-qua-dang-tin-bai"
    return f"{stem}-{document.period_code}.{extension}"
