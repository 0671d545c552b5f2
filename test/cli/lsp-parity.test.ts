import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { describe, expect, it } from 'vitest';
import { compareMessages, toLintMessage, type LintMessage } from '../../packages/cli/src/results.js';
import { NODE, REPO, runBuiltCli } from './run-cli.js';

const FOLDER = join(REPO, 'examples', 'hotline-12345');
const SERVER = join(REPO, 'packages', 'language', 'bin', 'kpispec-language-server.js');

/** Starts the language server on the folder and collects what it publishes until every file has reported and it has gone quiet. */
async function serverDiagnostics(folder: string, files: readonly string[]): Promise<Map<string, LintMessage[]>> {
    const server = spawn(NODE, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published = new Map<string, LintMessage[]>();
    let lastChange = Date.now();
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        published.set(params.uri, params.diagnostics.map(toLintMessage).sort(compareMessages));
        lastChange = Date.now();
    });
    // Any request the server sends gets an answer; ProtocolConnection's type leaves out this (runtime) overload.
    (connection as unknown as MessageConnection).onRequest((method: string, params: unknown) =>
        method === 'workspace/configuration' ? (params as { items: unknown[] }).items.map(() => null) : null);
    connection.listen();
    try {
        const uri = pathToFileURL(folder).href;
        await connection.sendRequest('initialize', {
            processId: process.pid, rootUri: uri, locale: 'en',
            workspaceFolders: [{ uri, name: 'hotline' }],
            capabilities: { workspace: { workspaceFolders: true } },
        });
        await connection.sendNotification('initialized', {});
        const uris = files.map(f => pathToFileURL(join(folder, f)).href);
        const deadline = Date.now() + 20_000;
        while (Date.now() < deadline && !(uris.every(u => published.has(u)) && Date.now() - lastChange > 750)) {
            await new Promise(r => setTimeout(r, 50));
        }
        return new Map(files.map((f, i) => [f, published.get(uris[i]!) ?? []]));
    } finally {
        connection.dispose();
        server.kill();
    }
}

describe('kpispec lint and the language server', () => {
    it('report the same diagnostics for examples/hotline-12345', async () => {
        const cli = await runBuiltCli(['lint', FOLDER, '-f', 'json', '--locale', 'en']);
        expect(cli.stderr).toBe('');
        const results = JSON.parse(cli.stdout) as Array<{ filePath: string; messages: LintMessage[] }>;
        const files = results.map(r => r.filePath.slice(FOLDER.length + 1));
        expect(files).toEqual(['assessment.kpi', 'compliance.kpi', 'contract.kpi', 'standards.kpi', 'targets.kpi']);

        const server = await serverDiagnostics(FOLDER, files);
        for (const r of results) {
            const file = r.filePath.slice(FOLDER.length + 1);
            expect(server.get(file), file).toEqual([...r.messages].sort(compareMessages));
        }
        // Not a vacuous comparison: the reference case is full of findings.
        expect(results.reduce((n, r) => n + r.messages.length, 0)).toBeGreaterThan(20);
    }, 60_000);
});
