#!/usr/bin/env bash
# The playground as a static site in web/dist, for any static host (GitHub Pages:
# .github/workflows/pages.yml publishes it): the WebAssembly modules (scripts/build-wasm.sh,
# incremental, so they are built when missing and brought up to date otherwise), then the page
# (scripts/build-web.sh), then a check that every file the page loads on start is there at a
# relative URL, so the site also works from a sub-path (https://user.github.io/repo/).
# No native build is needed: on a static host the native column shows the committed
# web/reference/native.json. `npm run build` makes the same web/dist through this script.
#   CPLAY_WASM_TESTS=1  also build the wasm test suite (npm run build does; the site needs only the modules)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules/vite ]; then npm ci --no-audit --no-fund; fi
CPLAY_WASM_TESTS="${CPLAY_WASM_TESTS:-0}" bash scripts/build-wasm.sh
bash scripts/build-web.sh

echo "== site: check web/dist"
site=web/dist
missing=()
# What the page loads on start: the service worker, the icon, the reference and both builds
# (which one depends on the browser's isolation).
for file in index.html favicon.svg coi-serviceworker.js reference/native.json \
  wasm/threads/cplay.mjs wasm/threads/cplay.wasm wasm/single/cplay.mjs wasm/single/cplay.wasm; do
  [ -s "$site/$file" ] || missing+=("$file")
done
# Everything index.html names: relative (no leading /, no other host) and present.
while read -r ref; do
  case "$ref" in
    data:*) continue ;;
    /* | *://*) missing+=("$ref (index.html must use relative URLs)"); continue ;;
  esac
  [ -f "$site/${ref#./}" ] || missing+=("$ref (named by index.html)")
done < <(grep -oE '(src|href)="[^"]*"' "$site/index.html" | sed -E 's/^(src|href)="(.*)"$/\2/')
if ((${#missing[@]})); then
  printf 'build-site: web/dist lacks %s\n' "${missing[@]}" >&2
  exit 1
fi
echo "static site in web/dist ($(du -sh "$site" | cut -f1)): serve the folder from any static host"
