import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileUri, startServer, type LspClient, type TimedResult } from '../../bench/lib/lsp-client.mjs';

/*
 * The stdio server against what editors and file systems really send: positions outside the
 * document, URIs it does not know, files deleted while open, a kpispec.json that turns invalid,
 * malformed messages. Every request gets an answer (a result or an error), and the process is
 * still there, answering, at the end. Needs the built server (`npm run build`).
 */
const repo = join(import.meta.dirname, '..', '..');
const folder = mkdtempSync(join(tmpdir(), 'kpispec-resilience-'));
const FILES = ['targets.kpi', 'contract.kpi', 'standards.kpi', 'assessment.kpi', 'compliance.kpi'];
const ANSWER_MS = 15_000;
let client: LspClient;

const uri = (file: string) => fileUri(join(folder, file));
const codes = (file: string) => client.published.filter(p => p.uri === uri(file)).at(-1)?.diagnostics.map(d => String(d.code));

/** Sends a request and fails if it is not answered (with a result or an error) in time. */
async function answered(method: string, params: unknown): Promise<TimedResult> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${method} was not answered in ${ANSWER_MS} ms`)), ANSWER_MS);
    });
    try {
        return await Promise.race([client.timed(method, params), timeout]);
    } finally {
        clearTimeout(timer);
    }
}

/** Every document request the server offers, with `position` and `range` wherever they apply. */
async function everyRequest(textDocumentUri: string, position: unknown, range: unknown): Promise<TimedResult[]> {
    const textDocument = { uri: textDocumentUri };
    const requests: Array<[string, unknown]> = [
        ['textDocument/hover', { textDocument, position }],
        ['textDocument/completion', { textDocument, position }],
        ['textDocument/definition', { textDocument, position }],
        ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
        ['textDocument/documentHighlight', { textDocument, position }],
        ['textDocument/prepareRename', { textDocument, position }],
        ['textDocument/rename', { textDocument, position, newName: '新名称' }],
        ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
        ['textDocument/rangeFormatting', { textDocument, range, options: { tabSize: 4, insertSpaces: true } }],
        ['textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }],
        ['textDocument/inlayHint', { textDocument, range }],
        ['textDocument/semanticTokens/range', { textDocument, range }],
        ['textDocument/semanticTokens/full', { textDocument }],
        ['textDocument/foldingRange', { textDocument }],
        ['textDocument/documentSymbol', { textDocument }],
        ['textDocument/codeLens', { textDocument }],
    ];
    const results: TimedResult[] = [];
    for (const [method, params] of requests) results.push(await answered(method, params));
    return results;
}

async function expectAlive(): Promise<void> {
    expect(client.child.exitCode).toBeNull();
    const hover = await answered('textDocument/hover', { textDocument: { uri: uri('targets.kpi') }, position: { line: 19, character: 17 } });
    expect(hover.error).toBeUndefined();
}

/** Waits for the next diagnostics of `file` published after `mark`. */
function nextDiagnostics(file: string, mark: number): Promise<unknown> {
    return client.until(() => client.published.slice(mark).find(p => p.uri === uri(file)), ANSWER_MS);
}

beforeAll(async () => {
    if (!existsSync(join(repo, 'packages', 'language', 'dist', 'server', 'main.js'))) throw new Error('The server is not built: run `npm run build` first.');
    cpSync(join(repo, 'examples', 'hotline-12345'), folder, { recursive: true });
    client = await startServer(folder);
    await client.until(() => FILES.every(f => codes(f) !== undefined), 30_000);
}, 60_000);

afterAll(async () => {
    await client?.stop();
    rmSync(folder, { recursive: true, force: true });
});

describe('kpispec-language-server resilience', () => {
    it('answers requests at positions and ranges outside the document', async () => {
        client.open(uri('targets.kpi'), readFileSync(join(folder, 'targets.kpi'), 'utf8'));
        const outside = [
            [{ line: 100_000, character: 0 }, { start: { line: 100_000, character: 0 }, end: { line: 100_001, character: 0 } }],
            [{ line: 2, character: 100_000 }, { start: { line: 2, character: 100_000 }, end: { line: 0, character: 0 } }],
            [{ line: -1, character: -1 }, { start: { line: -5, character: -5 }, end: { line: -1, character: -1 } }],
            [{ line: 2 ** 31, character: 2 ** 31 }, { start: { line: 0, character: 0 }, end: { line: 2 ** 31, character: 2 ** 31 } }],
        ] as const;
        for (const [position, range] of outside) await everyRequest(uri('targets.kpi'), position, range);
        await expectAlive();
    });

    it('answers requests for documents it does not know', async () => {
        const position = { line: 0, character: 0 };
        const range = { start: position, end: position };
        for (const unknown of [uri('missing.kpi'), uri('notes.txt'), 'untitled:Untitled-1', 'file:///', 'not a uri', '']) {
            await everyRequest(unknown, position, range);
        }
        await expectAlive();
    });

    it('survives malformed messages: bad parameters, unknown methods, edits of documents never opened', async () => {
        for (const params of [{}, null, { textDocument: {} }, { textDocument: { uri: uri('targets.kpi') }, position: 'here' }]) {
            await answered('textDocument/hover', params);
            await answered('textDocument/completion', params);
        }
        expect((await answered('kpispec/noSuchMethod', {})).error).toBeDefined();
        // An edit with a range past the end, one for a file never opened, a version going backwards.
        client.change(uri('targets.kpi'), { start: { line: 9_999, character: 0 }, end: { line: 10_000, character: 5 } }, '// 追加\n');
        client.change(uri('never-opened.kpi'), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '项目');
        client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri('targets.kpi'), version: -3 }, contentChanges: [{ text: '项目 半截' }] });
        client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('never-opened.kpi') } });
        client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri('targets.kpi'), languageId: 'kpi', version: 1, text: readFileSync(join(folder, 'targets.kpi'), 'utf8') } });
        await expectAlive();
    });

    it('keeps working when a file is deleted while open, and picks it up again when restored', async () => {
        const contract = readFileSync(join(folder, 'contract.kpi'), 'utf8');
        client.open(uri('contract.kpi'), contract);
        rmSync(join(folder, 'contract.kpi'));
        let mark = client.published.length;
        client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('contract.kpi'), type: 3 }] });
        await nextDiagnostics('targets.kpi', mark);

        // The editor still shows the deleted file and the officer keeps typing in it.
        client.change(uri('contract.kpi'), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, '// 已删除\n');
        await everyRequest(uri('contract.kpi'), { line: 8, character: 10 }, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } });
        client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri('contract.kpi') } });

        writeFileSync(join(folder, 'contract.kpi'), contract);
        mark = client.published.length;
        client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('contract.kpi'), type: 1 }] });
        await client.until(() => client.published.slice(mark).some(p => p.uri === uri('targets.kpi') && p.diagnostics.some(d => d.code === 'target/below-contract')), ANSWER_MS);
        await expectAlive();
    });

    it('reports a kpispec.json that turns invalid while it runs, keeps going, and applies it again once fixed', async () => {
        const config = join(folder, 'kpispec.json');
        const change = (type: number) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('kpispec.json'), type }] });
        const lateReported = () => codes('assessment.kpi')?.includes('milestone/late');

        writeFileSync(config, JSON.stringify({ rules: { 'milestone/late': 'off' } }));
        change(1);
        await client.until(() => !lateReported(), ANSWER_MS);

        const broken: Array<string | Uint8Array> = [
            '{ "rules": { "milestone/late": ',
            JSON.stringify({ rules: { 'milestone/late': 'fatal' }, extends: '../../../../nowhere.json' }),
            JSON.stringify({ extends: './kpispec.json' }),
            '[]', 'null', '',
            new Uint8Array([0xff, 0xfe, 0x00, 0xc3, 0x28]),
        ];
        for (const content of broken) {
            writeFileSync(config, content);
            const mark = client.published.length;
            change(2);
            // Each change re-validates the workspace, and the file's problems are reported on it.
            await nextDiagnostics('assessment.kpi', mark);
            await client.until(() => client.published.slice(mark).some(p => p.uri === uri('kpispec.json') && p.diagnostics.length > 0), ANSWER_MS);
            await expectAlive();
        }
        // A folder where the file was.
        rmSync(config);
        mkdirSync(config);
        change(1);
        await expectAlive();
        rmSync(config, { recursive: true });

        writeFileSync(config, JSON.stringify({ rules: { 'milestone/late': 'off' } }));
        change(2);
        await client.until(() => codes('assessment.kpi') !== undefined && !lateReported(), ANSWER_MS);
        await client.until(() => client.published.filter(p => p.uri === uri('kpispec.json')).at(-1)?.diagnostics.length === 0, ANSWER_MS);
        rmSync(config);
        change(3);
        await client.until(() => lateReported(), ANSWER_MS);
        await expectAlive();
    });

    it('is still the same process, answering, and exits cleanly when asked', async () => {
        await expectAlive();
        expect(client.stderr).not.toMatch(/Uncaught|unhandled/i);
    });
});
