/**
 * "KPI Spec: Show report" in a real VS Code: the command opens the workspace's report in a
 * webview beside the editor, and running it again shows the same panel; "Save Report…" writes it. (The page itself is
 * tested in Chromium: test/report/report-page.browser.ts.) The suite edits no file: the
 * reference suite counts the workspace's diagnostics.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { waitFor } from '../support/poll.js';

const EXTENSION_ID = 'kpispec.kpispec-vscode';

function reportTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(g => g.tabs)
        .filter(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('kpispec.report'));
}

suite('KPI Spec: Show report', () => {
    suiteSetup(async () => {
        await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    });

    suiteTeardown(async () => {
        await vscode.window.tabGroups.close(reportTabs());
    });

    test('opens the workspace report in one webview, shown again when run again', async () => {
        await vscode.commands.executeCommand('kpispec.showReport');
        const [tab] = await waitFor('the report tab', () => reportTabs().length === 1 ? reportTabs() : undefined);
        assert.match(tab!.label, /KPI Spec/);
        await vscode.commands.executeCommand('kpispec.showReport');
        assert.equal(reportTabs().length, 1, 'a second run shows the same panel');
    });

    test('saves the report as kpispec report writes it: a page linking the published rule pages, or its workbook', async () => {
        // Outside the workspace folder, so that the workbook does not join it.
        const out = mkdtempSync(join(tmpdir(), 'kpispec-report-'));
        try {
            const page = vscode.Uri.file(join(out, 'report.html'));
            assert.equal((await vscode.commands.executeCommand<vscode.Uri | undefined>('kpispec.saveReport', page))?.fsPath, page.fsPath);
            const html = readFileSync(page.fsPath, 'utf8');
            assert.match(html, /^<!DOCTYPE html>/);
            assert.match(html, /href="https:\/\/github\.com\/kpispec\/kpispec\/blob\/main\/docs\/rules\/target\/below-contract\.md"/);
            assert.doesNotMatch(html, /command:markdown/, 'no link that works only inside VS Code');

            const workbook = vscode.Uri.file(join(out, 'report.xlsx'));
            assert.equal((await vscode.commands.executeCommand<vscode.Uri | undefined>('kpispec.saveReport', workbook))?.fsPath, workbook.fsPath);
            const sheets = strFromU8(unzipSync(readFileSync(workbook.fsPath))['xl/workbook.xml']!);
            assert.match(sheets, /name="问题清单"[\s\S]*name="评分复核"/);
        } finally {
            rmSync(out, { recursive: true, force: true });
        }
    });
});
