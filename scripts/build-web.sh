#!/usr/bin/env bash
# Builds the web page into web/dist: type-checks the TypeScript, measures the native reference
# with build/native/cplay (the numbers a static copy of the page shows in its native column),
# and bundles with Vite, which also copies build/wasm/{threads,single} and the coi service worker.
#   CPLAY_SKIP_REFERENCE=1   keep an existing reference (or none) instead of measuring again
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules/vite ]; then npm ci --no-audit --no-fund; fi

echo "== web: type check"
npx tsc -p web/tsconfig.json
npx tsc -p web/tsconfig.node.json
npx tsc -p web/tsconfig.tests.json

for variant in threads single; do
  if [ ! -f "build/wasm/$variant/cplay.wasm" ]; then
    echo "warning: build/wasm/$variant is missing; the page will say it cannot run in the browser" >&2
  fi
done

reference=build/web-reference/native.json
if [ "${CPLAY_SKIP_REFERENCE:-0}" = 1 ]; then
  echo "== web: native reference skipped (CPLAY_SKIP_REFERENCE=1)"
elif [ -x build/native/cplay ]; then
  echo "== web: native reference ($reference)"
  # With the page's Vite config: its plugin resolves the demos' cpp-region: imports.
  npx vite-node --config web/vite.config.ts web/tools/make-reference.ts build/native/cplay "$reference" >/dev/null
else
  echo "warning: build/native/cplay is missing; the static page will have no native reference" >&2
fi

echo "== web: vite build"
npx vite build web --logLevel warn
echo "web page built in web/dist"
