"""`manage.py compliance_report 2017-Q1 [--format text|csv|xlsx|docx] [--output FILE]`."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from oversight.documents import issued_document as snapshot_document
from oversight.documents import issued_report, live_document
from oversight.exports.letter import to_docx
from oversight.exports.tabular import to_csv, to_text
from oversight.exports.workbook import to_xlsx
from safety.commands import VietnameseArgumentsMixin, check_text, write_file_atomically
from vietnamese.periods import PeriodError, parse_period

RENDERERS = {"text": to_text, "csv": to_csv, "xlsx": to_xlsx, "docx": to_docx}
BINARY = {"xlsx", "docx"}


class Command(VietnameseArgumentsMixin, BaseCommand):
    help = _(
        "Bảng kết quả đăng tin - bài của một kỳ (như bảng kèm Công văn 435/LĐLĐ): "
        "văn bản, CSV, XLSX hoặc công văn DOCX."
    )

    def add_arguments(self, parser):
        parser.add_argument("period", help=_("Kỳ báo cáo: 2017-Q1, quý I/2017, 2017-03, 2017..."))
        parser.add_argument(
            "--format", choices=sorted(RENDERERS), default="text", help=_("Định dạng (mặc định: text).")
        )
        parser.add_argument(
            "--output", "-o", help=_("Ghi ra tệp thay vì màn hình (bắt buộc với xlsx, docx).")
        )
        parser.add_argument(
            "--issued",
            action="store_true",
            help=_("Xuất bảng đã ban hành (bản lưu cố định) thay vì số liệu hiện tại."),
        )
        parser.add_argument("--number", default="", help=_("Số công văn cho bản dự thảo, ví dụ 435/LĐLĐ."))
        parser.add_argument("--date", default="", help=_("Ngày công văn cho bản dự thảo, dạng YYYY-MM-DD."))

    def handle(self, *args, **options):
        check_text(options["period"], _("Kỳ báo cáo"))
        check_text(options["number"], _("Số công văn"))
        check_text(options["date"], _("Ngày công văn"))
        try:
            period = parse_period(options["period"])
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        fmt = options["format"]
        if fmt in BINARY and not options["output"]:
            raise CommandError(_("Định dạng %(fmt)s cần tham số --output TỆP.") % {"fmt": fmt})

        if options["issued"]:
            issued = issued_report(period)
            if issued is None:
                raise CommandError(_("Chưa ban hành bảng kết quả %(period)s.") % {"period": period.label})
            document = snapshot_document(issued)
        else:
            document_date = None
            if options["date"]:
                try:
                    document_date = datetime.date.fromisoformat(options["date"])
                except ValueError as exc:
                    raise CommandError(
                        _("Ngày công văn không hợp lệ: «%(value)s». Hãy nhập dạng 2017-04-24.")
                        % {"value": options["date"]}
                    ) from exc
            document = live_document(period, number=options["number"], document_date=document_date)

        output = RENDERERS[fmt](document)
        if options["output"]:
            write_file_atomically(options["output"], output if fmt in BINARY else output.encode("utf-8"))
            if options["verbosity"]:
                self.stderr.write(
                    _("Đã ghi %(path)s (%(rows)s đơn vị).")
                    % {"path": options["output"], "rows": len(document.rows)}
                )
        else:
            self.stdout.write(output, ending="")
