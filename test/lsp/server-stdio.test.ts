import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
    CompletionRequest, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, FileChangeType, HoverRequest,
} from 'vscode-languageserver-protocol/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStdioServer, type StdioServer } from './stdio-server.js';

/**
 * The executable any LSP client starts (`kpispec-language-server --stdio`), spoken to over
 * stdio. Needs the built server (`tsc -b`). Covers what only a running server shows:
 * diagnostics for files never opened, files changed on disk, kpispec.json, docs links.
 */
const repo = join(import.meta.dirname, '..', '..');
const folder = mkdtempSync(join(tmpdir(), 'kpispec-lsp-'));
let server: StdioServer;
let connection: StdioServer['connection'];
let published: StdioServer['published'];
let logs: StdioServer['logs'];
let uri: StdioServer['uri'];
let changed: StdioServer['changed'];

const codes = (file: string) => (published.get(uri(file)) ?? []).map(d => String(d.code));

beforeAll(async () => {
    cpSync(join(repo, 'examples', 'hotline-12345'), folder, { recursive: true });
    writeFileSync(join(folder, 'kpispec.json'), JSON.stringify({ locale: 'zh-CN' }));
    ({ connection, published, logs, uri, changed } = server = await startStdioServer(folder, 'hotline'));
});

afterAll(async () => {
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
});

describe('kpispec-language-server --stdio', () => {
    it('publishes every file\'s diagnostics without any file being opened, with links to the rule pages', async () => {
        const files = ['targets.kpi', 'contract.kpi', 'standards.kpi', 'assessment.kpi', 'compliance.kpi'];
        await vi.waitFor(() => expect(files.filter(f => !published.has(uri(f)))).toEqual([]), { timeout: 20_000, interval: 100 });
        expect(codes('targets.kpi')).toEqual(expect.arrayContaining(['target/below-contract', 'target/below-standard', 'target/missing-quantity']));
        expect(codes('compliance.kpi')).toEqual(expect.arrayContaining(['compliance/unassessed-met', 'compliance/no-data']));
        const below = published.get(uri('targets.kpi'))!.find(d => d.code === 'target/below-contract')!;
        expect(below.message).toContain('≥95%');
        expect(below.codeDescription?.href).toMatch(/docs\/rules\/target\/below-contract\.md$/);
    });

    it('logs its start, the files and configuration it found, and the time to the first full validation', async () => {
        await vi.waitFor(() => expect(logs.join('\n')).toContain('First full validation'), { timeout: 20_000, interval: 100 });
        const version = (JSON.parse(readFileSync(join(repo, 'packages', 'language', 'package.json'), 'utf8')) as { version: string }).version;
        expect(logs[0]).toBe(`KPI Spec language server ${version} (Node ${process.version}) started; workspace folders: ${folder}`);
        expect(logs).toContain('Found 5 .kpi files and 0 workbook forms');
        expect(logs).toContain(`Configuration: ${join(folder, 'kpispec.json')}; locale: each file's (kpispec.json "locale", else its keywords; zh-CN for files without keywords)`);
        expect(logs.find(l => l.startsWith('First full validation'))).toMatch(/^First full validation of 5 documents done \d+ ms after the server process started$/);
    });

    it('follows files created, changed and deleted outside the editor, across files', async () => {
        writeFileSync(join(folder, 'extra.kpi'), '合同 额外合同 "额外" {\n    条款 甲 "甲" >= 1 个\n}\n');
        await changed('extra.kpi', FileChangeType.Created);
        await vi.waitFor(() => expect(codes('extra.kpi')).toContain('contract/no-penalty'), { timeout: 10_000, interval: 100 });

        const contract = join(folder, 'contract.kpi');
        writeFileSync(contract, readFileSync(contract, 'utf8').replace('条款 质检率 "录音质检率" >= 5%', '条款 质检率 "录音质检率" >= 5% 违约 "扣减服务费"'));
        await changed('contract.kpi', FileChangeType.Changed);
        await vi.waitFor(() => {
            expect(codes('contract.kpi')).not.toContain('contract/no-penalty');
            expect(codes('compliance.kpi')).not.toContain('compliance/unmet-no-penalty');
        }, { timeout: 10_000, interval: 100 });

        rmSync(join(folder, 'extra.kpi'));
        await changed('extra.kpi', FileChangeType.Deleted);
        await vi.waitFor(() => expect(published.get(uri('extra.kpi'))).toEqual([]), { timeout: 10_000, interval: 100 });
    });

    it('gives a file that is not UTF-8 one finding in the CLI\'s words, and checks it once it is saved as UTF-8', async () => {
        const text = '合同 额外合同 "额外" {\n    条款 甲 "甲" >= 1 个\n}\n';
        // As Notepad on a Chinese Windows saves "ANSI".
        writeFileSync(join(folder, 'ansi.kpi'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }));
        await changed('ansi.kpi', FileChangeType.Created);
        await vi.waitFor(() => expect(published.has(uri('ansi.kpi'))).toBe(true), { timeout: 10_000, interval: 100 });
        expect(published.get(uri('ansi.kpi'))!.map(d => ({ code: d.code, line: d.range.start.line, message: d.message }))).toEqual([{
            code: 'syntax/lexing', line: 0, message: 'ansi.kpi 不是 UTF-8 文本（看起来是 GBK/GB18030，Windows 的“ANSI”即此编码）：请另存为 UTF-8',
        }]);

        writeFileSync(join(folder, 'ansi.kpi'), text);
        await changed('ansi.kpi', FileChangeType.Changed);
        await vi.waitFor(() => expect(codes('ansi.kpi')).toEqual(['contract/no-penalty']), { timeout: 10_000, interval: 100 });
        rmSync(join(folder, 'ansi.kpi'));
        await changed('ansi.kpi', FileChangeType.Deleted);
        await vi.waitFor(() => expect(published.get(uri('ansi.kpi'))).toEqual([]), { timeout: 10_000, interval: 100 });
    });

    it('re-validates every file when kpispec.json changes', async () => {
        expect(codes('assessment.kpi')).toContain('milestone/late');
        writeFileSync(join(folder, 'kpispec.json'), JSON.stringify({ rules: { 'milestone/late': 'off' } }));
        await changed('kpispec.json', FileChangeType.Created);
        await vi.waitFor(() => expect(codes('assessment.kpi')).not.toContain('milestone/late'), { timeout: 10_000, interval: 100 });
        expect(codes('assessment.kpi')).toContain('milestone/overdue');
    });

    it('shows a broken kpispec.json as a problem of that file, keeps checking, and clears it when fixed', async () => {
        writeFileSync(join(folder, 'kpispec.json'), '{\n  "rules": { "milestone/lat": "off" }\n}\n');
        await changed('kpispec.json', FileChangeType.Changed);
        await vi.waitFor(() => {
            const problems = published.get(uri('kpispec.json')) ?? [];
            expect(problems.map(d => d.message).join()).toContain('milestone/lat');
            expect(problems[0]?.range.start.line).toBe(1);
        }, { timeout: 10_000, interval: 100 });
        expect(codes('assessment.kpi')).toContain('milestone/overdue');

        writeFileSync(join(folder, 'kpispec.json'), JSON.stringify({ rules: { 'milestone/late': 'off' } }));
        await changed('kpispec.json', FileChangeType.Changed);
        await vi.waitFor(() => expect(published.get(uri('kpispec.json'))).toEqual([]), { timeout: 10_000, interval: 100 });
    });

    it('answers requests for unknown files without falling over', async () => {
        await connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('missing.kpi') }, position: { line: 0, character: 0 } }).catch(() => undefined);
        await connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'untitled:notes.txt' }, position: { line: 0, character: 0 } }).catch(() => undefined);
        const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri('targets.kpi') }, position: { line: 19, character: 17 } });
        expect(JSON.stringify(hover?.contents)).toContain('≥95%');
    });

    it('checks a file closed without saving as it is on disk again, and the files depending on it', async () => {
        const disk = readFileSync(join(folder, 'targets.kpi'), 'utf8');
        const unresolved = () => codes('assessment.kpi').filter(c => c === 'reference/unresolved');
        const opened = server.validated('targets.kpi');
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uri('targets.kpi'), languageId: 'kpi', version: 1, text: disk } });
        await opened;
        // The officer renames an indicator by typing, sees the assessment's rows lose it, and closes with "Don't Save".
        const typed = server.validated('assessment.kpi');
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: uri('targets.kpi'), version: 2 }, contentChanges: [{ text: disk.replace('接通率 "15秒内接通率"', '接通率X "15秒内接通率"') }],
        });
        await typed;
        expect(unresolved()).toEqual(['reference/unresolved', 'reference/unresolved']);
        const closed = server.validated('assessment.kpi');
        await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: uri('targets.kpi') } });
        await closed;
        expect(unresolved()).toEqual([]);
        expect(codes('targets.kpi')).toContain('target/below-contract');

        // A file never saved leaves the workspace with its findings when closed.
        const untitled = 'untitled:Untitled-1';
        const openedUntitled = server.validated('targets.kpi');
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: untitled, languageId: 'kpi', version: 1, text: '项目 热线二期 "草稿" {\n}\n' } });
        await openedUntitled;
        expect(published.get(untitled)?.map(d => String(d.code))).toContain('name/duplicate');
        const closedUntitled = server.validated('targets.kpi');
        await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: untitled } });
        await closedUntitled;
        expect(published.get(untitled)).toEqual([]);
        expect(codes('targets.kpi')).not.toContain('name/duplicate');
    });

    it('publishes the diagnostics of a keystroke before it answers the completion and hover sent with it', async () => {
        // Large enough that its validation pauses for requests (every 10 ms).
        const rows = Array.from({ length: 3_000 }, (_, i) => `                指标${i} "第${i}项" >= ${i} 个 依据 热线服务合同.接通率`);
        const text = `项目 大项目 "大项目" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n${rows.join('\n')}\n            }\n        }\n    }\n}\n`;
        const file = uri('large.kpi');
        const opened = server.validated('large.kpi');
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: file, languageId: 'kpi', version: 1, text } });
        await opened;
        const before = codes('large.kpi');

        // 指标1 → 指标0: a name defined twice.
        const validated = server.validated('large.kpi');
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: file, version: 2 },
            contentChanges: [{ range: { start: { line: 5, character: 18 }, end: { line: 5, character: 19 } }, text: '0' }],
        });
        const position = { line: 5, character: rows[1]!.indexOf('依据 ') + 3 };
        // An answer is read after every message the server sent before it: what was published by then shows.
        const [atCompletion, atHover] = await Promise.all([
            connection.sendRequest(CompletionRequest.type, { textDocument: { uri: file }, position }).then(() => codes('large.kpi')),
            connection.sendRequest(HoverRequest.type, { textDocument: { uri: file }, position: { line: 5, character: 17 } }).then(() => codes('large.kpi')),
        ]);
        await validated;
        const after = codes('large.kpi');
        expect(after).not.toEqual(before);
        expect(atCompletion).toEqual(after);
        expect(atHover).toEqual(after);
    });
});
