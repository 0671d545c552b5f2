import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { afterAll, describe, expect, it } from 'vitest';
import { fileUri, startServer, type LspClient } from '../../bench/lib/lsp-client.mjs';
import { createKpiServices, type Model } from '../../packages/language/src/index.js';
import { runCli } from '../cli/run-cli.js';
import { messageOf } from '../support/workspace.js';

/*
 * More than about 125,000 problems in one file crashed `stylish` ("Maximum call stack size
 * exceeded") and Langium's validation, which spread them into `push(...)` and lost every
 * check's diagnostic. 200,000 of them here, in the CLI, the validator and the server.
 */
const PROBLEMS = 200_000;
const folder = mkdtempSync(join(tmpdir(), 'kpispec-huge-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
// Characters the lexer does not know, each apart: one lexing error each, cheap to parse.
mkdirSync(join(folder, 'ws'));
writeFileSync(join(folder, 'ws', 'noise.kpi'), '§ '.repeat(PROBLEMS));

describe(`${PROBLEMS.toLocaleString('en')} problems in one file`, () => {
    it('the CLI reports them all, in stylish and json', async () => {
        const stylish = await runCli(['lint', 'ws'], { cwd: folder });
        expect(stylish.stderr).toBe('');
        expect(stylish.code).toBe(1);
        expect(stylish.stdout).toContain(`✖ ${PROBLEMS} problems (${PROBLEMS} errors, 0 warnings, 0 info)`);
        const json = await runCli(['lint', 'ws', '-f', 'json'], { cwd: folder });
        expect(json.code).toBe(1);
        expect(JSON.parse(json.stdout)[0].messages).toHaveLength(PROBLEMS);
    }, 300_000);

    it('validation keeps every diagnostic of its checks', async () => {
        const { shared, kpi } = createKpiServices(EmptyFileSystem);
        // A check that finds a problem 200,000 times on one node, as a huge generated file would.
        kpi.validation.ValidationRegistry.register({
            Model: (model: Model, accept) => {
                for (let i = 0; i < PROBLEMS; i++) accept('warning', `problem ${i}`, { node: model });
            },
        });
        const doc = shared.workspace.LangiumDocumentFactory.fromString('标准 甲 "a" {\n}\n', URI.parse('file:///ws/a.kpi'));
        shared.workspace.LangiumDocuments.addDocument(doc);
        await shared.workspace.DocumentBuilder.build([doc], { validation: true });
        expect(doc.diagnostics?.filter(d => messageOf(d).startsWith('problem '))).toHaveLength(PROBLEMS);
    }, 300_000);

    it('the server publishes them all', async () => {
        let client: LspClient | undefined;
        try {
            client = await startServer(join(folder, 'ws'));
            const uri = fileUri(join(folder, 'ws', 'noise.kpi'));
            const published = await client.until(() => client!.published.find(p => p.uri === uri && p.diagnostics.length > 0), 240_000);
            expect(published.diagnostics).toHaveLength(PROBLEMS);
        } finally {
            await client?.stop();
        }
    }, 300_000);
});
