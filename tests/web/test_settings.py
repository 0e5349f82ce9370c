"""Production settings pass Django's deployment checks; bad settings fail loudly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

WEB = Path(__file__).resolve().parents[2] / "web"


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environ.update(env)
    return subprocess.run(
        [sys.executable, str(WEB / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environ,
        timeout=120,
    )


PRODUCTION = {
    "NETIQUETTE_ENV": "production",
    "SECRET_KEY": "k7#Qz!v2Lw9@pR4xT6yN8mB1cD3fG5hJ0sA2eU4iO6pK8lZ-test-only",
    "ALLOWED_HOSTS": "netiquette.example",
}


def test_it_passes_the_deploy_check_in_production() -> None:
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_warns_about_the_development_settings() -> None:
    result = _manage("check", "--deploy", "--fail-level", "WARNING", NETIQUETTE_ENV="development")
    assert result.returncode != 0
    assert "SECURE_HSTS_SECONDS" in result.stderr + result.stdout


def test_it_refuses_production_without_a_secret_key() -> None:
    env = {**PRODUCTION, "SECRET_KEY": ""}
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_it_names_a_bad_boolean() -> None:
    result = _manage("check", DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG: expected true or false, got 'perhaps'" in result.stderr


def test_it_sets_a_content_security_policy_without_inline_code(anonymous) -> None:  # type: ignore[no-untyped-def]
    response = anonymous.get("/policy/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
