"""`manage.py supersede_report 2017-Q1 --number 512/LĐLĐ --date 2017-05-12 --reason "…" [--user NAME]`.

The only way to correct an issued report: a new letter that supersedes it. The old report is
kept exactly as it was; the new one freezes the period's table as it is now (docs/operations.md).
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from oversight.management.arguments import letter_date_argument, period_argument, report_in_force
from oversight.services import IssueError, supersede_report


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
        period = period_argument(options["period"])
        document_date = letter_date_argument(options["date"])
        user = None
        if options["user"]:
            user = get_user_model().objects.filter(username=options["user"]).first()
            if user is None:
                raise CommandError(_("Không có tài khoản «%(name)s».") % {"name": options["user"]})
        current = report_in_force(period)
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
