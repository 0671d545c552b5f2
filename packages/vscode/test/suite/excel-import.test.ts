/**
 * "KPI Spec: Import Excel form…" in a real VS Code: given a submitted 自评表 in the workspace (as
 * the explorer's context menu gives it, so no dialog asks), the command writes the .kpi beside
 * it, opens it, and the form's findings appear on the imported text. The files are removed
 * afterwards. The suite runs after the reference suite (files load in reverse order of name), which
 * checks that no .kpi file is open: VS Code keeps a closed document for minutes.
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
 * The form's errors and warnings (info is free), as `kpispec lint` reports them on the workbook
 * (自评表!A1, D6, D6, H6, D18, G20, G22): the rule and the start of the line of the imported text
 * it is on. What the reader could not read (excel/unreadable-cell, G12 and B21) becomes comments.
 */
const EXPECTED: ReadonlyArray<{ rule: string; line: string }> = [
    { rule: 'score/profile-weights', line: '自评 社区居家养老服务补贴项目自评' },
    { rule: 'funds/adjusted-no-reason', line: '预算执行' },
    { rule: 'funds/low-execution-no-reason', line: '预算执行' },
    { rule: 'funds/rate-mismatch', line: '预算执行' },
    { rule: 'target/misfiled', line: '"老年人助餐满意度"' },
    { rule: 'score/missing', line: '指标 "服务对象满意度"' },
    { rule: 'score/weights-total', line: '合计' },
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
    });

    test('writes the .kpi beside the workbook, opens it, and shows the form\'s findings on it in place of the workbook\'s', async () => {
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
        // The .kpi now stands for the workbook (no name defined twice), whose findings go.
        const keys = () => vscode.languages.getDiagnostics(editor.document.uri).filter(serious)
            .map(d => `${d.range.start.line + 1} ${ruleOf(d)}`).sort();
        await waitFor('the form\'s findings on the imported file, and none on the workbook', () => (keys().join('\n') === expected.join('\n') && vscode.languages.getDiagnostics(workbook).length === 0 ? true : undefined), {
            timeoutMs: 120_000, intervalMs: 500, describe: () => `${keys().join(', ')}; on the workbook: ${vscode.languages.getDiagnostics(workbook).length}`,
        });
    });
});
