#!/usr/bin/env bash
# From a fresh machine to the running playground: install, build, serve the page and the
# native API (the URL is printed). PORT=N picks another port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap
bash scripts/build.sh
exec build/native/cplay serve --port "${PORT:-8080}" --root web/dist
