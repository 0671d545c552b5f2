import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/run-cli.js';

const dir = tempDir();
let folders = 0;

interface JsonResult { filePath: string; messages: Array<{ ruleId: string; severity: number; message: string }> }

/** Findings of a folder (every severity) as `rule severity message`, sorted; workbooks and .kpi files alike. */
async function findings(folder: string): Promise<string[]> {
    const run = await runCli(['lint', folder, '-f', 'json']);
    expect(run.stderr).toBe('');
    return (JSON.parse(run.stdout) as JsonResult[])
        .flatMap(r => r.messages.map(m => `${m.ruleId} ${m.severity} ${m.message}`))
        .sort();
}

/**
 * Exports the .kpi files named by `formFiles` from `source` to a workbook and builds a folder of
 * that workbook plus the source's other files (contracts, standards, compliance reviews).
 */
async function exportAndReadBack(source: string, formFiles: readonly string[]): Promise<string> {
    const back = join(dir, `back-${folders++}`);
    mkdirSync(back, { recursive: true });
    const run = await runCli(['export', ...formFiles.map(f => join(source, f)), '-o', join(back, '表单.xlsx')]);
    expect(run.code).toBe(0);
    for (const file of readdirSync(source)) if (file.endsWith('.kpi') && !formFiles.includes(file)) copyFileSync(join(source, file), join(back, file));
    return back;
}

describe('exported workbooks read back to the same findings', () => {
    // The reference cases are checked entry by entry in reference-round-trip.test.ts.
    it('generated projects and their self-assessments, with every block the forms print', async () => {
        await fc.assert(fc.asyncProperty(projectArbitrary(), async text => {
            const source = join(dir, `source-${folders++}`);
            mkdirSync(source, { recursive: true });
            writeFileSync(join(source, 'project.kpi'), text);
            const back = await exportAndReadBack(source, ['project.kpi']);
            expect(await findings(back)).toEqual(await findings(source));
        }), { numRuns: 16, seed: 1204 });
    });

    it('a 预算 that differs from the annual funds total: funds/budget-mismatch survives the 申报表', async () => {
        const source = join(dir, `source-${folders++}`);
        mkdirSync(source, { recursive: true });
        writeFileSync(join(source, 'project.kpi'), [
            '项目 P "社区养老" {', '    预算 300 万元', '    资金 {', '        年度 280 万元', '        其中 财政拨款 280 万元', '    }',
            '    绩效指标 {', '        产出指标 {', '            数量指标 {', '                "助餐点" ≥ 10 个', '            }', '        }', '    }', '}', '',
        ].join('\n'));
        const before = await findings(source);
        expect(before.filter(f => f.startsWith('funds/budget-mismatch'))).toHaveLength(1);
        expect(await findings(await exportAndReadBack(source, ['project.kpi']))).toEqual(before);
    });
});

const FAMILIES: ReadonlyArray<[string, string]> = [
    ['产出指标', '数量指标'], ['产出指标', '质量指标'], ['产出指标', '时效指标'], ['产出指标', '成本指标'],
    ['效益指标', '社会效益'], ['效益指标', '经济效益'], ['效益指标', '生态效益'], ['满意度指标', '服务对象满意度'],
];

const text = fc.constantFrom('助餐点建设滞后', '本项目运转正常，暂无问题', '请填写（100字以内）', '加快建设进度', '项目总体完成年度目标', '服务质量有待提升');
const date = fc.record({ y: fc.integer({ min: 2022, max: 2024 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/**
 * A project with string-named rows and an assessment of some of them, as officers type forms:
 * 上年, 来源 and 说明 on rows, empty groups, funds, a 测算 with products, milestones, goals; the
 * assessment with 调整 and 偏差 on its execution line, 口径, 测算 actuals, 问题 (with 涉及, or 无),
 * 改进, 结论, 完成情况, milestones done or pending, and 评价日.
 */
function projectArbitrary(): fc.Arbitrary<string> {
    const row = fc.record({
        family: fc.integer({ min: 0, max: FAMILIES.length - 1 }),
        comparator: fc.constantFrom('>= ', '<= ', '= ', ''),
        target: fc.integer({ min: 0, max: 2000 }),
        unit: fc.constantFrom('%', ' 人', ' 个', ' 万元', ' 元/人*月', ''),
        lastYear: fc.option(fc.integer({ min: 0, max: 2500 }), { nil: undefined }),
        source: fc.option(fc.constantFrom('服务台账', '问卷调查', '财务记录'), { nil: undefined }),
        note: fc.option(fc.constantFrom('按月统计', '含上门服务'), { nil: undefined }),
        actual: fc.option(fc.integer({ min: 0, max: 2500 }), { nil: undefined }),
        measuredAs: fc.option(fc.constantFrom('登记服务率', '指标1'), { nil: undefined }),
        weight: fc.integer({ min: 0, max: 20 }),
        score: fc.option(fc.integer({ min: 0, max: 25 }), { nil: undefined }),
        assessed: fc.boolean(),
    });
    const component = fc.record({
        amount: fc.integer({ min: 1, max: 300 }),
        people: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }),
        actual: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
        deviation: fc.option(text, { nil: undefined }),
    });
    const milestone = fc.record({ planned: date, status: fc.constantFrom('完成', '未完成', undefined), done: date });
    return fc.record({
        rows: fc.array(row, { minLength: 1, maxLength: 8 }),
        emptyGroup: fc.boolean(),
        budgeted: fc.integer({ min: 1, max: 900 }),
        initial: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }),
        spent: fc.integer({ min: 0, max: 900 }),
        adjustment: fc.option(text, { nil: undefined }),
        deviation: fc.option(text, { nil: undefined }),
        components: fc.array(component, { maxLength: 3 }),
        breakdownTotal: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }),
        milestones: fc.array(milestone, { maxLength: 3 }),
        problems: fc.array(fc.record({ text: fc.option(text, { nil: undefined }), none: fc.boolean(), concerns: fc.array(fc.nat(7), { maxLength: 2 }) }), { maxLength: 3 }),
        improvement: fc.option(text, { nil: undefined }),
        conclusion: fc.option(text, { nil: undefined }),
        summary: fc.option(text, { nil: undefined }),
        asOf: fc.option(date, { nil: undefined }),
        grade: fc.constantFrom('优', '良', '中', '差'),
    }).map(p => {
        const { rows } = p;
        const byGroup = new Map<string, string[]>();
        rows.forEach((r, i) => {
            const [l1, l2] = FAMILIES[r.family]!;
            const key = `${l1}/${l2}`;
            const clauses = [
                ...(r.lastYear === undefined ? [] : [`上年 ${r.lastYear}${r.unit}`]),
                ...(r.source ? [`来源 "${r.source}"`] : []),
                ...(r.note ? [`说明 "${r.note}"`] : []),
            ];
            byGroup.set(key, [...byGroup.get(key) ?? [], `"指标${i + 1}" ${r.comparator}${r.target}${r.unit}${clauses.map(c => ` ${c}`).join('')}`]);
        });
        // A family the officer left blank: an empty group.
        if (p.emptyGroup && !byGroup.has('效益指标/生态效益')) byGroup.set('效益指标/生态效益', []);
        const level1 = [...new Set([...byGroup.keys()].map(k => k.split('/')[0]!))];
        const tree = level1.map(l1 => `        ${l1} {\n${[...byGroup].filter(([k]) => k.startsWith(`${l1}/`)).map(([k, lines]) =>
            `            ${k.split('/')[1]} {\n${lines.map(l => `                ${l}\n`).join('')}            }\n`).join('')}        }\n`).join('');
        const breakdown = p.components.length === 0 ? '' : `    测算 {\n${p.components.map((c, i) =>
            `        "测算${i + 1}" ${c.amount} 万元${c.people === undefined ? '' : ` = ${c.people} 人 × 50 元/人*月 × 12 月`}\n`).join('')}${p.breakdownTotal === undefined ? '' : `        合计 ${p.breakdownTotal} 万元\n`}    }\n`;
        const milestones = p.milestones.length === 0 ? '' : `    里程碑 {\n${p.milestones.map((m, i) => `        节点${i + 1} "第${i + 1}个节点" 计划 ${m.planned}\n`).join('')}    }\n`;
        const q = (s: string) => `"${s}"`;
        const assessed = rows.flatMap((r, i) => (r.assessed ? [`    指标 "指标${i + 1}"${r.actual === undefined ? '' : ` 实际 ${r.actual}`}`
            + `${r.actual !== undefined && r.measuredAs ? ` 口径 "${r.measuredAs}"` : ''} 分值 ${r.weight}${r.score === undefined ? '' : ` 得分 ${r.score}`}\n`] : []));
        const total = rows.reduce((n, r) => n + (r.assessed ? r.weight : 0), 10);
        const execution = `    预算执行${p.initial === undefined ? '' : ` 年初预算 ${p.initial} 万元`} 全年预算 ${p.budgeted} 万元 全年执行 ${p.spent} 万元 分值 10 得分 ${Math.min(10, Math.round(10 * p.spent / p.budgeted))}\n`
            + (p.adjustment ? `        调整 ${q(p.adjustment)}\n` : '') + (p.deviation ? `        偏差 ${q(p.deviation)}\n` : '');
        const words = [
            ...(p.summary ? [`    完成情况 ${q(p.summary)}\n`] : []),
            ...p.components.flatMap((c, i) => (c.actual === undefined ? [] : [`    测算 "测算${i + 1}" 实际 ${c.actual} 万元${c.deviation ? ` 偏差 ${q(c.deviation)}` : ''}\n`])),
            ...p.problems.map(pr => {
                const concerns = [...new Set(pr.concerns.filter(i => i < rows.length))].map(i => `"指标${i + 1}"`);
                if (pr.none) return `    问题 无${pr.text ? ` ${q(pr.text)}` : ''}\n`;
                return `    问题 ${q(pr.text ?? '存在问题')}${concerns.length ? ` 涉及 ${concerns.join(', ')}` : ''}\n`;
            }),
            ...(p.improvement ? [`    改进 ${q(p.improvement)}\n`] : []),
            ...(p.conclusion ? [`    结论 ${q(p.conclusion)}\n`] : []),
            ...p.milestones.flatMap((m, i) => (m.status === undefined ? [] : [`    里程碑 节点${i + 1} ${m.status}${m.status === '完成' ? ` ${m.done}` : ''}\n`])),
            ...(p.asOf ? [`    评价日 ${p.asOf}\n`] : []),
        ];
        return `项目 生成项目 "生成的项目" {\n    实施期 2023-01 至 2023-12\n    预算 ${p.budgeted} 万元\n    总体目标 {\n        目标甲 "完成全年任务"\n    }\n`
            + `    绩效指标 {\n${tree}    }\n${breakdown}${milestones}}\n\n`
            + `自评 生成项目自评 "生成项目自评" 对象 生成项目 {\n${execution}`
            + `${assessed.join('')}${words.join('')}    合计 分值 ${total} 得分 ${total - 1}\n    等级 ${p.grade}\n}\n`;
    });
}
