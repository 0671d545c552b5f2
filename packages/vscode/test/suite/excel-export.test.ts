/**
 * "KPI Spec: Export Excel Forms…" in a real VS Code: for the workspace folder (the explorer's
 * context menu gives it) and a workbook outside it (a test has no save dialog to answer), the
 * command writes the 申报表 and 自评表 of the folder's files, which read back to the same project
 * and self-assessment. Outside the folder, so that the workbook does not join the workspace.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { excel } from '@kpispec/language';

const EXTENSION_ID = 'kpispec.kpispec-vscode';

suite('KPI Spec: Export Excel Forms…', () => {
    const out = mkdtempSync(join(tmpdir(), 'kpispec-export-'));

    suiteSetup(async () => {
        await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    });

    suiteTeardown(() => rmSync(out, { recursive: true, force: true }));

    /** Runs an export command for the workspace folder into `name` outside it; returns the workbook's bytes. */
    async function exported(command: string, name: string): Promise<Buffer> {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        assert.ok(folder, 'the suite needs a workspace folder');
        const target = vscode.Uri.file(join(out, name));
        const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(command, folder, target);
        assert.equal(written?.fsPath, target.fsPath);
        assert.ok(existsSync(target.fsPath), 'the workbook was written');
        return readFileSync(target.fsPath);
    }

    test('writes the forms of the folder\'s project and self-assessment as one workbook that reads back', async () => {
        const forms = await excel.workbookToKpi(await exported('kpispec.exportExcel', '表单.xlsx'), '表单.xlsx');
        const texts = forms.map(f => f.text).join('\n');
        assert.match(texts, /项目 热线二期 /, 'the project reads back');
        assert.match(texts, /自评 热线二期自评 /, 'the self-assessment reads back');
    });

    test('with the review, adds the 复核得分 column and the 问题清单 of the folder\'s findings, as kpispec export --review', async () => {
        const sheets = await excel.readSheets(await exported('kpispec.exportExcelReview', '附复核.xlsx'));
        const forms = (await excel.readSheets(await exported('kpispec.exportExcel', '不附复核.xlsx'))).map(s => s.name);
        assert.ok(forms.includes('热线二期自评表'), 'the folder has its self-assessment');
        assert.deepEqual(sheets.map(s => s.name), [...forms, '问题清单']);
        const texts = (name: string) => sheets.find(s => s.name === name)!.rows.flat().map(c => c?.text ?? '');
        assert.ok(texts('热线二期自评表').includes('复核得分'), 'the 自评表 has the 复核得分 column');
        assert.ok(texts('问题清单').includes('target/below-contract'), 'the 问题清单 lists the folder\'s findings');
    });
});
