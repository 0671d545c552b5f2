import { relative } from 'node:path';
import type { AstNode, LangiumDocument } from 'langium';
import {
    FAMILY_KEYWORD, actualMeasure, compareText, excel, comparisonConstraint, executionOutcome, constraintOf, familiesOf, indicatorsOf, isAsOf, isAssessment, isBaseline, isClause,
    isCompliance, isContract, isExecution, isFundsTotal, isIndicatorAssessment, isMilestoneAssessment, isProject, isQualitative,
    isRequirement, measureOf, milestonesOf, pick, round, ruleMeta, scoreAssessment, scoreExecution, units,
    type Assessment, type Block, type Execution, type ExecutionShare, type Indicator, type KpiConfig, type Locale, type Model, type Project,
} from '@kpispec/language/core';
import { documentResult, type LintMessage } from '../results.js';
import { formUnreadScores, scoreSheet, sheetProfile, type ScoreSheet } from '../score/sheet.js';
import type {
    AssessmentReview, Counts, Finding, FundsLine, MilestoneRow, ProjectReport, Reference, ReportData, RuleCount, TargetRow,
} from './model.js';
import { headingOf, remedyOf } from './remedies.js';
import { FUNDS_LABELS, fundsSource } from './i18n.js';

export interface CollectOptions {
    locale: Locale;
    /** Base of the relative file names (as `kpispec score` and stylish output print them). */
    cwd: string;
    scope: string;
    /** The configuration that applies to a document (scoring profile). */
    configOf: (document: LangiumDocument) => Pick<KpiConfig, 'profile' | 'profiles'>;
    /** `--profile`, as for `kpispec score`. */
    profile?: string;
    /** Link to a rule's page. */
    ruleUrl: (ruleId: string) => string;
    /**
     * For a form read from a workbook: the workbook's path and the findings as lint reports them
     * (at places in the form's text, each naming its cell), so evidence names the workbook cell.
     */
    workbookOf?: (document: LangiumDocument) => { file: string; messages: LintMessage[]; form: excel.EmittedForm } | undefined;
}

/** Rules that say a target accepts less than something it is held to. */
const WEAKER_TARGET_RULES = new Set(['target/below-contract', 'target/below-standard', 'target/above-baseline', 'target/below-history']);

const unquote = (s: string | undefined) => s?.replace(/^"|"$/g, '');

/**
 * Collects the report of validated documents: lint's messages (all of them, unfiltered, as
 * `kpispec lint -f json` prints them) assigned to the project each block belongs to, and each
 * assessment scored by `kpispec score`'s sheet.
 */
export function collectReport(documents: readonly LangiumDocument[], options: CollectOptions): ReportData {
    const { locale } = options;
    const t = (text: { zh: string; en: string }) => pick(locale, text);
    const pathOf = (document: LangiumDocument) => options.workbookOf?.(document)?.file ?? document.uri.fsPath;
    const relativePath = (path: string) => relative(options.cwd, path) || path;
    const fileOf = (document: LangiumDocument) => relativePath(pathOf(document));
    const projects = new Map<Project, ProjectReport>();
    const anchors = new Set<string>();
    const other: Finding[] = [];
    const byRule = new Map<string, RuleCount>();
    const totals: Counts = { errors: 0, warnings: 0, infos: 0 };

    // Projects first, so the sections follow the files' order whatever refers to what.
    for (const document of documents) {
        for (const block of blocksOf(document)) {
            if (isProject(block) && !projects.has(block)) projects.set(block, projectReport(block, fileOf(document), anchorFor(block.name, anchors), locale));
        }
    }
    const pending: Array<{ document: LangiumDocument; assessment: Assessment; project: ProjectReport }> = [];
    for (const document of documents) {
        const file = fileOf(document);
        const blocks = blocksOf(document);
        const owners = blocks.map(block => {
            const project = projectOf(block);
            return project && projects.get(project);
        });
        for (const [i, block] of blocks.entries()) {
            if (isAssessment(block) && owners[i]) pending.push({ document, assessment: block, project: owners[i]! });
        }
        const ranges = blocks.map(b => b.$cstNode?.range);
        for (const message of options.workbookOf?.(document)?.messages ?? documentResult(document).messages) {
            const finding = findingOf(message, file, relativePath, options);
            count(byRule, totals, finding);
            const at = ranges.findIndex(r => r && message.line - 1 >= r.start.line && message.line - 1 <= r.end.line);
            const owner = at >= 0 ? owners[at] : undefined;
            (owner ? owner.findings : other).push(finding);
        }
    }
    for (const { document, assessment, project } of pending) {
        const profile = sheetProfile(options.configOf(document), options.profile);
        const form = options.workbookOf?.(document)?.form;
        const sheet = scoreSheet(assessment, { profile, score: scoreAssessment(assessment, profile) }, fileOf(document), locale, form && formUnreadScores(form));
        project.assessments.push(review(sheet));
        project.funds.push(...fundsOf(assessment, t));
        addActuals(project, assessment, sheet);
        addMilestones(project, assessment);
    }
    for (const project of projects.values()) {
        markWeaker(project);
        project.findings.sort(byPosition);
        project.counts = countsOf(project.findings);
    }
    return {
        locale,
        scope: options.scope,
        files: new Set(documents.map(pathOf)).size,
        projects: [...projects.values()],
        other: other.sort(byPosition),
        byRule: [...byRule.values()].sort((a, b) => b.count - a.count || compareText(a.ruleId, b.ruleId)),
        totals,
    };
}

function blocksOf(document: LangiumDocument): Block[] {
    return (document.parseResult.value as Model).blocks ?? [];
}

/** The project a block is about: itself, the assessed project, the contract's, the reviewed contract's. */
function projectOf(block: Block): Project | undefined {
    if (isProject(block)) return block;
    if (isAssessment(block)) return block.project?.ref;
    if (isContract(block)) return block.project?.ref;
    if (isCompliance(block)) return block.contract?.ref?.project?.ref;
    return undefined;
}

function anchorFor(name: string, taken: Set<string>): string {
    // Names may be Chinese: keep letters of any script, so ids and file names stay readable.
    const base = `p-${name.normalize('NFC').replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60) || 'project'}`;
    let anchor = base;
    for (let i = 2; taken.has(anchor.toLowerCase()); i++) anchor = `${base}-${i}`;
    taken.add(anchor.toLowerCase());
    return anchor;
}

function projectReport(project: Project, file: string, anchor: string, locale: Locale): ProjectReport {
    const t = (text: { zh: string; en: string }) => pick(locale, text);
    const period = project.period;
    const budget = project.budget && measureOf(project.budget);
    return {
        anchor,
        name: project.name,
        title: unquote(project.title),
        department: unquote(project.department),
        file,
        period: period?.start && period.end ? `${period.start.value} – ${period.end.value}` : undefined,
        budget: budget ? units.formatMeasure(budget) : undefined,
        assessments: [],
        targets: indicatorsOf(project).map(i => targetRow(project, i, locale)),
        declaredFunds: declaredFunds(project, t),
        funds: [],
        milestones: milestonesOf(project).map(m => {
            const planned = m.planned && measureOf(m.planned);
            return {
                name: m.name, title: unquote(m.title), status: 'unknown',
                planned: planned ? units.formatMeasure(planned) : undefined,
                plannedDay: planned?.kind === 'date' ? planned.day : undefined,
            } satisfies MilestoneRow;
        }),
        findings: [],
        counts: { errors: 0, warnings: 0, infos: 0 },
    };
}

function targetRow(project: Project, indicator: Indicator, locale: Locale): TargetRow {
    const constraint = constraintOf(indicator.target);
    const families = familiesOf(indicator);
    const family = families.level2 ?? families.level1;
    const references: Reference[] = [];
    const onScale = (m: units.Measure | undefined): number | undefined => {
        if (!m || !constraint) return undefined;
        const c = units.comparable(constraint.value, m);
        return c.ok ? c.b : undefined;
    };
    const linked = new Set<AstNode>();
    for (const link of indicator.links ?? []) {
        const ref = link.ref;
        if (!ref) continue;
        linked.add(ref);
        if (isClause(ref) || isRequirement(ref)) {
            const c = ref.target && !isQualitative(ref.target) ? comparisonConstraint(ref.target) : undefined;
            references.push({
                kind: isClause(ref) ? 'clause' : 'requirement', name: link.$refText, title: unquote(ref.title),
                text: c ? units.formatConstraint(c) : isQualitative(ref.target) ? unquote(ref.target.text) ?? '' : '',
                value: onScale(c?.value),
            });
        } else if (isBaseline(ref)) {
            const m = ref.value && measureOf(ref.value);
            references.push({ kind: 'baseline', name: link.$refText, title: unquote(ref.title), text: m ? units.formatMeasure(m) : '', value: onScale(m) });
        }
    }
    // A requirement of an applied standard with the indicator's name holds it too (target/below-standard).
    for (const applies of project.applies ?? []) {
        for (const standard of applies.standards) {
            for (const entry of standard.ref?.entries ?? []) {
                if (!isRequirement(entry) || entry.name !== indicator.name || linked.has(entry)) continue;
                const c = entry.target && !isQualitative(entry.target) ? comparisonConstraint(entry.target) : undefined;
                references.push({
                    kind: 'requirement', name: `${standard.$refText}.${entry.name}`, title: unquote(entry.title),
                    text: c ? units.formatConstraint(c) : '', value: onScale(c?.value),
                });
            }
        }
    }
    const lastYear = indicator.lastYear && measureOf(indicator.lastYear);
    return {
        indicator: indicator.name,
        title: unquote(indicator.title),
        family: family && pick(locale, FAMILY_KEYWORD[family]),
        line: (indicator.$cstNode?.range.start.line ?? 0) + 1,
        target: constraint
            ? { text: units.formatConstraint(constraint), op: constraint.op, value: onScale(constraint.value) }
            : isQualitative(indicator.target) ? { text: unquote(indicator.target.text) ?? '' } : undefined,
        references,
        lastYear: lastYear && { text: units.formatMeasure(lastYear), value: onScale(lastYear) },
        weaker: false,
    };
}

/** Each target's actual: the text `kpispec score` shows, placed on the target's scale when it can be. */
function addActuals(project: ProjectReport, assessment: Assessment, sheet: ScoreSheet): void {
    const shown = sheet.rows.filter(r => r.kind === 'indicator');
    for (const [i, row] of (assessment.items ?? []).filter(isIndicatorAssessment).entries()) {
        const target = project.targets.find(t => t.indicator === row.indicator?.$refText);
        const indicator = row.indicator?.ref;
        if (!target || !indicator || target.actual) continue;
        const constraint = constraintOf(indicator.target);
        const measure = actualMeasure(row.actual, indicator.target);
        const scale = measure && constraint ? units.comparable(constraint.value, measure) : undefined;
        const text = shown[i]?.actual ?? row.actual?.$cstNode?.text.replace(/"/g, '');
        if (text) target.actual = { text, value: scale?.ok ? scale.b : undefined };
    }
}

function addMilestones(project: ProjectReport, assessment: Assessment): void {
    const items = assessment.items ?? [];
    const asOf = items.find(isAsOf)?.date;
    const asOfMeasure = asOf && measureOf(asOf);
    for (const line of items.filter(isMilestoneAssessment)) {
        const row = project.milestones.find(m => m.name === line.milestone?.$refText);
        if (!row || row.status !== 'unknown') continue;
        const done = line.done && line.date ? measureOf(line.date) : line.pending ? asOfMeasure : undefined;
        row.status = line.done ? 'done' : line.pending ? 'pending' : 'unknown';
        if (done?.kind === 'date') {
            row.done = units.formatMeasure(done);
            row.doneDay = done.day;
            if (row.plannedDay !== undefined) row.delayDays = done.day - row.plannedDay;
        }
    }
}

/** The execution line: 年初预算 → 全年预算 → 全年执行 with the engine's rate, and its `其中` rows. */
function fundsOf(assessment: Assessment, t: (text: { zh: string; en: string }) => string): FundsLine[] {
    const node = (assessment.items ?? []).find(isExecution);
    if (!node) return [];
    const rate = scoreExecution(node).rate;
    return [
        { label: t(FUNDS_LABELS.execution), ...amounts(node), rate: rate === undefined ? undefined : round(rate, 4) },
        ...(node.sources ?? []).map(share => {
            const spent = share.spent && measureOf(share.spent), budgeted = share.budgeted && measureOf(share.budgeted);
            const shareRate = spent && budgeted ? executionOutcome(spent, budgeted).rate : undefined;
            return { label: fundsSource(share.source ?? '', t), source: true, ...amounts(share), rate: shareRate === undefined ? undefined : round(shareRate, 4) };
        }),
    ];
}

/** The project's own 资金 lines (中期 / 年度 / 其中), as the 申报表 gives them. */
function declaredFunds(project: Project, t: (text: { zh: string; en: string }) => string): Array<{ label: string; amount: string }> {
    return (project.funds ?? []).flatMap(section => section.lines).flatMap(line => {
        const m = line.amount && measureOf(line.amount);
        if (!m) return [];
        const label = isFundsTotal(line) ? t(FUNDS_LABELS[/中期|medium/.test(line.kind) ? 'mediumTerm' : 'annual']) : `${t(FUNDS_LABELS.ofWhich)} ${fundsSource(line.source, t)}`;
        return [{ label, amount: units.formatMeasure(m) }];
    });
}

function amounts(line: Pick<Execution | ExecutionShare, 'initial' | 'budgeted' | 'spent'>): Pick<FundsLine, 'initial' | 'budgeted' | 'spent' | 'values'> {
    const m = {
        initial: line.initial && measureOf(line.initial),
        budgeted: line.budgeted && measureOf(line.budgeted),
        spent: line.spent && measureOf(line.spent),
    };
    // One scale for the bars: the first amount's unit.
    const base = m.budgeted ?? m.initial ?? m.spent;
    const scaled = (x: units.Measure | undefined) => {
        if (!x || !base) return undefined;
        const c = units.comparable(base, x);
        return c.ok ? c.b : undefined;
    };
    return {
        initial: m.initial ? units.formatMeasure(m.initial) : undefined,
        budgeted: m.budgeted ? units.formatMeasure(m.budgeted) : undefined,
        spent: m.spent ? units.formatMeasure(m.spent) : undefined,
        values: { initial: scaled(m.initial), budgeted: scaled(m.budgeted), spent: scaled(m.spent) },
    };
}

function review(sheet: ScoreSheet): AssessmentReview {
    const claimedTotal = sheet.total.declaredScore ?? sheet.total.claimed;
    const inflation = claimedTotal === undefined || !sheet.scored ? undefined : round(claimedTotal - sheet.total.ruleScore);
    return { sheet, claimedTotal, inflation };
}

/** A target is weaker when the checks say so on its row (the same finding lint reports). */
function markWeaker(project: ProjectReport): void {
    const lines = new Set(project.findings.filter(f => WEAKER_TARGET_RULES.has(f.ruleId) && f.file === project.file).map(f => f.line));
    for (const target of project.targets) target.weaker = lines.has(target.line);
}

function findingOf(message: LintMessage, file: string, relativePath: (path: string) => string, options: CollectOptions): Finding {
    const meta = ruleMeta(message.ruleId);
    return {
        ruleId: message.ruleId,
        severity: message.severity,
        message: message.message,
        file,
        line: message.line,
        column: message.column,
        cell: message.cell,
        ...(message.related ? { related: message.related.map(r => ({ file: relativePath(r.filePath), line: r.line, message: r.message })) } : {}),
        ruleTitle: meta ? pick(options.locale, meta.title) : message.ruleId,
        source: meta?.source && pick(options.locale, meta.source),
        remedy: pick(options.locale, remedyOf(message.ruleId)),
        heading: headingOf(message.ruleId),
        docsUrl: options.ruleUrl(message.ruleId),
    };
}

function count(byRule: Map<string, RuleCount>, totals: Counts, f: Finding): void {
    let c = byRule.get(f.ruleId);
    if (!c) byRule.set(f.ruleId, c = { ruleId: f.ruleId, title: f.ruleTitle, docsUrl: f.docsUrl, count: 0, errors: 0, warnings: 0, infos: 0 });
    c.count++;
    const key = f.severity === 2 ? 'errors' : f.severity === 1 ? 'warnings' : 'infos';
    c[key]++;
    totals[key]++;
}

function countsOf(findings: readonly Finding[]): Counts {
    return {
        errors: findings.filter(f => f.severity === 2).length,
        warnings: findings.filter(f => f.severity === 1).length,
        infos: findings.filter(f => f.severity === 0).length,
    };
}

function byPosition(a: Finding, b: Finding): number {
    return compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId);
}
