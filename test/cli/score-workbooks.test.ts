import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
        expect(score.code).toBe(0);
        const sheets = JSON.parse(score.stdout) as Sheet[];
        expect(sheets.map(s => s.file)).toEqual(['自评表.xlsx']);
        const report = await workspaceReport({ paths: ['.'], cwd: folder, env: {}, scope: '.', locale: 'zh-CN', ruleUrl: id => id });
        expect(JSON.parse(JSON.stringify(report.projects.flatMap(p => p.assessments.map(a => a.sheet))))).toEqual(sheets);
    });

    it('passes over a workbook of the folder that holds no form, with lint\'s note; named, it is an error', async () => {
        const folder = join(dir, 'stray');
        mkdirSync(folder);
        copyFileSync(join(EXCEL, 'layout-a', '自评表.xlsx'), join(folder, '自评表.xlsx'));
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

    it('says, in lint\'s words, which cells it could not read and which text it read past: the scores count only the rest', async () => {
        const folder = join(dir, 'unread');
        mkdirSync(folder);
        copyFileSync(join(EXCEL, 'partial', '自评表.xlsx'), join(folder, '自评表.xlsx'));
        const score = await run(['score', '.', '--locale', 'zh-CN'], folder);
        expect(score.code).toBe(0);
        expect(score.stderr).toBe('kpispec: 自评表.xlsx 自评表!G12：「十分」不是数值（excel/unreadable-cell），评分只计读得懂的部分\n'
            + 'kpispec: 自评表.xlsx 自评表!B21：一级指标「其他指标」不是已知的指标类别，其下的指标未读入（excel/unreadable-cell），评分只计读得懂的部分\n');
        const lint = await run(['lint', '.', '--locale', 'zh-CN', '-f', 'json'], folder);
        const unreadable = (JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>)[0]!.messages.filter(m => m.ruleId === 'excel/unreadable-cell');
        expect(unreadable.map(m => m.message)).toEqual(['「十分」不是数值', '一级指标「其他指标」不是已知的指标类别，其下的指标未读入']);
        // Typed: `得分 1O` is read as 1, the O read past, and said so.
        const typed = join(folder, 'typed');
        mkdirSync(typed);
        expect((await run(['import', '../自评表.xlsx', '-o', '.'], typed)).code).toBe(0);
        const file = join(typed, '自评表.kpi');
        writeFileSync(file, readFileSync(file, 'utf8').replace(/(指标 "助餐服务人数" +实际 1850 +)得分 10/, '$1分值 10 得分 1O'));
        const kpi = await run(['score', '自评表.kpi', '--locale', 'en'], typed);
        expect(kpi.stdout).toMatch(/^助餐服务人数 .* 10 +1 +10 /m);
        expect(kpi.stderr).toMatch(/^kpispec: 自评表\.kpi:\d+:\d+: 'O' is not understood here; .* \(syntax\/parsing\); the scores count only what could be read\n$/);
    });
});
