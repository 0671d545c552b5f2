import { describe, expect, it } from 'vitest';
import { emitForm } from '../../packages/language/src/excel/emit-kpi.js';
import { readForm } from '../../packages/language/src/excel/read-form.js';
import type { GridCell, SheetGrid } from '../../packages/language/src/excel/sheet-grid.js';

const COLUMNS = 'ABCDEFGHIJ';

/**
 * A sheet typed as rows of texts; `^` repeats the cell above (a merge down), `<` the cell to the
 * left (a merge across), both keeping the merge's first address, as the grid reader spreads merges.
 */
function sheet(rows: ReadonlyArray<ReadonlyArray<string | undefined>>): SheetGrid {
    const grid: Array<Array<GridCell | undefined>> = [];
    rows.forEach((row, r) => {
        const cells: Array<GridCell | undefined> = [];
        row.forEach((text, c) => {
            const number = text !== undefined && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;
            cells.push(text === '^' ? { ...grid[r - 1]![c]!, origin: false }
                : text === '<' ? { ...cells[c - 1]!, origin: false }
                    : text === undefined ? undefined
                        : { text, address: `${COLUMNS[c]}${r + 1}`, origin: true, ...(number === undefined ? {} : { number }) });
        });
        grid.push(cells);
    });
    return { name: '自评表', rows: grid };
}

/** The cell the emitted line holding `text` is mapped to. */
function lineCell(form: ReturnType<typeof emitForm>, text: string): string | undefined {
    const at = form.text.indexOf(text);
    return form.spans.find(s => s.start <= at && s.end > at && s.field === 'line')?.cell;
}

/** A provincial 自评表 that prints a 数据来源 column and 存在问题 / 改进措施 / 评价结论 / 评价日期 rows. */
const TABLES = [
    ['项目支出绩效自评表'],
    ['项目名称', '<', '助餐项目'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '数据来源'],
    ['^', '产出指标', '数量指标', '助餐人数', '≥100人', '120', '50', '50', undefined, '助餐台账'],
    ['^', '^', '^', '助餐点数', '≥5个', '4', '40', '40', '选址调整', undefined],
    ['总分', '<', '<', '<', '<', '<', '90', '90'],
];
const provincial = sheet([
    ...TABLES,
    ['存在问题', '<', '<', '助餐点建设滞后'],
    ['^', '^', '^', '部分台账不全'],
    ['改进措施', '<', '<', '加快助餐点建设'],
    ['评价结论', '<', '<', '基本完成年度目标'],
    ['评价日期', '<', '<', '2024年3月31日'],
]);

describe('an indicator row of the 一体化 flat sheet (Layout B)', () => {
    const flat = sheet([
        ['项目名称', '助餐项目'],
        ['一级指标', '二级指标', '三级指标名称', '计算符号', '指标值', '*实际完成值', '计量单位', '*分值', '*指标得分', '完成情况简要描述'],
        ['产出指标', '数量指标', '助餐人数', undefined, '1800人以上', '1850', undefined, '50', '50', '全年助餐\n1850 人次'],
        ['^', '^', '助餐点数', '不低于', '5', '4', '个', '50', '40', undefined],
    ]);

    it('reads the direction in words, in the value cell or the 计算符号 column', () => {
        const form = readForm(flat, '助餐')!;
        expect(form.indicators.map(i => i.target?.value)).toEqual([
            { kind: 'comparison', comparator: '>=', number: '1800', unit: '人' },
            { kind: 'comparison', comparator: '>=', number: '5', unit: '个' },
        ]);
    });

    it('reads a 指标值 cell that prints its unit itself (a percent-formatted 0.6) with the 计量单位 once', () => {
        const form = readForm(sheet([
            ['项目名称', '助餐项目'],
            ['一级指标', '二级指标', '三级指标名称', '计算符号', '指标值', '*实际完成值', '计量单位', '*分值', '*指标得分'],
            ['效益指标', '社会效益指标', '覆盖率', '≥', '60%', '62%', '%', '50', '50'],
            ['^', '^', '受益人数', '≥', '1800人以上', '1850', '人', '50', '50'],
        ]), '助餐')!;
        expect(form.indicators.map(i => i.target?.value)).toEqual([
            { kind: 'comparison', comparator: '>=', number: '60', unit: '%' },
            { kind: 'comparison', comparator: '>=', number: '1800', unit: '人' },
        ]);
    });

    it('names the project by a 项目名称 column, and says that the rows of several projects in one are read as one', () => {
        const flatWith = (...projects: string[]) => readForm(sheet([
            ['项目名称', '一级指标', '二级指标', '三级指标名称', '计算符号', '指标值', '*实际完成值', '计量单位', '*分值', '*指标得分'],
            ...projects.map((p, i) => [p, '产出指标', '数量指标', `指标${i + 1}`, '≥', '10', '12', '个', '10', '10']),
        ]), '一体化导出')!;
        const one = flatWith('助餐项目', '助餐项目');
        expect(one.project.name).toEqual({ value: '助餐项目', cell: 'A2' });
        expect(one.problems).toEqual([]);
        const two = flatWith('助餐项目', '老年大学项目');
        expect(two.project.name).toEqual({ value: '一体化导出' });
        expect(two.problems.map(p => [p.cell, p.text.zh])).toEqual([
            ['A1', '「项目名称」列有 2 个项目（助餐项目、老年大学项目），一张工作表只读作一个项目「一体化导出」：请每个项目一张工作表'],
        ]);
    });

    it('reads 扣减分数 as the weight less the points taken off where 指标得分 is left empty, and the score where it is not, reporting a 扣减分数 that disagrees with it', () => {
        const form = readForm(sheet([
            ['项目名称', '助餐项目'],
            ['一级指标', '二级指标', '三级指标名称', '计算符号', '指标值', '*实际完成值', '计量单位', '*分值', '*指标得分', '扣减分数'],
            ['产出指标', '数量指标', '助餐人数', '≥', '1800', '1850', '人', '50', undefined, '0'],
            ['^', '^', '助餐点数', '≥', '5', '4', '个', '50', undefined, '7.5'],
            ['^', '^', '助餐覆盖率', '≥', '90', '85', '%', '10', '8', '1'],
            ['^', '^', '助餐满意度', '≥', '90', '92', '%', '10', '9.5', '0.5'],
        ]), '助餐')!;
        expect(form.indicators.map(i => i.score)).toEqual([{ value: '50', cell: 'J3' }, { value: '42.5', cell: 'J4' }, { value: '8', cell: 'I5' }, { value: '9.5', cell: 'I6' }]);
        // Both printed: where they disagree, which one the form means cannot be read; the 指标得分 counts.
        expect(form.problems.map(p => [p.cell, p.text.zh, p.text.en])).toEqual([[
            'J5', '扣减分数 1 与指标得分不符：分值 10 减 1 为 9，指标得分为 8；按指标得分 8 读',
            'the deduction 1 disagrees with the score: weight 10 less 1 is 9, the score cell says 8; read as 8',
        ]]);
    });

    it('reads the 自评等级 cell as the lexer reads a typed grade, and reports text that is none', () => {
        const graded = (grade: string) => readForm(sheet([
            ['项目名称', '助餐项目'],
            ['一级指标', '二级指标', '三级指标名称', '计算符号', '指标值', '*实际完成值', '计量单位', '*分值', '*指标得分'],
            ['产出指标', '数量指标', '助餐人数', '≥', '1800', '1850', '人', '100', '90'],
            ['自评等级', grade],
        ]), '助餐')!;
        for (const [printed, grade] of [['优', '优'], ['优秀', '优'], ['良好（85.6分）', '良'], ['中等', '中'], ['较差', '差'], ['Excellent', '优']]) {
            expect(graded(printed!), printed).toMatchObject({ grade: { value: grade, cell: 'B4' }, problems: [] });
        }
        // 较好 is no grade (a prefix would not tell 良 from 较差), and a form's empty mark is no grade either.
        expect(graded('较好')).toMatchObject({ problems: [{ cell: 'B4', text: { zh: '「较好」不是自评等级：应为 优、良、中、差（或 优秀、良好、中等、较差）' } }] });
        expect(graded('较好').grade).toBeUndefined();
        expect(graded('—')).toMatchObject({ problems: [] });
    });

    it('keeps 完成情况简要描述 as a comment above the row\'s assessment line, on one line, mapped to its cell', () => {
        const form = emitForm(readForm(flat, '助餐')!, '一体化.xlsx');
        expect(form.text).toContain('    // 完成情况：全年助餐 1850 人次\n    指标 "助餐人数" 实际 1850 分值 50 得分 50\n');
        expect(form.text).toContain('                "助餐人数" >= 1800 人\n');
        expect(lineCell(form, '// 完成情况')).toBe('J3');
    });
});

describe('line breaks typed in a cell (Alt+Enter)', () => {
    it('joins Chinese text wrapped in a cell without a space, so that the row is the one the 申报表 names', () => {
        const form = emitForm(readForm(sheet([
            ['项目名称', '<', '助餐项目'],
            ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
            ['^', '产出指标', '数量指标', '助餐服务\n人数', '≥100人', '120', '50', '50', undefined],
            ['^', '^', '^', '助餐点数', '≥5个', '4', '50', '40', '1.选址调整；\n 2.延期'],
            ['^', '^', '^', 'Meal\r\nservices', '≥5次', '5', '0', '0', undefined],
            ['^', '^', '^', '助餐覆盖', '≥5个', '5', '0', '0', '目标1：覆盖全区\n目标2：建成助餐点\n二是加快建设'],
        ]), '助餐')!, '自评表.xlsx');
        expect(form.text).toContain('指标 "助餐服务人数" 实际 120 分值 50 得分 50\n');
        expect(form.text).toContain('偏差 "1.选址调整； 2.延期"\n');
        expect(form.text).toContain('指标 "Meal services" 实际 5 分值 0 得分 0\n');
        // Lines that are items of a list stay apart.
        expect(form.text).toContain('偏差 "目标1：覆盖全区 目标2：建成助餐点 二是加快建设"\n');
    });
});

describe('heads tagged for the form\'s formulas', () => {
    it('reads heads tagged for its formulas (全年预算数（A）, 执行率（B/A）, 实际完成值（B）) as the 自评表 they head, not a 申报表', () => {
        const form = readForm(sheet([
            ['项目名称', '<', '助餐项目'],
            ['项目资金（万元）', '<', '<', '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'],
            ['^', '^', '年度资金总额', '300', '300', '285', '10', '95%', '9.5'],
            ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值（A）', '实际完成值（B）', '分值', '得分', '偏差原因分析及改进措施'],
            ['^', '产出指标', '数量指标', '助餐人数', '≥100人', '120', '90', '90', undefined],
        ]), '助餐')!;
        expect(form.layout).toBe('A');
        const text = emitForm(form, '自评表.xlsx').text;
        expect(text).toContain('    预算执行 年初预算 300 万元 全年预算 300 万元 全年执行 285 万元 执行率 95% 分值 10 得分 9.5\n');
        expect(text).toContain('"助餐人数" >= 100 人\n');
        expect(text).toContain('    指标 "助餐人数" 实际 120 分值 90 得分 90\n');
        expect(form.problems).toEqual([]);
        // A percent column's head: `执行率（%）` over 95.
        const percent = readForm(sheet([
            ['项目名称', '<', '助餐项目'],
            ['项目资金（万元）', '<', '<', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率（%）', '得分'],
            ['^', '^', '年度资金总额', '300', '300', '285', '10', '95', '9.5'],
            ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
            ['^', '产出指标', '数量指标', '助餐人数', '≥100人', '120', '90', '90'],
        ]), '助餐')!;
        expect(percent.execution?.rate).toEqual({ value: '95', cell: 'H3' });
    });
});

describe('the 执行率 cell', () => {
    it('reads a fraction stored as text (0.7615, as a system exports it) as the percent a number cell holding it is', () => {
        const rate = (printed: string, stored: 'text' | 'number') => {
            const grid = sheet([
                ['项目名称', '<', '助餐项目'],
                ['项目资金（万元）', '<', '<', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
                ['^', '^', '年度资金总额', '300', '300', '228.45', '10', printed, '7.6'],
                ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
                ['^', '产出指标', '数量指标', '助餐人数', '≥100人', '120', '90', '90'],
            ]);
            if (stored === 'text') delete (grid.rows[2]![7] as { number?: number }).number;
            return readForm(grid, '助餐')!.execution?.rate?.value;
        };
        expect(rate('0.7615', 'text')).toBe('76.15');
        expect(rate('0.7615', 'number')).toBe('76.15');
        expect(rate('76.15', 'text')).toBe('76.15');
        expect(rate('76.15%', 'text')).toBe('76.15');
        expect(rate('0.5%', 'text')).toBe('0.5');
    });
});

describe('rows that sum others', () => {
    it('passes over a 小计 row, in the 三级指标 column or across the family columns, as no indicator', () => {
        const form = readForm(sheet([
            ['项目名称', '<', '助餐项目'],
            ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
            ['^', '产出指标', '数量指标', '助餐人数', '≥100人', '120', '40', '40'],
            ['^', '^', '^', '小计', undefined, undefined, '40', '40'],
            ['^', '效益指标', '社会效益', '覆盖率', '≥60%', '62%', '30', '30'],
            ['^', '效益指标小计', '<', '<', undefined, undefined, '30', '30'],
            ['^', '满意度指标', '服务对象满意度', '满意度', '≥90%', '92%', '30', '30'],
            ['总分', '<', '<', '<', '<', '<', '100', '100'],
        ]), '助餐')!;
        expect(form.indicators.map(i => [i.level1.value, i.title.value])).toEqual([['产出指标', '助餐人数'], ['效益指标', '覆盖率'], ['满意度指标', '满意度']]);
        expect(form.problems).toEqual([]);
        expect(form.total).toMatchObject({ weight: { value: '100' }, score: { value: '100' } });
    });

    it('reads the total row by its label with a note after it (总分（100分）) or as 合计得分', () => {
        for (const label of ['总分（100分）', '合计得分']) {
            const form = readForm(sheet([
                ['项目名称', '<', '助餐项目'],
                ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
                ['^', '产出指标', '数量指标', '助餐人数', '≥100人', '120', '100', '95'],
                [label, '<', '<', '<', '<', '<', '100', '95'],
            ]), '助餐')!;
            expect(form.total).toEqual({ cell: 'A4', weight: { value: '100', cell: 'G4' }, score: { value: '95', cell: 'H4' } });
            expect(form.indicators).toHaveLength(1);
        }
    });
});

describe('lines of text in the indicator table', () => {
    it('passes over a note merged across the table (填报说明 below a 申报表\'s indicators) instead of reading it as a family', () => {
        const form = readForm(sheet([
            ['项目名称', '<', '助餐项目'],
            ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '上年实际值'],
            ['^', '产出指标', '数量指标', '助餐人数', '≥100人', '90人'],
            ['^', '满意度指标', '服务对象满意度', '满意度', '≥90%', undefined],
            ['填报说明：1.绩效指标可选择填写。2.指标值应量化。', '<', '<', '<', '<', '<'],
        ]), '助餐')!;
        expect(form.layout).toBe('C');
        expect(form.indicators.map(i => i.title.value)).toEqual(['助餐人数', '满意度']);
        expect(form.problems).toEqual([]);
        expect(form.emptyGroups).toBeUndefined();
    });
});

describe('the header and goals of a 申报表', () => {
    const form = (period: string, goals: ReadonlyArray<ReadonlyArray<string | undefined>>) => readForm(sheet([
        ['项目名称', '<', '助餐项目'],
        ['项目期', '<', period],
        ...goals,
        ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
        ['^', '产出指标', '数量指标', '助餐人数', '≥100人'],
    ]), '助餐')!;

    it('reads the text beside 总体目标 as the year\'s goal where neither heads nor numbered rows part it', () => {
        const one = form('2023-2025年', [['总体目标', '<', '为2000名老年人提供助餐服务；为500名失能老人提供上门服务。', '<', '<']]);
        expect(one.goals).toEqual([{ name: '年度目标', expected: { value: '为2000名老年人提供助餐服务；为500名失能老人提供上门服务。', cell: 'C3' } }]);
        expect(one.project.period).toEqual({ value: { start: '2023-01', end: '2025-12' }, cell: 'C2' });
        expect(one.problems).toEqual([]);
        // A 中期目标 head left without its text is no goal.
        expect(form('2023年', [['总体目标', '<', '中期目标', '年度目标'], ['^', '^', '—', '—']]).goals).toEqual([]);
    });

    it('reports a 项目期 it cannot read as months, rather than leave it out unsaid', () => {
        expect(form('长期', []).problems.map(p => [p.cell, p.text.zh])).toEqual([['C2', '项目期「长期」不是起止年月（如 2023-01 至 2023-12）']]);
    });
});

describe('numbers stored as text', () => {
    it('writes an amount, a weight or a score stored as text (`300.00`, `1,850.00`) as the number cell holding it would be', () => {
        const grid = sheet([
            ['项目名称', '<', '助餐项目'],
            ['项目资金（万元）', '<', '<', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
            ['^', '^', '年度资金总额', '300.00', '1,850.00', '285.50', '10.0', '95%', '9.50'],
            ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
            ['^', '产出指标', '数量指标', '助餐人数', '≥100人', '120', '90.00', '90.0'],
        ]);
        for (const row of grid.rows) for (const cell of row) if (cell) delete (cell as { number?: number }).number;
        const text = emitForm(readForm(grid, '助餐')!, '自评表.xlsx').text;
        expect(text).toContain('    预算执行 年初预算 300 万元 全年预算 1850 万元 全年执行 285.5 万元 执行率 95% 分值 10 得分 9.5\n');
        expect(text).toContain('    指标 "助餐人数" 实际 120 分值 90 得分 90\n');
    });
});

describe('what could not be read in a table', () => {
    it('is said once for a cell merged over rows, and a row without a 二级指标 says so', () => {
        const form = emitForm(readForm(sheet([
            ['项目名称', '<', '助餐项目'],
            ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
            ['^', '其他指标', '数量指标', '助餐人数', '≥100人', '120', '十分', '10'],
            ['^', '^', '^', '助餐点数', '≥5个', '5', '^', '10'],
            ['^', '^', '^', '助餐次数', '≥5次', '5', '^', '10'],
            ['^', '产出指标', undefined, '助餐覆盖', '≥5个', '5', '10', '10'],
        ]), '助餐')!, '自评表.xlsx');
        expect(form.problems.map(p => [p.cell, p.text.zh])).toEqual([
            ['G3', '「十分」不是数值'],
            ['B3', '一级指标「其他指标」不是已知的指标类别，其下的指标未读入'],
            ['D6', '指标「助餐覆盖」没有二级指标，未读入'],
        ]);
    });
});

describe('the 申报表\'s goals (Layout C)', () => {
    it('leaves a 中期目标 printed as — out, not taking the 年度目标 head beside it for its text', () => {
        const form = readForm(sheet([
            ['项目名称', '<', '助餐项目'],
            ['总体目标', '<', '中期目标', '<', '年度目标', '<'],
            ['^', '^', '—', '<', '为2000名老年人提供助餐服务', '<'],
            ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值说明'],
            ['^', '产出指标', '数量指标', '助餐人数', '≥1800人', undefined],
        ]), '助餐')!;
        expect(form.goals).toEqual([{ name: '年度目标', expected: { value: '为2000名老年人提供助餐服务', cell: 'E3' } }]);
    });

    it('reads the heads 申报表 forms print as 主管部门及代码, and a 中期目标 head that prints its period', () => {
        const form = readForm(sheet([
            ['项目名称', '<', '助餐项目'],
            ['主管部门及代码', '<', '某区民政局 101', '<', '实施单位', '某区养老服务中心'],
            ['总体目标', '<', '中期目标（2024年－2026年）', '<', '年度目标', '<'],
            ['^', '^', '三年覆盖全区', '<', '为2000名老年人提供助餐服务', '<'],
            ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值', '指标值说明'],
            ['^', '产出指标', '数量指标', '助餐人数', '≥1800人', undefined],
        ]), '助餐')!;
        expect(form.project.department).toEqual({ value: '某区民政局 101', cell: 'C2' });
        expect(form.goals.map(g => [g.name, g.expected?.value])).toEqual([['中期目标', '三年覆盖全区'], ['年度目标', '为2000名老年人提供助餐服务']]);
    });
});

describe('a deadline by a month alone', () => {
    it('reports 2023年6月前 in the words typed text gets, and keeps the cell as a qualitative target', () => {
        const form = readForm(sheet([
            ['项目支出绩效目标申报表'],
            ['项目名称', '<', '助餐项目'],
            ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
            ['^', '产出指标', '时效指标', '助餐点建成', '2023年6月前'],
            ['^', '^', '^', '助餐点验收', '2023年6月底前完成'],
        ]), '助餐')!;
        expect(form.problems.map(p => [p.cell, p.text.zh])).toEqual([
            ['E4', '「2023年6月前」说不清是哪一天：写明日期，如 2023年6月底前（即 2023年6月的最后一天）或 2023-06-01 前'],
        ]);
        expect(form.indicators.map(i => i.target?.value)).toEqual([
            { kind: 'qualitative', text: '2023年6月前' },
            { kind: 'date', comparator: '<=', date: '2023-06' },
        ]);
    });
});

describe('rows below the tables: what a 自评表 says in words', () => {
    it('reads 存在问题 (a label merged over rows labels each), 改进措施, 评价结论 and 评价日期', () => {
        const form = readForm(provincial, '助餐')!;
        expect(form.narrative).toEqual({
            problems: [
                { text: { value: '助餐点建设滞后', cell: 'D7' }, none: false, concerns: [] },
                { text: { value: '部分台账不全', cell: 'D8' }, none: false, concerns: [] },
            ],
            improvements: [{ value: '加快助餐点建设', cell: 'D9' }],
            conclusions: [{ value: '基本完成年度目标', cell: 'D10' }],
            asOf: { value: '2024-03-31', cell: 'D11' },
        });
        expect(form.indicators[0]!.source).toEqual({ value: '助餐台账', cell: 'J4' });
        expect(form.indicators[1]!.source).toBeUndefined();
        expect(form.problems).toEqual([]);
    });

    it('writes them as 问题, 改进, 结论, 评价日 and 来源, each mapped to its cell', () => {
        const form = emitForm(readForm(provincial, '助餐')!, '自评表.xlsx');
        expect(form.text).toContain('                "助餐人数" >= 100 人 来源 "助餐台账"\n');
        expect(form.text).toContain('    问题 "助餐点建设滞后"\n    问题 "部分台账不全"\n    改进 "加快助餐点建设"\n    结论 "基本完成年度目标"\n    评价日 2024-03-31\n');
        expect(lineCell(form, '问题 "部分台账不全"')).toBe('D8');
    });

    it('reads a printed 无 as 问题 无', () => {
        const none = sheet([...TABLES, ['存在问题', '<', '<', '无']]);
        const form = emitForm(readForm(none, '助餐')!, '自评表.xlsx');
        expect(form.text).toContain('    问题 无\n');
    });

    it('reports a date, a milestone status or a 测算依据 it cannot read, and reads the rest', () => {
        const blocks = sheet([
            ['项目支出绩效自评表'],
            ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
            ['^', '产出指标', '数量指标', '助餐人数', '≥100人', '120', '100', '100'],
            ['总分', '<', '<', '<', '<', '<', '100', '100'],
            ['评价日期', '<', '<', '年底'],
            ['项目测算（万元）', '测算项目', '<', '金额', '测算依据'],
            ['^', '助餐补贴', '<', '120', '两千人每月五十元'],
            ['项目里程碑', '里程碑', '<', '<', '计划完成时间', '完成情况', '实际完成时间'],
            ['^', '助餐点建成', '<', '<', '2023-06', '差不多'],
        ]);
        const form = readForm(blocks, '助餐')!;
        expect(form.problems.map(p => [p.cell, p.text.zh])).toEqual([
            ['E7', '测算依据「两千人每月五十元」不是数量的乘积'],
            ['F9', '完成情况「差不多」应为“完成”或“未完成”'],
            ['D5', '「年底」不是日期'],
        ]);
        expect(form.breakdown).toEqual({ cell: 'A6', rows: [{ title: { value: '助餐补贴', cell: 'B7' }, amount: { value: { number: '120', unit: '万元' }, cell: 'D7' } }] });
        expect(form.milestones).toEqual([{ title: { value: '助餐点建成', cell: 'B9' }, planned: { value: '2023-06', cell: 'E9' } }]);
        const text = emitForm(form, '自评表.xlsx').text;
        // 测算 after the header (as files keep it), 里程碑 after the indicators.
        expect(text).toContain('    测算 {\n        "助餐补贴" 120 万元\n    }\n    绩效指标 {\n');
        expect(text).toContain('    }\n    里程碑 {\n        "助餐点建成" 计划 2023-06\n    }\n}\n');
    });

    it('reads a percent-formatted 上年实际值 as printed, and leaves out what a project written from the form cannot plan', () => {
        const grid = sheet([
            ['项目支出绩效自评表'],
            ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '上年实际值'],
            ['^', '效益指标', '社会效益', '覆盖率', '≥60%', '62%', '100', '100', '65%'],
            ['总分', '<', '<', '<', '<', '<', '100', '100'],
            ['项目测算（万元）', '测算项目', '<', '金额', '实际金额'],
            ['^', '服务评估', '<', undefined, '20'],
            ['项目里程碑', '里程碑', '<', '<', '计划完成时间', '完成情况'],
            ['^', '助餐点建成', '<', '<', undefined, '完成'],
        ]);
        // Excel keeps a percent-formatted cell as 0.65 and prints it as 65%.
        const rows = grid.rows.map((row, r) => (r === 2 ? row.map((c, i) => (i === 8 ? { ...c!, number: 0.65 } : c)) : row));
        const form = readForm({ ...grid, rows }, '助餐')!;
        expect(form.indicators[0]!.lastYear).toEqual({ value: '65%', cell: 'I3' });
        const emitted = emitForm(form, '自评表.xlsx');
        expect(emitted.text).toContain('"覆盖率" >= 60% 上年 65%');
        expect(emitted.text).not.toMatch(/测算|里程碑/);
        expect(emitted.problems.map(p => [p.cell, p.text.zh])).toEqual([
            ['B6', '测算「服务评估」没有金额，未读入'],
            ['B8', '里程碑「助餐点建成」没有计划完成时间，未读入'],
        ]);
    });
});
