/**
 * Neovim (Debian's 0.7, headless) as a second, independent LSP client: it must receive the
 * reference diagnostics of examples/hotline-12345 from `kpispec-language-server --stdio`, the
 * executable other editors use. check.lua does the Neovim side and writes what it got to a file.
 *
 *   node out/test/neovim-check.mjs
 *   KPISPEC_LANGUAGE_SERVER='["node","path/to/server.cjs","--stdio"]' overrides the server command.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/code-server.js';
import { expectedKeys, lineOf } from '../support/reference.js';

interface LspDiagnostic {
    range: { start: { line: number } };
    severity?: number;
    code?: string | number;
}

interface NeovimResult {
    published: Record<string, LspDiagnostic[]>;
    buffer: Array<{ line: number; severity: number; code?: string; message: string }>;
    errors: string[];
}

const root = repoRoot();

function serverCommand(): string[] {
    if (process.env.KPISPEC_LANGUAGE_SERVER) return JSON.parse(process.env.KPISPEC_LANGUAGE_SERVER) as string[];
    return [join(root, 'node_modules', '.bin', 'node'), join(root, 'packages', 'language', 'bin', 'kpispec-language-server.js'), '--stdio'];
}

async function runNeovim(workspace: string, output: string): Promise<void> {
    const child = spawn('nvim', ['--headless', '--clean', '-n', '-i', 'NONE', '-c', `luafile ${join(root, 'packages', 'vscode', 'test', 'neovim', 'check.lua')}`], {
        env: { ...process.env, KPISPEC_NVIM_WORKSPACE: workspace, KPISPEC_NVIM_OUT: output, KPISPEC_NVIM_SERVER_CMD: JSON.stringify(serverCommand()) },
        stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', d => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    const code = await new Promise<number | null>(resolve => child.on('close', resolve));
    clearTimeout(timer);
    if (code !== 0 || !existsSync(output)) throw new Error(`nvim exited with ${code} and no result${stderr ? `:\n${stderr}` : ''}`);
}

async function main(): Promise<number> {
    const runDir = mkdtempSync(join(tmpdir(), 'kpispec-neovim-'));
    try {
        const workspace = join(runDir, 'hotline-12345');
        cpSync(join(root, 'examples', 'hotline-12345'), workspace, { recursive: true });
        const output = join(runDir, 'result.json');
        const started = Date.now();
        await runNeovim(workspace, output);
        const result = JSON.parse(readFileSync(output, 'utf8')) as NeovimResult;

        const failures: string[] = [...result.errors];
        const expected = expectedKeys(workspace);
        const received = Object.entries(result.published)
            .flatMap(([file, diagnostics]) => diagnostics
                .filter(d => d.severity === 1 || d.severity === 2) // errors and warnings; info is free
                .map(d => `${file}:${d.range.start.line + 1} ${String(d.code)}`))
            .sort();
        const missing = expected.filter(k => !received.includes(k));
        const extra = received.filter(k => !expected.includes(k));
        if (missing.length || extra.length) {
            failures.push(`published diagnostics differ from the reference.\nmissing: ${missing.join('; ') || '-'}\nextra: ${extra.join('; ') || '-'}`);
        }
        const line = lineOf(workspace, 'targets.kpi', '接通率 "15秒内接通率"');
        if (!result.buffer.some(d => d.line === line && d.code === 'target/below-contract' && d.severity === 1)) {
            failures.push(`the targets.kpi buffer has no target/below-contract error on line ${line + 1}; it has: ${JSON.stringify(result.buffer)}`);
        }
        const name = 'Neovim receives the reference diagnostics from kpispec-language-server --stdio';
        if (failures.length === 0) console.log(`  ✓ ${name} (${Date.now() - started} ms, ${received.length} errors and warnings)`);
        else console.log(`  ✗ ${name}\n${failures.join('\n').replace(/^/gm, '      ')}`);
        console.log(`${failures.length ? 0 : 1} passed, ${failures.length ? 1 : 0} failed`);
        return failures.length ? 1 : 0;
    } finally {
        rmSync(runDir, { recursive: true, force: true });
    }
}

main().then(
    code => process.exit(code),
    error => {
        console.error('neovim check:', error instanceof Error ? error.stack ?? error.message : error);
        process.exit(1);
    },
);
