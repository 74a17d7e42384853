"""`manage.py royalty_statement 2017-03 --unit van-phong [--format text|csv|xlsx] [--output FILE]`.

A thin shell over `royalties.selectors` and `royalties.exports`: the admin screen calls the
same two functions, so the command line and the download always agree.
"""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from safety.commands import VietnameseArgumentsMixin, check_text, write_file_atomically
from units.models import Unit
from vietnamese.periods import PeriodError

from ...exports import FORMATS, render_statement, render_summary
from ...selectors import federation_summary, find_unit, month_period, statement_rows


class Command(VietnameseArgumentsMixin, BaseCommand):
    help = _("In bảng kê nhuận bút một tháng của một đơn vị, hoặc tổng hợp toàn LĐLĐ tỉnh.")

    def add_arguments(self, parser):
        parser.add_argument("month", help=_("Tháng, dạng 2017-03 hoặc 3/2017."))
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--unit", help=_("Mã hoặc tên đơn vị."))
        target.add_argument("--all-units", action="store_true", help=_("Tổng hợp mọi đơn vị."))
        parser.add_argument("--format", choices=FORMATS, default="text", help=_("Định dạng (mặc định text)."))
        parser.add_argument("--output", help=_("Ghi ra tệp thay vì màn hình."))

    def handle(self, *args, month, unit, all_units, format, output, **options):
        check_text(month, _("Tháng"))
        check_text(unit, _("Đơn vị"))
        if format == "xlsx" and not output:
            raise CommandError(_("Tệp XLSX là nhị phân: hãy dùng --output TỆP."))
        try:
            period = month_period(month)
        except PeriodError as error:
            raise CommandError(str(error)) from None
        if all_units:
            data = render_summary(federation_summary(period), format)
        else:
            try:
                found = find_unit(unit)
            except Unit.DoesNotExist:
                raise CommandError(
                    _(
                        "Không tìm thấy đơn vị «%(unit)s». "
                        "Hãy dùng mã đơn vị (ví dụ: van-phong) hoặc tên đầy đủ."
                    )
                    % {"unit": unit}
                ) from None
            data = render_statement(statement_rows(found, period), format)
        if output:
            write_file_atomically(output, data)
            self.stderr.write(_("Đã ghi %(path)s.") % {"path": output})
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
