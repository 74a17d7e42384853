"""`manage.py send_quota_reminders [--period 2017-Q1] [--days-before-end 15] [--dry-run]`."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from oversight.management.arguments import period_argument
from oversight.reminders import DEFAULT_DAYS_BEFORE_END, send_reminders
from safety.commands import VietnameseArgumentsMixin, check_text
from vietnamese.dates import format_date


class Command(VietnameseArgumentsMixin, BaseCommand):
    help = _(
        "Gửi thư nhắc nhở đến các đơn vị chưa đủ chỉ tiêu đăng tin - bài của kỳ (mặc định: quý hiện tại, "
        "chỉ khi quý còn không quá --days-before-end ngày). Mỗi đơn vị nhận tối đa một thư mỗi ngày."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--period",
            help=_(
                "Kỳ báo cáo (2017-Q1, quý I/2017...). Khi nêu rõ kỳ, thư được gửi bất kể còn bao nhiêu ngày."
            ),
        )
        parser.add_argument(
            "--days-before-end",
            type=int,
            default=DEFAULT_DAYS_BEFORE_END,
            help=_("Chỉ gửi khi quý hiện tại còn không quá số ngày này (mặc định 15)."),
        )
        parser.add_argument(
            "--dry-run", action="store_true", help=_("Chỉ in ra ai sẽ nhận thư gì, không gửi.")
        )
        parser.add_argument("--today", help=_("Coi hôm nay là ngày này (YYYY-MM-DD), để thử."))

    def handle(self, *args, **options):
        check_text(options["period"], _("Kỳ báo cáo"))
        check_text(options["today"], _("Ngày"))
        period = period_argument(options["period"]) if options["period"] else None
        if options["days_before_end"] < 0:
            raise CommandError(_("--days-before-end phải là số không âm."))
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError(
                    _("Ngày không hợp lệ: «%(value)s».") % {"value": options["today"]}
                ) from exc

        run = send_reminders(
            period, today=today, days_before_end=options["days_before_end"], dry_run=options["dry_run"]
        )
        if not run.in_window:
            self.stdout.write(
                _("%(period)s còn %(days)s ngày (sau %(limit)s ngày mới nhắc): không gửi thư nào.")
                % {"period": run.period.label, "days": run.days_left, "limit": options["days_before_end"]}
            )
            return
        header = _("Nhắc nhở %(period)s, ngày %(today)s (còn %(days)s ngày).") % {
            "period": run.period.label,
            "today": format_date(run.today),
            "days": max(run.days_left, 0),
        }
        self.stdout.write(header)
        for reminder in run.would_send:
            self.stdout.write("")
            self.stdout.write(_("[thử] Gửi tới: %(to)s") % {"to": ", ".join(reminder.recipients)})
            self.stdout.write(_("Tiêu đề: %(subject)s") % {"subject": reminder.subject})
            self.stdout.write(reminder.body.rstrip())
        for reminder in run.sent:
            self.stdout.write(
                _("Đã gửi: %(unit)s → %(to)s")
                % {"unit": reminder.unit_name, "to": ", ".join(reminder.recipients)}
            )
        for name in run.already_sent:
            self.stdout.write(_("Đã nhắc hôm nay, bỏ qua: %(unit)s") % {"unit": name})
        for name in run.without_address:
            self.stderr.write(_("Không có địa chỉ thư điện tử: %(unit)s") % {"unit": name})
        for name, error in run.failed:
            self.stderr.write(_("Gửi không được: %(unit)s (%(error)s)") % {"unit": name, "error": error})
        total = len(run.would_send) if run.dry_run else len(run.sent)
        summary = _("Sẽ gửi %(n)s thư (chạy thử).") if run.dry_run else _("Đã gửi %(n)s thư.")
        self.stdout.write(summary % {"n": total})
