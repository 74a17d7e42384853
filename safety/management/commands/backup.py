from datetime import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from safety.backup import BackupError, create_backup
from safety.commands import VietnameseArgumentsMixin, check_text, write_error


class Command(VietnameseArgumentsMixin, BaseCommand):
    help = "Sao lưu toàn bộ cơ sở dữ liệu và tệp media vào một tệp .tar.gz có bảng kê tổng kiểm SHA-256."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            "-o",
            help="Tệp sao lưu sẽ ghi (mặc định: backups/congdoan-<ngày giờ>.tar.gz).",
        )

    def handle(self, *args, output=None, **options):
        check_text(output, "Đường dẫn tệp")
        if not output:
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            output = Path("backups") / f"congdoan-{stamp}.tar.gz"
        output = Path(output)
        if output.exists() and output.is_dir():
            output = output / f"congdoan-{datetime.now():%Y%m%d-%H%M%S}.tar.gz"
        verbose = options["verbosity"] > 0
        try:
            manifest = create_backup(output, progress=self.stdout.write if verbose else lambda m: None)
        except BackupError as exc:
            raise CommandError(str(exc)) from None
        except OSError as exc:
            raise write_error(output, exc) from None
        if verbose:
            rows = sum(manifest["counts"].values())
            files = sum(1 for name in manifest["files"] if name.startswith("media/"))
            self.stdout.write(
                self.style.SUCCESS(f"Đã sao lưu {rows} dòng dữ liệu và {files} tệp media vào {output}")
            )
