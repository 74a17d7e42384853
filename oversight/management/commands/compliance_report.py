"""`manage.py compliance_report 2017-Q1 [--format text|csv|xlsx|docx] [--output FILE]`."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from oversight.documents import issued_document as snapshot_document
from oversight.documents import live_document
from oversight.exports.letter import to_docx
from oversight.exports.tabular import to_csv, to_text
from oversight.exports.workbook import to_xlsx
from oversight.management.arguments import letter_date_argument, period_argument, report_in_force
from safety.commands import VietnameseArgumentsMixin, check_text, write_file_atomically

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
        period = period_argument(options["period"])
        fmt = options["format"]
        if fmt in BINARY and not options["output"]:
            raise CommandError(_("Định dạng %(fmt)s cần tham số --output TỆP.") % {"fmt": fmt})

        if options["issued"]:
            document = snapshot_document(report_in_force(period))
        else:
            document_date = letter_date_argument(options["date"]) if options["date"] else None
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
