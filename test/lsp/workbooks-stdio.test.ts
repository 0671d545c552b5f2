import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStdioServer, type StdioServer } from './stdio-server.js';

/** Workbooks in the editor's folder: their findings in the Problems panel, on the workbook. */
const repo = join(import.meta.dirname, '..', '..');
const excel = join(repo, 'test', 'fixtures', 'excel');
const folder = mkdtempSync(join(tmpdir(), 'kpispec-lsp-excel-'));
let server: StdioServer;
let published: StdioServer['published'];
let uri: StdioServer['uri'];
let changed: StdioServer['changed'];

const text = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);
const messages = (file: string) => (published.get(uri(file)) ?? []).map(text);

beforeAll(async () => {
    copyFileSync(join(excel, 'partial', '自评表.xlsx'), join(folder, '自评表.xlsx'));
    copyFileSync(join(excel, 'bad', '加密.xlsx'), join(folder, '加密.xlsx'));
    ({ published, uri, changed } = server = await startStdioServer(folder, 'forms'));
});

afterAll(async () => {
    await server.stop();
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
