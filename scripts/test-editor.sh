#!/usr/bin/env bash
# Real-editor tests (npm run test:editor; CI runs it after npm test):
#   1. tools: Chromium, Neovim, code-server (scripts/setup-editor-tools.sh, idempotent);
#   2. build: the extension's test bundles, then the release bundles and the .vsix (npm run package);
#   3. the @vscode/test-electron suite in code-server's VS Code, through our launcher;
#   4. the UI check: the .vsix installed into code-server, read from the screen in Chromium;
#   5. the Neovim check: Neovim receives the reference diagnostics from the stdio server;
#   6. the web page: kpispec.html built and checked in Chromium from file:// (npm run test:web);
#   7. the reviewer's report (kpispec report) read in Chromium (test/report/*.browser.ts).
# Screenshots and logs: test-results/editor/ (ui/*.png, one .log per layer), test-results/web/, test-results/report/. Exits non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
export PATH="$ROOT/node_modules/.bin:$PATH"
LOGS="$ROOT/test-results/editor"
rm -rf "$LOGS" && mkdir -p "$LOGS"

set -e
bash scripts/setup-editor-tools.sh
echo "== build the extension and package the .vsix =="
npm run --silent build:test -w packages/vscode
npm run --silent package -w packages/vscode
set +e

passed=0
failed=0
# Runs one test layer, shows its output, and adds its closing "N passed, N failed" to the totals
# (a layer that dies before printing one counts as one failure).
layer() {
  local name="$1"; shift
  echo "== $name =="
  "$@" 2>&1 | tee "$LOGS/$name.log"
  local status=${PIPESTATUS[0]}
  local summary
  summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$LOGS/$name.log" | tail -1)"
  if [ -n "$summary" ]; then
    passed=$((passed + $(echo "$summary" | awk '{print $1}')))
    failed=$((failed + $(echo "$summary" | awk '{print $3}')))
  fi
  if [ "$status" -ne 0 ] && { [ -z "$summary" ] || [ "$(echo "$summary" | awk '{print $3}')" = 0 ]; }; then
    failed=$((failed + 1))
  fi
}

layer test-electron bash -c 'cd packages/vscode && vscode-test --config .vscode-test.mjs'
layer ui node packages/vscode/out/test/ui-check.mjs
layer neovim node packages/vscode/out/test/neovim-check.mjs
# vitest's JSON report gives the "N passed, N failed" line the totals are read from.
layer web bash -c 'rm -f test-results/web/vitest.json; npm run --silent test:web -- --reporter=default --reporter=json --outputFile=test-results/web/vitest.json; status=$?
  node -e "const r = require(\"./test-results/web/vitest.json\"); console.log(r.numPassedTests + \" passed, \" + r.numFailedTests + \" failed\")"
  exit $status'
layer report bash -c 'rm -f test-results/report/vitest.json; vitest run --config test/report/vitest.browser.config.ts --reporter=default --reporter=json --outputFile=test-results/report/vitest.json; status=$?
  node -e "const r = require(\"./test-results/report/vitest.json\"); console.log(r.numPassedTests + \" passed, \" + r.numFailedTests + \" failed\")"
  exit $status'

echo "== real-editor tests: screenshots and logs in test-results/editor/ =="
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
