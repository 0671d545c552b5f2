import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runBuiltCli, tempDir, writeFileIn } from './run-cli.js';

const BUNDLE = join(REPO, 'packages', 'cli', 'bundle');

/** Logs on stderr each file of the CLI's bundle that the process loads (Node's module hooks, preloaded). */
const LOG_LOADS = `import { registerHooks } from 'node:module';
registerHooks({ resolve(specifier, context, next) {
    const resolved = next(specifier, context);
    if (resolved.url.includes('/packages/cli/bundle/')) process.stderr.write('loaded ' + resolved.url.split('/').pop() + '\\n');
    return resolved;
} });`;

/** The bundle's files a built command loads, and what it printed on stderr besides. */
async function loadedBy(args: string[], cwd: string): Promise<{ files: string[]; code: number }> {
    const run = await runBuiltCli(args, { cwd, env: { NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(LOG_LOADS)}` } });
    const files = run.stderr.split('\n').filter(l => l.startsWith('loaded ')).map(l => l.slice('loaded '.length));
    return { files: [...new Set(files)], code: run.code };
}

/** A string only vscode-languageserver's server library holds (the LSP layer's). */
const LANGUAGE_SERVER_CODE = 'WorkDoneProgressReporter';

describe('the editor layer (LSP) in the built CLI', () => {
    const dir = tempDir();
    writeFileIn(dir, 'a.kpi', '项目 甲 "甲项目" {\n    预算 100 万元\n}\n');

    it('is not loaded by lint: its commands start without it', async () => {
        const { files, code } = await loadedBy(['lint', '.', '-f', 'json'], dir);
        expect(code).toBe(1);
        expect(files).toContain('kpispec.js');
        expect(files.filter(f => f.startsWith('editor-services'))).toEqual([]);
        for (const file of files) expect(readFileSync(join(BUNDLE, file), 'utf8'), file).not.toContain(LANGUAGE_SERVER_CODE);
    });

    it('is loaded by format, whose formatter is the editor\'s', async () => {
        const { files, code } = await loadedBy(['format', '--check', '.'], dir);
        expect(code).toBe(0);
        const editor = files.filter(f => f.startsWith('editor-services'));
        expect(editor).toHaveLength(1);
        expect(readFileSync(join(BUNDLE, editor[0]!), 'utf8')).toContain(LANGUAGE_SERVER_CODE);
    });
});
