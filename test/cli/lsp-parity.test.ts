import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../bench/lib/lsp-client.mjs';
import { compareMessages, toLintMessage, type LintMessage } from '../../packages/cli/src/results.js';
import { FIXTURES, REPO, runBuiltCli } from './run-cli.js';

/*
 * The editor and CI must not disagree: `kpispec lint` on a folder and the language server
 * opened on it report the same files with the same diagnostics, in the same language. The
 * server is read when it says its first build is validated (`kpispec/validated`), not after a
 * period of quiet, which a busy machine stretches at random. Needs the built CLI and server.
 */
const HOTLINE = join(REPO, 'examples', 'hotline-12345');
const CONFIG = join(FIXTURES, 'config');
const HAN = /[\u4e00-\u9fff]/;
/** English messages quote Chinese names, but begin with an English word. */
const ENGLISH = /^[A-Z][a-z]+ /;

type Findings = Map<string, LintMessage[]>;

async function cliFindings(folder: string, args: string[], env: Record<string, string>): Promise<Findings> {
    const run = await runBuiltCli(['lint', '.', '-f', 'json', ...args], { cwd: folder, env });
    expect(run.stderr).toBe('');
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: LintMessage[] }>;
    return new Map(results.map(r => [r.filePath.slice(folder.length + 1), [...r.messages].sort(compareMessages)]));
}

/** What the server publishes for the .kpi files of the folder once its first build is validated. */
async function serverFindings(folder: string, options: { locale: string; settings?: Record<string, unknown> }): Promise<Findings> {
    const client = await startServer(folder, options);
    try {
        await client.until(() => client.validations.length > 0, 60_000);
        const latest = new Map(client.published.map(p => [p.uri, p.diagnostics]));
        const findings: Findings = new Map();
        for (const [uri, diagnostics] of latest) {
            if (!uri.endsWith('.kpi')) continue;
            findings.set(fileURLToPath(uri).slice(folder.length + 1), diagnostics.map(d => toLintMessage(d)).sort(compareMessages));
        }
        // Everything published was validated by that build: nothing arrives from elsewhere.
        expect([...latest.keys()].filter(u => u.endsWith('.kpi')).every(u => client.validations[0]!.includes(u))).toBe(true);
        return new Map([...findings].sort(([a], [b]) => a.localeCompare(b)));
    } finally {
        await client.stop();
    }
}

function expectSame(server: Findings, cli: Findings): void {
    expect([...server.keys()]).toEqual([...cli.keys()]);
    for (const [file, messages] of cli) expect(server.get(file), file).toEqual(messages);
}

const messagesOf = (findings: Findings) => [...findings.values()].flat().map(m => m.message);

describe('kpispec lint and the language server', () => {
    it('report the same diagnostics for examples/hotline-12345, in English when asked for it', async () => {
        const cli = await cliFindings(HOTLINE, ['--locale', 'en'], { LANG: 'zh_CN.UTF-8' });
        expect([...cli.keys()]).toEqual(['assessment.kpi', 'compliance.kpi', 'contract.kpi', 'standards.kpi', 'targets.kpi']);
        // --locale and the editor setting kpispec.locale win over everything else.
        const server = await serverFindings(HOTLINE, { locale: 'zh-CN', settings: { kpispec: { locale: 'en' } } });
        expectSame(server, cli);
        // Not a vacuous comparison: the reference case is full of findings.
        expect(messagesOf(cli).length).toBeGreaterThan(20);
        expect(messagesOf(cli).every(m => ENGLISH.test(m))).toBe(true);
    }, 120_000);

    it('give a Chinese file Chinese messages whatever LANG or the display language says', async () => {
        const cli = await cliFindings(HOTLINE, [], { LANG: 'C.UTF-8' });
        const server = await serverFindings(HOTLINE, { locale: 'en' });
        expectSame(server, cli);
        expect(messagesOf(cli).every(m => HAN.test(m))).toBe(true);
        expect(await cliFindings(HOTLINE, [], { LANG: 'zh_CN.UTF-8' })).toEqual(cli);
    }, 120_000);

    it('skip ignored files, apply the nearest kpispec.json and its locale alike', async () => {
        // test/fixtures/cli/config: drafts/ is ignored; the root kpispec.json extends a base that
        // sets "locale": "en"; nested/ has its own kpispec.json, without a locale.
        const cli = await cliFindings(CONFIG, [], { LANG: 'zh_CN.UTF-8' });
        expect([...cli.keys()]).toEqual(['a/contract.kpi', 'nested/contract.kpi']);
        const server = await serverFindings(CONFIG, { locale: 'zh-CN' });
        expectSame(server, cli);
        expect(server.has('drafts/draft.kpi')).toBe(false);
        const [root, nested] = [cli.get('a/contract.kpi')!, cli.get('nested/contract.kpi')!];
        expect([root.map(m => m.severity), nested.map(m => m.severity)]).toEqual([[2], [0]]);
        // The locale comes from the nearest kpispec.json, else from the file's Chinese keywords.
        expect(ENGLISH.test(root[0]!.message)).toBe(true);
        expect(nested[0]!.message).toMatch(/^合同「子目录合同」/);
    }, 120_000);
});
