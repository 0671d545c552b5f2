import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { main } from '../../packages/cli/src/main.js';

export const REPO = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(REPO, 'test', 'fixtures', 'cli');
/** Node 24 from the npm package: the machine's own Node is too old for Langium 4. */
export const NODE = join(REPO, 'node_modules', '.bin', 'node');
export const BIN = join(REPO, 'packages', 'cli', 'bin', 'kpispec.js');

export interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

/** The built CLI as a child process, as CI runs it. */
export function runBuiltCli(args: string[], options: { cwd?: string; env?: Record<string, string>; uid?: number } = {}): Promise<Run> {
    return new Promise(resolve => {
        execFile(NODE, [BIN, ...args], {
            cwd: options.cwd ?? REPO,
            ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
            env: { PATH: process.env['PATH'], LANG: 'en_US.UTF-8', ...options.env },
            maxBuffer: 64 * 1024 * 1024,
        }, (error, stdout, stderr) => {
            resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
    });
}

/** The CLI's `main` in this process: fast, for the many option and error paths. */
export async function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; isTTY?: boolean } = {}): Promise<Run> {
    let stdout = '';
    let stderr = '';
    const code = await main(args, {
        cwd: options.cwd ?? REPO,
        env: { LANG: 'en_US.UTF-8', ...options.env },
        stdout: s => void (stdout += s),
        stderr: s => void (stderr += s),
        isTTY: options.isTTY ?? false,
    });
    return { code, stdout, stderr };
}

/** A fresh temporary folder, removed after the file's tests. */
export function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'kpispec-test-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
}

/** Writes `file` under `dir`, making its folders; returns its path. */
export function writeFileIn(dir: string, file: string, text: string | Uint8Array): string {
    const path = join(dir, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
}

/** A file with nothing to report, one with an error (a clause named twice), one with a warning (a clause without penalty). */
export const CLEAN = '标准 干净 "A standard with nothing to report" {\n    基准 单价 "unit price" 9.93 元/通\n}\n';
export const ERROR = '合同 有误 "c" {\n    条款 接通率 "15秒接通率" >= 95%\n        违约 "p"\n    条款 接通率 "duplicate" >= 90%\n        违约 "p"\n}\n';
export const WARNING = '合同 警告 "c" {\n    条款 质检率 "录音质检率" >= 5%\n}\n';

/** Exit 2 and one line on stderr, `kpispec: …` holding `text` (a string) or matching it, no stack trace. */
export function expectFatal(run: { code: number | null; stderr: string }, text: string | RegExp): void {
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toMatch(/^kpispec: /);
    if (typeof text === 'string') expect(run.stderr).toContain(text);
    else expect(run.stderr).toMatch(text);
    expect(run.stderr).not.toMatch(/\n\s+at /);
}
