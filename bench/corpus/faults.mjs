// The mistakes reviewers find in real submissions (DOMAIN.md, the seed report), one per rule
// of RULES.md, as edits of a generated project. `structure` faults run before weights and
// actuals are computed, `assess` faults after, so everything a fault does not touch stays
// consistent. A fault returns false when the project offers no row it can apply to.
import { addDays, executionScore, proportionalScore, round } from './model.mjs';

const PERCENT_POINTS = 10;

/** An untouched row matching `test`, marked as touched so two faults never share a row. */
function take(p, rng, test) {
    const rows = p.indicators.filter(i => !i.touched && !i.notAssessed && test(i));
    if (rows.length === 0) return undefined;
    const row = rng.pick(rows);
    row.touched = true;
    return row;
}

const numeric = (i) => i.op === '>=' || i.op === '<=';
const ungoverned = (i) => i.links.length === 0 && !i.template.std;
const clauseOf = (p, i) => p.contract.clauses.find(c => c.indicator === i);
const metRow = (i) => numeric(i) && i.score === i.weight && !i.deviation;

/** Makes a row miss its target and scores it by the profile. */
function miss(i) {
    i.actual = i.op === '>=' ? round(i.value * 0.85, 2) : round(i.value * 1.15, 2);
    i.score = proportionalScore(i);
}

function incompatibleUnit(unit) {
    return unit === '%' ? '万元' : '%';
}

/** @type {{ rule: string, phase: 'structure' | 'assess', forms?: boolean, apply: (p: any, rng: any, previous?: any) => boolean }[]} */
export const FAULTS = [
    // Targets: the seed's 80% target against the contract's ≥95%.
    { rule: 'target/below-contract', phase: 'structure', apply(p, rng) {
        const i = take(p, rng, r => r.template.clause && r.op === '>=' && r.unit === '%');
        if (!i) return false;
        i.value = round(clauseOf(p, i).value - PERCENT_POINTS - rng.int(0, 5), 0);
        i.forceMet = true;
        return true;
    } },
    { rule: 'target/below-standard', phase: 'structure', apply(p, rng) {
        const i = take(p, rng, r => r.name === '群众满意度');
        if (!i) return false;
        i.value = 75;
        i.forceMet = true;
        return true;
    } },
    { rule: 'target/unit-mismatch', phase: 'structure', apply(p, rng) {
        const i = take(p, rng, r => r.template.clause && numeric(r));
        if (!i) return false;
        i.unit = incompatibleUnit(i.unit);
        i.forceMet = true;
        return true;
    } },
    { rule: 'target/missing-quantity', phase: 'structure', apply: (p) => removeFamily(p, r => r.family === 'quantity') },
    { rule: 'target/missing-benefit', phase: 'structure', apply: (p) => removeFamily(p, r => ['economic', 'social', 'ecological', 'sustainability'].includes(r.family)) },
    { rule: 'target/missing-satisfaction', phase: 'structure', apply: (p) => removeFamily(p, r => r.family === 'beneficiary') },
    // Complaints filed as satisfaction: a complaint rate is a matter of service quality (质量指标).
    { rule: 'target/misfiled', phase: 'structure', apply(p) {
        // Beside satisfaction rows: alone, it would also be a project without satisfaction rows.
        if (!p.indicators.some(r => r.family === 'beneficiary')) return false;
        addRow(p, { family: 'beneficiary', name: '群众投诉率', title: '群众有效投诉率', op: '<=', value: 2, unit: '%', source: '投诉台账' });
        return true;
    } },
    { rule: 'target/required-indicator', phase: 'structure', apply(p) {
        return removeFamily(p, r => r.name === '资金使用合规率');
    } },
    // Unit cost 12.52 元 against the 9.93 元 of a peer city.
    { rule: 'target/above-baseline', phase: 'structure', apply(p, rng) {
        const i = take(p, rng, r => r.template.baseline);
        if (!i) return false;
        const baseline = p.sector.standard.entries.find(e => e.name === i.template.baseline);
        i.value = round(baseline.value * 1.26, 2);
        i.forceMet = true;
        return true;
    } },
    { rule: 'target/no-comparator', phase: 'structure', apply(p, rng) {
        const i = take(p, rng, r => r.op === '>=' && ungoverned(r));
        if (!i) return false;
        i.bare = true;
        i.forceMet = true;
        return true;
    } },
    { rule: 'target/no-unit', phase: 'structure', apply(p, rng) {
        const i = take(p, rng, r => numeric(r) && r.unit !== '%' && ungoverned(r));
        if (!i) return false;
        i.unit = '';
        return true;
    } },
    { rule: 'target/vague', phase: 'structure', apply(p) {
        addRow(p, { family: 'social', name: '社会影响', title: '项目社会影响', op: 'qual', text: '社会效益明显', source: '主管部门总结' });
        return true;
    } },
    { rule: 'target/no-source', phase: 'structure', apply(p, rng) {
        const i = take(p, rng, () => true);
        if (!i) return false;
        i.source = undefined;
        i.touched = false;
        return true;
    } },
    // 成本 both under 产出 (2020) and at level 1 (2021, 财预〔2021〕101号).
    { rule: 'target/mixed-scheme', phase: 'structure', apply(p) {
        const row = addRow(p, { family: 'economic-cost', name: '运营成本', title: '年度运营成本', op: '<=', value: round(p.budget * 0.8, 0), unit: '万元', source: '财务决算' });
        row.level1 = 'cost';
        return p.indicators.some(r => r.family === 'cost');
    } },
    { rule: 'contract/no-penalty', phase: 'structure', apply(p, rng) {
        const c = rng.pick(p.contract.clauses.filter(cl => cl.penalty));
        if (!c) return false;
        c.penalty = undefined;
        return true;
    } },
    { rule: 'contract/untracked-clause', phase: 'structure', apply(p) {
        p.contract.clauses.push({ name: '服务时长', title: '年度有效服务时长', op: '>=', value: 2000, unit: '小时', penalty: '每少100小时扣减服务费1%', untracked: true });
        return true;
    } },
    { rule: 'reference/unresolved', phase: 'structure', apply(p, rng) {
        const i = take(p, rng, r => r.template.clause);
        if (!i) return false;
        i.links[0] = i.links[0].replace(/\.(.*)$/, '.$1率');
        return true;
    } },
    // A copied compliance file that kept the previous project's block name.
    { rule: 'name/duplicate', phase: 'structure', apply(p, _rng, previous) {
        if (!previous) return false;
        p.review.name = previous.review.name;
        return true;
    } },

    // Self-assessment scoring (财预〔2020〕10号).
    { rule: 'score/full-despite-shortfall', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, r => metRow(r) && ungoverned(r));
        if (!i) return false;
        miss(i);
        i.score = i.weight;
        i.deviation = '受客观因素影响未完成';
        return true;
    } },
    { rule: 'score/deducted-despite-met', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, r => metRow(r) && r.weight >= 2);
        if (!i) return false;
        i.score = i.weight - 1;
        return true;
    } },
    { rule: 'score/off-rule', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, r => metRow(r) && ungoverned(r));
        if (!i) return false;
        miss(i);
        i.score = round(i.score * 0.6, 2);
        i.deviation = '工作推进滞后';
        return true;
    } },
    { rule: 'score/over-weight', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, metRow);
        if (!i) return false;
        i.score = i.weight + 1;
        return true;
    } },
    { rule: 'score/qualitative-band', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, r => r.op === 'qual');
        if (!i) return false;
        i.rating = 'partly';
        i.score = i.weight;
        i.deviation = '部分工作尚未完成';
        return true;
    } },
    { rule: 'score/weights-total', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, metRow);
        if (!i) return false;
        i.weight += 2;
        i.score = i.weight;
        return true;
    } },
    { rule: 'score/profile-weights', phase: 'assess', apply(p, rng) {
        const out = take(p, rng, r => metRow(r) && r.family === 'quantity');
        const ben = take(p, rng, r => metRow(r) && r.family === 'social' && r.weight > 2);
        if (!out || !ben) return false;
        out.weight += 2; out.score = out.weight;
        ben.weight -= 2; ben.score = ben.weight;
        return true;
    } },
    { rule: 'score/total-mismatch', phase: 'assess', apply(p) { p.assessment.totalOffset = 3; return true; } },
    { rule: 'score/grade-mismatch', phase: 'assess', apply(p) { p.assessment.gradeShift = true; return true; } },
    { rule: 'score/execution', phase: 'assess', apply(p) {
        const e = p.assessment.execution;
        e.spent = round(e.budgeted * 0.7, 2);
        return true;
    } },
    // The seed: problems admitted, no points deducted.
    { rule: 'score/ignores-problem', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, r => r.score === r.weight);
        if (!i) return false;
        p.assessment.problems.push({ text: `${i.title}有待提升`, concerns: [i.name] });
        return true;
    } },

    // Self-assessment against contracts, standards and baselines (the seed's 89.19%).
    { rule: 'assessment/below-contract', phase: 'structure', apply(p, rng) {
        const i = take(p, rng, r => r.template.clause && r.op === '>=' && r.unit === '%');
        if (!i) return false;
        const clause = clauseOf(p, i).value;
        i.value = round(clause - PERCENT_POINTS, 0);
        i.fixedActual = round(clause - PERCENT_POINTS / 2, 1);
        return true;
    } },
    { rule: 'assessment/below-standard', phase: 'structure', apply(p, rng) {
        const i = take(p, rng, r => r.name === '群众满意度');
        if (!i) return false;
        i.value = 75;
        i.fixedActual = 80;
        return true;
    } },
    { rule: 'assessment/above-baseline', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, r => r.template.baseline);
        if (!i) return false;
        const baseline = p.sector.standard.entries.find(e => e.name === i.template.baseline);
        i.actual = round(baseline.value * 1.2, 2);
        i.score = proportionalScore(i);
        i.deviation = '人工成本上涨';
        return true;
    } },
    { rule: 'assessment/goal-not-covered', phase: 'assess', apply(p, rng) {
        p.assessment.missingGoals.add(rng.pick(p.goals).name);
        return true;
    } },
    { rule: 'assessment/indicator-not-assessed', phase: 'structure', apply(p, rng) {
        const i = take(p, rng, r => r.family === 'quality' && ungoverned(r));
        if (!i) return false;
        i.notAssessed = true;
        return true;
    } },
    { rule: 'assessment/no-actual', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, r => numeric(r) && ungoverned(r));
        if (!i) return false;
        i.unmeasured = true;
        i.score = 0;
        i.deviation = '数据未统计';
        return true;
    } },
    { rule: 'assessment/actual-not-value', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, r => metRow(r) && r.op === '>=');
        if (!i) return false;
        i.actualAsComparison = true;
        return true;
    } },
    { rule: 'assessment/missing-deviation', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, r => metRow(r) && ungoverned(r));
        if (!i) return false;
        miss(i);
        i.deviation = undefined;
        return true;
    } },
    { rule: 'assessment/unit-mismatch', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, r => metRow(r) && ungoverned(r));
        if (!i) return false;
        i.actualUnit = incompatibleUnit(i.unit);
        return true;
    } },
    { rule: 'milestone/late', phase: 'assess', apply(p, rng) {
        const m = rng.pick(p.milestones.filter(x => x.done));
        if (!m) return false;
        m.done = addDays(m.planned, rng.int(20, 200));
        return true;
    } },
    { rule: 'milestone/overdue', phase: 'assess', apply(p, rng) {
        const m = rng.pick(p.milestones.filter(x => x.done));
        if (!m) return false;
        m.done = undefined;
        return true;
    } },

    // Compliance review: the seed's four kinds of findings.
    { rule: 'compliance/unassessed-met', phase: 'assess', apply: (p, rng) => reviewFault(p, rng, l => { l.unassessed = true; l.verdict = 'met'; }) },
    { rule: 'compliance/no-data', phase: 'assess', apply: (p, rng) => reviewFault(p, rng, l => { l.unmeasured = true; l.verdict = 'unmet'; }) },
    { rule: 'compliance/verdict-contradicts', phase: 'assess', apply: (p, rng) => reviewFault(p, rng, l => { missClause(l); l.verdict = 'met'; }) },
    { rule: 'compliance/unmet-no-penalty', phase: 'assess', apply: (p, rng) => reviewFault(p, rng, l => { missClause(l); l.clause.penalty = undefined; l.verdict = 'unmet'; }) },
    { rule: 'compliance/clause-not-reviewed', phase: 'assess', apply: (p, rng) => reviewFault(p, rng, l => { l.omitted = true; }) },

    // A full-width tilde left after a date, a period not finished (2020-05-31～): no token starts
    // with it. (A semicolon at a line's end, the fault before, now reads as a space.)
    { rule: 'syntax/lexing', phase: 'assess', apply(p) {
        const m = p.milestones.find(x => x.done);
        if (!m) return false;
        m.stray = '～';
        return true;
    } },
    // A row whose 得分 was left out (it counts 0 in the total). The half-typed row below, whose 得分
    // has no number, reports its syntax error only.
    { rule: 'score/missing', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, metRow);
        if (!i) return false;
        i.scoreLeftOut = true;
        return true;
    } },
    // A half-typed line the parser has to recover from.
    { rule: 'syntax/parsing', phase: 'assess', apply(p, rng) {
        const i = take(p, rng, metRow);
        if (!i) return false;
        i.truncated = true;
        return true;
    } },

    // The complete forms' parts, listed last so that the faults above keep the projects they are
    // given in turn; `forms` faults draw from the forms' own random stream (generate.mjs).
    // Narratives: 暂无问题 beside a missed target, the form's instruction left in 完成情况, an
    // actual measured on another metric.
    { rule: 'assessment/denies-problems', phase: 'assess', forms: true, apply(p, rng) {
        const i = take(p, rng, r => metRow(r) && ungoverned(r));
        if (!i) return false;
        miss(i);
        i.deviation = '受客观因素影响未完成';
        p.assessment.deniesProblems = true;
        return true;
    } },
    { rule: 'assessment/placeholder-text', phase: 'assess', forms: true, apply(p) {
        p.assessment.summaryText = '对照年度目标，说明相关任务目标的完成情况（100字以内）';
        return true;
    } },
    { rule: 'assessment/metric-mismatch', phase: 'assess', forms: true, apply(p, rng) {
        const i = take(p, rng, metRow);
        if (!i) return false;
        i.measuredAs = `${i.title}（抽样口径）`;
        return true;
    } },
    // Last year did better than this year's target asks.
    { rule: 'target/below-history', phase: 'assess', forms: true, apply(p, rng) {
        const i = take(p, rng, r => r.op === '>=' && !r.bare && !(r.unit === '%' && r.value > 90));
        if (!i) return false;
        i.lastYear = round(i.value * 1.1 + 1, 0);
        return true;
    } },
    // A group kept from the template with nothing in it.
    { rule: 'target/empty-group', phase: 'structure', forms: true, apply(p) { p.emptyGroup = true; return true; } },

    // 资金, 测算 and 预算执行 of the complete forms.
    { rule: 'funds/sources-total', phase: 'structure', forms: true, apply(p) { p.funds.sourcesOffset = -10; return true; } },
    { rule: 'funds/medium-term-below-annual', phase: 'structure', forms: true, apply(p) {
        p.funds.mediumTerm = round(p.budget * 0.5, 1);
        return true;
    } },
    // 年度 copied from another project (still below 中期); its sources still add up to it.
    { rule: 'funds/budget-mismatch', phase: 'structure', forms: true, apply(p) {
        p.funds.annual = round(p.budget * 0.9, 1);
        return true;
    } },
    { rule: 'funds/breakdown-total', phase: 'structure', forms: true, apply(p) { p.breakdown.totalOffset = 10; return true; } },
    // A unit price changed in the formula but not in the amount.
    { rule: 'funds/breakdown-formula', phase: 'structure', forms: true, apply(p) {
        p.breakdown.components[0].formulaSkew = 500;
        return true;
    } },
    // The rate copied from last year's form.
    { rule: 'funds/rate-mismatch', phase: 'assess', forms: true, apply(p) { p.assessment.execution.rateOffset = -2; return true; } },
    { rule: 'funds/adjusted-no-reason', phase: 'assess', forms: true, apply(p, rng) {
        const e = p.assessment.execution;
        e.budgeted = round(e.initial * 0.9, 1);
        e.spent = round(e.budgeted * rng.between(0.95, 1), 2);
        e.score = executionScore(e.budgeted, e.spent);
        e.adjustment = undefined;
        return true;
    } },
    { rule: 'funds/component-shortfall', phase: 'assess', forms: true, apply(p) {
        const line = p.assessment.breakdown.at(-1);
        line.actual = round(line.component.amount * 0.7, 2);
        return true;
    } },
];

function removeFamily(p, test) {
    const before = p.indicators.length;
    p.indicators = p.indicators.filter(r => !test(r));
    // Clauses keep their indicator's commitment; they are then simply untracked.
    return p.indicators.length < before;
}

function addRow(p, template) {
    const row = { template, name: template.name, title: template.title, family: template.family, op: template.op, unit: template.unit ?? '', value: template.value, text: template.text, source: template.source, links: [], bare: false, touched: true, forceMet: true };
    p.indicators.push(row);
    return row;
}

function reviewFault(p, rng, edit) {
    const lines = p.review.lines.filter(l => !l.faulty && !l.clause.untracked);
    if (lines.length === 0) return false;
    const line = rng.pick(lines);
    line.faulty = true;
    edit(line);
    return true;
}

function missClause(line) {
    const { op, value } = line.clause;
    line.actual = op === '<=' ? round(value * 1.2, 2) : op === '=' ? value - 2 : round(value * 0.9, 2);
}

