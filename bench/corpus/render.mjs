// Writes generated projects as KPI Spec text, in the layout of the reference case
// (the hotline-12345 reference case): Chinese keywords, or English ones for some projects.
import { AS_OF, fmt, gradeOf, level1Of, round, split, YEAR } from './model.mjs';

const KEYWORDS = {
    project: ['项目', 'project'], department: ['主管部门', 'department'], implementer: ['实施单位', 'implementer'],
    period: ['实施期', 'period'], to: ['至', 'to'], budget: ['预算', 'budget'], applies: ['适用', 'applies'],
    goals: ['总体目标', 'goals'], indicators: ['绩效指标', 'indicators'], milestones: ['里程碑', 'milestones'],
    per: ['依据', 'per'], source: ['来源', 'source'], note: ['说明', 'note'], qualitative: ['定性', 'qualitative'],
    planned: ['计划', 'planned'], contract: ['合同', 'contract'], for: ['对象', 'for'], buyer: ['甲方', 'buyer'],
    vendor: ['乙方', 'vendor'], amount: ['金额', 'amount'], contractPeriod: ['期间', 'period'], clause: ['条款', 'clause'],
    penalty: ['违约', 'penalty'], assessment: ['自评', 'assessment'], execution: ['预算执行', 'execution'],
    budgeted: ['全年预算', 'budgeted'], spent: ['全年执行', 'spent'], indicator: ['指标', 'indicator'],
    actual: ['实际', 'actual'], unmeasured: ['未统计', 'unmeasured'], weight: ['分值', 'weight'], score: ['得分', 'score'],
    deviation: ['偏差', 'deviation'], problem: ['问题', 'problem'], concerns: ['涉及', 'concerns'],
    milestone: ['里程碑', 'milestone'], done: ['完成', 'done'], pending: ['未完成', 'pending'], asOf: ['评价日', 'as-of'],
    total: ['合计', 'total'], grade: ['等级', 'grade'], compliance: ['履约考核', 'compliance'], verdict: ['结论', 'verdict'],
    unassessed: ['未考核', 'unassessed'], met: ['达标', 'met'], unmet: ['未达标', 'unmet'],
    achieved: ['达成', 'achieved'], partly: ['部分达成', 'partly'], missed: ['未达成', 'missed'],
    excellent: ['优', 'excellent'], good: ['良', 'good'], fair: ['中', 'fair'], poor: ['差', 'poor'],
    requirement: ['要求', 'requirement'], required: ['必设', 'required'], baseline: ['基准', 'baseline'], standard: ['标准', 'standard'],
    // Indicator families (level 1 and level 2).
    output: ['产出指标', 'output'], benefit: ['效益指标', 'benefit'], satisfaction: ['满意度指标', 'satisfaction'], cost: ['成本指标', 'cost'],
    quantity: ['数量指标', 'quantity'], quality: ['质量指标', 'quality'], timeliness: ['时效指标', 'timeliness'],
    economic: ['经济效益', 'economic'], social: ['社会效益', 'social'], ecological: ['生态效益', 'ecological'],
    sustainability: ['可持续影响', 'sustainability'], beneficiary: ['服务对象满意度', 'beneficiary'],
    'economic-cost': ['经济成本', 'economic-cost'],
    // The complete forms: funds and their sources, the budget breakdown, last year's values, narratives.
    funds: ['资金', 'funds'], mediumTerm: ['中期', 'medium-term'], annual: ['年度', 'annual'], ofWhich: ['其中', 'of-which'],
    fiscal: ['财政拨款', 'fiscal'], carryover: ['上年结转', 'carryover'], other: ['其他资金', 'other'],
    breakdown: ['测算', 'breakdown'], initial: ['年初预算', 'initial'], rate: ['执行率', 'rate'], adjustment: ['调整', 'adjustment'],
    lastYear: ['上年', 'last-year'], measuredAs: ['口径', 'measured-as'], none: ['无', 'none'],
    summary: ['完成情况', 'summary'], improvement: ['改进', 'improvement'], conclusion: ['结论', 'conclusion'],
};

/** Free label of the empty group fault `target/empty-group` adds. */
const EMPTY_GROUP = ['资金管理', 'FundManagement'];

const GRADES = ['poor', 'fair', 'good', 'excellent'];

function keywords(english) {
    return (key) => KEYWORDS[key][english ? 1 : 0];
}

const quote = (text) => `"${text.replace(/[\\"]/g, '')}"`;

/** `95%`, `500 万件`, `12.52 元/通`, or a bare number when the unit is missing. */
export function quantity(value, unit) {
    if (!unit) return fmt(value);
    return unit === '%' ? `${fmt(value)}%` : `${fmt(value)} ${unit}`;
}

function comparison(op, value, unit) {
    return `${op} ${quantity(value, unit)}`;
}

export function renderTargets(p) {
    const k = keywords(p.english);
    const out = [
        `// ${p.title}：绩效目标申报（基准测试生成数据）`,
        `${k('project')} ${p.name} ${quote(p.title)} {`,
        `    ${k('department')} ${quote(p.department)}`,
        `    ${k('implementer')} ${quote(p.implementer)}`,
        `    ${k('period')} ${YEAR}-01 ${k('to')} ${YEAR}-12`,
        `    ${k('budget')} ${quantity(p.budget, '万元')}`,
        `    ${k('applies')} ${p.applies.join(', ')}`,
        '',
        ...renderFunds(p, k),
        '',
        ...renderBreakdown(p, k),
        '',
        `    ${k('goals')} {`,
        ...p.goals.map(g => `        ${g.name} ${quote(g.text)}`),
        '    }',
        '',
        `    ${k('indicators')} {`,
    ];
    let first = true;
    for (const [level1, families] of groupRows(p.indicators)) {
        out.push(`        ${k(level1)} {`);
        for (const [family, rows] of families) {
            out.push(`            ${k(family)} {`);
            for (const row of rows) out.push(...renderRow(row, k, p.large));
            out.push('            }');
        }
        if (first && p.emptyGroup) out.push(`            ${EMPTY_GROUP[p.english ? 1 : 0]} {`, '            }');
        first = false;
        out.push('        }');
    }
    out.push('    }', '', `    ${k('milestones')} {`);
    for (const m of p.milestones) out.push(`        ${m.name} ${quote(m.title)} ${k('planned')} ${m.planned}`);
    out.push('    }', '}', '');
    return out.join('\n');
}

/** Rows grouped level 1 → level 2, in the order they were generated. */
function groupRows(rows) {
    const groups = new Map();
    for (const row of rows) {
        const level1 = row.level1 ?? level1Of(row);
        if (!groups.has(level1)) groups.set(level1, new Map());
        const families = groups.get(level1);
        if (!families.has(row.family)) families.set(row.family, []);
        families.get(row.family).push(row);
    }
    return groups;
}

function renderRow(row, k, large) {
    const indent = '                ';
    let target;
    if (row.op === 'qual') target = `${k('qualitative')} ${quote(row.text)}`;
    else if (row.op === 'date') target = `<= ${row.date}`;
    else target = row.bare ? quantity(row.value, row.unit) : comparison(row.op, row.value, row.unit);
    let line = `${indent}${row.name} ${quote(row.title)} ${target}`;
    if (row.lastYear !== undefined) line += ` ${k('lastYear')} ${typeof row.lastYear === 'string' ? row.lastYear : quantity(row.lastYear, row.unit)}`;
    if (row.links.length > 0) line += ` ${k('per')} ${row.links.join(', ')}`;
    const lines = [line];
    // The department-wide file puts clauses on lines of their own, as long forms do.
    if (row.source) {
        if (large) lines.push(`${indent}    ${k('source')} ${quote(row.source)}`);
        else lines[0] += ` ${k('source')} ${quote(row.source)}`;
    }
    if (large) lines.push(`${indent}    ${k('note')} ${quote(`${row.title}按年度统计口径计算`)}`);
    return lines;
}

/** 资金: 中期 and 年度 totals, the 年度 split over its sources. */
function renderFunds(p, k) {
    const f = p.funds;
    const out = [`    ${k('funds')} {`];
    if (f.mediumTerm !== undefined) out.push(`        ${k('mediumTerm')} ${quantity(f.mediumTerm, '万元')}`);
    out.push(`        ${k('annual')} ${quantity(f.annual, '万元')}`);
    const amounts = split(f.annual, f.sources);
    if (f.sourcesOffset) amounts[0] = round(amounts[0] + f.sourcesOffset, 2);
    f.sources.forEach((s, i) => out.push(`        ${k('ofWhich')} ${k(s.source)} ${quantity(amounts[i], '万元')}`));
    out.push('    }');
    return out;
}

/** 测算: components, each a product of quantity × unit price where it has one, and the 合计. */
function renderBreakdown(p, k) {
    const b = p.breakdown;
    const out = [`    ${k('breakdown')} {`];
    for (const c of b.components) {
        let line = `        ${c.name} ${quote(c.title)} ${quantity(c.amount, '万元')}`;
        if (c.formula) {
            const factors = c.formula.map(([value, unit], i) => quantity(i === 1 && c.formulaSkew ? value + c.formulaSkew : value, unit));
            line += ` = ${factors.join(' × ')}`;
        }
        out.push(line);
    }
    out.push(`        ${k('total')} ${quantity(round(b.total + (b.totalOffset ?? 0), 2), '万元')}`, '    }');
    return out;
}

export function renderContract(p) {
    const k = keywords(p.english);
    const c = p.contract;
    const out = [
        `// ${c.title}：服务水平条款`,
        `${k('contract')} ${c.name} ${quote(c.title)} ${k('for')} ${p.name} {`,
        `    ${k('buyer')} ${quote(c.buyer)}`,
        `    ${k('vendor')} ${quote(c.vendor)}`,
        `    ${k('amount')} ${quantity(c.amount, '万元')}`,
        `    ${k('contractPeriod')} ${YEAR}-01 ${k('to')} ${YEAR}-12`,
        '',
    ];
    for (const cl of c.clauses) {
        out.push(`    ${k('clause')} ${cl.name} ${quote(cl.title)} ${comparison(cl.op, cl.value, cl.unit)}`);
        if (cl.penalty) out.push(`        ${k('penalty')} ${quote(cl.penalty)}`);
    }
    out.push('}', '');
    return out.join('\n');
}

export function renderAssessment(p) {
    const k = keywords(p.english);
    const a = p.assessment;
    const e = a.execution;
    // 执行率 = 全年执行 ÷ 全年预算 to 0.01 percentage points; the 其中 rows split each column over the project's sources.
    const rate = round(round(e.spent / e.budgeted * 100, 2) + (e.rateOffset ?? 0), 2);
    const out = [
        `// ${p.title}：绩效自评`,
        `${k('assessment')} ${a.name} ${quote(`${p.title}绩效自评`)} ${k('for')} ${p.name} {`,
        `    ${k('execution')} ${k('initial')} ${quantity(e.initial, '万元')} ${k('budgeted')} ${quantity(e.budgeted, '万元')} ${k('spent')} ${quantity(e.spent, '万元')} ${k('rate')} ${fmt(rate)}% ${k('weight')} ${fmt(e.weight)} ${k('score')} ${fmt(e.score)}`,
    ];
    if (e.adjustment) out.push(`        ${k('adjustment')} ${quote(e.adjustment)}`);
    const columns = [e.initial, e.budgeted, e.spent].map(total => split(total, p.funds.sources));
    p.funds.sources.forEach((s, i) => out.push(`        ${k('ofWhich')} ${k(s.source)} ${k('initial')} ${quantity(columns[0][i], '万元')} ${k('budgeted')} ${quantity(columns[1][i], '万元')} ${k('spent')} ${quantity(columns[2][i], '万元')}`));
    out.push('', `    ${k('summary')} ${quote(a.summaryText ?? summaryOf(p, rate))}`);
    for (const g of p.goals) {
        if (!a.missingGoals.has(g.name)) out.push(`    ${k('goals')} ${g.name} ${quote(`${g.text}：已完成`)}`);
    }
    out.push('');
    let scores = e.score;
    for (const row of p.indicators) {
        if (row.notAssessed) continue;
        if (!row.scoreLeftOut) scores += row.score;
        const score = row.scoreLeftOut ? '' : ` ${k('score')}${row.truncated ? '' : ` ${fmt(row.score)}`}`;
        const measuredAs = row.measuredAs ? ` ${k('measuredAs')} ${quote(row.measuredAs)}` : '';
        out.push(`    ${k('indicator')} ${row.name} ${actualOf(row, k)}${measuredAs} ${k('weight')} ${fmt(row.weight)}${score}${row.deviation ? ` ${k('deviation')} ${quote(row.deviation)}` : ''}`);
    }
    out.push('');
    for (const b of a.breakdown) out.push(`    ${k('breakdown')} ${b.component.name} ${k('actual')} ${quantity(b.actual, '万元')}`);
    out.push('');
    for (const m of p.milestones) out.push(`    ${k('milestone')} ${m.name} ${m.done ? `${k('done')} ${m.done}` : k('pending')}${m.stray ?? ''}`);
    out.push('');
    if (a.deniesProblems) out.push(`    ${k('problem')} ${k('none')} ${quote('本项目运转正常，暂无问题')}`);
    else if (a.problems.length === 0) out.push(`    ${k('problem')} ${quote(a.problem)}`);
    for (const pr of a.problems) out.push(`    ${k('problem')} ${quote(pr.text)} ${k('concerns')} ${pr.concerns.join(', ')}`);
    out.push(`    ${k('improvement')} ${quote(a.improvement)}`);
    const total = round(scores + (a.totalOffset ?? 0), 2);
    let grade = gradeOf(round(scores, 2));
    if (a.gradeShift) grade = GRADES[(GRADES.indexOf(grade) + 1) % GRADES.length];
    out.push(
        `    ${k('conclusion')} ${quote(`项目${grade === 'excellent' || grade === 'good' ? '完成' : '基本完成'}年度绩效目标，预算执行率${fmt(rate)}%`)}`,
        `    ${k('asOf')} ${AS_OF}`,
        `    ${k('total')} ${k('weight')} ${fmt(100)} ${k('score')} ${fmt(total)}`,
        `    ${k('grade')} ${k(grade)}`,
        '}', '',
    );
    return out.join('\n');
}

/** 完成情况: the first quantity row's actual and the execution rate, as a sentence. */
function summaryOf(p, rate) {
    const row = p.indicators.find(r => r.family === 'quantity' && typeof r.actual === 'number' && !r.unmeasured);
    const done = row ? `全年${row.title.replace(/^年度/, '')}${quantity(row.actual, row.actualUnit ?? row.unit).replace(' ', '')}，` : '';
    return `${done}预算执行率${fmt(rate)}%，${p.goals[0].text}`;
}

function actualOf(row, k) {
    const a = k('actual');
    if (row.unmeasured) return `${a} ${k('unmeasured')}`;
    if (row.op === 'qual') return `${a} ${k(row.rating)}`;
    if (row.op === 'date') return `${a} ${row.actualDate}`;
    const value = quantity(row.actual, row.actualUnit ?? row.unit);
    return row.actualAsComparison ? `${a} >= ${value}` : `${a} ${value}`;
}

export function renderCompliance(p) {
    const k = keywords(p.english);
    const r = p.review;
    const out = [
        `// ${p.contract.title}：履约考核`,
        `${k('compliance')} ${r.name} ${quote(`${p.contract.title}履约考核`)} ${k('for')} ${p.contract.name} {`,
    ];
    for (const l of r.lines) {
        if (l.omitted) continue;
        const actual = l.unassessed ? k('unassessed') : l.unmeasured ? `${k('actual')} ${k('unmeasured')}` : `${k('actual')} ${quantity(l.actual, l.clause.unit)}`;
        out.push(`    ${k('clause')} ${l.clause.name} ${actual} ${k('verdict')} ${k(l.verdict)}`);
    }
    out.push('}', '');
    return out.join('\n');
}

export function renderStandard(standard) {
    const out = [`// ${standard.title}`, `标准 ${standard.name} ${quote(standard.title)} {`];
    for (const e of standard.entries) {
        if (e.kind === 'baseline') {
            out.push(`    基准 ${e.name} ${quote(e.title)} ${quantity(e.value, e.unit)}`);
        } else {
            const target = e.op ? ` ${comparison(e.op, e.value, e.unit)}` : '';
            out.push(`    要求 ${e.name} ${quote(e.title)}${target}${e.required ? ' 必设' : ''}`);
        }
    }
    out.push('}', '');
    return out.join('\n');
}
