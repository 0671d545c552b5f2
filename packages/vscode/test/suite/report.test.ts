/**
 * "KPI Spec: Show report" in a real VS Code: the command opens the workspace's report in a
 * webview beside the editor, and running it again shows the same panel. (The page itself is
 * tested in Chromium: test/report/report-page.browser.ts.) The suite edits no file: the
 * reference suite counts the workspace's diagnostics.
 */
import * as assert from 'node:assert/strict';
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
});
