import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, DidChangeWatchedFilesNotification, ExitNotification, FileChangeType, InitializedNotification,
    InitializeRequest, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

/** Workbooks in the editor's folder: their findings in the Problems panel, on the workbook. */
const repo = join(import.meta.dirname, '..', '..');
const excel = join(repo, 'test', 'fixtures', 'excel');
const folder = mkdtempSync(join(tmpdir(), 'kpispec-lsp-excel-'));
const uri = (file: string) => pathToFileURL(join(folder, file)).toString();
const published = new Map<string, Diagnostic[]>();
let server: ChildProcess;
let connection: ProtocolConnection;

const text = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const messages = (file: string) => (published.get(uri(file)) ?? []).map(text);
const changed = (file: string, type: FileChangeType) =>
    connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(file), type }] });

beforeAll(async () => {
    copyFileSync(join(excel, 'partial', '自评表.xlsx'), join(folder, '自评表.xlsx'));
    copyFileSync(join(excel, 'bad', '加密.xlsx'), join(folder, '加密.xlsx'));
    server = spawn(process.execPath, [join(repo, 'packages', 'language', 'bin', 'kpispec-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, p => { published.set(p.uri, p.diagnostics); });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid, rootUri: pathToFileURL(folder).toString(), locale: 'zh-cn',
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'forms' }],
        capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: false } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
});

afterAll(async () => {
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(ExitNotification.type).catch(() => undefined);
    connection.dispose();
    server.kill();
    rmSync(folder, { recursive: true, force: true });
});

describe('workbooks in the language server', () => {
    it('publishes a workbook\'s findings on the workbook, at their cells, with sheet and cell in the message', async () => {
        await vi.waitFor(() => expect(messages('自评表.xlsx')).toContain('自评表!G12: 「十分」不是数值'), { timeout: 20_000, interval: 100 });
        const g12 = published.get(uri('自评表.xlsx'))!.find(d => text(d).startsWith('自评表!G12'))!;
        expect(g12.range.start).toEqual({ line: 11, character: 6 });
        expect(g12.code).toBe('excel/unreadable-cell');
        expect(published.has(uri('自评表.xlsx/自评表.kpi'))).toBe(false);
        await vi.waitFor(() => expect(messages('加密.xlsx')).toEqual(['加密.xlsx: 工作簿有密码保护，请去掉密码后再提交']), { timeout: 10_000, interval: 100 });
    });

    it('follows a workbook changed and deleted on disk', async () => {
        copyFileSync(join(excel, 'layout-a', '自评表.xlsx'), join(folder, '自评表.xlsx'));
        await changed('自评表.xlsx', FileChangeType.Changed);
        await vi.waitFor(() => {
            expect(messages('自评表.xlsx').some(m => m.startsWith('自评表!G12'))).toBe(false);
            expect(messages('自评表.xlsx').some(m => m.startsWith('自评表!D12'))).toBe(true);
        }, { timeout: 10_000, interval: 100 });
        rmSync(join(folder, '自评表.xlsx'));
        await changed('自评表.xlsx', FileChangeType.Deleted);
        await vi.waitFor(() => expect(published.get(uri('自评表.xlsx'))).toEqual([]), { timeout: 10_000, interval: 100 });
    });
});
