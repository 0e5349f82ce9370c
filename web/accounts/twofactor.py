"""TOTP helpers: secrets, codes and the QR code (inline SVG, so nothing leaves the server)."""

from __future__ import annotations

import io

import pyotp
import segno


def new_secret() -> str:
    return pyotp.random_base32()


def verify(secret: str, code: str) -> bool:
    return bool(secret) and pyotp.TOTP(secret).verify(code.strip(), valid_window=1)


def provisioning_uri(secret: str, username: str, issuer: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)


def qr_svg(uri: str) -> str:
    """The QR code as an SVG element to place in the page (no XML declaration, no style)."""
    out = io.BytesIO()
    segno.make(uri, error="m").save(
        out, kind="svg", scale=5, xmldecl=False, svgns=True, svgclass=None, lineclass=None
    )
    svg = out.getvalue().decode()
    return svg.replace("<svg ", '<svg role="img" aria-label="QR code for your authenticator" ', 1)
