// Builds one generated project as data — targets, contract, assessment, compliance review —
// consistent under the national-2020 scoring profile, so that a project without faults
// produces no error or warning. Faults (faults.mjs) then edit this data before rendering.
import { COMMON_STANDARD, DISTRICTS, GENERIC, GOALS, LEVEL1, MILESTONES, PROFILE } from './sectors.mjs';

export const YEAR = 2023;
export const AS_OF = `${YEAR + 1}-03-31`;
const PERIOD_END = Date.UTC(YEAR, 11, 31);

export const round = (x, dp = 2) => Number(x.toFixed(dp));
export const fmt = (x) => String(round(x, 2));

export function isoDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(iso, days) {
    return isoDay(Date.parse(iso) + days * 86_400_000);
}

/** Minimum number of rows per level-2 family in a normal (about 30-indicator) project. */
const MINIMUM = { quantity: 3, quality: 3, timeliness: 3, cost: 2, economic: 1, social: 2, ecological: 1, sustainability: 2, beneficiary: 2 };
/** Rows per family in the department-wide project whose targets file has over 1,000 lines. */
const LARGE = { quantity: 60, quality: 60, timeliness: 40, cost: 40, economic: 30, social: 40, ecological: 25, sustainability: 25, beneficiary: 40 };
/** Always set: required by the common standard, or the qualitative row the scoring rules need. */
const ALWAYS = new Set(['资金使用合规率', '群众满意度', '长效机制']);

/**
 * One project of a sector. `large` makes the department-wide project with ~360 indicators
 * (over 1,000 lines), the file the keystroke benchmark edits.
 */
export function buildProject(index, sector, rng, { large = false, english = false, forms = rng } = {}) {
    const district = DISTRICTS[index % DISTRICTS.length];
    const code = String(index).padStart(4, '0');
    const name = english ? `${sector.key[0].toUpperCase()}${sector.key.slice(1)}${code}` : `${sector.label}${code}`;
    const contractName = english ? `${name}Contract` : `${name}服务合同`;
    const templates = large ? largeTemplates(sector) : normalTemplates(sector, rng);
    const budget = round(rng.between(300, 20000), 1);

    const indicators = templates.map(t => makeIndicator(t, sector, contractName, rng));
    const clauses = indicators.filter(i => i.template.clause).map(i => makeClause(i, rng));
    // The complete forms' parts draw from their own stream (`forms`), so that the rest of the
    // project is drawn as before they were added.
    const sources = makeSources(forms);

    return {
        index, code, name, english, large, sector,
        dir: `p${code}`,
        title: `${district}区${sector.noun}${large ? '（部门整体）' : '项目'}（${YEAR}年度）`,
        department: `${district}区${sector.label}主管部门`,
        implementer: `${district}区${sector.label}服务中心`,
        budget,
        applies: [COMMON_STANDARD.name, sector.standard.name],
        // 资金: 中期 (on most forms) not below 年度, which is the 预算; 其中 sources add up to 年度.
        funds: { mediumTerm: forms.chance(0.7) ? round(budget * forms.int(2, 3), 1) : undefined, annual: budget, sources },
        breakdown: makeBreakdown(budget, english, forms),
        formsRng: forms,
        goals: rng.shuffle(GOALS).slice(0, 4).map(([n, text]) => ({ name: n, text })),
        indicators,
        milestones: MILESTONES.map(([n, title], i) => ({ name: n, title, planned: `${YEAR}-${['02-28', '04-30', '07-31', '12-15'][i]}` })),
        contract: {
            name: contractName,
            title: `${district}区${sector.noun}服务采购合同（${YEAR}年）`,
            buyer: `${district}区${sector.label}主管部门`,
            vendor: `${district}区${sector.vendor}`,
            amount: round(budget * rng.between(0.6, 0.95), 1),
            clauses,
        },
        assessment: { name: english ? `${name}Review` : `${name}自评`, lines: [], problems: [], missingGoals: new Set(), milestoneLines: [], breakdown: [] },
        review: { name: english ? `${name}Compliance` : `${name}履约`, lines: [] },
        faults: [],
    };
}

/** Where the money comes from: 财政拨款 and 其他资金, sometimes 上年结转 too, as shares of the total. */
function makeSources(rng) {
    const fiscal = round(rng.between(0.7, 0.92), 2);
    if (!rng.chance(0.3)) return [{ source: 'fiscal', share: fiscal }, { source: 'other', share: round(1 - fiscal, 2) }];
    const carryover = round(rng.between(0.03, 1 - fiscal - 0.02), 2);
    return [{ source: 'fiscal', share: fiscal }, { source: 'carryover', share: carryover }, { source: 'other', share: round(1 - fiscal - carryover, 2) }];
}

/**
 * Splits a total over sources in 万元 to the cent; the last source takes the remainder, so the
 * rows add up to the total exactly.
 */
export function split(total, sources) {
    const amounts = [];
    let left = total;
    sources.forEach((s, k) => {
        const amount = k === sources.length - 1 ? round(left, 2) : round(total * s.share, 2);
        amounts.push(amount);
        left -= amount;
    });
    return amounts;
}

/**
 * 测算: staff (persons × 元/人*月 × 12 月) and equipment (units × 元/台), priced in hundreds of 元 so
 * that each product is a whole number of cents in 万元, and operations taking the rest of the budget.
 */
function makeBreakdown(budget, english, rng) {
    const wage = rng.int(50, 120) * 100;
    const staff = Math.max(1, Math.floor(budget * rng.between(0.2, 0.35) * 10000 / (wage * 12)));
    const price = rng.int(30, 300) * 100;
    const units = Math.max(1, Math.floor(budget * rng.between(0.1, 0.2) * 10000 / price));
    const staffAmount = round(staff * wage * 12 / 10000, 2);
    const equipmentAmount = round(units * price / 10000, 2);
    return {
        components: [
            { name: english ? 'Staff' : '人员经费', title: '服务人员经费', amount: staffAmount, formula: [[staff, '人'], [wage, '元/人*月'], [12, '月']] },
            { name: english ? 'Equipment' : '设备购置', title: '设备购置费', amount: equipmentAmount, formula: [[units, '台'], [price, '元/台']] },
            { name: english ? 'Operations' : '运行维护', title: '运行维护及其他费用', amount: round(budget - staffAmount - equipmentAmount, 2) },
        ],
        total: budget,
    };
}

function normalTemplates(sector, rng) {
    const chosen = [...sector.indicators, ...GENERIC.filter(t => ALWAYS.has(t.name))];
    const names = new Set(chosen.map(t => t.name));
    const pool = rng.shuffle(GENERIC.filter(t => !names.has(t.name)));
    const count = (family) => chosen.filter(t => t.family === family).length;
    for (const t of pool) {
        if (count(t.family) < MINIMUM[t.family]) { chosen.push(t); names.add(t.name); }
    }
    const total = rng.int(27, 32);
    for (const t of pool) {
        if (chosen.length >= total) break;
        if (!names.has(t.name)) { chosen.push(t); names.add(t.name); }
    }
    return orderByFamily(chosen);
}

function largeTemplates(sector) {
    const chosen = [];
    for (const [family, n] of Object.entries(LARGE)) {
        const own = [...sector.indicators, ...GENERIC].filter(t => t.family === family);
        for (let k = 0; k < n; k++) {
            const t = own[k % own.length];
            const copy = Math.floor(k / own.length);
            // Copies are per-section variants (第2标段…); only the original commits a contract clause.
            chosen.push(copy === 0 ? t : { ...t, base: t.name, name: `${t.name}${copy + 1}`, title: `第${copy + 1}标段${t.title}`, clause: undefined });
        }
    }
    return orderByFamily(chosen);
}

function orderByFamily(templates) {
    const families = Object.keys(LEVEL1);
    return [...templates].sort((a, b) => families.indexOf(a.family) - families.indexOf(b.family));
}

function makeIndicator(t, sector, contractName, rng) {
    const ind = { template: t, name: t.name, title: t.title, family: t.family, op: t.op, unit: t.unit ?? '', source: t.source, links: [], bare: false };
    if (t.op === 'qual') {
        ind.text = t.text;
    } else if (t.op === 'date') {
        ind.date = isoDay(PERIOD_END + rng.int(t.lo, t.hi) * 86_400_000);
    } else {
        ind.value = round(rng.between(t.lo, t.hi), t.dp);
    }
    if (t.clause) ind.links.push(`${contractName}.${t.clause}`);
    if (t.std === 'common') ind.links.push(`${COMMON_STANDARD.name}.${t.base ?? t.name}`);
    else if (t.std) ind.links.push(`${sector.standard.name}.${t.std}`);
    if (t.baseline) ind.links.push(`${sector.standard.name}.${t.baseline}`);
    return ind;
}

/** A clause the indicator tracks, committing a value the target is at least as strict as. */
function makeClause(ind, rng) {
    const t = ind.template;
    let value = ind.value;
    if (t.op === '>=') value = round(ind.value * rng.between(0.93, 1), t.dp);
    if (t.op === '<=') value = round(ind.value * rng.between(1, 1.25), t.dp);
    return {
        name: t.clause, title: ind.title, op: t.op, value, unit: ind.unit,
        penalty: `每未达约定值1个百分点，扣减当期服务费${rng.int(1, 5) * 0.5}%`,
        indicator: ind,
    };
}

/** Splits each level-1 weight over its rows (quarters when a family has more rows than points). */
export function assignWeights(project) {
    for (const level1 of ['output', 'benefit', 'satisfaction']) {
        const rows = project.indicators.filter(i => level1Of(i) === level1 && !i.notAssessed);
        if (rows.length === 0) continue;
        const total = PROFILE[level1];
        const unit = rows.length > total ? 0.25 : 1;
        const units = Math.round(total / unit);
        const base = Math.floor(units / rows.length);
        const extra = units - base * rows.length;
        rows.forEach((row, i) => { row.weight = (base + (i < extra ? 1 : 0)) * unit; });
    }
}

/** Level-1 family a row is weighted under; the 2021 scheme's level-1 成本 counts as 产出. */
export function level1Of(ind) {
    return ind.level1 === 'cost' ? 'output' : LEVEL1[ind.family];
}

const DEVIATIONS = ['受疫情及财政资金拨付进度影响，部分工作未按计划完成，下年度将加强进度管理',
    '服务需求低于预期，已调整下年度目标值', '系统升级期间数据采集中断，已完善数据备份机制'];

/**
 * Actuals and scores. Most rows meet their targets; a few rows that no contract or standard
 * governs miss theirs, scored proportionally with a deviation reason, as the profile requires.
 */
export function assess(project, rng, missRate = 0.12) {
    for (const ind of project.indicators) {
        if (ind.fixedActual !== undefined) {
            ind.actual = ind.fixedActual;
            ind.score = proportionalScore(ind);
            continue;
        }
        const governed = ind.links.length > 0 || ind.template.std;
        const miss = !governed && !ind.forceMet && (ind.op === '>=' || ind.op === '<=') && rng.chance(missRate);
        setActual(ind, miss, rng);
        if (miss) ind.deviation = rng.pick(DEVIATIONS);
    }
    // 年初预算 is the project's 预算; on some projects the year's budget was adjusted, with the reason.
    const forms = project.formsRng ?? rng;
    const initial = project.budget;
    const adjusted = forms.chance(0.15);
    const budgeted = adjusted ? round(initial * forms.between(0.9, 1.05), 1) : initial;
    const spent = round(budgeted * rng.between(0.92, 1), 2);
    project.assessment.execution = {
        initial, budgeted, spent, weight: PROFILE.execution, score: executionScore(budgeted, spent),
        adjustment: adjusted && budgeted !== initial ? (budgeted < initial ? '年中根据服务需求调减部分预算，用于区级统筹' : '年中追加服务经费，用于扩大服务范围') : undefined,
    };
    project.assessment.breakdown = project.breakdown.components.map(c => ({ component: c, actual: round(c.amount * forms.between(0.92, 1), 2) }));
    // 上年 on some rows, never better than the target; 口径 on some actuals, the indicator's own title.
    for (const ind of project.indicators) {
        if (forms.chance(0.3)) ind.lastYear = lastYearOf(ind, forms);
        if (forms.chance(0.08) && ind.actual !== undefined) ind.measuredAs = ind.title;
    }
    for (const ind of project.indicators) {
        if (ind.deviation && ind.score < ind.weight) {
            project.assessment.problems.push({ text: `${ind.title}未达到年度目标`, concerns: [ind.name] });
            break;
        }
    }
    project.milestones.forEach(m => { m.done = addDays(m.planned, -rng.int(0, 20)); });
    // The form's narratives: a problem (with the rows it concerns when a row missed its target) and what will improve.
    project.assessment.problem = forms.pick(PROBLEMS);
    project.assessment.improvement = forms.pick(IMPROVEMENTS);
}

const PROBLEMS = ['部分街道宣传覆盖不足，群众对服务内容的知晓程度仍有提升空间', '服务人员流动较大，新进人员业务熟练程度有待提高',
    '信息系统之间数据共享不畅，部分统计数据需人工汇总', '绩效监控以事后统计为主，过程跟踪不够及时'];
const IMPROVEMENTS = ['建立服务人员培训和激励机制，稳定服务队伍', '推进业务系统数据对接，实现绩效数据自动采集',
    '加强绩效运行监控，按季度分析目标完成情况并及时纠偏', '扩大政策宣传覆盖面，提高群众知晓率和参与度'];

/** Last year's actual, which the target does not fall below (in its direction). */
function lastYearOf(ind, rng) {
    if (ind.bare || ind.value === undefined && ind.op !== 'date') return undefined;
    if (ind.op === 'date') return isoDay(Date.parse(ind.date) - 365 * 86_400_000);
    const dp = ind.template.dp ?? 1;
    if (ind.op === '>=') return Math.min(ind.value, round(ind.value * rng.between(0.85, 1), dp));
    if (ind.op === '<=') return Math.max(ind.value, round(ind.value * rng.between(1, 1.15), dp));
    return undefined;
}

/** One line per clause, each with an actual that meets it and the verdict 达标. */
export function review(project, rng) {
    project.review.lines = project.contract.clauses.map(clause => {
        const { op, value, unit } = clause;
        const cap = unit === '%' ? 100 : Infinity;
        const actual = op === '>=' ? Math.min(cap, round(value * rng.between(1, 1.05), 1)) : op === '<=' ? round(value * rng.between(0.9, 1), 2) : value;
        return { clause, actual: op === '>=' && actual < value ? value : actual, verdict: 'met' };
    });
}

export function executionScore(budgeted, spent) {
    return round(PROFILE.execution * Math.min(spent / budgeted, 1), 2);
}

/** Sets a met (or missed) actual and the score the profile gives it. */
export function setActual(ind, miss, rng) {
    // Rates to a tenth of a point, counts as whole numbers, amounts as their target is written.
    const dp = ind.unit === '%' ? 1 : ind.template.dp ?? 1;
    if (ind.op === 'qual') {
        ind.rating = 'achieved';
        ind.score = ind.weight;
        return;
    }
    if (ind.op === 'date') {
        ind.actualDate = addDays(ind.date, -rng.int(0, 10));
        ind.score = ind.weight;
        return;
    }
    const cap = ind.unit === '%' ? 100 : Infinity;
    let actual;
    if (ind.op === '=') actual = ind.value;
    else if (ind.op === '>=') {
        actual = miss ? round(ind.value * rng.between(0.8, 0.95), dp) : Math.min(cap, round(ind.value * rng.between(1, 1.15), dp));
        if (!miss && actual < ind.value) actual = ind.value;
    } else {
        actual = miss ? round(ind.value * rng.between(1.05, 1.2), dp) : round(ind.value * rng.between(0.87, 1), dp);
        if (!miss && actual > ind.value) actual = ind.value;
    }
    if (miss && (actual === ind.value || actual <= 0)) actual = ind.op === '>=' ? round(ind.value * 0.9, 2) : round(ind.value * 1.1, 2);
    ind.actual = actual;
    ind.score = proportionalScore(ind);
}

/** The profile's score: full weight when met, else weight × actual ÷ target (reversed for ≤). */
export function proportionalScore(ind) {
    const { op, value, actual, weight } = ind;
    if (op === '>=' && actual < value) return round(weight * actual / value, 2);
    if (op === '<=' && actual > value) return round(weight * value / actual, 2);
    return weight;
}

export function gradeOf(total) {
    return total >= 90 ? 'excellent' : total >= 80 ? 'good' : total >= 60 ? 'fair' : 'poor';
}
