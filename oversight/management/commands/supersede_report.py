"""`manage.py supersede_report 2017-Q1 --number 512/LĐLĐ --date 2017-05-12 --reason "…" [--user NAME]`.

The only way to correct an issued report: a new letter that supersedes it. The old report is
kept exactly as it was; the new one freezes the period's table as it is now (docs/operations.md).
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from oversight.documents import issued_report
from oversight.services import IssueError, supersede_report
from vietnamese.periods import PeriodError, parse_period


class Command(BaseCommand):
    help = _(
        "Ban hành lại bảng kết quả của một kỳ bằng công văn mới, thay thế báo cáo đang có hiệu lực; "
        "báo cáo cũ được giữ nguyên."
    )

    def add_arguments(self, parser):
        parser.add_argument("period", help=_("Kỳ báo cáo: 2017-Q1, quý I/2017..."))
        parser.add_argument("--number", required=True, help=_("Số công văn mới, ví dụ 512/LĐLĐ."))
        parser.add_argument("--date", required=True, help=_("Ngày công văn mới, dạng YYYY-MM-DD."))
        parser.add_argument("--reason", required=True, help=_("Lý do ban hành lại."))
        parser.add_argument("--user", default="", help=_("Tên đăng nhập của người ban hành."))

    def handle(self, *args, **options):
        try:
            period = parse_period(options["period"])
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        try:
            document_date = datetime.date.fromisoformat(options["date"])
        except ValueError as exc:
            raise CommandError(
                _("Ngày công văn không hợp lệ: «%(value)s». Hãy nhập dạng 2017-04-24.")
                % {"value": options["date"]}
            ) from exc
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("Không có tài khoản «%(name)s».") % {"name": options["user"]})
        current = issued_report(period)
        if current is None:
            raise CommandError(_("Chưa ban hành bảng kết quả %(period)s.") % {"period": period.label})
        try:
            new = supersede_report(current, options["number"], document_date, options["reason"], user)
        except IssueError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"]:
            self.stdout.write(
                _(
                    "Đã ban hành lại bảng kết quả %(period)s: "
                    "Công văn số %(number)s thay thế Công văn số %(old)s."
                )
                % {"period": new.period_label, "number": new.number, "old": current.number}
            )
