"""The image form of the admin (WAGTAILIMAGES_IMAGE_FORM_BASE): content-checked uploads."""

from django.core.exceptions import ValidationError
from django.forms.fields import FileField
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .uploads import FORMAT_NAMES, UploadRefused, allowed_formats, inspect_image


class SafeImageField(WagtailImageField):
    """Wagtail's image field, checking the content first (safety.uploads), with Vietnamese messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formats = ", ".join(FORMAT_NAMES[f] for f in allowed_formats())
        extensions = ", ".join(f".{e}" for e in self.allowed_image_extensions)
        pixels = f"{self.max_image_pixels / 1_000_000:g}" if self.max_image_pixels else "?"
        self.help_text = gettext(
            "Nhận ảnh %(formats)s, dung lượng tối đa %(size)s, tối đa %(pixels)s triệu điểm ảnh."
        ) % {"formats": formats, "size": self.max_upload_size_text, "pixels": pixels}
        self.error_messages.update(
            {
                "invalid_image": gettext("Chỉ nhận ảnh %(formats)s. Tệp này không phải là ảnh hợp lệ.")
                % {"formats": formats},
                "invalid_image_extension": gettext("Tên tệp ảnh phải có đuôi %(extensions)s.")
                % {"extensions": extensions},
                "invalid_image_known_format": gettext(
                    "Tệp không phải ảnh .%(extension)s thật (nội dung là %(image_format)s). "
                    "Hãy đặt đúng đuôi tên tệp."
                ),
                "file_too_large": gettext(
                    "Tệp quá lớn (%(file_size)s). Dung lượng tối đa là %(max_filesize)s."
                ),
                "file_too_many_pixels": gettext(
                    "Ảnh có quá nhiều điểm ảnh (%(num_pixels)s). Tối đa %(max_pixels_count)s."
                ),
                "file_too_large_unknown_size": gettext("Tệp quá lớn. Dung lượng tối đa là %(limit)s.")
                % {"limit": filesizeformat(self.max_upload_size)},
            }
        )

    def to_python(self, data):
        f = FileField.to_python(self, data)
        if f is None:
            return None
        try:
            inspect_image(data)
        except UploadRefused as exc:
            raise ValidationError(str(exc), code="refused") from None
        return super().to_python(data)


class SafeImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: every image upload form of the admin uses SafeImageField."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        old = self.fields.get("file")
        if old is not None and not isinstance(old, SafeImageField):
            new = SafeImageField(label=old.label, required=old.required, widget=old.widget)
            self.fields["file"] = new
