#!/usr/bin/env bash
# The two commands of the README: `bash scripts/dev.sh start` and `bash scripts/dev.sh test`.
# Each works on a fresh machine: it brings Node 24 from the npm registry when the machine's Node
# is older than 22.12, installs the locked dependencies when they are missing, then runs.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-}"
case "$what" in start|test) ;; *) echo "usage: bash scripts/dev.sh start|test" >&2; exit 2 ;; esac

node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}
if ! node_ok; then
  prefix="$HOME/.cache/node24"
  if [ ! -x "$prefix/node_modules/.bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo none) is older than 22.12: fetching Node 24 from the npm registry into $prefix" >&2
    npm install --prefix "$prefix" --no-save --no-audit --no-fund node@24 >/dev/null
  fi
  export PATH="$prefix/node_modules/.bin:$PATH"
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

if [ "$what" = test ]; then
  # The browser tests drive Debian's Chromium; install it when we can (never a downloaded browser).
  if [ ! -x /usr/bin/chromium ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || echo "warning: could not install chromium" >&2
  fi
  exec npm test
fi
exec npm start
