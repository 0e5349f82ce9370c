"""Evidence images are sniffed, limited, re-encoded as PNG and stripped of metadata."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from cases import evidence
from cases.evidence import EvidenceError, clean_image
from PIL import Image

from .conftest import png_bytes


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), "blue")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif.get_ifd(0x8825)[2] = (51.0, 30.0, 0.0)  # GPS latitude
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=b"home address")
    return out.getvalue()


def test_it_reencodes_as_png_without_metadata() -> None:
    raw = _jpeg_with_gps()
    assert b"PhoneMaker" in raw
    clean = clean_image(raw)
    assert clean.source_format == "JPEG"
    assert clean.data.startswith(b"\x89PNG")
    assert b"PhoneMaker" not in clean.data and b"home address" not in clean.data
    with Image.open(io.BytesIO(clean.data)) as image:
        assert image.size == (64, 48)
        assert not image.getexif()
        assert "exif" not in image.info and "comment" not in image.info


def test_it_drops_png_text_chunks() -> None:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Location", "52 Acacia Avenue")
    clean = clean_image(png_bytes(pnginfo=info))
    assert b"Acacia" not in clean.data


def test_it_sniffs_content_not_name() -> None:
    with pytest.raises(EvidenceError, match="not an image"):
        clean_image(b"MZ\x90\x00 this is a program, not a picture", "photo.png")


def test_it_refuses_other_image_formats() -> None:
    out = io.BytesIO()
    Image.new("RGB", (10, 10)).save(out, format="BMP")
    with pytest.raises(EvidenceError, match="BMP"):
        clean_image(out.getvalue())


def test_it_refuses_too_many_pixels() -> None:
    out = io.BytesIO()
    Image.new("1", (12_001, 10)).save(out, format="PNG")
    with pytest.raises(EvidenceError, match="too large"):
        clean_image(out.getvalue())


def test_it_refuses_files_too_big() -> None:
    with pytest.raises(EvidenceError, match="larger than"):
        clean_image(b"\x89PNG" + b"0" * evidence.MAX_BYTES)


def test_it_refuses_truncated_images() -> None:
    raw = png_bytes((200, 200))
    with pytest.raises(EvidenceError, match="damaged"):
        clean_image(raw[: len(raw) // 2])


def test_it_stores_under_a_random_name(tmp_path: Path) -> None:
    clean = clean_image(png_bytes())
    name = evidence.store(clean, tmp_path / "private")
    assert evidence.path_of(tmp_path / "private", name).read_bytes() == clean.data
    with pytest.raises(EvidenceError):
        evidence.path_of(tmp_path, "../../etc/passwd")
