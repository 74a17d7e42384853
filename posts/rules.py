"""The required-image rule (Letter 435/LĐLĐ item 5: every post carries an activity photo
or an illustration). Plain values in, Vietnamese messages out."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class ImageSlot:
    """One row of a post's image list as the writer filled it in."""

    has_image: bool
    caption: str


def image_problems(slots: Sequence[ImageSlot]) -> list[str]:
    """What keeps a post from being submitted or published; empty when it may go."""
    problems = []
    filled = [slot for slot in slots if slot.has_image]
    if not filled:
        problems.append(
            _(
                "Tin - bài phải có ít nhất một hình ảnh (ảnh hoạt động hoặc ảnh minh họa) "
                "trước khi gửi duyệt hoặc xuất bản. Hãy thêm ảnh ở mục “Hình ảnh”."
            )
        )
    for number, slot in enumerate(slots, start=1):
        if slot.has_image and not slot.caption.strip():
            problems.append(
                _("Hình ảnh thứ %(number)s chưa có chú thích. Hãy ghi chú thích cho ảnh.")
                % {"number": number}
            )
        if not slot.has_image and slot.caption.strip():
            problems.append(
                _(
                    "Dòng hình ảnh thứ %(number)s có chú thích nhưng chưa chọn ảnh. "
                    "Hãy chọn ảnh hoặc xóa dòng này."
                )
                % {"number": number}
            )
    return problems
