// Rules on the shape of a project's indicator tree: the families it must have, and one scheme.
import { CstUtils, type AstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import { isLevel2Group, type Level1Group, type Level2Group, type Project } from '../../generated/ast.js';
import type { Bilingual } from '../../i18n/locale.js';
import { familyOf, type Family, type Level1Family, type Level2Family } from '../../model/categories.js';
import { groupName, indicatorsIn, level1Groups } from '../../model/project.js';
import { indicatorTreeBroken, mayBeUnread } from '../broken-text.js';
import type { Report } from '../report.js';
import { hasSatisfactionRow } from './satisfaction.js';


/** Rows a rule asks for: any row under `level1`, or under `level1 › level2` when given. */
interface Wanted {
    level1: Level1Family;
    level2?: Level2Family;
    /** The level-2 family a fix adds. */
    suggested: Level2Family;
    /** Whether the project has such a row, when not just those under `level1` (› `level2`) count. */
    has?: (project: Project) => boolean;
}

/** Where a missing family is reported, from the most to the least specific place, named for the fix. */
type Container = 'level2-group' | 'level1-group' | 'indicator-section' | 'project';

function hasRow(project: Project, wanted: Wanted): boolean {
    if (wanted.has) return wanted.has(project);
    return level1Groups(project).some(g1 => familyOf(g1.category) === wanted.level1 && (wanted.level2
        ? g1.groups.some(g2 => familyOf(g2.category) === wanted.level2 && g2.indicators.length > 0)
        : indicatorsIn(g1).length > 0));
}

/** The first token of a node: the keyword line of a multi-line section. */
function headRange(node: AstNode): Range | undefined {
    return node.$cstNode && CstUtils.flattenCst(node.$cstNode).find(leaf => !leaf.hidden)?.range;
}

/** Where a rule on a missing family reports, and what a fix needs to know of that place. */
function missingPlace(project: Project, wanted: Wanted): { node: AstNode; container: Container } | undefined {
    if (!project.name || hasRow(project, wanted) || indicatorTreeBroken(project)) return undefined;
    const groups = level1Groups(project).filter(g => familyOf(g.category) === wanted.level1);
    // Every matching level-2 group is empty here, since no row was found.
    const emptyGroup = groups.flatMap(g => g.groups).find(g2 => !wanted.level2 || familyOf(g2.category) === wanted.level2);
    const section = project.indicatorSections[0];
    if (emptyGroup) return { node: emptyGroup, container: 'level2-group' };
    if (groups[0]) return { node: groups[0], container: 'level1-group' };
    if (section) return { node: section, container: 'indicator-section' };
    return { node: project, container: 'project' };
}

function reportMissing(
    rule: 'target/missing-quantity' | 'target/missing-benefit' | 'target/missing-satisfaction',
    project: Project, wanted: Wanted, message: Bilingual, report: Report,
): void {
    const place = missingPlace(project, wanted);
    if (!place) return;
    const data = { level1: wanted.level1, group: wanted.suggested, container: place.container };
    const { node, container } = place;
    if (container === 'level2-group' || container === 'level1-group') report(rule, { node: node as Level1Group | Level2Group, property: 'category', message, data });
    else if (container === 'indicator-section') report(rule, { node, range: headRange(node), message, data });
    else report(rule, { node: node as Project, property: 'name', message, data });
}

const QUANTITY: Wanted = { level1: 'output', level2: 'quantity', suggested: 'quantity' };
const BENEFIT: Wanted = { level1: 'benefit', suggested: 'social' };
const SATISFACTION: Wanted = { level1: 'satisfaction', suggested: 'beneficiary', has: hasSatisfactionRow };

export function targetMissingQuantity(project: Project, report: Report): void {
    reportMissing('target/missing-quantity', project, QUANTITY, {
        zh: `项目「${project.name}」的产出指标下没有数量指标`,
        en: `Project '${project.name}' has no quantity indicator under output`,
    }, report);
}

export function targetMissingBenefit(project: Project, report: Report): void {
    reportMissing('target/missing-benefit', project, BENEFIT, {
        zh: `项目「${project.name}」没有效益指标`,
        en: `Project '${project.name}' has no benefit indicator`,
    }, report);
}

export function targetMissingSatisfaction(project: Project, report: Report): void {
    reportMissing('target/missing-satisfaction', project, SATISFACTION, {
        zh: `项目「${project.name}」没有满意度指标`,
        en: `Project '${project.name}' has no satisfaction indicator`,
    }, report);
}

/**
 * A family group that holds no row: a level-2 group without rows, or a level-1 group with
 * neither rows nor groups (a level-1 group whose groups are all empty is reported through them).
 * A group the target/missing-* rules already report, as the place to add the missing family,
 * is left to them. Not while the tree is broken (indicatorTreeBroken), nor for a group holding
 * text the parser could not read: its rows may stand there.
 */
export function targetEmptyGroup(project: Project, report: Report): void {
    if (indicatorTreeBroken(project)) return;
    const claimed = new Set([QUANTITY, BENEFIT, SATISFACTION].map(w => missingPlace(project, w)?.node));
    for (const g1 of level1Groups(project)) {
        const empty: Array<Level1Group | Level2Group> = g1.groups.length === 0 && g1.indicators.length === 0
            ? [g1]
            : g1.groups.filter(g2 => g2.indicators.length === 0);
        for (const group of empty) {
            if (claimed.has(group) || mayBeUnread(group)) continue;
            const name = groupName(group);
            const message = {
                zh: `指标组「${name}」没有任何指标：请填写指标，或删除该组`,
                en: `Group '${name}' holds no indicator: add its rows or remove it`,
            };
            if (isLevel2Group(group) && group.category === undefined) report('target/empty-group', { node: group, property: 'label', message, data: { group: name } });
            else report('target/empty-group', { node: group, property: 'category', message, data: { group: name } });
        }
    }
}

export type Scheme = '2020' | '2021';

/** A group that belongs to one scheme; `misplaced` when it mixes the schemes by itself. */
interface SchemeMarker {
    group: Level1Group | Level2Group;
    scheme: Scheme;
    misplaced: boolean;
}

const COST_2021 = new Set<Family>(['economic-cost', 'social-cost', 'environmental-cost']);

/**
 * 2020 scheme: 成本指标 as a level-2 group under 产出指标. 2021 scheme (101号): 成本指标 at
 * level 1 and its 经济/社会/生态环境成本 groups, which are misplaced under any other level 1.
 */
function schemeMarkers(project: Project): SchemeMarker[] {
    const markers: SchemeMarker[] = [];
    for (const g1 of level1Groups(project)) {
        const f1 = familyOf(g1.category);
        if (f1 === 'cost') markers.push({ group: g1, scheme: '2021', misplaced: false });
        for (const g2 of g1.groups) {
            const f2 = familyOf(g2.category);
            if (f2 === 'cost' && f1 === 'output') markers.push({ group: g2, scheme: '2020', misplaced: false });
            if (f2 && COST_2021.has(f2)) markers.push({ group: g2, scheme: '2021', misplaced: f1 !== 'cost' });
        }
    }
    return markers;
}

function groupPath(group: Level1Group | Level2Group): string {
    return isLevel2Group(group) ? `「${group.$container?.category} › ${group.category}」` : `一级「${group.category}」`;
}

function groupPathEn(group: Level1Group | Level2Group): string {
    return isLevel2Group(group) ? `'${group.$container?.category} › ${group.category}'` : `level-1 '${group.category}'`;
}

/**
 * Reported once per project, on the first group that breaks the scheme the configuration asks
 * for (`kpispec.json` `scheme`) or, without one, the scheme the project started with; not while
 * the tree is broken, as a group a missing `}` closed early takes the next level-1 family in.
 */
export function targetMixedScheme(project: Project, report: Report, configured?: Scheme): void {
    const markers = schemeMarkers(project);
    const first = markers[0];
    const offending = markers.find(m => m.misplaced) ?? markers.find(m => m.scheme !== (configured ?? first?.scheme));
    if (!first || !offending || indicatorTreeBroken(project)) return;
    const group = offending.group;
    const parent = isLevel2Group(group) ? group.$container?.category : undefined;
    const message: Bilingual = offending.misplaced
        ? {
            zh: `${groupPath(group)}混用了指标体系：${group.category}属于2021年体系（财预〔2021〕101号）的一级成本指标，不应放在${parent}下`,
            en: `${groupPathEn(group)} mixes the schemes: ${group.category} belongs under the 2021 scheme's level-1 cost (101号), not under ${parent}`,
        }
        : configured
        ? {
            zh: `${groupPath(group)}属于${offending.scheme}年体系，而配置（kpispec.json 的 scheme）要求${configured}年体系`,
            en: `${groupPathEn(group)} follows the ${offending.scheme} scheme, but the configuration (kpispec.json "scheme") asks for the ${configured} scheme`,
        }
        : {
            zh: `${groupPath(group)}属于${offending.scheme}年体系，而本项目${groupPath(first.group)}属于${first.scheme}年体系`,
            en: `${groupPathEn(group)} follows the ${offending.scheme} scheme, but ${groupPathEn(first.group)} of this project follows the ${first.scheme} scheme`,
        };
    report('target/mixed-scheme', {
        // A sentence that opens with a level-1 group ("level-1 'cost' follows…") starts with a capital.
        node: group, property: 'category', message: { zh: message.zh, en: message.en.charAt(0).toUpperCase() + message.en.slice(1) },
        data: {
            scheme: offending.scheme,
            level1: familyOf(parent ?? group.category),
            level2: parent === undefined ? undefined : familyOf(group.category),
        },
    });
}
