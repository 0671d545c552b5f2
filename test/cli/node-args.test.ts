import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEW_FILES, validatesLittle } from '../../packages/cli/src/validates-little.js';
import { BIN, NODE, REPO } from './run-cli.js';

/*
 * `kpispec` and `kpispec-language-server` run with a 16 MB young generation (node-args.ts):
 * without it V8 let each hold 100–300 MB more of garbage. `kpispec` also runs without V8's
 * allocation-site pretenuring (in half of all runs it put every token straight into the old
 * generation), and so does the server. The server also runs without V8's
 * memory reducer: it collects when idle itself (server/idle-collection.ts). Only node's command
 * line sets them, so the executables restart themselves with them (Linux and macOS), except
 * `lint --cache` with its cache there and `lint` of a few files (named, or in a small folder),
 * which validate little and keep the young generation small in place.
 */

const SERVER = join(REPO, 'packages', 'language', 'bin', 'kpispec-language-server.js');
const RESTARTED = 'node args ["--max-semi-space-size=16","--no-allocation-site-pretenuring"]';
// Loaded before the program, in the process as started and again in the restarted one.
const SHOW_ARGS = 'data:text/javascript,process.stderr.write("node args " + JSON.stringify(process.execArgv.filter(a => /^--(max-semi|no-memory-reducer|(no-)?allocation-site-pretenuring)/.test(a))) + "\\n")';

function run(args: string[]): Promise<{ stdout: string; shown: string[] }> {
    return new Promise((resolve, reject) => {
        execFile(NODE, args, { cwd: REPO }, (error, stdout, stderr) => {
            // An exit code (lint's findings) is an answer; a failure to run is not.
            if (error && typeof error.code !== 'number') reject(error);
            else resolve({ stdout, shown: stderr.split('\n').filter(l => l.startsWith('node args ')) });
        });
    });
}

describe.skipIf(process.platform === 'win32')('the young generation of the executables', () => {
    it('kpispec restarts once with --max-semi-space-size=16 --no-allocation-site-pretenuring, and runs the command once', async () => {
        const { stdout, shown } = await run(['--import', SHOW_ARGS, BIN, '--version']);
        expect(shown).toEqual(['node args []', RESTARTED]);
        expect(stdout.trim().split('\n')).toHaveLength(1);
    });

    it('lint --cache runs on without a restart once its cache is there, with the same findings', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'kpi-node-args-'));
        try {
            // More files than a run without the restart may take (validates-little.ts): the units, and empty files.
            const units = join(dir, 'units');
            cpSync(join(REPO, 'test', 'fixtures', 'units'), units, { recursive: true });
            for (let i = 0; i < FEW_FILES; i++) writeFileSync(join(units, `empty-${i}.kpi`), '');
            const lint = ['--import', SHOW_ARGS, BIN, 'lint', units, '-f', 'json', '--cache', '--cache-location'];
            // No cache yet: every unit is validated, so the young generation is capped by a restart.
            const first = await run([...lint, join(dir, 'cache')]);
            expect(first.shown).toEqual(['node args []', RESTARTED]);
            expect(JSON.parse(first.stdout)).not.toHaveLength(0);
            const second = await run([...lint, join(dir, 'cache')]);
            expect(second.shown).toEqual(['node args []']);
            expect(second.stdout).toBe(first.stdout);
            // A folder given as the location holds the cache file; `=` joins a flag to its value.
            const inFolder = [BIN, 'lint', units, '-f', 'json', '--cache', `--cache-location=${dir}`];
            expect((await run(['--import', SHOW_ARGS, ...inFolder])).shown).toHaveLength(2);
            expect((await run(['--import', SHOW_ARGS, ...inFolder])).shown).toEqual(['node args []']);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('lint of a few files, named or in a small folder, runs without a restart, with the same findings', async () => {
        const files = ['examples/hotline-12345/targets.kpi', 'examples/hotline-12345/contract.kpi'];
        for (const paths of [files, ['examples/hotline-12345']]) {
            const lint = ['lint', ...paths, '-f', 'json'];
            const few = await run(['--import', SHOW_ARGS, BIN, ...lint]);
            expect(few.shown).toEqual(['node args []']);
            // With the flags given, nothing restarts either: the findings of the capped young generation.
            const capped = await run(['--max-semi-space-size=16', '--no-allocation-site-pretenuring', BIN, ...lint]);
            expect(JSON.parse(few.stdout)).toHaveLength(paths.length === 1 ? 5 : 2);
            expect(few.stdout).toBe(capped.stdout);
        }
        // A glob, a missing file, and more than FEW_FILES files, named or in a folder, may stand
        // for many: restart.
        const dir = mkdtempSync(join(tmpdir(), 'kpi-node-args-'));
        try {
            for (let i = 0; i <= FEW_FILES; i++) writeFileSync(join(dir, `${i}.kpi`), '');
            const tooMany = Array.from({ length: FEW_FILES + 1 }, () => files[0]!);
            for (const paths of [['examples/hotline-12345/*.kpi'], ['examples/hotline-12345/nope.kpi'], tooMany, [dir]]) {
                expect((await run(['--import', SHOW_ARGS, BIN, 'lint', ...paths, '-f', 'json'])).shown).toEqual(['node args []', RESTARTED]);
            }
            // Without a path, the current folder; folders past FEW_FILES restart too, files or not.
            expect(validatesLittle(['lint', '-f', 'json'], join(REPO, 'examples', 'hotline-12345'))).toBe(true);
            expect(validatesLittle(['lint'], dir)).toBe(false);
            rmSync(dir, { recursive: true, force: true });
            for (let i = 0; i <= FEW_FILES; i++) mkdirSync(join(dir, `p${i}`), { recursive: true });
            expect(validatesLittle(['lint', dir], REPO)).toBe(false);
            expect(validatesLittle(['lint', join(dir, 'p0')], REPO)).toBe(true);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it("keeps the user's own choice of each flag, restarting only for the others", async () => {
        const both = await run(['--max-semi-space-size=32', '--allocation-site-pretenuring', '--import', SHOW_ARGS, BIN, '--version']);
        expect(both.shown).toEqual(['node args ["--max-semi-space-size=32","--allocation-site-pretenuring"]']);
        const one = await run(['--max-semi-space-size=32', '--import', SHOW_ARGS, BIN, '--version']);
        expect(one.shown).toEqual(['node args ["--max-semi-space-size=32"]', 'node args ["--no-allocation-site-pretenuring","--max-semi-space-size=32"]']);
    });

    it('kpispec-language-server restarts with it, then serves', async () => {
        const server = spawn(NODE, ['--import', SHOW_ARGS, SERVER, '--stdio'], { cwd: REPO });
        try {
            let stderr = '';
            server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
            let stdout = '';
            server.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
            // A request before initialize is refused (-32002): the restarted server is listening.
            const request = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: {} });
            server.stdin.write(`Content-Length: ${Buffer.byteLength(request)}\r\n\r\n${request}`);
            await new Promise<void>(resolve => server.stdout.on('data', () => { if (stdout.includes('-32002')) resolve(); }));
            expect(stderr.split('\n').filter(l => l.startsWith('node args '))).toEqual(['node args []', 'node args ["--max-semi-space-size=16","--no-memory-reducer","--no-allocation-site-pretenuring"]']);
        } finally {
            server.kill();
        }
    });
});
