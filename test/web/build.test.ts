import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE, REPO, tempDir } from '../cli/run-cli.js';

/*
 * The page's browser tests run with the real-editor tools (scripts/test-editor.sh). Building it
 * is quick and needs no browser, so `npm test` does it too: code the page shares with the CLI
 * (the score table, the report) must not import Node's modules, and a build that pulls them in
 * fails here, not only in the browser tests.
 */
const out = tempDir();

describe('the web page', () => {
    it('builds into one HTML file with its worker and page script', async () => {
        const page = join(out, 'kpispec.html');
        const { code, stderr } = await new Promise<{ code: number; stderr: string }>(resolve => {
            execFile(NODE, [join(REPO, 'packages', 'web', 'build.mjs'), '--out', page], { cwd: REPO }, (error, _stdout, stderr) => {
                resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stderr });
            });
        });
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const html = readFileSync(page, 'utf8');
        // The worker's code goes in gzipped and base64-encoded, the page's script as it is.
        expect(html).toMatch(/<script type="text\/plain" id="kpi-worker">[A-Za-z0-9+/=]{100000,}<\/script>/);
        expect(html).not.toContain('/*PAGE*/');
    }, 60_000);
});
