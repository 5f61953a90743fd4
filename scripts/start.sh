#!/usr/bin/env bash
# From a fresh machine to the running playground: install, build, serve.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap
bash scripts/build.sh
port="${PORT:-8080}"
if build/native/cplay serve --help >/dev/null 2>&1 && [ -d web/dist ]; then
  exec build/native/cplay serve --port "$port" --root web/dist
fi
build/native/cplay compare primes
