// Short bilingual descriptions of model elements and values, shared by hover, code lens and symbols.
import type { Bilingual } from '../i18n/locale.js';
import {
    isBaseline, isQualitative,
    type Baseline, type Clause, type LinkTarget, type Requirement, type Target,
} from '../generated/ast.js';
import { constraintOf, measureOf } from '../model/values.js';
import { formatConstraint, formatMeasure, isWeaker, meets, ratio, direction, type Constraint, type Measure } from '../units/index.js';

/** What each kind of named element is called, for a completion item's detail where nothing more is known. */
export const KIND_WORDS: Readonly<Record<string, Bilingual>> = {
    Project: { zh: '项目', en: 'project' },
    Contract: { zh: '合同', en: 'contract' },
    Standard: { zh: '标准', en: 'standard' },
    Assessment: { zh: '自评', en: 'assessment' },
    Compliance: { zh: '履约考核', en: 'compliance review' },
    Indicator: { zh: '指标', en: 'indicator' },
    Goal: { zh: '总体目标', en: 'goal' },
    Milestone: { zh: '里程碑', en: 'milestone' },
    BreakdownComponent: { zh: '测算项', en: 'breakdown component' },
    Clause: { zh: '条款', en: 'clause' },
    Requirement: { zh: '要求', en: 'requirement' },
    Baseline: { zh: '基准', en: 'baseline' },
};

/** The detail Langium gives a keyword's completion item, in the file's message language. */
export const KEYWORD_WORD: Bilingual = { zh: '关键字', en: 'keyword' };

/** A target as the forms print it: `≥95%`, `≤20 秒`, `定性「…」`; undefined when absent or unreadable. */
export function targetText(target: Target | undefined): Bilingual | undefined {
    if (!target) return undefined;
    if (isQualitative(target)) return { zh: `定性「${target.text ?? ''}」`, en: `qualitative "${target.text ?? ''}"` };
    const constraint = constraintOf(target);
    if (!constraint) return undefined;
    const text = formatConstraint(constraint);
    return { zh: text, en: text };
}

/** The value a clause or requirement sets, or a baseline's figure, as printed. */
export function linkValueText(target: LinkTarget): Bilingual | undefined {
    if (isBaseline(target)) {
        const measure = target.value && measureOf(target.value);
        return measure && same(formatMeasure(measure));
    }
    return targetText(target.target);
}

/** How a target compares with a clause or requirement: weaker, not weaker, or not comparable. */
export function compareWithReference(target: Constraint | undefined, reference: Clause | Requirement): Bilingual | undefined {
    const ref = constraintOf(reference.target);
    if (!target || !ref) return undefined;
    const verdict = isWeaker(target, ref);
    if (!verdict.ok) return { zh: '单位无法比较', en: 'units cannot be compared' };
    return verdict.result
        ? { zh: '⚠ 目标弱于此值', en: '⚠ target is weaker' }
        : { zh: '✓ 目标不弱于此值', en: '✓ target is not weaker' };
}

/** How a target or actual compares with a baseline: the ratio, and whether it is worse. */
export function compareWithBaseline(value: Measure | undefined, op: Constraint['op'], baseline: Baseline): Bilingual | undefined {
    const base = baseline.value && measureOf(baseline.value);
    if (!value || !base) return undefined;
    const r = ratio(value, base);
    if (r === undefined) return { zh: '单位无法比较', en: 'units cannot be compared' };
    const worse = direction(op) === 'lower' ? r > 1 : r < 1;
    const percent = formatPercent(r);
    return worse
        ? { zh: `⚠ 为基准的 ${percent}，劣于基准`, en: `⚠ ${percent} of the baseline, worse` }
        : { zh: `为基准的 ${percent}`, en: `${percent} of the baseline` };
}

/** How a target compares with whatever it is held to. */
export function compareTarget(target: Constraint | undefined, reference: LinkTarget): Bilingual | undefined {
    if (isBaseline(reference)) return target && compareWithBaseline(target.value, target.op, reference);
    return compareWithReference(target, reference);
}

/** Whether an actual meets a clause or requirement. */
export function actualAgainst(actual: Measure | undefined, reference: Clause | Requirement): Bilingual | undefined {
    const ref = constraintOf(reference.target);
    if (!actual || !ref) return undefined;
    const verdict = meets(actual, ref);
    if (!verdict.ok) return { zh: '单位无法比较', en: 'units cannot be compared' };
    return verdict.result ? { zh: '✓ 实际达到', en: '✓ actual meets it' } : { zh: '⚠ 实际未达到', en: '⚠ actual misses it' };
}

/** 0.9388 → `93.88%`. */
export function formatPercent(share: number): string {
    return `${Number((share * 100).toFixed(2))}%`;
}

/** A score with at most two decimals and no trailing zeros: 4.2, 30, 93.88. */
export function formatScore(score: number): string {
    return String(Number(score.toFixed(2)));
}

export function same(text: string): Bilingual {
    return { zh: text, en: text };
}
