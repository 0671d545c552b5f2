/**
 * "KPI Spec: Show report" in a real VS Code: the command opens the workspace's report in a
 * webview beside the editor, once, and keeps it open while files are saved.
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

    test('opens the workspace report in one webview, and keeps it through a save', async () => {
        await vscode.commands.executeCommand('kpispec.showReport');
        await waitFor('the report tab', () => reportTabs().length === 1 ? true : undefined);
        await vscode.commands.executeCommand('kpispec.showReport');
        assert.equal(reportTabs().length, 1, 'a second run shows the same panel');
        const [folder] = vscode.workspace.workspaceFolders ?? [];
        assert.ok(folder);
        const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'assessment.kpi'));
        const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
        await editor.edit(edit => edit.insert(new vscode.Position(0, 0), '// report refresh\n'));
        assert.ok(await document.save());
        await waitFor('the report tab after the save', () => reportTabs().length === 1 ? true : undefined);
        await editor.edit(edit => edit.delete(new vscode.Range(0, 0, 1, 0)));
        await document.save();
    });
});
