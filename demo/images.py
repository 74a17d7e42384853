"""Illustrations drawn with Pillow (nothing is downloaded): a small pool of “photos” reused by
every demo post, and the federation's organisation chart."""

from __future__ import annotations

import io
import math
import random
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection

from vietnamese.text import fold

COLLECTION_NAME = "Ảnh minh họa"
ORG_CHART_TITLE = "Sơ đồ tổ chức Liên đoàn Lao động tỉnh Bình Thuận"
SIZE = (960, 640)

# (title, label on the picture, sky colours top/bottom, accent)
POOL = [
    ("Hội trường đại hội", "ĐẠI HỘI CÔNG ĐOÀN CƠ SỞ", ("#c62828", "#ffb74d"), "#fff3e0"),
    ("Công nhân khu công nghiệp", "CÔNG NHÂN KHU CÔNG NGHIỆP", ("#1565c0", "#90caf9"), "#e3f2fd"),
    ("Mái ấm Công đoàn", "MÁI ẤM CÔNG ĐOÀN", ("#2e7d32", "#c5e1a5"), "#f1f8e9"),
    ("Lớp tập huấn pháp luật", "TẬP HUẤN PHÁP LUẬT LAO ĐỘNG", ("#4527a0", "#b39ddb"), "#ede7f6"),
    ("Trao quà cho công nhân", "THĂM HỎI, TẶNG QUÀ", ("#ad1457", "#f8bbd0"), "#fce4ec"),
    ("Hội thao công nhân", "HỘI THAO CÔNG NHÂN", ("#00838f", "#80deea"), "#e0f7fa"),
    ("Tết Sum vầy", "TẾT SUM VẦY", ("#b71c1c", "#ffd54f"), "#fffde7"),
    ("Khám sức khỏe nữ công nhân", "CHĂM SÓC SỨC KHỎE NỮ CÔNG NHÂN", ("#6a1b9a", "#f48fb1"), "#f3e5f5"),
    ("Đối thoại tại nơi làm việc", "ĐỐI THOẠI TẠI NƠI LÀM VIỆC", ("#37474f", "#b0bec5"), "#eceff1"),
    ("Bãi biển Mũi Né", "BÌNH THUẬN", ("#0277bd", "#ffe082"), "#fff8e1"),
    ("Cánh đồng thanh long", "THANH LONG BÌNH THUẬN", ("#558b2f", "#f06292"), "#f1f8e9"),
    ("Tháp Chàm Pô Sah Inư", "PHAN THIẾT", ("#e65100", "#ffcc80"), "#fff3e0"),
]

_FONT_FILES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
]


def _font(size: int) -> tuple[ImageFont.ImageFont, bool]:
    """A font with Vietnamese glyphs if the system has one; else Pillow's own (ASCII labels)."""
    for name in _FONT_FILES:
        if Path(name).exists():
            return ImageFont.truetype(name, size), True
    return ImageFont.load_default(size=size), False


def _text(label: str, unicode_ok: bool) -> str:
    return label if unicode_ok else fold(label).upper()


def _hex(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def draw_photo(index: int, label: str, colours: tuple[str, str], accent: str) -> bytes:
    """A pleasant, distinct picture: gradient sky, sun, hills, figures, a caption band."""
    rng = random.Random(1000 + index)
    width, height = SIZE
    top, bottom = _hex(colours[0]), _hex(colours[1])
    picture = PILImage.new("RGB", SIZE)
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / (height - 1)
        draw.line(
            [(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    sun_x, sun_y, r = rng.randint(120, width - 120), rng.randint(80, 200), rng.randint(40, 70)
    draw.ellipse([sun_x - r, sun_y - r, sun_x + r, sun_y + r], fill=_hex(accent))
    # Two layers of hills.
    for layer, shade in ((0, 0.55), (1, 0.35)):
        base = int(height * (0.58 + 0.1 * layer))
        points = [(0, height)]
        for x in range(0, width + 80, 80):
            points.append((x, base - rng.randint(0, 90)))
        points.append((width, height))
        draw.polygon(points, fill=tuple(int(c * shade) for c in top))
    if index % 2 == 0:
        # An event backdrop (phông): red banner, gold star, lines of lettering.
        draw.rectangle([60, 50, width - 60, 230], fill=(198, 40, 40), outline=(255, 213, 79), width=4)
        _star(draw, 150, 140, 55, (255, 213, 79))
        for j, line_width in enumerate((560, 460, 380)):
            y = 85 + j * 45
            draw.rounded_rectangle([240, y, 240 + line_width, y + 18], radius=9, fill=(255, 236, 179))
    # A row of people (heads and bodies) in front.
    for i in range(rng.randint(5, 9)):
        x = 80 + i * rng.randint(90, 110)
        if x > width - 60:
            break
        y = height - 150 + rng.randint(-10, 10)
        shirt = rng.choice([(255, 255, 255), _hex(accent), (33, 33, 33), _hex(colours[1])])
        draw.rounded_rectangle([x - 26, y, x + 26, y + 110], radius=18, fill=shirt)
        draw.ellipse([x - 18, y - 42, x + 18, y - 6], fill=(141, 85, 36))
    picture = picture.filter(ImageFilter.SMOOTH)
    draw = ImageDraw.Draw(picture)
    font, unicode_ok = _font(34)
    text = _text(label, unicode_ok)
    band_top = height - 70
    draw.rectangle([0, band_top, width, height], fill=(0, 0, 0))
    draw.text((30, band_top + 16), text, font=font, fill=_hex(accent))
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


def _star(draw: ImageDraw.ImageDraw, cx: int, cy: int, r: int, fill) -> None:
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.4
        angle = math.pi / 2 + k * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy - radius * math.sin(angle)))
    draw.polygon(points, fill=fill)


def demo_collection() -> Collection:
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    if existing:
        return existing
    return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def _save_image(title: str, content: bytes, filename: str, collection: Collection):
    image_model = get_image_model()
    image = image_model(title=title, collection=collection)
    image.file = ImageFile(io.BytesIO(content), name=filename)
    image.file_size = len(content)
    image.save()
    return image


def ensure_image_pool() -> list:
    """The pool of demo photos, created once (matched by title in the collection)."""
    collection = demo_collection()
    image_model = get_image_model()
    existing = {image.title: image for image in image_model.objects.filter(collection=collection)}
    pool = []
    for index, (title, label, colours, accent) in enumerate(POOL):
        image = existing.get(title)
        if image is None:
            image = _save_image(
                title, draw_photo(index, label, colours, accent), f"demo-{index + 1:02d}.jpg", collection
            )
        pool.append(image)
    return pool


def image_pool() -> list:
    """The pool as it is in the database (empty before `ensure_image_pool`)."""
    titles = [title for title, *_ in POOL]
    found = {
        image.title: image
        for image in get_image_model().objects.filter(collection__name=COLLECTION_NAME, title__in=titles)
    }
    return [found[title] for title in titles if title in found]


def draw_org_chart(kinds: list[tuple[str, list[str]]]) -> bytes:
    """Ban Chấp hành > Ban Thường vụ > Thường trực, then one column per unit kind with its units."""
    width = 1400
    line_height = 24
    tallest = max((len(units) for _name, units in kinds), default=0)
    height = 420 + tallest * line_height + 60
    chart = PILImage.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(chart)
    title_font, unicode_ok = _font(30)
    box_font, _ = _font(20)
    small_font, _ = _font(15)
    red, dark = (183, 28, 28), (33, 33, 33)

    def box(x0, y0, x1, y1, text, fill, font=box_font, colour=(255, 255, 255)):
        draw.rounded_rectangle([x0, y0, x1, y1], radius=10, fill=fill, outline=dark, width=2)
        text = _text(text, unicode_ok)
        w = draw.textlength(text, font=font)
        draw.text(((x0 + x1 - w) / 2, y0 + (y1 - y0 - font.size) / 2 - 2), text, font=font, fill=colour)

    heading = _text("SƠ ĐỒ TỔ CHỨC LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH THUẬN", unicode_ok)
    draw.text(
        ((width - draw.textlength(heading, font=title_font)) / 2, 20), heading, font=title_font, fill=red
    )
    centre = width // 2
    box(centre - 260, 80, centre + 260, 130, "Ban Chấp hành LĐLĐ tỉnh", red)
    draw.line([(centre, 130), (centre, 160)], fill=dark, width=3)
    box(centre - 260, 160, centre + 260, 210, "Ban Thường vụ", (198, 40, 40))
    draw.line([(centre, 210), (centre, 240)], fill=dark, width=3)
    box(centre - 260, 240, centre + 260, 290, "Thường trực (Chủ tịch, các Phó Chủ tịch)", (229, 57, 53))
    columns = max(len(kinds), 1)
    column_width = (width - 40) // columns
    draw.line([(centre, 290), (centre, 320)], fill=dark, width=3)
    first_x = 20 + column_width // 2
    last_x = 20 + column_width * (columns - 1) + column_width // 2
    draw.line([(first_x, 320), (last_x, 320)], fill=dark, width=3)
    for i, (kind_name, units) in enumerate(kinds):
        x0 = 20 + i * column_width + 8
        x1 = x0 + column_width - 16
        xc = (x0 + x1) // 2
        draw.line([(xc, 320), (xc, 340)], fill=dark, width=3)
        draw.rounded_rectangle([x0, 340, x1, 400], radius=10, fill=(255, 235, 238), outline=red, width=2)
        words = _text(kind_name, unicode_ok)
        # Kind names are long: wrap into two lines.
        lines, current = [], ""
        for word in words.split():
            if draw.textlength(f"{current} {word}", font=small_font) > x1 - x0 - 16 and current:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}".strip()
        lines.append(current)
        for j, line in enumerate(lines[:2]):
            w = draw.textlength(line, font=small_font)
            draw.text((xc - w / 2, 348 + j * 20), line, font=small_font, fill=red)
        for j, unit in enumerate(units):
            text = f"• {_text(unit, unicode_ok)}"
            font = small_font
            while draw.textlength(text, font=font) > x1 - x0 - 8 and font.size > 9:
                font = _font(int(font.size) - 1)[0]
            draw.text((x0 + 6, 412 + j * line_height), text, font=font, fill=dark)
    buffer = io.BytesIO()
    chart.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def ensure_org_chart(kinds: list[tuple[str, list[str]]]):
    image_model = get_image_model()
    existing = image_model.objects.filter(title=ORG_CHART_TITLE).first()
    if existing:
        return existing
    return _save_image(ORG_CHART_TITLE, draw_org_chart(kinds), "so-do-to-chuc.png", demo_collection())
