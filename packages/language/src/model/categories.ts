import type { CategoryKeyword } from '../generated/ast.js';

/** Canonical indicator families, whatever the keyword language or alias used in the file. */
/** `decision` and `process` are the 项目决策 / 项目管理 families of evaluation frameworks. */
export type Level1Family = 'output' | 'benefit' | 'satisfaction' | 'cost' | 'decision' | 'process';
export type Level2Family =
    | 'quantity' | 'quality' | 'timeliness' | 'cost'
    | 'economic' | 'social' | 'ecological' | 'sustainability'
    | 'beneficiary'
    | 'economic-cost' | 'social-cost' | 'environmental-cost';
export type Family = Level1Family | Level2Family;

const FAMILY_OF: Record<CategoryKeyword, Family> = {
    '产出指标': 'output', output: 'output',
    '效益指标': 'benefit', benefit: 'benefit',
    '满意度指标': 'satisfaction', satisfaction: 'satisfaction',
    '成本指标': 'cost', cost: 'cost',
    '数量指标': 'quantity', quantity: 'quantity',
    '质量指标': 'quality', quality: 'quality',
    '时效指标': 'timeliness', timeliness: 'timeliness',
    '经济效益': 'economic', '经济效益指标': 'economic', economic: 'economic',
    '社会效益': 'social', '社会效益指标': 'social', social: 'social',
    '生态效益': 'ecological', '生态效益指标': 'ecological', ecological: 'ecological',
    '可持续影响': 'sustainability', '可持续影响指标': 'sustainability', sustainability: 'sustainability',
    '服务对象满意度': 'beneficiary', '服务对象满意度指标': 'beneficiary', beneficiary: 'beneficiary',
    '经济成本': 'economic-cost', '经济成本指标': 'economic-cost', 'economic-cost': 'economic-cost',
    '社会成本': 'social-cost', '社会成本指标': 'social-cost', 'social-cost': 'social-cost',
    '生态环境成本': 'environmental-cost', '生态环境成本指标': 'environmental-cost', 'environmental-cost': 'environmental-cost',
    '决策指标': 'decision', '项目决策': 'decision', decision: 'decision',
    '过程指标': 'process', '项目管理': 'process', '管理指标': 'process', process: 'process',
};

/** The family of a group keyword; none for a free label (`资金管理 { … }`) or a half-typed group. */
export function familyOf(keyword: CategoryKeyword | undefined): Family | undefined {
    return keyword === undefined ? undefined : FAMILY_OF[keyword];
}

/** The family of a word that may be a group keyword (text before a `{`); none for any other word. */
export function familyOfWord(word: string): Family | undefined {
    return Object.hasOwn(FAMILY_OF, word) ? FAMILY_OF[word as CategoryKeyword] : undefined;
}

/** The keyword a file would use for a family, in Chinese or English. */
export const FAMILY_KEYWORD: Record<Family, { zh: string; en: string }> = {
    output: { zh: '产出指标', en: 'output' },
    benefit: { zh: '效益指标', en: 'benefit' },
    satisfaction: { zh: '满意度指标', en: 'satisfaction' },
    cost: { zh: '成本指标', en: 'cost' },
    quantity: { zh: '数量指标', en: 'quantity' },
    quality: { zh: '质量指标', en: 'quality' },
    timeliness: { zh: '时效指标', en: 'timeliness' },
    economic: { zh: '经济效益', en: 'economic' },
    social: { zh: '社会效益', en: 'social' },
    ecological: { zh: '生态效益', en: 'ecological' },
    sustainability: { zh: '可持续影响', en: 'sustainability' },
    beneficiary: { zh: '服务对象满意度', en: 'beneficiary' },
    'economic-cost': { zh: '经济成本', en: 'economic-cost' },
    'social-cost': { zh: '社会成本', en: 'social-cost' },
    'environmental-cost': { zh: '生态环境成本', en: 'environmental-cost' },
    decision: { zh: '项目决策', en: 'decision' },
    process: { zh: '项目管理', en: 'process' },
};
