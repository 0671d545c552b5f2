// What an indicator row is held to: the contract clauses, requirements and baselines it links
// with 依据, plus same-named entries of the standards its project applies.
import { AstUtils, type AstNode } from 'langium';
import {
    isBaseline, isBreakdownComponent, isClause, isContract, isGoal, isIndicator, isMilestone, isProject, isRequirement, isStandard,
    type Baseline, type Clause, type Indicator, type Project, type Requirement, type Standard, type StandardEntry,
} from '../generated/ast.js';
import type { Bilingual } from '../i18n/locale.js';
import { linkGeneration } from './link-generation.js';
import { namedAs } from './project.js';
import { constraintOf, measureOf } from './values.js';
import { formatMeasure, type Constraint, type Measure } from '../units/index.js';
import { Attached } from '../workspace/attached.js';

export type Reference = Clause | Requirement | Baseline;

export interface HeldTo<R extends Reference = Reference> {
    entry: R;
    /** Index in `indicator.links`; undefined for a same-named entry of an applied standard. */
    link?: number;
}

interface KnownReferences {
    /** What each link resolved to, and the applied standards' entries, when `held` was found. */
    links: Array<Reference | undefined>;
    applied: Map<string, StandardEntry[]> | undefined;
    held: readonly HeldTo[];
    /** The link generation `held` was last found right at. */
    generation: number;
}

const referencesByIndicator = new Attached<Indicator, KnownReferences>();

/**
 * Every reference an indicator is compared with, each once, linked ones first. Seven rules ask
 * for every row of a project and of its assessment, so the answer is kept while the links
 * resolve to the same nodes and the project applies the same standards (see appliedEntries),
 * and returned without comparing while no document has been linked since (link-generation.ts).
 */
export function referencesOf(indicator: Indicator): readonly HeldTo[] {
    const generation = linkGeneration();
    const known = referencesByIndicator.get(indicator);
    if (known?.generation === generation) return known.held;
    const project = AstUtils.getContainerOfType(indicator, isProject);
    const applied = project && indicator.name ? appliedEntries(project) : undefined;
    if (known && known.applied === applied && linksResolveTo(indicator, known.links)) {
        known.generation = generation;
        return known.held;
    }
    const links = (indicator.links ?? []).map(link => link?.ref);
    const held: HeldTo[] = [];
    links.forEach((entry, index) => {
        if (entry && !held.some(h => h.entry === entry)) held.push({ entry, link: index });
    });
    for (const entry of applied?.get(indicator.name) ?? []) {
        if (!held.some(h => h.entry === entry)) held.push({ entry });
    }
    referencesByIndicator.set(indicator, { links, applied, held, generation });
    return held;
}

function linksResolveTo(indicator: Indicator, entries: ReadonlyArray<Reference | undefined>): boolean {
    const links = indicator.links ?? [];
    return links.length === entries.length && links.every((link, i) => link?.ref === entries[i]);
}

interface AppliedEntries {
    /** What each `适用` name resolved to when the entries were collected. */
    resolved: Array<Standard | undefined>;
    byName: Map<string, StandardEntry[]>;
    /** The link generation `resolved` was last found right at. */
    generation: number;
}

const appliedByProject = new Attached<Project, AppliedEntries>();

/**
 * The entries of the standards a project applies, by name. Every indicator of every project
 * asks (several rules each), so they are collected once per project and kept while its `适用`
 * names resolve to the same standard nodes: an edited or relinked standard is a new node.
 */
function appliedEntries(project: Project): Map<string, StandardEntry[]> {
    const generation = linkGeneration();
    const cached = appliedByProject.get(project);
    if (cached?.generation === generation) return cached.byName;
    if (cached && resolvesTo(project, cached.resolved)) {
        cached.generation = generation;
        return cached.byName;
    }
    const resolved = (project.applies ?? []).flatMap(a => (a.standards ?? []).map(s => s?.ref));
    const byName = new Map<string, StandardEntry[]>();
    for (const standard of new Set(resolved)) {
        for (const entry of standard?.entries ?? []) {
            if (!entry.name) continue;
            const same = byName.get(entry.name);
            if (same) same.push(entry);
            else byName.set(entry.name, [entry]);
        }
    }
    appliedByProject.set(project, { resolved, byName, generation });
    return byName;
}

/** Whether the project's `适用` names resolve to `standards`, in order (no allocation: asked per indicator). */
function resolvesTo(project: Project, standards: ReadonlyArray<Standard | undefined>): boolean {
    let i = 0;
    for (const applies of project.applies ?? []) {
        for (const standard of applies.standards ?? []) if (standard?.ref !== standards[i++]) return false;
    }
    return i === standards.length;
}

/** The value a reference sets: a clause's or requirement's constraint, a baseline's figure. */
export function referenceMeasure(entry: Reference): Measure | undefined {
    if (isClause(entry) || isRequirement(entry)) return constraintOf(entry.target)?.value;
    return entry.value && measureOf(entry.value);
}

/** `Contract.Clause` / `Standard.Entry`, as written after 依据. */
export function qualifiedName(entry: Reference): string {
    return `${entry.$container?.name ?? ''}.${entry.name ?? ''}`;
}

/**
 * 合同「C」条款「X」 / clause 'X' of contract 'C', and the same for requirements and baselines:
 * how findings, hovers and fixes name what a row is held to.
 */
export function describeReference(entry: Reference): Bilingual {
    const owner = entry.$container?.name ?? '';
    if (isClause(entry)) return { zh: `合同「${owner}」条款「${entry.name}」`, en: `clause '${entry.name}' of contract '${owner}'` };
    if (isRequirement(entry)) return { zh: `标准「${owner}」要求「${entry.name}」`, en: `requirement '${entry.name}' of standard '${owner}'` };
    return { zh: `标准「${owner}」基准「${entry.name}」`, en: `baseline '${entry.name}' of standard '${owner}'` };
}

/**
 * An element a name can refer to, as other related places name it: 合同「热线服务合同」条款「接通率」,
 * 项目「热线二期」, 指标「接通率」（title）.
 */
export function describeElement(node: AstNode): Bilingual {
    if (isClause(node) || isRequirement(node) || isBaseline(node)) return describeReference(node);
    if (isIndicator(node)) {
        const named = namedAs(node);
        return { zh: `指标${named.zh}`, en: `indicator ${named.en}` };
    }
    const name = (node as { name?: unknown }).name;
    const quoted = { zh: `「${typeof name === 'string' ? name : ''}」`, en: `'${typeof name === 'string' ? name : ''}'` };
    const kind = isContract(node) ? { zh: '合同', en: 'contract ' }
        : isProject(node) ? { zh: '项目', en: 'project ' }
            : isStandard(node) ? { zh: '标准', en: 'standard ' }
                : isGoal(node) ? { zh: '总体目标', en: 'goal ' }
                    : isMilestone(node) ? { zh: '里程碑', en: 'milestone ' }
                        : isBreakdownComponent(node) ? { zh: '测算', en: 'breakdown ' }
                            : { zh: '', en: '' };
    return { zh: kind.zh + quoted.zh, en: kind.en + quoted.en };
}

/** A constraint as a user would type it (`>= 95%`, `<= 20 秒`), for fix data that replaces a target. */
export function sourceText(constraint: Constraint): string {
    return `${constraint.op} ${formatMeasure(constraint.value)}`;
}
