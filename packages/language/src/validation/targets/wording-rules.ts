// Rules on how a single target is written: measurable, with a direction, a unit and a source.
import { isBaseline, isComparison, isDateLiteral, isQualitative, type Indicator } from '../../generated/ast.js';
import { familiesOf } from '../../model/project.js';
import { comparable, direction, formatConstraint, formatMeasure, isMoney, type Constraint, type Measure } from '../../units/index.js';
import type { Report } from '../report.js';
import { referenceMeasure, referencesOf } from '../../model/held-to.js';
import { constraintOf, hasComparator } from '../../model/values.js';

/**
 * The comparator a bare value most likely meant: `=` for 100 % (nothing exceeds it) and for 0,
 * else the direction of a linked reference, else `<=` for a cost (under 成本指标, or money)
 * and for a deadline, else `>=`.
 */
function likelyComparator(indicator: Indicator, value: Measure): '>=' | '<=' | '=' {
    if (isFullRate({ op: '>=', value }) || (value.kind === 'number' && value.value === 0)) return '=';
    for (const { entry } of referencesOf(indicator)) {
        const op = isBaseline(entry) ? undefined : constraintOf(entry.target)?.op;
        if (op && op !== '=') return direction(op) === 'lower' ? '<=' : '>=';
    }
    const { level1, level2 } = familiesOf(indicator);
    const cost = level1 === 'cost' || level2 === 'cost' || (value.kind === 'number' && isMoney(value.unit));
    return cost || value.kind === 'date' ? '<=' : '>=';
}

export function targetNoComparator(indicator: Indicator, report: Report): void {
    const target = indicator.target;
    if (!isComparison(target) || hasComparator(target)) return;
    const constraint = constraintOf(target);
    if (!constraint) return;
    const value = formatMeasure(constraint.value);
    const suggested = likelyComparator(indicator, constraint.value);
    report('target/no-comparator', {
        node: indicator, property: 'target',
        message: {
            zh: `目标值 ${value} 没有比较符，按“=${value}”理解；请写明比较符，如 ${suggested} ${value}`,
            en: `Target ${value} has no comparator and reads as '=${value}'; state the direction, e.g. '${suggested} ${value}'`,
        },
        data: { suggested, value },
    });
}

export function targetNoUnit(indicator: Indicator, report: Report): void {
    const target = indicator.target;
    // A date is a value in its own right, not a number missing its unit.
    if (!isComparison(target) || !target.value || isDateLiteral(target.value) || target.value.unit?.trim()) return;
    const constraint = constraintOf(target);
    // The title may print the unit (`"上门服务人数（人）" ≥500`): constraintOf reads it.
    if (!constraint || (constraint.value.kind === 'number' && constraint.value.unit)) return;
    // The unit of what the row is compared with is the unit a fix most likely wants.
    const suggested = referencesOf(indicator)
        .map(h => referenceMeasure(h.entry))
        .find((m): m is Measure & { kind: 'number' } => m?.kind === 'number' && !!m.unit?.trim())?.unit?.trim();
    report('target/no-unit', {
        node: indicator, property: 'target',
        message: {
            zh: `目标值 ${formatConstraint(constraint)} 没有计量单位${suggested ? `（引用的条目以 ${suggested} 计）` : ''}`,
            en: `Target ${formatConstraint(constraint)} has no unit${suggested ? ` (its reference is in ${suggested})` : ''}`,
        },
        data: { suggested },
    });
}

// 10号 asks for targets that can be measured; these words describe a change without a level.
const VAGUE_WORDS = [
    '明显', '显著', '有所', '进一步', '不断', '较大', '大幅', '提升', '提高', '改善', '加强', '增强',
    '稳步', '逐步', '持续', '良好', '较好', '优化',
    'significant', 'notabl', 'further', 'improve', 'enhance', 'better', 'continuous', 'marked', 'obvious', 'steadily',
];
// Digits, or a Chinese numeral with a measure word (十六条, 两个): wording that names a level.
const MEASURABLE = /[0-9０-９]|[〇一二两三四五六七八九十百千]+[个条项家次人户件座所名篇场批份张本台套天周月年倍成]/;
const FULL_RATE: Measure = { kind: 'number', value: 100, unit: '%' };

/** `>= 100%` on a rate cannot be exceeded: it is `= 100%` written as if it could. */
function isFullRate(constraint: Constraint): boolean {
    if (constraint.op !== '>=') return false;
    const scale = comparable(constraint.value, FULL_RATE);
    return scale.ok && scale.a === scale.b;
}

export function targetVague(indicator: Indicator, report: Report): void {
    const target = indicator.target;
    if (isQualitative(target)) {
        const text = target.text ?? '';
        const lower = text.toLowerCase();
        const words = VAGUE_WORDS.filter(w => lower.includes(w));
        const rest = words.reduce((t, w) => t.split(w).join(' '), lower);
        if (MEASURABLE.test(rest) || (words.length === 0 && text.trim() !== '')) return;
        report('target/vague', {
            node: indicator, property: 'target',
            message: words.length > 0
                ? {
                    zh: `定性目标「${text}」只有“${words.join('”“')}”之类的描述，没有可衡量的水平`,
                    en: `Qualitative target "${text}" only says '${words.join("', '")}', with no level that can be measured`,
                }
                : { zh: '定性目标内容为空，无法衡量', en: 'Qualitative target is empty and cannot be measured' },
            data: { reason: 'vague-words', words },
        });
        return;
    }
    const constraint = constraintOf(target);
    if (!constraint || !isFullRate(constraint)) return;
    report('target/vague', {
        node: indicator, property: 'target',
        message: {
            zh: `目标值 ${formatConstraint(constraint)} 无法超额完成，等同于 =100%；请写作 = 100% 或设定可达到的水平`,
            en: `Target ${formatConstraint(constraint)} cannot be exceeded and means =100%; write '= 100%' or a reachable level`,
        },
        data: { reason: 'full-rate', suggested: '= 100%' },
    });
}

export function targetNoSource(indicator: Indicator, report: Report): void {
    if (!indicator.name || indicator.source?.trim()) return;
    report('target/no-source', {
        node: indicator, property: 'name',
        message: {
            zh: `指标「${indicator.name}」未注明数据来源（来源 "…"）`,
            en: `Indicator '${indicator.name}' has no data source (source "…")`,
        },
        data: { indicator: indicator.name },
    });
}
