"""`manage.py load_quotas [FILE]`: quota rules and remarks from JSON (idempotent)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from oversight.loading import DEFAULT_QUOTAS, QuotaFileError, load_quotas, read_quota_file
from safety.commands import VietnameseArgumentsMixin, check_text


class Command(VietnameseArgumentsMixin, BaseCommand):
    help = _(
        "Nạp chỉ tiêu đăng tin - bài và ghi chú từ tệp JSON (mặc định: chỉ tiêu theo Công văn 435/LĐLĐ)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_QUOTAS))

    def handle(self, *args, **options):
        check_text(options["file"], _("Đường dẫn tệp"))
        try:
            result = load_quotas(read_quota_file(options["file"]))
        except QuotaFileError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(result.summary())
