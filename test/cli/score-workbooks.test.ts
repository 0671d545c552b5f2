import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { workspaceReport } from '../../packages/cli/src/report/index.js';
import { REPO, runCli, tempDir } from './run-cli.js';

/*
 * `kpispec score` reads the Excel forms of a folder as `kpispec lint` and `kpispec report` read
 * them: a 自评表 is scored, beside or instead of .kpi files.
 */

interface Sheet { file: string; assessment: string; rows: unknown[]; level1: unknown[]; total: unknown; grade: unknown }

const dir = tempDir();
const EXCEL = join(REPO, 'test', 'fixtures', 'excel');

async function run(args: string[], cwd = dir) {
    return runCli(args, { cwd });
}

describe('kpispec score on workbooks', () => {
    it('scores the 自评表 of an exported workbook as the .kpi files it came from, named by the workbook', async () => {
        cpSync(join(REPO, 'examples', 'forms'), join(dir, 'forms'), { recursive: true });
        expect((await run(['export', 'forms', '-o', 'rt/f.xlsx'])).code).toBe(0);

        const folder = await run(['score', 'rt', '-f', 'json']);
        expect(folder).toMatchObject({ code: 0, stderr: '' });
        const named = await run(['score', 'rt/f.xlsx', '-f', 'json']);
        expect(named).toMatchObject({ code: 0, stderr: '' });
        const fromKpi = JSON.parse((await run(['score', 'forms', '-f', 'json'])).stdout) as Sheet[];
        for (const sheets of [JSON.parse(folder.stdout) as Sheet[], JSON.parse(named.stdout) as Sheet[]]) {
            expect(sheets.map(s => s.file)).toEqual(['rt/f.xlsx']);
            expect(sheets.map(s => ({ ...s, file: '' }))).toEqual(fromKpi.map(s => ({ ...s, file: '' })));
        }
        const table = (await run(['score', 'rt'])).stdout;
        expect(table).toMatch(/^rt\/f\.xlsx: 自评 养老补贴自评 /);
        expect(table).toMatch(/^合计 +100 +85\.6 +95\.62 +-10\.02$/m);
    });

    it('scores a submitted 自评表 with the report\'s numbers', async () => {
        const folder = join(dir, 'submitted');
        mkdirSync(folder);
        copyFileSync(join(EXCEL, 'partial', '自评表.xlsx'), join(folder, '自评表.xlsx'));
        const score = await run(['score', '.', '-f', 'json', '--locale', 'zh-CN'], folder);
        expect(score).toMatchObject({ code: 0, stderr: '' });
        const sheets = JSON.parse(score.stdout) as Sheet[];
        expect(sheets.map(s => s.file)).toEqual(['自评表.xlsx']);
        const report = await workspaceReport({ paths: ['.'], cwd: folder, env: {}, scope: '.', locale: 'zh-CN', ruleUrl: id => id });
        expect(JSON.parse(JSON.stringify(report.projects.flatMap(p => p.assessments.map(a => a.sheet))))).toEqual(sheets);
    });

    it('passes over a workbook of the folder that holds no form, with lint\'s note; named, it is an error', async () => {
        const folder = join(dir, 'stray');
        mkdirSync(folder);
        copyFileSync(join(EXCEL, 'partial', '自评表.xlsx'), join(folder, '自评表.xlsx'));
        copyFileSync(join(EXCEL, 'bad', '无表单.xlsx'), join(folder, '预算明细.xlsx'));
        const score = await runCli(['score', '.', '-f', 'json', '--locale', 'zh-CN'], { cwd: folder });
        expect(score.code).toBe(0);
        expect(score.stderr).toBe('kpispec: 已跳过 预算明细.xlsx：找不到「一级指标」表头，不是绩效表单\n');
        const lint = await runCli(['lint', '.', '--locale', 'zh-CN'], { cwd: folder });
        expect(lint.stderr).toBe(score.stderr);
        const named = await runCli(['score', '预算明细.xlsx'], { cwd: folder });
        expect(named.code).toBe(2);
        expect(named.stderr).toMatch(/^kpispec: 预算明细\.xlsx: .*\n$/);
    });
});
