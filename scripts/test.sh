#!/usr/bin/env bash
# Installs everything from nothing, then runs every check: lint, format, types, tests.
# The web tests run twice: on SQLite, then on PostgreSQL (DATABASE_URL, default localhost).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
export PATH="$PWD/.venv/bin:$PATH"

echo "== ruff"; ruff check src tests web benchmarks training
echo "== ruff format"; ruff format --check src tests web benchmarks training
echo "== mypy (engine, strict)"; mypy
if [[ -f web/mypy.ini ]]; then echo "== mypy (web)"; (cd web && mypy --config-file mypy.ini .); fi
echo "== pytest (SQLite)"; pytest
if [[ -d tests/web ]]; then
  echo "== pytest web (PostgreSQL)"
  DATABASE_URL="${PG_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}" pytest tests/web
fi
