// Why two measures cannot be put on one scale, in words: a target against what it is held to, or
// an actual against the clause it is reviewed by.
import type { Bilingual } from '../i18n/locale.js';
import type { Comparability, Measure } from '../units/index.js';

function unitLabel(m: Measure): Bilingual {
    if (m.kind === 'date') return { zh: '日期', en: 'a date' };
    const unit = m.unit?.trim();
    return unit ? { zh: unit, en: unit } : { zh: '无单位', en: 'no unit' };
}

/** The words for `comparable(a, b)`'s refusal. */
export function whyIncomparable(a: Measure, b: Measure, reason: Extract<Comparability, { ok: false }>['reason']): Bilingual {
    if (reason === 'kind') return { zh: '日期与数值不能比较', en: 'a date cannot be compared with a number' };
    const x = unitLabel(a);
    const y = unitLabel(b);
    return reason === 'dimension'
        ? { zh: `${x.zh} 与 ${y.zh} 不是同一种量`, en: `${x.en} and ${y.en} measure different things` }
        : { zh: `单位 ${x.zh} 与 ${y.zh} 无法换算`, en: `units ${x.en} and ${y.en} do not convert` };
}
