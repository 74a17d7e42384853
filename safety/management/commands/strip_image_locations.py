"""Remove GPS/XMP location data from images stored before safety/ did it on upload."""

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images import get_image_model

from safety.commands import VietnameseArgumentsMixin
from safety.uploads import without_location


class Command(VietnameseArgumentsMixin, BaseCommand):
    help = "Xóa dữ liệu vị trí (GPS) khỏi các ảnh gốc đã lưu và tạo lại các bản thu nhỏ của chúng."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ liệt kê, không sửa.")

    def handle(self, *args, dry_run=False, **options):
        checked = cleaned = 0
        for image in get_image_model().objects.order_by("pk").iterator():
            checked += 1
            try:
                with image.open_file() as f:
                    data = f.read()
            except OSError as exc:
                self.stderr.write(f"Không đọc được ảnh #{image.pk} «{image.title}»: {exc}")
                continue
            result = without_location(data)
            if result is None:
                continue
            cleaned += 1
            self.stdout.write(f"Ảnh #{image.pk} «{image.title}» có dữ liệu vị trí")
            if dry_run:
                continue
            with transaction.atomic():
                old_name, width, height = image.file.name, image.width, image.height
                image.file.save(old_name.rsplit("/", 1)[-1], ContentFile(result), save=False)
                image.width, image.height = width, height  # same picture, same size
                image._set_image_file_metadata()
                image.save()
                image.renditions.all().delete()
                image.file.storage.delete(old_name)
        verb = "cần xóa" if dry_run else "đã xóa"
        self.stdout.write(f"Đã kiểm tra {checked} ảnh; {verb} dữ liệu vị trí ở {cleaned} ảnh.")
