#!/usr/bin/env bash
# The main job: install, then check sample posts against the bundled demo school.
# (Once the web app lands this starts it on http://127.0.0.1:8000 instead.)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/.venv/bin:$PATH"
netiquette check "So proud of Noah Fenwick today! Call me on 07700 900123." --role parent --channel personal || true
