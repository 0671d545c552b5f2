import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
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
