import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    DidChangeTextDocumentNotification, DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, FileChangeType, type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { scoresPlan } from '../../packages/cli/src/excel/review-plans.js';
import { writeXlsx } from '../../packages/cli/src/excel/write-xlsx.js';
import { workbookToKpi } from '../../packages/language/src/excel/index.js';
import { findingsPlan } from '../../packages/language/src/excel/review-sheets.js';
import { IS_IGNORED_REQUEST } from '../../packages/language/src/lsp/workbook-export.js';
import { IMPORT_WORKBOOK_REQUEST, type ImportWorkbookResult } from '../../packages/language/src/lsp/workbook-import.js';
import { runCli } from '../cli/run-cli.js';
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
const codes = (file: string) => (published.get(uri(file)) ?? []).map(d => String(d.code));
/** Several events in one notification, as an editor batches its watchers' events. */
const events = (...changes: Array<[file: string, type: FileChangeType]>) =>
    server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map(([file, type]) => ({ uri: uri(file), type })) });

beforeAll(async () => {
    copyFileSync(join(excel, 'partial', '自评表.xlsx'), join(folder, '自评表.xlsx'));
    copyFileSync(join(excel, 'bad', '加密.xlsx'), join(folder, '加密.xlsx'));
    copyFileSync(join(excel, 'bad', '无表单.xlsx'), join(folder, '预算明细.xlsx'));
    // The reviewer's workbook (`kpispec report -o`), saved into the folder: no form either.
    writeFileSync(join(folder, 'kpispec-report.xlsx'), await writeXlsx([findingsPlan([], 'zh-CN'), scoresPlan([], 'zh-CN')]));
    // Where the officer keeps exported workbooks.
    writeFileSync(join(folder, 'kpispec.json'), JSON.stringify({ ignore: ['导出/**'] }));
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
        // Published with the workbooks above: a spreadsheet with no form, and a saved review
        // workbook, are passed over, as lint does in a folder.
        expect(published.has(uri('预算明细.xlsx'))).toBe(false);
        expect(published.has(uri('kpispec-report.xlsx'))).toBe(false);
    });

    it('says whether kpispec.json\'s ignore leaves out a workbook the editor exports into the folder (else the editor warns)', async () => {
        const ignored = (file: string) => server.connection.sendRequest<boolean>(IS_IGNORED_REQUEST, { uri: uri(file) });
        expect(await ignored('导出/表单.xlsx')).toBe(true);
        expect(await ignored('表单.xlsx')).toBe(false);
        expect(await ignored('导出表单.xlsx')).toBe(false);
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

/**
 * The folder as it changes under a running editor: a 申报表 arrives (VS Code reports it from each of
 * its watchers, so more than once), an assessment links to its project, the officer imports it
 * (the .kpi beside it stands for the workbook, as in `kpispec lint`), deletes the import, deletes
 * the workbook, and copies in a folder of submissions. Each step waits for the server's
 * `kpispec/validated` of the documents it changes, then reads what was published.
 */
describe('workbooks that come and go while the server runs', () => {
    const sheet = '申报表.xlsx/绩效目标申报表.kpi';
    const sourcesTotal = '绩效目标申报表!F6: 其中各行合计 290 万元，与年度资金总额 300 万元不符';

    it('reads a workbook added to the folder, reported more than once, and links the files that refer to it', async () => {
        copyFileSync(join(excel, 'layout-c', '申报表.xlsx'), join(folder, '申报表.xlsx'));
        writeFileSync(join(folder, '复核.kpi'), '自评 助餐自评 "社区居家养老服务补贴项目自评" 对象 社区居家养老服务补贴项目 {\n    指标 "助餐服务人数" 实际 1850\n}\n');
        const built = Promise.all([server.validated(sheet), server.validated('复核.kpi')]);
        await events(['申报表.xlsx', FileChangeType.Created], ['申报表.xlsx', FileChangeType.Created], ['申报表.xlsx', FileChangeType.Changed], ['复核.kpi', FileChangeType.Created]);
        await built;
        expect(messages('申报表.xlsx')).toContain(sourcesTotal);
        expect(published.get(uri('申报表.xlsx'))!.find(d => text(d) === sourcesTotal)!.range.start).toEqual({ line: 5, character: 5 });
        expect(codes('复核.kpi')).toContain('assessment/indicator-not-assessed');
        expect(codes('复核.kpi')).not.toContain('reference/unresolved');
    });

    it('leaves a workbook to the .kpi imported beside it: no name is defined twice', async () => {
        const imported = await server.connection.sendRequest<ImportWorkbookResult>(IMPORT_WORKBOOK_REQUEST, { uri: uri('申报表.xlsx') });
        expect(imported.files.map(f => f.uri)).toEqual([uri('申报表.kpi')]);
        writeFileSync(join(folder, '申报表.kpi'), imported.files[0]!.text);
        const built = Promise.all([server.validated('申报表.kpi'), server.validated('复核.kpi')]);
        await changed('申报表.kpi', FileChangeType.Created);
        await built;
        expect(published.get(uri('申报表.xlsx'))).toEqual([]);
        expect(codes('申报表.kpi')).toContain('funds/sources-total');
        for (const file of ['申报表.kpi', '复核.kpi']) expect(codes(file)).not.toContain('name/duplicate');
        expect(codes('复核.kpi')).not.toContain('reference/unresolved');

        // The workbook saved again still counts through its .kpi.
        const again = server.validated('申报表.kpi');
        await events(['申报表.xlsx', FileChangeType.Changed], ['申报表.kpi', FileChangeType.Changed]);
        await again;
        expect(published.get(uri('申报表.xlsx'))).toEqual([]);
        expect(codes('申报表.kpi')).not.toContain('name/duplicate');
    });

    it('reads the workbook again when the imported .kpi is deleted', async () => {
        rmSync(join(folder, '申报表.kpi'));
        const built = Promise.all([server.validated(sheet), server.validated('复核.kpi')]);
        await changed('申报表.kpi', FileChangeType.Deleted);
        await built;
        expect(published.get(uri('申报表.kpi'))).toEqual([]);
        expect(messages('申报表.xlsx')).toContain(sourcesTotal);
        expect(codes('复核.kpi')).not.toContain('reference/unresolved');
        expect(codes('复核.kpi')).not.toContain('name/duplicate');
    });

    it('clears a deleted workbook\'s findings and re-validates the files that linked to it', async () => {
        rmSync(join(folder, '申报表.xlsx'));
        const built = server.validated('复核.kpi');
        await changed('申报表.xlsx', FileChangeType.Deleted);
        await built;
        expect(published.get(uri('申报表.xlsx'))).toEqual([]);
        expect(codes('复核.kpi')).toContain('reference/unresolved');
    });

    it('reads the workbooks of a folder copied in, but not Excel\'s lock files, and forgets them when the folder goes', async () => {
        mkdirSync(join(folder, '收件'));
        copyFileSync(join(excel, 'layout-c', '申报表.xlsx'), join(folder, '收件', '申报表.xlsx'));
        writeFileSync(join(folder, '收件', '~$申报表.xlsx'), 'the lock file Excel keeps beside an open workbook');
        const built = Promise.all([server.validated('收件/' + sheet), server.validated('复核.kpi')]);
        await events(['收件', FileChangeType.Created], ['收件/~$申报表.xlsx', FileChangeType.Created]);
        await built;
        expect(messages('收件/申报表.xlsx')).toContain(sourcesTotal);
        expect(published.has(uri('收件/~$申报表.xlsx'))).toBe(false);
        expect(codes('复核.kpi')).not.toContain('reference/unresolved');

        rmSync(join(folder, '收件'), { recursive: true });
        const gone = server.validated('复核.kpi');
        await changed('收件', FileChangeType.Deleted);
        await gone;
        expect(published.get(uri('收件/申报表.xlsx'))).toEqual([]);
        expect(codes('复核.kpi')).toContain('reference/unresolved');
    });
});

/**
 * 申报表.xlsx and 自评表.xlsx of one project, as `kpispec lint` reads them together: the project is
 * defined once (the 自评表 assesses the 申报表's), at start and when the 申报表 arrives later.
 */
describe('a project\'s 申报表 and 自评表 as workbooks in one folder', () => {
    const pair = mkdtempSync(join(tmpdir(), 'kpispec-lsp-excel-pair-'));
    let second: StdioServer;
    const codesOf = (file: string) => (second.published.get(second.uri(file)) ?? []).map(d => String(d.code));
    const twice = (file: string) => codesOf(file).filter(c => c === 'name/duplicate' || c.startsWith('reference/'));
    const assessment = '自评表.xlsx/自评表.kpi';

    afterAll(async () => {
        await second?.stop();
        rmSync(pair, { recursive: true, force: true });
    });

    it('defines the project once, whichever workbook the editor meets first, and when the 申报表 comes later', async () => {
        copyFileSync(join(excel, 'layout-a', '自评表.xlsx'), join(pair, '自评表.xlsx'));
        second = await startStdioServer(pair, 'pair');
        // Alone, the 自评表 defines its project from the targets it prints.
        await vi.waitFor(() => expect(second.published.has(second.uri('自评表.xlsx'))).toBe(true), { timeout: 20_000, interval: 100 });
        expect(twice('自评表.xlsx')).toEqual([]);
        // The 申报表 arrives: the 自评表 now assesses its project, defined once.
        copyFileSync(join(excel, 'layout-c', '申报表.xlsx'), join(pair, '申报表.xlsx'));
        const built = Promise.all([second.validated('申报表.xlsx/绩效目标申报表.kpi'), second.validated(assessment)]);
        await second.changed('申报表.xlsx', FileChangeType.Created);
        await built;
        expect(twice('申报表.xlsx')).toEqual([]);
        expect(twice('自评表.xlsx')).toEqual([]);
        await second.stop();
        // Both there at start.
        second = await startStdioServer(pair, 'pair-start');
        await vi.waitFor(() => {
            expect(second.published.has(second.uri('申报表.xlsx'))).toBe(true);
            expect(second.published.has(second.uri('自评表.xlsx'))).toBe(true);
        }, { timeout: 20_000, interval: 100 });
        expect(twice('申报表.xlsx')).toEqual([]);
        expect(twice('自评表.xlsx')).toEqual([]);
        // As lint reads them: the 自评表 assesses the 申报表's goals (before, the editor read each
        // workbook's goals alone and reported every goal of the project as not assessed).
        const lint = JSON.parse((await runCli(['lint', pair, '-f', 'json', '--locale', 'zh-CN'])).stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
        const lintCodes = (file: string) => lint.find(r => r.filePath.endsWith(file))!.messages.map(m => m.ruleId).sort();
        expect(codesOf('自评表.xlsx').sort()).toEqual(lintCodes('自评表.xlsx'));
        expect(codesOf('申报表.xlsx').sort()).toEqual(lintCodes('申报表.xlsx'));
    });
});

/**
 * A 自评表.xlsx beside .kpi files: whether it assesses a project defined elsewhere or defines its
 * own follows the .kpi files as they come and go, as `kpispec lint` reads the folder each time;
 * the sheet is written again in the build of the .kpi file, so that neither file ever shows the
 * project defined twice or not at all.
 */
describe('a 自评表 workbook whose project a .kpi file comes to define', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kpispec-lsp-excel-kpi-'));
    let third: StdioServer;
    const twice = (d: Diagnostic) => String(d.code) === 'name/duplicate' || String(d.code).startsWith('reference/');
    const assessment = '自评表.xlsx/自评表.kpi';
    /** The publications on the workbook and the .kpi file since `from` that hold a duplicate or an unresolved name. */
    const shownTwice = (from: number) => third.history.slice(from)
        .filter(p => [third.uri('自评表.xlsx'), third.uri('申报表.kpi')].includes(p.uri) && p.diagnostics.some(twice))
        .map(p => `${p.uri}: ${p.diagnostics.filter(twice).map(d => d.code).join(', ')}`);
    /** Both the sheet and the .kpi file validated (in one build, or the sheet's after the file's). */
    const bothValidated = () => Promise.all([third.validated(assessment), third.validated('申报表.kpi')]);

    afterAll(async () => {
        await third?.stop();
        rmSync(folder, { recursive: true, force: true });
    });

    it('assesses the project of a .kpi file added, typed or deleted, and never shows it defined twice or not at all meanwhile', async () => {
        copyFileSync(join(excel, 'layout-a', '自评表.xlsx'), join(folder, '自评表.xlsx'));
        // A project applying a standard that the .kpi file will bring.
        writeFileSync(join(folder, '其他.kpi'), '项目 其他 "其他项目" {\n    适用 养老标准\n}\n');
        third = await startStdioServer(folder, 'kpi-beside');
        await vi.waitFor(() => expect(third.published.has(third.uri('自评表.xlsx'))).toBe(true), { timeout: 20_000, interval: 100 });
        expect(shownTwice(0)).toEqual([]);

        // The officer saves the project's targets as a .kpi file: written with its own project, the 自评表 would define it twice.
        const [targets] = await workbookToKpi(readFileSync(join(excel, 'layout-c', '申报表.xlsx')), '申报表.xlsx');
        const standard = '\n标准 养老标准 "养老服务标准" {\n    基准 助餐 "助餐人数" 1800 人\n}\n';
        writeFileSync(join(folder, '申报表.kpi'), targets!.text + standard);
        let from = third.history.length;
        let built = bothValidated();
        await third.changed('申报表.kpi', FileChangeType.Created);
        await built;
        expect(third.published.get(third.uri('申报表.kpi'))).toBeDefined();
        // The build cancelled for the sheet's sake left the files the .kpi file concerns to the next:
        // 其他.kpi's standard is linked. (The start's build may report 其他.kpi once more after the
        // change was sent, unresolved as it then was: its publication after the relink is awaited.)
        await vi.waitFor(() => expect((third.published.get(third.uri('其他.kpi')) ?? []).map(d => d.code)).not.toContain('reference/unresolved'), { timeout: 20_000, interval: 50 });
        expect(shownTwice(from)).toEqual([]);

        // The project renamed as the officer types: the 自评表 defines its own again, then assesses it once more.
        const file = third.uri('申报表.kpi');
        const saved = targets!.text + standard;
        await third.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: file, languageId: 'kpi', version: 1, text: saved } });
        const renamed = saved.replace('项目 社区居家养老服务补贴项目 ', '项目 社区居家养老服务补贴项目二 ');
        expect(renamed).not.toBe(saved);
        for (const [version, text] of [[2, renamed], [3, saved]] as const) {
            from = third.history.length;
            built = bothValidated();
            await third.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: file, version }, contentChanges: [{ text }] });
            await built;
            expect(shownTwice(from)).toEqual([]);
        }
        await third.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: file } });

        // Without it, the 自评表 would assess a project nobody defines.
        rmSync(join(folder, '申报表.kpi'));
        from = third.history.length;
        const deleted = third.validated(assessment);
        await third.changed('申报表.kpi', FileChangeType.Deleted);
        await deleted;
        expect(shownTwice(from)).toEqual([]);
    }, 60_000);
});
