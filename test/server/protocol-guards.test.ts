import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import protocol from 'vscode-languageserver-protocol/node';
import { afterAll, describe, expect, it } from 'vitest';
import { fileUri, SERVER, startServer, type LspClient } from '../../bench/lib/lsp-client.mjs';

// CommonJS: its named exports are not visible to static ESM imports.
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;

/*
 * What a client may get wrong: a request before `initialize` used to wait forever (LSP wants
 * ServerNotInitialized, -32002), and a tab size of -1 made formatting an internal error.
 * Needs the built server (`npm run build`).
 */
const folder = mkdtempSync(join(tmpdir(), 'kpispec-guards-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const TEXT = '标准 甲 "a" {\n基准 单价 "unit price" 9.93 元/通\n}\n';
writeFileSync(join(folder, 'a.kpi'), TEXT);

describe('the server and its client', () => {
    it('answers a request sent before initialize with ServerNotInitialized, then initializes', async () => {
        const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        connection.listen();
        try {
            const early = connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(join(folder, 'a.kpi')) }, position: { line: 0, character: 0 } });
            await expect(early).rejects.toMatchObject({ code: -32002 });
            const init = await connection.sendRequest('initialize', { processId: process.pid, rootUri: fileUri(folder), capabilities: {} }) as { capabilities: { hoverProvider?: unknown } };
            expect(init.capabilities.hoverProvider).toBeTruthy();
        } finally {
            connection.dispose();
            child.kill();
        }
    }, 60_000);

    it('formats with any tab size a client sends: -1, 0, none or a billion become a sane indentation', async () => {
        let client: LspClient | undefined;
        try {
            client = await startServer(folder);
            const uri = fileUri(join(folder, 'a.kpi'));
            await client.until(() => client!.published.find(p => p.uri === uri), 30_000);
            // Not a whole number from 1: the default 4; a billion: at most 16.
            for (const [tabSize, indent] of [[-1, 4], [0, 4], [null, 4], [1.5, 4], [1e9, 16]] as const) {
                const { result, error } = await client.timed('textDocument/formatting', { textDocument: { uri }, options: { tabSize, insertSpaces: true } });
                expect(error).toBeUndefined();
                const edits = result as Array<{ newText: string }>;
                expect(edits.map(e => e.newText)).toContain(`\n${' '.repeat(indent)}`);
            }
        } finally {
            await client?.stop();
        }
    }, 60_000);

    it('completion on a row with a title repeated 5,001 times answers, and a hover sent with it is answered too', async () => {
        let client: LspClient | undefined;
        try {
            client = await startServer(folder);
            const uri = fileUri(join(folder, 'repeated.kpi'));
            const text = `项目 甲 "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                接通率 ${'"15秒内接通率" '.repeat(5_001)}>= 80%\n            }\n        }\n    }\n}\n`;
            client.open(uri, text);
            const position = { line: 4, character: text.split('\n')[4]!.indexOf('>=') };
            const [completion, hover] = await Promise.all([
                client.timed('textDocument/completion', { textDocument: { uri }, position }),
                client.timed('textDocument/hover', { textDocument: { uri }, position: { line: 4, character: 17 } }),
            ]);
            expect(completion.error).toBeUndefined();
            expect(hover.error).toBeUndefined();
            expect(hover.result).toBeTruthy();
        } finally {
            await client?.stop();
        }
    }, 120_000);
});
