#!/usr/bin/env bash
# Installs everything the site and its tests need: npm dependencies (which bring Node 24 when the
# system Node is older), then, where missing, Debian's chromium (browser tests) and a Java runtime
# (the W3C HTML checker). Safe to run again: npm reinstalls the locked tree, the rest is skipped
# when already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# npm ci installs exactly what package-lock.json records and never rewrites it, so CI and a fresh
# clone get the tested tree, and a lockfile out of step with package.json (for example one that
# lost other platforms' optional bindings, which npm install can drop without a word) fails here
# with npm's own message instead of being rewritten. Without a lockfile, npm install writes one.
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi

missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup: please install ${missing[*]} with your package manager;" >&2
  echo "       set CHROMIUM_PATH if your Chromium is not at /usr/bin/chromium." >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "setup: installing ${missing[*]} from Debian's packages"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
