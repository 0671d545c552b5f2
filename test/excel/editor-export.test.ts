import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { excel } from '../../packages/language/src/index.js';
import { exportForms } from '../../packages/language/src/lsp/workbook-export.js';
import { writeXlsx } from '../../packages/cli/src/excel/write-xlsx.js';
import { REPO, runBuiltCli, tempDir } from '../cli/run-cli.js';
import { workbookContents } from '../support/workbook-contents.js';
import { buildWorkspace, readFolder } from '../support/workspace.js';

/** The forms a workbook reads back to: what each sheet says, as .kpi text. */
async function readBack(bytes: Uint8Array): Promise<string[]> {
    return (await excel.workbookToKpi(bytes, '表单.xlsx')).map(form => `${form.sheet}\n${form.text}`);
}

describe('the server side of "Export Excel Forms…"', () => {
    it('gives the forms of a folder that kpispec export writes, which read back alike', async () => {
        const folder = join(REPO, 'examples', 'complete-forms');
        const ws = await buildWorkspace(readFolder(folder));
        const { plans } = await exportForms(ws.services, URI.parse('file:///ws'));
        expect(plans.map(p => p.name)).toEqual(['养老服务申报表', '养老服务自评表']);
        const out = join(tempDir(), '表单.xlsx');
        const run = await runBuiltCli(['export', folder, '-o', out]);
        expect(run.code).toBe(0);
        expect(await readBack(await writeXlsx(plans))).toEqual(await readBack(readFileSync(out)));
    });

    it('gives, with the review, the workbook kpispec export --review writes, cell by cell', async () => {
        // The reference case has no kpispec.json: the in-memory workspace checks it as the CLI does.
        const reference = join(REPO, 'test', 'fixtures', 'reference');
        const ws = await buildWorkspace(readFolder(join(reference, 'hotline-12345'), 'hotline-12345/'));
        const { plans } = await exportForms(ws.services, URI.parse('file:///ws/hotline-12345'), true);
        expect(plans.map(p => p.name)).toEqual(['热线二期申报表', '热线二期自评表', '问题清单']);
        // The findings, named from the folder's parent as the CLI run there names them.
        expect(plans[2]!.rows.slice(2).map(row => row[1]?.value)).toContain('hotline-12345/targets.kpi');
        const out = join(tempDir(), '复核.xlsx');
        const run = await runBuiltCli(['export', 'hotline-12345', '--review', '--locale', 'zh-CN', '-o', out], { cwd: reference });
        expect(run.code).toBe(0);
        expect(await workbookContents(await writeXlsx(plans))).toEqual(await workbookContents(readFileSync(out)));
        // Without the review, neither the 复核得分 nor the 问题清单.
        const plain = (await exportForms(ws.services, URI.parse('file:///ws/hotline-12345'))).plans;
        expect(plain.map(p => p.name)).toEqual(['热线二期申报表', '热线二期自评表']);
        expect(await workbookContents(await writeXlsx(plain))).not.toEqual((await workbookContents(await writeXlsx(plans))).slice(0, 2));
    });

    it('names each sheet by its block without saying twice what the name ends with', () => {
        expect(excel.formSheetName('热线二期自评', '自评表')).toBe('热线二期自评表');
        expect(excel.formSheetName('评估自评表', '自评表')).toBe('评估自评表');
        expect(excel.formSheetName('热线二期', '申报表')).toBe('热线二期申报表');
        expect(excel.formSheetName('养老申报', '申报表')).toBe('养老申报表');
        expect(excel.formSheetName('Hotline2Review', '自评表')).toBe('Hotline2Review自评表');
    });

    it('takes only the files of the folder asked for, and says so when there is nothing to export', async () => {
        const ws = await buildWorkspace({
            'a/targets.kpi': '项目 甲 "甲项目" {\n    预算 10 万元\n}\n',
            'b/targets.kpi': '项目 乙 "乙项目" {\n    预算 20 万元\n}\n',
            'c/contract.kpi': '合同 丙 "丙合同" 对象 甲 {\n}\n',
        });
        expect((await exportForms(ws.services, URI.parse('file:///ws/a'))).plans.map(p => p.name)).toEqual(['甲申报表']);
        expect((await exportForms(ws.services, URI.parse('file:///ws/c'))).plans).toEqual([]);
    });
});
