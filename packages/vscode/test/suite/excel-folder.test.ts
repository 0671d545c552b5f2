/**
 * Workbooks that arrive in the open folder while the editor runs, in a real VS Code: a reviewer
 * copies a submitted 自评表 in, the submitter sends a corrected one, the reviewer removes it. The
 * files are written with Node's file system, as another program (a file manager, a mail client)
 * writes them, so the events come from the editor's disk watcher. Each step waits for what the
 * Problems panel shows on the workbook: the findings, with sheet and cell in the message, at the cell.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from '../support/poll.js';

const EXTENSION_ID = 'kpispec.kpispec-vscode';
/** The test bundle runs from packages/vscode/out/test/suite. */
const FIXTURES = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'excel');
/** Not the name the import suite uses, so that its files never stand for this one. */
const NAME = '送审自评表.xlsx';

const messages = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).map(d => d.message);

suite('Workbooks added to the open folder', () => {
    let workbook: vscode.Uri;

    suiteSetup(async () => {
        await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
        const ws = vscode.workspace.workspaceFolders?.[0];
        assert.ok(ws, 'the suite needs a workspace folder');
        workbook = vscode.Uri.file(join(ws.uri.fsPath, NAME));
        // The workbook must arrive after the server's first look at the folder, which would find it anyway.
        await waitFor('the first diagnostics of the folder', () => (vscode.languages.getDiagnostics()
            .some(([uri, list]) => uri.fsPath.startsWith(ws.uri.fsPath) && uri.fsPath.endsWith('.kpi') && list.length > 0) ? true : undefined), { timeoutMs: 120_000, intervalMs: 500 });
    });

    suiteTeardown(() => rmSync(workbook.fsPath, { force: true }));

    const waitForMessages = (what: string, done: (shown: string[]) => boolean) =>
        waitFor(what, () => (done(messages(workbook)) ? true : undefined), {
            timeoutMs: 120_000, intervalMs: 500, describe: () => messages(workbook).join(' | ') || 'nothing',
        });

    test('a workbook copied into the folder shows its findings in the Problems panel, at their cells', async () => {
        copyFileSync(join(FIXTURES, 'layout-a', '自评表.xlsx'), workbook.fsPath);
        await waitForMessages('the findings of the added workbook', shown => shown.some(m => m.startsWith('自评表!H6: ')));
        const rate = vscode.languages.getDiagnostics(workbook).find(d => d.message.startsWith('自评表!H6: '))!;
        assert.equal(rate.message, '自评表!H6: 执行率应为 76.15%（198 万元 ÷ 260 万元），填写为 78.15%');
        assert.equal(rate.severity, vscode.DiagnosticSeverity.Error);
        // Row 6, column H: the problem is at the cell.
        assert.deepEqual([rate.range.start.line, rate.range.start.character], [5, 7]);
    });

    test('a workbook replaced on disk shows the findings of the new copy', async () => {
        // The corrected copy has a score that is no number (G12), which the first one had not.
        copyFileSync(join(FIXTURES, 'partial', '自评表.xlsx'), workbook.fsPath);
        await waitForMessages('the findings of the replaced workbook', shown => shown.includes('自评表!G12: 「十分」不是数值'));
    });

    test('a workbook removed from the folder leaves no findings behind', async () => {
        rmSync(workbook.fsPath);
        await waitForMessages('the findings to go', shown => shown.length === 0);
    });
});
