"""Checking and storing evidence images: never trust a file a stranger uploads.

A screenshot from the public form may be anything: a renamed executable, a decompression
bomb, a photo whose metadata holds the reporter's home location. Each image is sniffed by
its content (not its name or declared type), checked against size and pixel limits, decoded,
and re-encoded as a fresh PNG from its pixels alone, so no metadata (EXIF, GPS, comments,
colour profiles) survives. Files live in a private folder outside the web root and are
served only through the access-checked, audited view.
"""

from __future__ import annotations

import hashlib
import io
import secrets
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = frozenset({"PNG", "JPEG", "GIF", "WEBP"})
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 12_000


class EvidenceError(ValueError):
    """An upload that is not an acceptable image; the message is shown on the form."""


@dataclass(frozen=True)
class CleanImage:
    data: bytes
    width: int
    height: int
    source_format: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def clean_image(raw: bytes, name: str = "the file") -> CleanImage:
    """Check an uploaded image and return it re-encoded as PNG without metadata."""
    if len(raw) > MAX_BYTES:
        raise EvidenceError(f"{name} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if not raw:
        raise EvidenceError(f"{name} is empty")
    image_format, size = _sniff(raw, name)
    width, height = size
    if width > MAX_SIDE or height > MAX_SIDE or width * height > MAX_PIXELS:
        raise EvidenceError(f"{name} is too large ({width} × {height} pixels)")
    return CleanImage(_reencode(raw, name), width, height, image_format)


def _sniff(raw: bytes, name: str) -> tuple[str, tuple[int, int]]:
    """Identify the image from its bytes, reading only the header."""
    try:
        with Image.open(io.BytesIO(raw)) as image:
            image_format = image.format or ""
            size = image.size
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise EvidenceError(
            f"{name} is not an image we can read (PNG, JPEG, GIF or WebP)"
        ) from error
    if image_format not in ALLOWED_FORMATS:
        raise EvidenceError(
            f"{name} is a {image_format or 'unknown'} file; use PNG, JPEG, GIF or WebP"
        )
    return image_format, size


def _reencode(raw: bytes, name: str) -> bytes:
    """Decode fully (catching truncated or hostile files) and write fresh PNG bytes."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(raw)) as image:
                image.seek(0)  # the first frame of an animation is the evidence
                upright = ImageOps.exif_transpose(image) or image
                mode = (
                    "RGBA" if "A" in upright.getbands() or "transparency" in image.info else "RGB"
                )
                pixels = upright.convert(mode)
                fresh = Image.frombytes(mode, pixels.size, pixels.tobytes())
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning) as error:
        raise EvidenceError(f"{name} is damaged or could not be read as an image") from error
    out = io.BytesIO()
    fresh.save(out, format="PNG", optimize=False)
    return out.getvalue()


def store(image: CleanImage, folder: Path) -> str:
    """Write the clean image under a random name in the private folder; return the name."""
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{secrets.token_hex(16)}.png"
    temporary = folder / f".{name}.part"
    temporary.write_bytes(image.data)
    temporary.replace(folder / name)  # whole file or nothing
    return name


def path_of(folder: Path, stored_name: str) -> Path:
    """The file for a stored name, refusing anything that is not one of our own names."""
    if not (stored_name.endswith(".png") and len(stored_name) == 36 and stored_name[:32].isalnum()):
        raise EvidenceError("not a stored evidence name")
    return folder / stored_name
