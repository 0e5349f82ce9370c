#!/usr/bin/env bash
# The main job: install, set up the demo school (migrations, policies, one account per role;
# the log-ins are printed), then serve the web app on http://127.0.0.1:8000 (SQLite in WAL
# mode unless DATABASE_URL is set). A background worker runs queued tasks. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
cd web
python manage.py demo
# The worker sends the email (receipts, safeguarding alerts); in the demo it prints them here.
python manage.py db_worker > >(sed -u 's/^/[worker] /') 2>&1 &
WORKER=$!
trap 'kill "$WORKER" 2>/dev/null || true' EXIT INT TERM
echo "Serving on http://127.0.0.1:8000 (Ctrl-C to stop)"
# Workers and threads: web/gunicorn.conf.py (WEB_WORKERS, WEB_THREADS override them).
# No access log: request paths can hold a reporter's private status-link token.
gunicorn netiquette_site.wsgi --config gunicorn.conf.py --bind 127.0.0.1:8000
