from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from safety.backup import BackupError, restore_backup
from safety.commands import VietnameseArgumentsMixin, check_text, read_error


class Command(VietnameseArgumentsMixin, BaseCommand):
    help = (
        "Khôi phục một cài đặt trống từ tệp sao lưu (kiểm tra tổng kiểm trước khi ghi). "
        "Từ chối cơ sở dữ liệu đã có dữ liệu, trừ khi dùng --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Tệp sao lưu .tar.gz do lệnh backup tạo ra.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Xóa hết dữ liệu hiện có rồi khôi phục (cẩn thận: không hoàn tác được).",
        )

    def handle(self, *args, archive, force=False, **options):
        check_text(archive, "Đường dẫn tệp")
        verbose = options["verbosity"] > 0
        try:
            manifest = restore_backup(
                Path(archive), force=force, progress=self.stdout.write if verbose else lambda m: None
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise read_error(archive, exc) from None
        if verbose:
            rows = sum(manifest["counts"].values())
            self.stdout.write(
                self.style.SUCCESS(
                    f"Đã khôi phục {rows} dòng dữ liệu từ bản sao lưu ngày {manifest['created_at']}."
                )
            )
