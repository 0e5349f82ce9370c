"""Files bundled with the package: the demo policy, demo school and sample posts."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def bundled(name: str) -> Path:
    """Path of a file in `netiquette/data` (the package is installed unzipped)."""
    return Path(str(files("netiquette") / "data" / name))


DEMO_POLICY = "demo-policy.yaml"
DEMO_SCHOOL = "demo-school.yaml"
DEMO_POSTS = "demo-posts.jsonl"
