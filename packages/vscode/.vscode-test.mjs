// @vscode/test-cli configuration for the editor suite (test/suite, bundled to out/test/suite by
// `npm run build:test`). It runs in the real VS Code that code-server serves, through our launcher
// (test/code-server-launcher), because desktop VS Code cannot be downloaded on our CI machines;
// with KPISPEC_TEST_DESKTOP=1 the same suite runs in desktop VS Code, downloaded by test-electron.
import { defineConfig } from '@vscode/test-cli';
import { cpSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const desktop = process.env.KPISPEC_TEST_DESKTOP === '1';

// A fresh copy of the reference case each run: the suite edits files, the examples stay as they are.
const workspace = join(here, '.vscode-test', 'workspaces', 'hotline-12345');
rmSync(workspace, { recursive: true, force: true });
cpSync(join(here, '..', '..', 'examples', 'hotline-12345'), workspace, { recursive: true });

export default defineConfig({
    label: 'hotline-12345',
    files: 'out/test/suite/**/*.test.cjs',
    workspaceFolder: workspace,
    launchArgs: ['--disable-extensions'],
    useInstallation: desktop ? undefined : { fromPath: join(here, 'test', 'code-server-launcher', 'code-server-test') },
    // The launcher streams this file: code-server's extension host output reaches no console.
    env: desktop ? {} : { KPISPEC_TEST_RESULTS: join(here, '..', '..', 'test-results', 'editor', 'test-electron', 'results.txt') },
    mocha: {
        ui: 'tdd',
        timeout: 180_000,
        reporter: join(here, 'out', 'test', 'suite', 'reporter.cjs'),
    },
});
