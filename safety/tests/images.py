"""Small image files made in memory for the upload tests."""

import io

from PIL import Image

GPS = {1: "N", 2: (10.0, 55.0, 30.0), 3: "E", 4: (108.0, 6.0, 0.0)}  # Phan Thiết


def exif_with_gps() -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = 1  # orientation
    exif[0x010F] = "Canon"
    exif.get_ifd(0x8769)[0x9003] = "2017:03:15 08:30:00"
    gps = exif.get_ifd(0x8825)
    gps.update(GPS)
    return exif


def image_bytes(fmt: str = "JPEG", size=(64, 48), gps: bool = False, mode: str = "RGB") -> bytes:
    image = Image.new(mode, size, 0 if mode == "1" else (30, 120, 200))
    buffer = io.BytesIO()
    options = {"exif": exif_with_gps()} if gps else {}
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def has_gps(data: bytes) -> bool:
    with Image.open(io.BytesIO(data)) as image:
        return 0x8825 in image.getexif() and bool(image.getexif().get_ifd(0x8825))


SVG = b"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>"""
