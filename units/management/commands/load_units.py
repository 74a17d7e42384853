from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from safety.commands import VietnameseArgumentsMixin, check_text
from units.loading import DEFAULT_FIXTURE, OrganisationFileError, load_organisation, read_organisation_file


class Command(VietnameseArgumentsMixin, BaseCommand):
    help = _(
        "Nạp (hoặc cập nhật) danh sách loại đơn vị và đơn vị từ tệp JSON; chạy lại nhiều lần vẫn an toàn."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DEFAULT_FIXTURE), help=_("tệp JSON đơn vị"))

    def handle(self, *args, file, **options):
        check_text(file, _("Đường dẫn tệp"))
        try:
            result = load_organisation(read_organisation_file(file))
        except OrganisationFileError as exc:
            raise CommandError(str(exc)) from exc
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(warning))
        self.stdout.write(
            self.style.SUCCESS(
                _("Đã nạp đơn vị: %(created)d mới, %(updated)d cập nhật; %(pages)d trang đơn vị mới.")
                % {
                    "created": result.units_created,
                    "updated": result.units_updated,
                    "pages": result.pages_created,
                }
            )
        )
