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
export function buildProject(index, sector, rng, { large = false, english = false } = {}) {
    const district = DISTRICTS[index % DISTRICTS.length];
    const code = String(index).padStart(4, '0');
    const name = english ? `${sector.key[0].toUpperCase()}${sector.key.slice(1)}${code}` : `${sector.label}${code}`;
    const contractName = english ? `${name}Contract` : `${name}服务合同`;
    const templates = large ? largeTemplates(sector) : normalTemplates(sector, rng);
    const budget = round(rng.between(300, 20000), 1);

    const indicators = templates.map(t => makeIndicator(t, sector, contractName, rng));
    const clauses = indicators.filter(i => i.template.clause).map(i => makeClause(i, rng));

    return {
        index, code, name, english, large, sector,
        dir: `p${code}`,
        title: `${district}区${sector.noun}${large ? '（部门整体）' : '项目'}（${YEAR}年度）`,
        department: `${district}区${sector.label}主管部门`,
        implementer: `${district}区${sector.label}服务中心`,
        budget,
        applies: [COMMON_STANDARD.name, sector.standard.name],
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
        assessment: { name: english ? `${name}Review` : `${name}自评`, lines: [], problems: [], missingGoals: new Set(), milestoneLines: [] },
        review: { name: english ? `${name}Compliance` : `${name}履约`, lines: [] },
        faults: [],
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
    const budgeted = project.budget;
    const spent = round(budgeted * rng.between(0.92, 1), 2);
    project.assessment.execution = { budgeted, spent, weight: PROFILE.execution, score: executionScore(budgeted, spent) };
    for (const ind of project.indicators) {
        if (ind.deviation && ind.score < ind.weight) {
            project.assessment.problems.push({ text: `${ind.title}未达到年度目标`, concerns: [ind.name] });
            break;
        }
    }
    project.milestones.forEach(m => { m.done = addDays(m.planned, -rng.int(0, 20)); });
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
