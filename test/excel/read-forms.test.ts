import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { excel } from '../../packages/language/src/index.js';
import { readForm } from '../../packages/language/src/excel/read-form.js';
import { buildWorkspace } from '../support/workspace.js';

export const EXCEL_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'excel');
const bytes = (path: string) => new Uint8Array(readFileSync(join(EXCEL_FIXTURES, path)));
const kpi = (path: string) => excel.workbookToKpi(bytes(path), basename(path));
const model = async (path: string) => readForm((await excel.readSheets(bytes(path)))[0]!, 'fallback')!;
/** The text without its first line (the comment naming the workbook). */
const body = (text: string) => text.split('\n').slice(1).join('\n');

describe('Layout A: the printed 自评表', () => {
    it('reads header, funds, goals, indicators, total and grade, each from its cell', async () => {
        const form = await model('layout-a/自评表.xlsx');
        expect(form.layout).toBe('A');
        expect(form.year).toBe('2023');
        expect(form.project.name).toEqual({ value: '社区居家养老服务补贴项目', cell: 'C3' });
        expect(form.project.implementer).toEqual({ value: '某市养老服务指导中心', cell: 'H4' });
        expect(form.execution).toMatchObject({
            cell: 'C6',
            initial: { value: { number: '300', unit: '万元' }, cell: 'D6' },
            spent: { value: { number: '198', unit: '万元' }, cell: 'F6' },
            rate: { value: '78.15', cell: 'H6' },
            score: { value: '7.6', cell: 'I6' },
        });
        expect(form.execution!.parts.map(p => p.source)).toEqual(['财政拨款', '其他资金']);
        expect(form.goals).toEqual([{ name: '年度目标', expected: { value: '为2000名老年人提供助餐服务', cell: 'B10' }, actual: { value: '全年为1850名老年人提供助餐服务', cell: 'F10' } }]);
        const third = form.indicators[2]!;
        // 一级 and 二级 are merged down: every row gets the merged value, from the merge's first cell.
        expect(third.level1).toEqual({ value: '产出指标', cell: 'B12' });
        expect(third.level2).toEqual({ value: '数量指标', cell: 'C12' });
        expect(third.actual).toEqual({ value: { kind: 'measured', number: '16', unit: '个' }, cell: 'F14' });
        expect(third.deviation?.cell).toBe('I14');
        expect(form.indicators).toHaveLength(10);
        expect(form.indicators[8]!.score).toBeUndefined(); // printed as —
        expect(form.total).toMatchObject({ weight: { value: '100', cell: 'G22' }, score: { value: '85.6', cell: 'H22' } });
        expect(form.grade).toEqual({ value: '良', cell: 'G23' });
    });

    it('writes a project and its self-assessment in the forms syntax', async () => {
        const [form] = await kpi('layout-a/自评表.xlsx');
        expect(form!.text).toContain('// 自评表.xlsx 工作表「自评表」（绩效自评表，版式 A）');
        expect(form!.text).toContain('                "助餐点数量" >= 20 个\n');
        expect(form!.text).toContain('                "服务投诉办结率" = 100%\n');
        expect(form!.text).toContain('自评 社区居家养老服务补贴项目自评 "社区居家养老服务补贴项目2023年度绩效自评" 对象 社区居家养老服务补贴项目 {');
        expect(form!.text).toContain('    预算执行 年初预算 300 万元 全年预算 260 万元 全年执行 198 万元 执行率 78.15% 分值 10 得分 7.6\n'
            + '        其中 财政拨款 年初预算 260 万元 全年预算 220 万元 全年执行 170 万元\n'
            + '        其中 其他资金 年初预算 40 万元 全年预算 40 万元 全年执行 28 万元\n');
        expect(form!.text).toContain('    指标 "助餐点数量" 实际 16 个 分值 10 得分 8 偏差 "两处助餐点选址调整，延至2024年建成"\n');
        expect(form!.text).toContain('    指标 "服务对象满意度" 实际 92 分值 10\n');
        expect(form!.text).toContain('    指标 "服务投诉次数" 实际 不适用 分值 0 得分 0\n');
        expect(form!.text).toContain('    合计 分值 100 得分 85.6\n    等级 良\n');
        expect(form!.problems).toEqual([]);
    });

    it('maps text back to cells: a finding on an actual points at 实际完成值', async () => {
        const [form] = await kpi('layout-a/自评表.xlsx');
        const line = form!.text.indexOf('指标 "助餐点数量"');
        const end = form!.text.indexOf('\n', line);
        expect(excel.cellAt(form!, line, end, 'assessment/below-contract')).toBe('F14');
        expect(excel.cellAt(form!, line, end, 'score/off-rule')).toBe('H14');
        expect(excel.cellAt(form!, form!.text.indexOf('执行率'), end, 'syntax/parsing')).toBe('H6');
    });

    it('leaves out the hidden rows of an .xls (BIFF ROW records) as of an .xlsx, and says which', async () => {
        const [form] = await kpi('layout-a-xls-hidden/自评表.xls');
        expect(form!.text).not.toMatch(/助餐点数量|服务投诉办结率/);
        expect(form!.text).toContain('"上门服务人数"');
        expect(form!.text).toContain('"补贴发放及时率"');
        expect(form!.problems.map(p => [p.cell, p.text.zh])).toEqual([
            ['D14', '第 14–15 行已隐藏，未读入：打印和提交的表单不含隐藏的行；要读入请取消隐藏，不要的行请删除'],
        ]);
    });

    it('reads the same form from .xls, and unmerged heads with extra title rows and 元 amounts', async () => {
        const xlsx = (await kpi('layout-a/自评表.xlsx'))[0]!.text;
        expect(body((await kpi('layout-a-xls/自评表.xls'))[0]!.text)).toBe(body(xlsx));
        const unmerged = (await kpi('layout-a-unmerged/自评表.xlsx'))[0]!.text;
        expect(unmerged).toContain('预算执行 年初预算 3000000 元 全年预算 2600000 元 全年执行 1980000 元 执行率 78.15%');
        const inWan = (text: string) => text.replace(/(\d+) 元(?![/\S])/g, (_, n: string) => `${Number(n) / 10000} 万元`);
        expect(body(inWan(unmerged))).toBe(body(xlsx));
    });
});

describe('Layout B: the 一体化 flat sheet', () => {
    it('reads the separate 计算符号 and 计量单位 columns, in any order', async () => {
        const [national] = await kpi('layout-b/一体化导出.xlsx');
        expect(national!.text).toContain('"助餐服务人数" >= 1800 人\n');
        expect(national!.text).toContain('"服务投诉办结率" = 100%\n');
        expect(national!.text).toContain('    指标 "助餐点数量" 实际 16 分值 10 得分 8 偏差');
        expect(body((await kpi('layout-b-reordered/一体化导出.xlsx'))[0]!.text)).toBe(body(national!.text));
        expect((await model('layout-b/一体化导出.xlsx')).layout).toBe('B');
    });

    it('reads the rows a province prints below the table: 存在问题, 改进措施, 评价结论', async () => {
        const [form] = await kpi('layout-b-narrative/一体化导出.xlsx');
        expect(form!.text).toContain('    问题 无\n    改进 "完善助餐点布局"\n    结论 "基本完成年度目标"\n');
        expect(body(form!.text).replace(/\n {4}(问题|改进|结论) .*(?=\n)/g, '')).toBe(body((await kpi('layout-b/一体化导出.xlsx'))[0]!.text));
    });
});

describe('Layout C: the 申报表', () => {
    it('reads header, period, funds, goals and the indicator tree', async () => {
        const [form] = await kpi('layout-c/申报表.xlsx');
        expect(form!.text).toContain('    实施期 2023-01 至 2023-12\n    预算 300 万元\n    资金 {\n        中期 900 万元\n        年度 300 万元\n'
            + '        其中 财政拨款 260 万元\n        其中 其他资金 30 万元\n    }\n');
        expect(form!.text).toContain('        中期目标 "三年内覆盖全市老年人助餐需求"\n        年度目标 "为2000名老年人提供助餐服务"\n');
        expect(form!.text).not.toContain('自评');
        const yuan = (await kpi('layout-c-yuan/申报表.xlsx'))[0]!.text;
        expect(yuan).toContain('        年度 3000000 元\n');
    });
});

describe('a head of two rows', () => {
    it('reads the heads of a second head row (年度指标值 | 实际完成值 under a merged 指标值) as the table\'s, so that a 自评表 stays one', async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('自评表');
        sheet.addRow(['项目名称', '助餐项目']);
        sheet.addRow(['一级指标', '二级指标', '三级指标', '指标值', undefined, '评分', undefined, '偏差原因分析及改进措施']);
        sheet.addRow([undefined, undefined, undefined, '年度指标值', '实际完成值', '分值', '得分']);
        sheet.addRow(['产出指标', '数量指标', '助餐服务人数', '≥1800人', '1850人', 50, 45, '两处助餐点延期']);
        sheet.addRow(['满意度指标', '服务对象满意度', '满意度', '≥90%', '92%', 50, 50]);
        sheet.addRow(['总分', undefined, undefined, undefined, undefined, 100, 95]);
        for (const range of ['A2:A3', 'B2:B3', 'C2:C3', 'D2:E2', 'F2:G2', 'H2:H3']) sheet.mergeCells(range);
        const [form] = await excel.workbookToKpi(new Uint8Array(await book.xlsx.writeBuffer()), '自评表.xlsx');
        expect(form!.text).toContain('（绩效自评表，版式 A）');
        expect(form!.text).toContain('"助餐服务人数" >= 1800 人\n');
        expect(form!.text).toContain('    指标 "助餐服务人数" 实际 1850 人 分值 50 得分 45 偏差 "两处助餐点延期"\n');
        expect(form!.text).toContain('    合计 分值 100 得分 95\n');
        expect(form!.problems).toEqual([]);
    });
});

describe('indicator tables side by side in the same rows', () => {
    /** A 申报表 whose indicator tables stand side by side, each under a label (or none) over its four columns. */
    const sideBySide = async (left: string | undefined, right: string | undefined) => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('申报表');
        sheet.addRow(['项目名称', '助餐项目']);
        sheet.addRow(['年度资金总额', 300]);
        sheet.addRow(['绩效指标', left, undefined, undefined, undefined, right]);
        sheet.addRow([undefined, '一级指标', '二级指标', '三级指标', '指标值', '一级指标', '二级指标', '三级指标', '指标值']);
        sheet.addRow([undefined, '产出指标', '数量指标', '助餐服务人数', '≥5000人', '产出指标', '数量指标', '助餐服务人数', '≥1800人']);
        sheet.addRow([undefined, '效益指标', '社会效益', '老年人助餐覆盖率', '≥60%', '满意度指标', '服务对象满意度', '服务对象满意度', '≥90%']);
        sheet.mergeCells('A3:A6');
        if (left) sheet.mergeCells('B3:E3');
        if (right) sheet.mergeCells('F3:I3');
        return (await excel.workbookToKpi(new Uint8Array(await book.xlsx.writeBuffer()), '申报表.xlsx'))[0]!;
    };

    it('reads the 年度 table of 中期 and 年度 tables side by side, and says that the 中期 one is not read', async () => {
        const cases = [
            { left: '中期绩效指标', right: '年度绩效指标', medium: 'B3', read: ['>= 1800 人', '"服务对象满意度"'], titles: 'H' },
            { left: '年度绩效指标', right: '中期绩效指标（2024-2026年）', medium: 'F3', read: ['>= 5000 人', '"老年人助餐覆盖率"'], titles: 'D' },
        ];
        for (const { left, right, medium, read, titles } of cases) {
            const form = await sideBySide(left, right);
            for (const text of read) expect(form.text).toContain(text);
            expect(form.text.match(/助餐服务人数/g)).toHaveLength(1);
            expect(form.problems.map(p => [p.cell, p.text.zh])).toEqual([[medium, '中期绩效指标表未读入：项目只记年度绩效指标（旁边的年度表），中期指标值不作检查']]);
            // Findings on a row point at the 年度 table's cells.
            const at = form.text.indexOf('"助餐服务人数"');
            expect(excel.cellAt(form, at, at + 1, 'target/no-unit')).toBe(`${titles}5`);
        }
    });

    it('reads both halves of a table printed in two to fit the page, where no label says 中期 or 年度', async () => {
        // Goal heads over the halves (中期目标 | 年度目标) say nothing of the indicators.
        for (const [left, right] of [[undefined, undefined], ['中期目标', '年度目标']] as const) {
            const form = await sideBySide(left, right);
            expect(form.text).toContain('"助餐服务人数" >= 5000 人');
            expect(form.text).toContain('"服务对象满意度" >= 90%');
        }
        const form = await sideBySide(undefined, undefined);
        expect(body(form.text).replace(/\s+/g, ' ')).toContain('产出指标 { 数量指标 { "助餐服务人数" >= 5000 人 "助餐服务人数" >= 1800 人 } }');
        expect(form.text).toContain('"老年人助餐覆盖率" >= 60%');
        expect(form.text).toContain('"服务对象满意度" >= 90%');
        expect(form.problems).toEqual([]);
    });
});

describe('workbooks with several sheets, and sheets partly forms', () => {
    it('reads one form per sheet and skips sheets that hold none; the 自评表 assesses the 申报表’s project', async () => {
        const forms = await kpi('several-sheets/表单.xlsx');
        expect(forms.map(f => f.sheet)).toEqual(['绩效目标申报表', '自评表']);
        expect(forms[1]!.text).not.toMatch(/^项目 /m);
        expect(forms[1]!.text).toContain('对象 社区居家养老服务补贴项目 {');
        // Its 预期目标 is the 申报表's 年度目标: assessed as that goal, not as words of no goal.
        expect(forms[1]!.text).toContain('    总体目标 年度目标 "全年为1850名老年人提供助餐服务"\n');
        const codes = (await buildWorkspace(Object.fromEntries(forms.map(f => [`${f.sheet}.kpi`, f.text])))).diagnostics('自评表.kpi')
            .filter(d => d.code === 'assessment/goal-not-covered').map(d => (d.data as { goal: string }).goal);
        expect(codes).toEqual(['中期目标']);
    });

    it('names the goals of one project alike whether read from its 申报表 or its 自评表 (年度目标; 目标1 … 目标n)', async () => {
        const workbook = async (rows: Array<Array<string | number>>) => {
            const book = new ExcelJS.Workbook();
            const sheet = book.addWorksheet('表');
            for (const row of rows) sheet.addRow(row);
            return { fileName: '表.xlsx', bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
        };
        const indicators = [['一级指标', '二级指标', '三级指标', '指标值'], ['产出指标', '数量指标', '助餐服务人数', '≥1800人']];
        const target = await workbook([['项目名称', '助餐项目'], ['目标1', '为2000名老年人提供助餐服务'], ['目标2', '建成20个助餐点'], ...indicators]);
        const assessed = await workbook([
            ['项目名称', '助餐项目'], ['年度总体目标', '预期目标', '实际完成情况'],
            ['', '为2000名老年人提供助餐服务', '为1850名老年人提供助餐服务'], ['', '建成20个助餐点', '建成16个助餐点'],
            ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'], ['产出指标', '数量指标', '助餐服务人数', '≥1800人', '1850人', 10, 10],
        ]);
        // Each imported alone: the same goals, by the same names.
        const goalsOf = (text: string) => /总体目标 \{\n([^}]*)\}/.exec(text)?.[1]?.trim().split(/\s*\n\s*/);
        const [alone] = await excel.workbookToKpi(assessed.bytes, '自评表.xlsx');
        const [declared] = await excel.workbookToKpi(target.bytes, '申报表.xlsx');
        expect(goalsOf(alone!.text)).toEqual(['目标1 "为2000名老年人提供助餐服务"', '目标2 "建成20个助餐点"']);
        expect(goalsOf(alone!.text)).toEqual(goalsOf(declared!.text));
        expect(alone!.text).toContain('    总体目标 目标1 "为1850名老年人提供助餐服务"\n    总体目标 目标2 "建成16个助餐点"\n');
        // Read together: the 自评表 assesses the 申报表's goals.
        const books = await Promise.all([target, assessed].map(b => excel.readWorkbook(b.bytes, b.fileName)));
        const [, [together]] = excel.emitWorkbooks(books, new Set());
        expect(together!.text).not.toMatch(/^项目 /m);
        expect(together!.text).toContain('    总体目标 目标1 "为1850名老年人提供助餐服务"\n    总体目标 目标2 "建成16个助餐点"\n');
    });

    it('passes over a form on a hidden sheet (last year\'s copy kept out of sight) while a sheet shown holds one', async () => {
        const hiding = async (...hidden: string[]) => {
            const book = new ExcelJS.Workbook();
            await book.xlsx.load(readFileSync(join(EXCEL_FIXTURES, 'several-sheets', '表单.xlsx')) as unknown as ArrayBuffer);
            for (const name of hidden) book.getWorksheet(name)!.state = 'hidden';
            return excel.workbookToKpi(new Uint8Array(await book.xlsx.writeBuffer()), '表单.xlsx');
        };
        const shown = await hiding('绩效目标申报表');
        expect(shown.map(f => f.sheet)).toEqual(['自评表']);
        expect(shown[0]!.text).toMatch(/^项目 社区居家养老服务补贴项目 /m);
        // Every form hidden: the workbook is still read, not refused as one without a form.
        expect((await hiding('绩效目标申报表', '自评表')).map(f => f.sheet)).toEqual(['绩效目标申报表', '自评表']);
    });

    it('leaves out the zero-width characters text pasted from a web page brings, which no one sees in the cell', async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('自评表');
        sheet.addRow(['项目名称', '助餐项目\ufeff']);
        sheet.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
        sheet.addRow(['产出指标', '数量指标', '助餐\u200b服务人数', '≥1800\u200b人', '1850\u200c', 10, 10]);
        const [form] = await excel.workbookToKpi(new Uint8Array(await book.xlsx.writeBuffer()), '自评表.xlsx');
        expect(form!.text).toContain('项目 助餐项目 "助餐项目" {');
        expect(form!.text).toContain('"助餐服务人数" >= 1800 人\n');
        expect(form!.text).toContain('指标 "助餐服务人数" 实际 1850 分值 10 得分 10\n');
        expect(form!.problems).toEqual([]);
    });

    it('reads a unit printed in brackets after the number (`≥1800（人）`) as the target\'s unit, not as words', async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('自评表');
        sheet.addRow(['项目名称', '助餐项目']);
        sheet.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
        sheet.addRow(['产出指标', '数量指标', '助餐服务人数', '≥1800（人）', '1850（人）', 10, 10]);
        const [form] = await excel.workbookToKpi(new Uint8Array(await book.xlsx.writeBuffer()), '自评表.xlsx');
        expect(form!.text).toContain('"助餐服务人数" >= 1800 人\n');
        expect(form!.text).toContain('指标 "助餐服务人数" 实际 1850 人 分值 10 得分 10\n');
        expect(form!.problems).toEqual([]);
    });

    it('leaves out hidden rows, as the printed form does, and says which rows it passed over', async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('自评表');
        sheet.addRow(['项目名称', '助餐项目']);
        sheet.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
        sheet.addRow(['产出指标', '数量指标', '助餐点数量', '≥20个', '16个', 10, 8]);
        sheet.addRow(['产出指标', '数量指标', '去年的指标', '≥5个', '5个', 10, 10]);
        sheet.addRow(['产出指标', '数量指标', '辅助行', '≥1个', '1个', 10, 10]);
        sheet.addRow([]);
        sheet.addRow(['产出指标', '质量指标', '验收合格率', '100%', '100%', 10, 10]);
        // The family merged down from a row that is hidden: Excel still shows it on the rows below.
        sheet.mergeCells('A3:A7');
        for (const r of [3, 4, 5, 6]) sheet.getRow(r).hidden = true;
        const [form] = await excel.workbookToKpi(new Uint8Array(await book.xlsx.writeBuffer()), '自评表.xlsx');
        expect(form!.text).not.toMatch(/助餐点数量|去年的指标|辅助行/);
        expect(form!.text).toContain('产出指标 {\n            质量指标 {\n                "验收合格率" 100%\n');
        // One note per run of hidden rows, on its first cell; the blank hidden row 6 needs none and does not part them.
        expect(form!.problems.map(p => [p.cell, p.text.zh])).toEqual([
            ['A3', '第 3–5 行已隐藏，未读入：打印和提交的表单不含隐藏的行；要读入请取消隐藏，不要的行请删除'],
        ]);
        // Unhidden, the rows are read.
        for (const r of [3, 4, 5, 6]) sheet.getRow(r).hidden = false;
        const [shown] = await excel.workbookToKpi(new Uint8Array(await book.xlsx.writeBuffer()), '自评表.xlsx');
        expect(shown!.text).toContain('"去年的指标" >= 5 个');
        expect(shown!.problems).toEqual([]);
    });

    it('reads a printed `无` in a reason column (偏差原因, 执行偏差原因) as no reason, as `—` and `/`, not as the reason "无"', async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('自评表');
        sheet.addRow(['项目名称', '助餐项目']);
        sheet.addRow(['', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分']);
        sheet.addRow(['年度资金总额', 300, 260, 198, 10, '76.15%', 7.6]);
        sheet.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施']);
        sheet.addRow(['产出指标', '数量指标', '助餐服务人数', '≥1800人', '1700人', 30, 28, '无']);
        sheet.addRow(['产出指标', '数量指标', '助餐点数量', '≥20个', '16个', 30, 24, '—']);
        sheet.addRow(['产出指标', '数量指标', '上门服务人数', '≥500人', '450人', 30, 27, ' 无 ']);
        sheet.addRow(['产出指标', '质量指标', '验收合格率', '100%', '98%', 30, 29, '两处返工']);
        sheet.addRow(['执行偏差原因', '无']);
        const [form] = await excel.workbookToKpi(new Uint8Array(await book.xlsx.writeBuffer()), '自评表.xlsx');
        expect(form!.text).not.toContain('"无"');
        expect(form!.text).toContain('    指标 "助餐服务人数" 实际 1700 人 分值 30 得分 28\n');
        expect(form!.text).toContain('    指标 "上门服务人数" 实际 450 人 分值 30 得分 27\n');
        expect(form!.text).toContain('    指标 "验收合格率" 实际 98% 分值 30 得分 29 偏差 "两处返工"\n');
        expect(form!.text).toMatch(/预算执行 .*得分 7\.6\n {4}指标/);
        // Without a reason, the shortfall is reported as one not explained.
        const codes = (await buildWorkspace({ '自评表.kpi': form!.text })).diagnostics('自评表.kpi').map(d => d.code);
        expect(codes.filter(c => c === 'assessment/missing-deviation')).toHaveLength(3);
        expect(codes).toContain('funds/low-execution-no-reason');
    });

    it('passes over hidden columns that are no column of the form (an 一体化 export\'s IDs) without a word, and reads a hidden column the form\'s heads name', async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('自评表');
        sheet.addRow(['项目名称', 'XM2023001', '助餐项目']);
        sheet.addRow(['一级指标', '指标ID', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
        sheet.addRow(['产出指标', 'ZB001', '数量指标', '助餐服务人数', '≥1800人', '1850人', 50, 50]);
        sheet.addRow(['满意度指标', 'ZB002', '服务对象满意度', '满意度', '≥90%', '92%', 50, 50]);
        sheet.addRow(['存在问题', 'WT001', '资金拨付较慢']);
        // The IDs' column, and by mistake the targets' column.
        sheet.getColumn(2).hidden = true;
        sheet.getColumn(5).hidden = true;
        const [form] = await excel.workbookToKpi(new Uint8Array(await book.xlsx.writeBuffer()), '自评表.xlsx');
        expect(form!.text).toContain('项目 助餐项目 "助餐项目" {');
        expect(form!.text).toContain('"助餐服务人数" >= 1800 人\n');
        expect(form!.text).toContain('    问题 "资金拨付较慢"\n');
        expect(form!.text).not.toMatch(/XM2023001|ZB00|WT001/);
        expect(form!.problems).toEqual([]);
    });

    it('reports a formula\'s error value (#REF!, #N/A) and reads the cell as blank, not as a value', async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('自评表');
        sheet.addRow(['项目名称', '助餐项目']);
        sheet.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
        sheet.addRow(['产出指标', '数量指标', '助餐服务人数', '≥1800人', { formula: 'VLOOKUP(C3,Z:Z,2,0)', result: { error: '#N/A' } }, 50, { formula: '#REF!*2', result: { error: '#REF!' } }]);
        sheet.addRow(['满意度指标', '服务对象满意度', '满意度', '≥90%', '92%', 50, 50]);
        const [form] = await excel.workbookToKpi(new Uint8Array(await book.xlsx.writeBuffer()), '自评表.xlsx');
        expect(form!.problems.map(p => [p.cell, p.text.zh])).toEqual([
            ['E3', '「#N/A」是公式的错误值，此格按空白读：请改正公式或填入数值'],
            ['G3', '「#REF!」是公式的错误值，此格按空白读：请改正公式或填入数值'],
        ]);
        expect(form!.text).toContain('    指标 "助餐服务人数" 分值 50\n');
    });

    it('counts a 分值 or 得分 merged over the rows of several indicators once, on the first, and says so', async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('自评表');
        sheet.addRow(['项目名称', '助餐项目']);
        sheet.addRow(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']);
        sheet.addRow(['产出指标', '数量指标', '助餐服务人数', '≥1800人', '1850人', 50, 45]);
        sheet.addRow(['产出指标', '数量指标', '助餐点数量', '≥20个', '18个']);
        sheet.addRow(['满意度指标', '服务对象满意度', '满意度', '≥90%', '92%', 50, 50]);
        sheet.addRow(['总分', undefined, undefined, undefined, undefined, 100, 95]);
        sheet.mergeCells('F3:F4');
        sheet.mergeCells('G3:G4');
        const [form] = await excel.workbookToKpi(new Uint8Array(await book.xlsx.writeBuffer()), '自评表.xlsx');
        expect(form!.text).toContain('    指标 "助餐服务人数" 实际 1850 人 分值 50 得分 45\n    指标 "助餐点数量" 实际 18 个\n');
        expect(form!.problems.map(p => [p.cell, p.text.zh])).toEqual([
            ['F3', '「50」合并在多个指标的行上，只计入第一个指标「助餐服务人数」：请为每个指标分别填写'],
            ['G3', '「45」合并在多个指标的行上，只计入第一个指标「助餐服务人数」：请为每个指标分别填写'],
        ]);
    });

    it('yields what it could read and a problem for each cell it could not', async () => {
        const [form] = await kpi('partial/自评表.xlsx');
        expect(form!.problems.map(p => [p.cell, p.text.zh])).toEqual([
            ['G12', '「十分」不是数值'],
            ['B21', '一级指标「其他指标」不是已知的指标类别，其下的指标未读入'],
        ]);
        expect(form!.text).toContain('    指标 "助餐服务人数" 实际 1850 得分 10\n');
        expect(form!.text).not.toContain('服务投诉次数');
    });
});

describe('what is no form', () => {
    it('names the first label it lacks', async () => {
        const refused = await kpi('bad/无表单.xlsx').catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(excel.WorkbookError);
        expect((refused as excel.WorkbookError).text.zh).toBe('找不到「一级指标」表头');
    });
});

describe('a target a cell prints as a range', () => {
    it('is reported at its cell in the words a .kpi file gets, and kept as words, not read as one end', async () => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('表');
        for (const row of [
            ['项目名称', '助餐项目'], ['一级指标', '二级指标', '三级指标', '指标值'],
            ['产出指标', '数量指标', '助餐服务人数', '1800-2000人'], ['产出指标', '质量指标', '合格率', '不低于80%且不高于90%'],
            ['效益指标', '社会效益', '受益率', '80%至90%'], ['效益指标', '社会效益', '覆盖率', '≥95%'],
        ]) sheet.addRow(row);
        const [form] = await excel.workbookToKpi(new Uint8Array(await book.xlsx.writeBuffer()), '申报表.xlsx');
        expect(form!.problems.map(p => [p.cell, p.text.zh])).toEqual([
            ['D3', '「1800-2000人」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 >= 1800 人），上限可写在说明里'],
            ['D4', '「不低于80%且不高于90%」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 >= 80%），上限可写在说明里'],
            ['D5', '「80%至90%」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 >= 80%），上限可写在说明里'],
        ]);
        expect(form!.text).toContain('"合格率" 定性 "不低于80%且不高于90%"');
        expect(form!.text).toContain('"覆盖率" >= 95%');
        // The same words as the .kpi text's syntax message.
        const typed = await buildWorkspace({ 'p.kpi': '项目 P "p" { 绩效指标 { 产出指标 { 质量指标 { "合格率" 不低于80%且不高于90% } } } }' });
        expect(typed.diagnostics('p.kpi').map(d => d.message)).toContain(form!.problems[1]!.text.zh);
    });
});
