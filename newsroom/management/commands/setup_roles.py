"""Create or update the newsroom's groups, permissions and approval workflows from the unit data."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from newsroom.provisioning import setup_roles
from safety.commands import VietnameseArgumentsMixin


class Command(VietnameseArgumentsMixin, BaseCommand):
    help = _("Tạo hoặc cập nhật nhóm người dùng, quyền và quy trình duyệt tin - bài theo danh sách đơn vị.")

    def handle(self, *args, **options):
        report = setup_roles()
        for warning in report.warnings if options["verbosity"] >= 1 else []:
            self.stderr.write(self.style.WARNING(warning))
        if options["verbosity"] >= 1:
            self.stdout.write(
                _(
                    "Đã tạo %(created)s nhóm, cập nhật %(updated)s nhóm, tạo %(workflows)s quy trình duyệt, "
                    "gán quy trình cho %(pages)s trang đơn vị."
                )
                % {
                    "created": report.groups_created,
                    "updated": report.groups_updated,
                    "workflows": report.workflows_created,
                    "pages": report.pages_assigned,
                }
            )
