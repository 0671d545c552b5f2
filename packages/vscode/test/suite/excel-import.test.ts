/**
 * "KPI Spec: Import Excel form…" in a real VS Code: a submitted 自评表 copied into the workspace
 * shows its findings on the workbook, by cell; the command, given the workbook (as the explorer's
 * context menu gives it, so no dialog asks), writes the .kpi beside it, opens it, and the same
 * findings appear on the imported text. The files are removed and closed afterwards: the
 * reference suite counts the workspace's diagnostics.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from '../support/poll.js';

const EXTENSION_ID = 'kpispec.kpispec-vscode';
/** The test bundle runs from packages/vscode/out/test/suite. */
const FIXTURE = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'excel', 'partial', '自评表.xlsx');

/**
 * The form's errors and warnings (info is free): the rule, the cell it names on the workbook and
 * the start of the line of the imported text it is on. What the reader could not read
 * (excel/unreadable-cell, G12 and B21) becomes comments in the text instead.
 */
const EXPECTED: ReadonlyArray<{ rule: string; cell: string; line: string }> = [
    { rule: 'score/profile-weights', cell: 'A1', line: '自评 社区居家养老服务补贴项目自评' },
    { rule: 'funds/adjusted-no-reason', cell: 'D6', line: '预算执行' },
    { rule: 'funds/low-execution-no-reason', cell: 'D6', line: '预算执行' },
    { rule: 'funds/rate-mismatch', cell: 'H6', line: '预算执行' },
    { rule: 'target/misfiled', cell: 'D18', line: '"老年人助餐满意度" >=' },
    { rule: 'score/missing', cell: 'G20', line: '指标 "服务对象满意度"' },
    { rule: 'score/weights-total', cell: 'G22', line: '合计' },
];

function ruleOf(diagnostic: vscode.Diagnostic): string {
    const code = diagnostic.code;
    return String(typeof code === 'object' ? code.value : code);
}

const serious = (d: vscode.Diagnostic) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning;

suite('KPI Spec: Import Excel form…', () => {
    let folder = '';
    const imported = () => join(folder, '自评表.kpi');

    suiteSetup(async () => {
        await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
        const ws = vscode.workspace.workspaceFolders?.[0];
        assert.ok(ws, 'the suite needs a workspace folder');
        folder = ws.uri.fsPath;
        // Through VS Code's file service, as the reference suite writes files: its events reach the
        // extension at once, where code-server's disk watcher may take its time.
        await vscode.workspace.fs.writeFile(vscode.Uri.file(join(folder, '自评表.xlsx')), readFileSync(FIXTURE));
    });

    suiteTeardown(async () => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        for (const file of [join(folder, '自评表.xlsx'), imported()]) await vscode.workspace.fs.delete(vscode.Uri.file(file)).then(undefined, () => undefined);
        // The reference suite checks that no .kpi file is open.
        await waitFor('the imported file closed', () => (vscode.workspace.textDocuments.some(d => d.uri.fsPath === imported()) ? undefined : true), { timeoutMs: 120_000 });
    });

    test('shows the workbook\'s findings by sheet and cell before anything is imported', async () => {
        const workbook = vscode.Uri.file(join(folder, '自评表.xlsx'));
        const shown = await waitFor('the workbook\'s findings', () => {
            const list = vscode.languages.getDiagnostics(workbook).filter(serious);
            return EXPECTED.every(e => list.some(d => ruleOf(d) === e.rule && d.message.startsWith(`自评表!${e.cell}: `))) ? list : undefined;
        }, { timeoutMs: 120_000, intervalMs: 500, describe: () => vscode.languages.getDiagnostics().map(([uri, list]) => `${uri.toString()} (${list.length})`).join('; ') });
        assert.ok(shown.some(d => ruleOf(d) === 'excel/unreadable-cell' && d.message.startsWith('自评表!G12: ')), 'the unreadable 得分 is named by its cell');
    });

    test('writes the .kpi beside the workbook, opens it, and shows the form\'s findings on it', async () => {
        const workbook = vscode.Uri.file(join(folder, '自评表.xlsx'));
        const written = await vscode.commands.executeCommand<vscode.Uri[]>('kpispec.importExcel', workbook);
        const target = imported();
        assert.deepEqual(written.map(u => u.fsPath), [target]);
        assert.ok(existsSync(target), 'the .kpi file is on disk');

        const editor = await waitFor('the imported file in the editor', () => {
            const active = vscode.window.activeTextEditor;
            return active?.document.uri.fsPath === target ? active : undefined;
        });
        assert.equal(editor.document.languageId, 'kpi');
        const lines = readFileSync(target, 'utf8').split('\n');
        assert.equal(lines[0], '// 自评表.xlsx 工作表「自评表」（绩效自评表，版式 A）');
        assert.ok(lines.some(l => l.includes('自评表!G12')) && lines.some(l => l.includes('自评表!B21')), 'what could not be read is listed in comments');

        const lineOf = (start: string) => lines.findIndex(l => l.trimStart().startsWith(start));
        const expected = EXPECTED.map(e => `${lineOf(e.line) + 1} ${e.rule}`).sort();
        assert.ok(EXPECTED.every(e => lineOf(e.line) >= 0), 'every expected line is in the text');
        // name/duplicate is left out: the workbook beside the file still defines the same names.
        const keys = () => vscode.languages.getDiagnostics(editor.document.uri).filter(serious).filter(d => ruleOf(d) !== 'name/duplicate')
            .map(d => `${d.range.start.line + 1} ${ruleOf(d)}`).sort();
        await waitFor('the form\'s findings on the imported file', () => (keys().join('\n') === expected.join('\n') ? true : undefined), {
            timeoutMs: 120_000, intervalMs: 500, describe: () => keys().join(', '),
        });
    });
});
