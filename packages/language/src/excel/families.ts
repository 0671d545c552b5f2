import { normalizeLabel } from './cell-values.js';

/**
 * The language's family keyword for a printed level-1 label (`产出指标`, `项目产出`, `产出`), or
 * undefined when the label names no family.
 */
export function level1Keyword(label: string): string | undefined {
    const l = normalizeLabel(label);
    if (/决策/.test(l)) return '项目决策';
    if (/管理|过程/.test(l)) return '项目管理';
    if (/产出/.test(l)) return '产出指标';
    if (/效益/.test(l)) return '效益指标';
    if (/满意/.test(l)) return '满意度指标';
    if (/成本/.test(l)) return '成本指标';
    return undefined;
}

/**
 * Whether a label is the name of a level-1 family itself (`项目管理`, `过程指标`, `决策`), not a
 * free label under it (`资金管理`, `组织实施`).
 */
export function isLevel1Label(label: string, level1: string): boolean {
    return level1Keyword(label) === level1 && /^(项目)?(决策|管理|过程)(指标)?$/.test(normalizeLabel(label));
}

/** Level-1 families whose rows stand in groups with a free label (决策, 过程). */
export const FREE_GROUP_FAMILIES: ReadonlySet<string> = new Set(['项目决策', '项目管理']);

const LEVEL2: ReadonlyArray<[RegExp, string]> = [
    [/数量/, '数量指标'], [/质量/, '质量指标'], [/时效/, '时效指标'],
    [/经济效益/, '经济效益'], [/社会效益/, '社会效益'], [/生态效益/, '生态效益'], [/可持续/, '可持续影响'],
    [/满意/, '服务对象满意度'],
];
const COST_LEVEL2: ReadonlyArray<[RegExp, string]> = [[/经济/, '经济成本'], [/社会/, '社会成本'], [/生态|环境/, '生态环境成本']];

/** The family keyword for a printed level-2 label under a level-1 family, or undefined. */
export function level2Keyword(level1: string, label: string): string | undefined {
    const l = normalizeLabel(label);
    if (level1 === '成本指标') return COST_LEVEL2.find(([re]) => re.test(l))?.[1];
    if (level1 === '产出指标' && /成本/.test(l)) return '成本指标';
    const found = LEVEL2.find(([re]) => re.test(l))?.[1];
    const fits = level1 === '效益指标' ? found !== '服务对象满意度' && found !== undefined && !/指标$/.test(found)
        : level1 === '满意度指标' ? found === '服务对象满意度'
            : level1 === '产出指标' ? /^(数量|质量|时效)指标$/.test(found ?? '') : false;
    return fits ? found : undefined;
}
