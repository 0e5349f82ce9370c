"""A report acknowledged to the reporter is stored whole, even if the server is killed.

Starts the real server (gunicorn, two workers) on its own database, streams report
submissions at it from several threads, SIGKILLs the whole server mid-stream, and then
reads the database directly: every report that got its acknowledgement (the redirect to
the "sent" page) is there with its evidence, its owed work and its queued task, and no
report anywhere is half-stored.
"""

from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import free_port

WEB = Path(__file__).resolve().parents[3] / "web"
GUNICORN = Path(sys.executable).with_name("gunicorn")
TARGET_ACKS = 24


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


@pytest.fixture
def server_db(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Environment for a server on its own database: a SQLite file, or a fresh PostgreSQL db."""
    env = {"NETIQUETTE_VAR_DIR": str(tmp_path), "NETIQUETTE_ENV": "test"}
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        yield env
        return
    import psycopg

    name = f"reliability_{uuid.uuid4().hex[:10]}"
    base = urllib.parse.urlsplit(url)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield {**env, "DATABASE_URL": base._replace(path=f"/{name}").geturl()}
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _env(extra: dict[str, str]) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL")
    }
    env.update(extra)
    env.update(
        {
            "NETIQUETTE_REPORTS_PER_HOUR": "100000",
            "DJANGO_SETTINGS_MODULE": "netiquette_site.settings",
        }
    )
    env["NETIQUETTE_TASKS_BACKEND"] = "django_tasks_db.DatabaseBackend"
    return env


def _start(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    command = [
        str(GUNICORN),
        "netiquette_site.wsgi",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        "2",
        "--timeout",
        "30",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(
        command,
        cwd=WEB,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(300):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/report/", timeout=5).read()
            return server
        except OSError:  # refused, reset or timed out while the server boots
            time.sleep(0.1)
    os.killpg(server.pid, signal.SIGKILL)
    server.wait(timeout=10)
    raise AssertionError("the server did not start")


def _opener() -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def _form_fields(opener: urllib.request.OpenerDirector, base: str) -> dict[str, str]:
    page = opener.open(f"{base}/report/", timeout=10).read().decode()
    fields = {}
    for name in ("csrfmiddlewaretoken", "form_stamp"):
        match = re.search(rf'name="{name}" value="([^"]+)"', page)
        assert match, name
        fields[name] = match.group(1)
    return fields


def _submit(
    opener: urllib.request.OpenerDirector, base: str, fields: dict[str, str], marker: str
) -> bool:
    """Send one report; True only when the server acknowledged it."""
    data = {
        **fields,
        "what_happened": f"Stream report {marker}",
        "reporter_role": "parent",
        "links": f"https://social.example/{marker}",
        "pasted_text": f"pasted {marker}",
        "concerns": "bullying",
        "website": "",
    }
    body = urllib.parse.urlencode(data).encode()
    request = urllib.request.Request(
        f"{base}/report/", data=body, headers={"Referer": f"{base}/report/"}
    )
    try:
        opener.open(request, timeout=10)
    except urllib.error.HTTPError as error:
        return error.code == 302 and error.headers.get("Location") == "/report/sent/"
    except OSError:  # refused, reset or timed out: not acknowledged
        return False
    return False


def _stream(base: str, acked: list[str], stop: threading.Event) -> None:
    try:
        opener = _opener()
        fields = _form_fields(opener, base)
    except OSError:
        return
    time.sleep(2.1)  # the form's time stamp must be older than the robot limit
    while not stop.is_set():
        marker = uuid.uuid4().hex[:12]
        if _submit(opener, base, fields, marker):
            acked.append(marker)


class Rows:
    """Reads the server's database directly (SQLite or PostgreSQL)."""

    def __init__(self, env: dict[str, str]) -> None:
        url = env.get("DATABASE_URL")
        if url:
            import psycopg

            self.conn: Any = psycopg.connect(url)
        else:
            self.conn = sqlite3.connect(Path(env["NETIQUETTE_VAR_DIR"]) / "netiquette.sqlite3")

    def all(self, sql: str) -> list[tuple[Any, ...]]:
        return list(self.conn.execute(sql).fetchall())


def _migrate(env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"],
        cwd=WEB,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def test_it_keeps_every_acknowledged_report_whole(server_db: dict[str, str]) -> None:
    env = _env(server_db)
    _migrate(env)
    port = free_port()
    server = _start(env, port)
    base = f"http://127.0.0.1:{port}"
    acked: list[str] = []
    stop = threading.Event()
    threads = [threading.Thread(target=_stream, args=(base, acked, stop)) for _ in range(4)]
    try:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + 60
        while len(acked) < TARGET_ACKS and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        # Mid-stream, requests in flight; and never a server left behind if the test fails.
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
        stop.set()
    for thread in threads:
        thread.join(timeout=15)
    assert len(acked) >= TARGET_ACKS, f"only {len(acked)} reports were acknowledged"

    rows = Rows(env)
    cases = dict(rows.all("SELECT what_happened, id FROM cases_case"))
    for marker in acked:
        assert f"Stream report {marker}" in cases, f"acknowledged report {marker} was lost"
    evidence = rows.all("SELECT case_id, kind FROM cases_evidence")
    followups = rows.all("SELECT case_id, kind FROM cases_followup")
    tasks = rows.all("SELECT args_kwargs FROM django_tasks_database_dbtaskresult")
    audit = rows.all("SELECT case_id FROM cases_caseauditentry WHERE event = 'case.reported'")
    for text, case_id in cases.items():  # acknowledged or not: whole or absent, never half
        assert sorted(k for c, k in evidence if c == case_id) == ["link", "text"], text
        assert [k for c, k in followups if c == case_id] == ["triage"], text
        assert (case_id,) in audit, text
    assert len(tasks) == len(followups)
    assert len(cases) >= len(acked)
