#!/usr/bin/env bash
# Builds the web page into web/dist: type-checks the TypeScript and bundles with Vite, which
# also copies build/wasm/{threads,single}, the coi service worker and the committed native
# reference (web/reference/native.json: the numbers a static copy of the page shows).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules/vite ]; then npm ci --no-audit --no-fund; fi

echo "== web: type check"
npx tsc -p web/tsconfig.json
npx tsc -p web/tsconfig.node.json
npx tsc -p web/tsconfig.tests.json

if [ ! -f "${CPLAY_WASM_DIR:-build/wasm}/single/cplay.wasm" ]; then
  echo "build-web: build/wasm/single is missing: the page's inputs come from its catalog (bash scripts/build-wasm.sh)" >&2
  exit 1
fi
if [ ! -f "${CPLAY_WASM_DIR:-build/wasm}/threads/cplay.wasm" ]; then
  echo "warning: build/wasm/threads is missing; the page will run only what the single build can" >&2
fi

# The native reference is not measured here: web/reference/native.json is committed and
# refreshed by `npm run reference`, so a build gives the same page however busy the machine is.

echo "== web: vite build"
npx vite build web --logLevel warn
echo "web page built in web/dist"
