#!/usr/bin/env bash
# Installs the QTI 3 player the tests load our items in (@citolab/qti-components, pinned in
# package.json) into this folder's node_modules when missing; never committed. Exits 3 when npm
# is not installed or cannot reach the registry, so the test can skip saying why.
set -euo pipefail
cd "$(dirname "$0")"
[ -f node_modules/@citolab/qti-components/cdn/index.js ] && exit 0
command -v npm >/dev/null || { echo "npm is not installed"; exit 3; }
echo "Installing @citolab/qti-components for the QTI player test…"
npm install --no-audit --no-fund --no-save --loglevel=error || { echo "npm could not install @citolab/qti-components (is the registry reachable?)"; exit 3; }
