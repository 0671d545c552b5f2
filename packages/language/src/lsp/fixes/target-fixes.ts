// Quick fixes for target/* and contract/* diagnostics (data documented in docs/rules/target, docs/rules/contract).
import { TextEdit, type Diagnostic } from 'vscode-languageserver';
import {
    isBaseline, isClause, isComparison, isIndicator, isLevel1Group, isLevel2Group, isProject,
    type Indicator, type Level1Group, type Level2Group, type Project,
} from '../../generated/ast.js';
import { FAMILY_KEYWORD, familyOf, type Family } from '../../model/categories.js';
import { groupName, indicatorsOf, level1Groups } from '../../model/project.js';
import { qualifiedName, referencesOf } from '../../model/held-to.js';
import { hasComparator } from '../../model/values.js';
import { keyword } from '../keyword-language.js';
import { dataOf, quote, stringField, type Fix, type FixContext } from './fix-context.js';

/**
 * target/below-contract, target/below-standard, target/above-baseline: write the reference's
 * value as the target (data `suggested`, else read from `reference`); target/vague on `>= 100%`:
 * `= 100%`; target/below-history: last year's level.
 */
export const setTarget: Fix = (d, ctx) => {
    const indicator = ctx.nodeAt(d.range.start, isIndicator);
    const target = indicator?.target?.$cstNode;
    const reference = stringField(d, 'reference');
    const suggested = stringField(d, 'suggested') ?? (indicator && reference ? referenceTargetText(indicator, reference) : undefined);
    if (!target || !suggested) return [];
    const per = reference ? ctx.say({ zh: `（依据 ${reference}）`, en: ` (per ${reference})` })
        : d.code === 'target/below-history' ? ctx.say({ zh: '（上年实际）', en: " (last year's actual)" }) : '';
    // Held to several values, the fix to prefer is the one that leaves the target weaker than none of them.
    return ctx.action({ zh: `将目标改为 ${suggested}${per}`, en: `Set the target to ${suggested}${per}` },
        [TextEdit.replace(target.range, suggested)], [d], dataOf(d)['satisfiesAll'] !== false);
};

/** target/no-comparator (data `suggested`): write the comparator before the value. */
export const addComparator: Fix = (d, ctx) => {
    const target = ctx.nodeAt(d.range.start, isIndicator)?.target;
    const start = isComparison(target) && !hasComparator(target) ? target.$cstNode?.range.start : undefined;
    const comparator = stringField(d, 'suggested');
    if (!start || !comparator) return [];
    return ctx.action({ zh: `添加比较符 ${comparator}`, en: `Add the comparator ${comparator}` }, [TextEdit.insert(start, `${comparator} `)], [d], true);
};

/** target/no-unit (data `suggested`, the unit of what the row is compared with): write the unit after the number. */
export const addUnit: Fix = (d, ctx) => {
    const target = ctx.nodeAt(d.range.start, isIndicator)?.target;
    const end = isComparison(target) ? target.value?.$cstNode?.range.end : undefined;
    const unit = stringField(d, 'suggested');
    if (!end || !unit) return [];
    return ctx.action({ zh: `添加单位 ${unit}`, en: `Add the unit ${unit}` }, [TextEdit.insert(end, /^[%％‰]$/.test(unit) ? unit : ` ${unit}`)], [d], true);
};

/** target/missing-quantity (and missing-benefit, missing-satisfaction): add the family with a row to fill in. */
export const addFamily: Fix = (d, ctx) => {
    const project = ctx.nodeAt(d.range.start, isProject);
    const level2 = familyField(d, 'group');
    const level1 = familyField(d, 'level1') ?? (level2 && LEVEL1_OF[level2]);
    if (!project || !level2 || !level1) return [];
    const name = FAMILY_KEYWORD[level2];
    return ctx.action({ zh: `添加${name.zh}`, en: `Add a ${name.en} indicator` }, [addRow(project, level1, level2, [newRow(project, level2, ctx)], ctx)], [d], true);
};

/** target/required-indicator: add a row for the requirement, linked to it with 依据. */
export const addRequiredIndicator: Fix = (d, ctx) => {
    const project = ctx.nodeAt(d.range.start, isProject);
    const requirement = stringField(d, 'requirement');
    const name = stringField(d, 'requirementName') ?? requirement?.split('.').pop();
    if (!project || !requirement || !name) return [];
    const { level1, level2 } = suggestedFamily(dataOf(d)['family']);
    const target = stringField(d, 'target') ?? qualitativePlaceholder(ctx);
    const row = `${name} ${quote(stringField(d, 'title') ?? name)} ${target} ${keyword('per', ctx.language)} ${requirement}`;
    return ctx.action({ zh: `添加必设指标「${name}」（依据 ${requirement}）`, en: `Add the required indicator '${name}' (per ${requirement})` },
        [addRow(project, level1, level2, [row], ctx)], [d], true);
};

/** contract/no-penalty: add a 违约 line under the clause. */
export const addPenalty: Fix = (d, ctx) => {
    const clause = ctx.nodeAt(d.range.start, isClause);
    if (!clause || clause.penalty !== undefined) return [];
    const line = `${keyword('penalty', ctx.language)} ${quote(ctx.kw({ zh: '请填写违约责任', en: 'Describe the penalty' }))}`;
    return ctx.action({ zh: `为条款「${clause.name}」添加违约责任`, en: `Add a penalty to clause '${clause.name}'` },
        [ctx.insertAfter(clause, [line], 1)], [d], true);
};

/**
 * target/empty-group: delete the group (with its level-1 group when that holds nothing else), or
 * add a row to fill in (under a level-1 group left empty, in its usual level-2 family).
 */
export const fillOrRemoveEmptyGroup: Fix = (d, ctx) => {
    const group = ctx.nodeAt(d.range.start, (n): n is Level1Group | Level2Group => isLevel1Group(n) || isLevel2Group(n));
    const project = group && ctx.nodeAt(d.range.start, isProject);
    if (!group || !project || (isLevel2Group(group) ? group.indicators : [...group.indicators, ...group.groups]).length > 0) return [];
    const parent = isLevel2Group(group) ? group.$container : undefined;
    const alone = parent && parent.groups.length === 1 && parent.indicators.length === 0;
    const removed = alone ? `${groupName(parent)} › ${groupName(group)}` : groupName(group);
    const family = familyOf(group.category);
    const level2 = isLevel1Group(group) && family ? DEFAULT_LEVEL2[family] : undefined;
    const row = newRow(project, level2 ?? family, ctx);
    const add = level2
        ? ctx.prependChild(group, [`${FAMILY_KEYWORD[level2][ctx.language]} {`, `${ctx.indentUnit}${row}`, '}'])
        : ctx.prependChild(group, [row]);
    return [
        ...ctx.action({ zh: `删除空的指标组「${removed}」`, en: `Remove the empty group '${removed}'` }, [ctx.cut(alone ? parent : group)?.edit], [d]),
        ...ctx.action({ zh: `在「${groupName(group)}」下添加一行待填写的指标`, en: `Add a row to fill in under '${groupName(group)}'` }, [add], [d]),
    ];
};

/**
 * target/misfiled: move the row where its title says it belongs. A satisfaction row goes to the
 * project's 服务对象满意度 group (under 满意度指标, or where the 2015 scheme files it), made if
 * there is none; for a row that is not one, the two families such rows usually belong to are
 * offered (a complaint count is a 质量指标 or a 社会效益), neither preferred.
 */
export const moveMisfiled: Fix = (d, ctx) => {
    const indicator = ctx.nodeAt(d.range.start, isIndicator);
    const project = indicator && ctx.nodeAt(d.range.start, isProject);
    const cut = indicator && ctx.cut(indicator);
    if (!project || !cut || typeof dataOf(d)['satisfaction'] !== 'boolean') return [];
    const move = (level1: Family, level2: Family, isPreferred: boolean) => {
        const existing = level1Groups(project).flatMap(g1 => g1.groups).find(g2 => familyOf(g2.category) === level2 && (level2 === 'beneficiary' || familyOf(g2.$container.category) === level1));
        const where = existing ? `${groupName(existing.$container)} › ${groupName(existing)}` : `${FAMILY_KEYWORD[level1][ctx.language]} › ${FAMILY_KEYWORD[level2][ctx.language]}`;
        const insert = existing ? ctx.appendChild(existing, existing.indicators, cut.lines) : addRow(project, level1, level2, cut.lines, ctx);
        return ctx.action({ zh: `移至「${where}」`, en: `Move it to '${where}'` }, [cut.edit, insert], [d], isPreferred);
    };
    return dataOf(d)['satisfaction'] === true
        ? move('satisfaction', 'beneficiary', true)
        : [...move('output', 'quality', false), ...move('benefit', 'social', false)];
};

const LEVEL1_OF: Partial<Record<Family, Family>> = {
    quantity: 'output', quality: 'output', timeliness: 'output', cost: 'output',
    economic: 'benefit', social: 'benefit', ecological: 'benefit', sustainability: 'benefit',
    beneficiary: 'satisfaction',
    'economic-cost': 'cost', 'social-cost': 'cost', 'environmental-cost': 'cost',
};

/** Where a required indicator goes when the data names only a level-1 family, or nothing. */
const DEFAULT_LEVEL2: Partial<Record<Family, Family>> = { output: 'quality', benefit: 'social', satisfaction: 'beneficiary', cost: 'economic-cost' };

function asFamily(value: unknown): Family | undefined {
    return typeof value === 'string' && value in FAMILY_KEYWORD ? value as Family : undefined;
}

function familyField(d: Diagnostic, key: string): Family | undefined {
    return asFamily(dataOf(d)[key]);
}

/** The family a required indicator goes into: data `family` as a level-2 id or `{ level1, level2 }`; 产出/质量 by default. */
function suggestedFamily(family: unknown): { level1: Family; level2: Family } {
    const given = typeof family === 'object' && family !== null ? family as Record<string, unknown> : { level2: family };
    const level2 = asFamily(given['level2']) ?? DEFAULT_LEVEL2[asFamily(given['level1']) ?? 'output'] ?? 'quality';
    return { level1: LEVEL1_OF[level2] ?? 'output', level2 };
}

/** The value of the clause or requirement an indicator is held to, as written (`>= 95%`). */
function referenceTargetText(indicator: Indicator, reference: string): string | undefined {
    const ref = referencesOf(indicator).map(h => h.entry).find(r => qualifiedName(r) === reference);
    return ref && !isBaseline(ref) ? ref.target?.$cstNode?.text : undefined;
}

/** A row to fill in, in a family: a placeholder name, title and target. */
function newRow(project: Project, family: Family | undefined, ctx: FixContext): string {
    const name = uniqueName(project, ctx.kw({ zh: '新指标', en: 'NewIndicator' }));
    return `${name} ${quote(ctx.kw({ zh: '请填写指标名称', en: 'Describe the indicator' }))} ${placeholderTarget(family, ctx)}`;
}

function placeholderTarget(level2: Family | undefined, ctx: FixContext): string {
    if (level2 === 'quantity') return '>= 1 个';
    if (level2 === 'beneficiary') return '>= 90%';
    return qualitativePlaceholder(ctx);
}

function qualitativePlaceholder(ctx: FixContext): string {
    return `${keyword('qualitative', ctx.language)} ${quote(ctx.kw({ zh: '请填写目标值', en: 'Describe the target' }))}`;
}

function uniqueName(project: Project, base: string): string {
    const taken = new Set(indicatorsOf(project).map(i => i.name));
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    return name;
}

/**
 * Adds an indicator row under level-1/level-2 families, creating whatever is missing on the
 * way (绩效指标, the level-1 group, the level-2 group). 产出 and 数量 go first, as on the forms.
 */
function addRow(project: Project, level1: Family, level2: Family, rows: string[], ctx: FixContext): TextEdit | undefined {
    const u = ctx.indentUnit;
    const under = (depth: number) => rows.map(r => `${u.repeat(depth)}${r}`);
    const l1 = FAMILY_KEYWORD[level1][ctx.language];
    const l2 = FAMILY_KEYWORD[level2][ctx.language];
    const section = project.indicatorSections[0];
    if (!section) {
        const lines = [`${keyword('indicators', ctx.language)} {`, `${u}${l1} {`, `${u}${u}${l2} {`, ...under(3), `${u}${u}}`, `${u}}`, '}'];
        return ctx.appendLast(project, lines);
    }
    const group1 = section.groups.find(g => familyOf(g.category) === level1);
    if (!group1) {
        const lines = [`${l1} {`, `${u}${l2} {`, ...under(2), `${u}}`, '}'];
        return level1 === 'output' ? ctx.prependChild(section, lines) : ctx.appendChild(section, section.groups, lines);
    }
    const group2 = group1.groups.find(g => familyOf(g.category) === level2);
    if (!group2) {
        const lines = [`${l2} {`, ...under(1), '}'];
        return level2 === 'quantity' ? ctx.prependChild(group1, lines) : ctx.appendChild(group1, group1.groups, lines);
    }
    return ctx.appendChild(group2, group2.indicators, rows);
}
