"""gunicorn settings for the web app: `gunicorn netiquette_site.wsgi -c gunicorn.conf.py`.

Why these: a check is a few hundred microseconds of Python, so a worker process per core
keeps both cores busy, and a few threads per worker (`gthread`) let one thread check while
another waits on the database or on a slow client. The app is loaded once, before the
workers fork (`preload_app`), and the engine is built then and frozen out of the garbage
collector's way (`when_ready`), so no worker's first check pays for parsing the policy and
indexing the roster. WEB_WORKERS and WEB_THREADS override the sizes.
"""

from __future__ import annotations

import gc
import os
from typing import Any

worker_class = "gthread"
workers = int(os.environ.get("WEB_WORKERS", str(os.cpu_count() or 2)))
threads = int(os.environ.get("WEB_THREADS", "4"))
# A worker takes a connection only when it has a thread free for it. Otherwise the first
# worker to wake takes every kept-alive connection of a burst (measured: 20 clients, one
# worker at 100% and the other idle, half the throughput); this way the kernel hands each
# connection to a worker with room. It also means no keep-alive (gunicorn keeps
# `worker_connections - threads` idle connections): each request opens a connection, which
# on loopback or behind a proxy costs far less than a lopsided worker.
worker_connections = threads
# Each worker touches a heartbeat file on every loop; on an ordinary disk (or overlay) that
# costs about 0.3 ms a time, twice a request, so keep it in memory where there is /dev/shm.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
preload_app = True
# Restart a worker now and then, so a slow leak cannot grow without bound.
max_requests = 100_000
max_requests_jitter = 10_000


def when_ready(server: Any) -> None:
    """Build the engine in the master once the app is loaded; the workers inherit it.

    Then freeze what is loaded out of the garbage collector's sight: the app and engine are
    about 120,000 objects that live as long as the process, and a full collection walking
    them takes about 40 ms, which would land on some unlucky request (and would copy the
    shared memory pages into every worker)."""
    from checks.engine import warm
    from django.db import connections

    if not warm():
        server.log.warning("No social media policy in force yet; checks will answer 409.")
    connections.close_all()  # the workers fork from here and must not share a connection
    gc.freeze()
