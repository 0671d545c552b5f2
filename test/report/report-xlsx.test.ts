import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheets, type SheetGrid } from '../../packages/language/src/excel/index.js';
import { renderReport, workspaceReport } from '../../packages/cli/src/report/index.js';
import { REPO, runCli, tempDir } from '../cli/run-cli.js';

// `kpispec report --format xlsx` and `kpispec export --review` write the reviewer's sheets; read
// back, their rows are `kpispec lint -f json`'s findings and `kpispec score -f json`'s lines.

const HOTLINE = join(REPO, 'examples', 'hotline-12345');
const EXCEL = join(REPO, 'test', 'fixtures', 'excel');
const dir = tempDir();

interface JsonMessage { ruleId: string; severity: number; message: string; line: number; column: number; cell?: string }
interface JsonResult { filePath: string; messages: JsonMessage[] }
interface JsonSheet {
    assessment: string;
    project?: string;
    rows: Array<{ row: string; target?: string; actual?: string; weight?: number; claimed?: number; ruleScore?: number; difference?: number; reason: string }>;
}

async function json<T>(args: string[]): Promise<T> {
    const run = await runCli(args);
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as T;
}

/** A sheet's table below its title (and the lines under it) and head row, as objects keyed by the head's labels. */
function table(sheets: SheetGrid[], name: string): Array<Record<string, string | number | undefined>> {
    const sheet = sheets.find(s => s.name === name);
    expect(sheet, `sheet ${name}`).toBeDefined();
    const [head, ...rows] = sheet!.rows.slice(1 + titleLines(sheets, name).length);
    const labels = head!.map(c => c?.text ?? '');
    return rows.filter(r => r.some(c => c?.text)).map(r => Object.fromEntries(labels.map((label, i) => {
        const c = r[i];
        return [label, c?.number ?? (c?.text || undefined)];
    })));
}

/** The lines merged across a sheet under its title, above its head row. */
function titleLines(sheets: SheetGrid[], name: string): string[] {
    const rows = sheets.find(s => s.name === name)!.rows.slice(1);
    return rows.slice(0, rows.findIndex(r => r[1]?.origin)).map(r => r[0]!.text);
}

const workbook = (path: string) => readSheets(new Uint8Array(readFileSync(path)));
const countBy = (keys: string[]) => keys.reduce<Record<string, number>>((n, k) => ({ ...n, [k]: (n[k] ?? 0) + 1 }), {});

/** Each 问题清单 row's rule and title, as text and hyperlink. */
async function links(path: string): Promise<Array<[string, string | undefined, string, string | undefined]>> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const rows: Array<[string, string | undefined, string, string | undefined]> = [];
    book.getWorksheet('问题清单')!.eachRow((row, r) => {
        if (r <= 2) return;
        const [rule, title] = [row.getCell(5).value, row.getCell(8).value] as Array<{ text: string; hyperlink: string }>;
        rows.push([rule!.text, rule!.hyperlink, title!.text, title!.hyperlink]);
    });
    return rows;
}

describe('kpispec report --format xlsx of examples/hotline-12345', () => {
    const out = join(dir, 'review.xlsx');

    it('lists every finding of kpispec lint -f json in the 问题清单, with the rule, its source and the location', async () => {
        const run = await runCli(['report', HOTLINE, '--format', 'xlsx', '-o', out, '--locale', 'zh-CN']);
        expect(run).toMatchObject({ code: 0, stderr: '' });
        expect(run.stdout).toMatch(/review\.xlsx: 1 project, \d+ findings\n$/);
        const rows = table(await workbook(out), '问题清单');
        const lint = (await json<JsonResult[]>(['lint', HOTLINE, '-f', 'json', '--locale', 'zh-CN'])).flatMap(r => r.messages);
        expect(lint.length).toBeGreaterThan(0);
        expect(rows.map(r => r['序号'])).toEqual(lint.map((_, i) => i + 1));
        expect(countBy(rows.map(r => String(r['规则'])))).toEqual(countBy(lint.map(m => m.ruleId)));
        expect(rows.map(r => `${r['规则']} ${r['问题']}`).sort()).toEqual(lint.map(m => `${m.ruleId} ${m.message}`).sort());
        expect(countBy(rows.map(r => String(r['级别'])))).toEqual(countBy(lint.map(m => ['提示', '警告', '错误'][m.severity]!)));
        for (const r of rows) {
            expect(String(r['文件'])).toMatch(/\.kpi$/);
            expect(String(r['位置'])).toMatch(/^\d+:\d+$/);
        }
        // The 接通率 target below the contract cites the evaluation report's section and the target review rules.
        const weaker = rows.find(r => r['规则'] === 'target/below-contract');
        expect(weaker?.['依据来源']).toBe('深圳市12345热线绩效评价报告 §四.6；财预〔2015〕88号 绩效目标审核（完整性、相关性、适当性）');
    });

    it('lists every line of kpispec score -f json in the 评分复核, with target, actual, weight, claimed and rule score and the reason', async () => {
        const rows = table(await workbook(out), '评分复核');
        const sheets = await json<JsonSheet[]>(['score', HOTLINE, '-f', 'json', '--locale', 'zh-CN']);
        const expected = sheets.flatMap(s => s.rows.map(r => ({
            项目: s.project, 自评: s.assessment, 指标: r.row, 目标值: r.target, 实际值: r.actual,
            分值: r.weight, 自评得分: r.claimed, 复核得分: r.ruleScore, 差额: r.difference, 扣分说明: r.reason,
        })));
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.filter(r => r.目标值 !== undefined && r.实际值 !== undefined).length).toBeGreaterThan(0);
        expect(rows.map(({ 项目, 自评, 指标, 目标值, 实际值, 分值, 自评得分, 复核得分, 差额, 扣分说明 }) => ({ 项目, 自评, 指标, 目标值, 实际值, 分值, 自评得分, 复核得分, 差额, 扣分说明 })))
            .toEqual(expected);
    });

    it('links each finding\'s rule and its title to the rule\'s page, as the HTML report does (--docs-base-url too)', async () => {
        const rows = await links(out);
        expect(rows.length).toBeGreaterThan(0);
        for (const [rule, link, title, titleLink] of rows) {
            expect(link).toBe(`https://github.com/kpispec/kpispec/blob/main/docs/rules/${rule}.md`);
            expect(titleLink).toBe(link);
            expect(title).not.toContain('docs/rules');
        }
        expect(rows.find(r => r[0] === 'target/below-contract')?.[2]).toBe('目标值弱于合同约定');
        const based = join(dir, 'based.xlsx');
        await runCli(['report', HOTLINE, '-o', based, '--docs-base-url', 'https://rules.example.org/kpi/']);
        expect((await links(based))[0]![1]).toMatch(/^https:\/\/rules\.example\.org\/kpi\/[a-z-]+\/[a-z-]+\.md$/);
    });

    it('writes a workbook when -o names one, and refuses a format it has no writer for', async () => {
        const inferred = join(dir, 'inferred.xlsx');
        expect((await runCli(['report', HOTLINE, '-o', inferred])).code).toBe(0);
        expect((await workbook(inferred)).map(s => s.name)).toEqual(['问题清单', '评分复核']);

        const wrong = await runCli(['report', HOTLINE, '--format', 'xlsx', '-o', join(dir, 'review.html')]);
        expect(wrong).toMatchObject({ code: 2, stdout: '' });
        expect(wrong.stderr).toMatch(/review\.html: --format xlsx writes a \.xlsx workbook\n$/);
        expect(existsSync(join(dir, 'review.html'))).toBe(false);
        const unknown = await runCli(['report', HOTLINE, '--format', 'pdf']);
        expect(unknown).toMatchObject({ code: 2, stderr: "kpispec: unknown format 'pdf' (use html or xlsx)\n" });
    });

    it('uses the same 问题清单 as kpispec export --review', async () => {
        const exported = join(dir, 'export.xlsx');
        expect((await runCli(['export', HOTLINE, '--review', '-o', exported, '--locale', 'zh-CN'])).code).toBe(0);
        const fromExport = table(await workbook(exported), '问题清单');
        const fromReport = table(await workbook(out), '问题清单');
        const key = (r: Record<string, unknown>) => `${r['文件']} ${r['位置']} ${r['规则']} ${r['问题']} ${r['依据来源']}`;
        expect(fromExport.map(key).sort()).toEqual(fromReport.map(key).sort());
        // Its rules link to their pages as the report's do (before, export named each page's path instead).
        expect((await links(exported)).sort()).toEqual((await links(out)).sort());
        const based = join(dir, 'export-based.xlsx');
        expect((await runCli(['export', HOTLINE, '--review', '-o', based, '--docs-base-url', 'https://rules.example.org/kpi/'])).code).toBe(0);
        expect((await links(based))[0]![1]).toMatch(/^https:\/\/rules\.example\.org\/kpi\/[a-z-]+\/[a-z-]+\.md$/);
    });
});

describe('the report of a folder of workbooks', () => {
    /** A reviewer's folder: a submitted 自评表 with cells the reader could not read. */
    function submissions(name: string): string {
        const folder = join(dir, name);
        mkdirSync(folder, { recursive: true });
        copyFileSync(join(EXCEL, 'partial', '自评表.xlsx'), join(folder, '自评表.xlsx'));
        return folder;
    }

    it('reads the workbooks as lint does: the same findings, their evidence the workbook cell', async () => {
        const folder = submissions('workbooks');
        const data = await workspaceReport({ paths: [folder], cwd: folder, env: {}, scope: folder, locale: 'zh-CN', ruleUrl: id => `https://docs.example/${id}.md` });
        const lint = (await json<JsonResult[]>(['lint', folder, '-f', 'json', '--locale', 'zh-CN'])).flatMap(r => r.messages);
        const findings = [...data.projects.flatMap(p => p.findings), ...data.other];
        expect(findings.map(f => `${f.cell} ${f.ruleId} ${f.message}`).sort()).toEqual(lint.map(m => `${m.cell} ${m.ruleId} ${m.message}`).sort());
        expect(new Set(findings.map(f => f.file))).toEqual(new Set(['自评表.xlsx']));
        expect(data.files).toBe(1);
        expect(data.projects).toHaveLength(1);
        expect(data.projects[0]!.assessments).toHaveLength(1);

        const html = join(dir, 'workbooks-report.html');
        expect((await runCli(['report', '.', '-o', html, '--locale', 'zh-CN'], { cwd: folder })).code).toBe(0);
        const page = readFileSync(html, 'utf8');
        expect(page).toContain('<code>自评表.xlsx 自评表!G12</code>');
        expect(page).toContain('「十分」不是数值');
    });

    it('passes over a workbook of the folder that holds no form, and names it under the scope (the editor\'s report view reads the folder this way)', async () => {
        const folder = submissions('stray');
        copyFileSync(join(EXCEL, 'bad', '无表单.xlsx'), join(folder, '预算明细.xlsx'));
        const options = { paths: [folder], cwd: folder, env: {}, scope: folder, locale: 'zh-CN', ruleUrl: (id: string) => `https://docs.example/${id}.md` };
        const data = await workspaceReport(options);
        expect(data.skipped).toEqual([{ file: '预算明细.xlsx', reason: { zh: '找不到「一级指标」表头', en: 'no 「一级指标」 column head found' } }]);
        // The form beside it is reviewed as if the stray workbook were not there.
        const single = submissions('stray-alone');
        const alone = await workspaceReport({ ...options, paths: [single], cwd: single });
        expect(alone.skipped).toBeUndefined();
        expect({ ...data, skipped: undefined }).toEqual({ ...alone, skipped: undefined });
        const page = renderReport(data);
        expect(page).toContain('<p class="meta" data-skipped="1">未复核（不是绩效表单）：预算明细.xlsx：找不到「一级指标」表头</p>');
        expect(renderReport(alone)).not.toContain('data-skipped');
        // In an English environment the page follows the Chinese forms, the reason with it.
        const english = await workspaceReport({ ...options, locale: undefined, env: { LANG: 'en_US.UTF-8' } });
        expect(english.locale).toBe('zh-CN');
        expect(renderReport(english)).toContain('未复核（不是绩效表单）：预算明细.xlsx：找不到「一级指标」表头</p>');
        // Named by itself it is still refused, as lint refuses it.
        await expect(workspaceReport({ ...options, paths: [join(folder, '预算明细.xlsx')] })).rejects.toThrow('找不到「一级指标」表头');
    });

    it('names under the 问题清单\'s title what was not reviewed, as the page does under the scope', async () => {
        const folder = submissions('not-reviewed');
        copyFileSync(join(EXCEL, 'bad', '无表单.xlsx'), join(folder, '预算明细.xlsx'));
        writeFileSync(join(folder, 'gbk.kpi'), Uint8Array.from([0x2f, 0x2f, 0x20, 0xb2, 0xe2, 0xca, 0xd4, 0x0a]));
        const out = join(dir, 'not-reviewed.xlsx');
        const run = await runCli(['report', '.', '-o', out, '--locale', 'zh-CN'], { cwd: folder });
        expect(run.code).toBe(2);
        const lines = [
            '未复核（不是绩效表单）：预算明细.xlsx：找不到「一级指标」表头',
            '未复核（不是 UTF-8 文本：请另存为 UTF-8）：gbk.kpi：看起来是 GBK/GB18030，Windows 的“ANSI”即此编码',
        ];
        const sheets = await workbook(out);
        expect(titleLines(sheets, '问题清单')).toEqual(lines);
        // The table below is the one of a folder without them.
        const clean = join(dir, 'reviewed.xlsx');
        expect((await runCli(['report', '.', '-o', clean, '--locale', 'zh-CN'], { cwd: submissions('reviewed') })).code).toBe(0);
        expect(titleLines(await workbook(clean), '问题清单')).toEqual([]);
        expect(table(sheets, '问题清单')).toEqual(table(await workbook(clean), '问题清单'));
        // The page says the same.
        const page = join(dir, 'not-reviewed.html');
        await runCli(['report', '.', '-o', page, '--locale', 'zh-CN'], { cwd: folder });
        for (const line of lines) expect(readFileSync(page, 'utf8')).toContain(`${line}</p>`);
    });

    it('writes the workbook cells into the 问题清单 of --format xlsx', async () => {
        const folder = submissions('workbooks-xlsx');
        writeFileSync(join(folder, 'kpispec.json'), JSON.stringify({ locale: 'zh-CN' }));
        // Written outside the folder: lint would read a workbook in it as a submission.
        const out = join(dir, 'workbooks-review.xlsx');
        expect((await runCli(['report', '.', '-o', out], { cwd: folder })).code).toBe(0);
        const rows = table(await workbook(out), '问题清单');
        const lint = (await json<JsonResult[]>(['lint', folder, '-f', 'json'])).flatMap(r => r.messages);
        expect(rows.map(r => `${r['文件']} ${r['位置']} ${r['规则']}`).sort()).toEqual(lint.map(m => `自评表.xlsx ${m.cell} ${m.ruleId}`).sort());
        expect(rows.find(r => r['位置'] === '自评表!G12')?.['问题']).toBe('「十分」不是数值');
        expect(table(await workbook(out), '评分复核').map(r => r['指标'])).toContain('预算执行');
    });
});
