import { AstUtils, getDiagnosticRange, type AstNode, type Properties, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver-types';
import { isSheetPath } from '../excel/index.js';
import type { KpiSpecAstType } from '../generated/ast.js';
import { pick, type Bilingual, type Locale } from '../i18n/locale.js';
import { writtenAt } from '../parser/repeated-clauses.js';
import { ruleMeta, type RuleId } from '../rules/catalog.js';
import { brokenTextOf, builtFromBrokenText, type BrokenText } from './broken-text.js';
import { markedAs } from './check-reads.js';
import { Attached } from '../workspace/attached.js';

/** What a check found: where, what (in both languages), and what a quick fix needs. */
export interface Finding<N extends AstNode> {
    node: N;
    property?: Properties<N>;
    index?: number;
    range?: Range;
    message: Bilingual;
    data?: Record<string, unknown>;
    /**
     * The elements the message names elsewhere (the clause a target is weaker than), to go to from
     * the diagnostic. A finding that names an element built from broken text is withheld (see below):
     * a check that lists elements of another file (the indicators an assessment does not assess)
     * names each here.
     */
    related?: readonly Related[];
}

/** An element a finding names: where it is defined (its name, or the property given), and what it is. */
export interface Related {
    node: AstNode;
    property?: string;
    message: Bilingual;
}

export type Report = <N extends AstNode>(rule: RuleId, finding: Finding<N>) => void;

/** A check: one function per rule, named as the rule. */
export type Check<T extends AstNode> = (node: T, report: Report) => void;

export type KpiChecks = { [K in keyof KpiSpecAstType]?: Array<Check<KpiSpecAstType[K]>> };

/** Diagnostic data every KPI Spec diagnostic carries: the rule id (as Langium's `code`) and fix data. */
export interface KpiDiagnosticData {
    code: string;
    [key: string]: unknown;
}

/** The locale of messages about the document a node is in. */
export type LocaleOf = (node: AstNode) => Locale;

/**
 * Turns a Report into Langium diagnostics with the rule's default severity, in the document's locale.
 *
 * Findings about what the parser built from broken text are withheld (broken-text.ts): on an
 * element built so, on a broken line, or naming such an element (of any file) as related. The
 * syntax error is what that text reports; the rest of the file is checked as before.
 */
export function reporter(accept: ValidationAcceptor, localeOf: LocaleOf): Report {
    // One acceptor, so one reporter, per document validation: its locale and its syntax errors are looked up once.
    let locale: Locale | undefined;
    let broken: BrokenText | null | undefined;
    // Where a node's property is, found once: Langium searches the node's syntax tree for every
    // diagnostic, and a check may put thousands on one node (5,000 unassessed indicators of a
    // pasted row, each on the assessment's name).
    const ranges = new Map<AstNode, Map<string, Range>>();
    const rangeOf = <N extends AstNode>({ node, property, index, range }: Finding<N>): Range | undefined => {
        if (range || property === undefined) return range;
        let byProperty = ranges.get(node);
        if (!byProperty) ranges.set(node, byProperty = new Map());
        const key = `${String(property)}\0${index ?? ''}`;
        let found = byProperty.get(key);
        // A clause given twice: on the value that counts (Langium's range is the first).
        if (!found) byProperty.set(key, found = (index === undefined ? writtenAt(node, String(property))?.range : undefined) ?? getDiagnosticRange({ node, property, index }));
        return found;
    };
    return (rule, finding) => {
        const meta = ruleMeta(rule);
        if (!meta) throw new Error(`unknown rule id ${rule}`);
        const severity = meta.severity === 'warn' ? 'warning' : meta.severity;
        const range = rangeOf(finding);
        if (broken === undefined) broken = brokenTextOf(AstUtils.findRootNode(finding.node).$document) ?? null;
        if (!rule.startsWith('syntax/') && aboutBrokenText(rule, finding.node, range, finding.related, broken)) return;
        const language = locale ??= localeOf(finding.node);
        accept(severity, pick(language, finding.message), {
            node: finding.node,
            property: finding.property,
            index: finding.index,
            range,
            code: rule,
            data: { ...finding.data, code: rule } satisfies KpiDiagnosticData,
            relatedInformation: finding.related && relatedInformation(finding.related, language),
        });
    };
}

/**
 * Rules about a value written in a row, alone or against what the row is held to (a clause, a
 * requirement, a baseline, last year's actual, the indicator's target): reported on the value
 * (or the link), and true of it whatever the rest of the row says. Their findings stand on a row
 * that breaks after the value, so that typing a 来源 after a target weaker than the contract does
 * not hide that it is.
 */
const ABOUT_WRITTEN_VALUES: ReadonlySet<RuleId> = new Set<RuleId>([
    'target/below-contract', 'target/below-standard', 'target/above-baseline', 'target/below-history',
    'target/unit-mismatch', 'target/vague',
    'assessment/below-contract', 'assessment/below-standard', 'assessment/above-baseline', 'assessment/unit-mismatch',
]);

/** Whether a finding is about text the parser could not read (its own file's `broken`, or a related element's file). */
function aboutBrokenText(rule: RuleId, node: AstNode, range: Range | undefined, related: readonly Related[] | undefined, broken: BrokenText | null): boolean {
    if (broken && (broken.built(node) || (range !== undefined && broken.hasLine(range.start.line)))) {
        if (!(range !== undefined && ABOUT_WRITTEN_VALUES.has(rule) && broken.readBeforeBreak(node, range))) return true;
    }
    return related?.some(r => builtFromBrokenText(r.node)) ?? false;
}

/**
 * Where each related element is named (its name or the property given, else the whole element). An element of a form
 * read from a workbook has no place in a file to go to: it is left out.
 */
function relatedInformation(related: readonly Related[], locale: Locale): DiagnosticRelatedInformation[] | undefined {
    const found = related.flatMap(({ node, property, message }) => {
        const uri = AstUtils.findRootNode(node).$document?.uri;
        const cst = writtenAt(node, property ?? 'name') ?? node.$cstNode;
        if (!uri || !cst || isSheetPath(uri.path)) return [];
        return [{ location: { uri: uri.toString(), range: cst.range }, message: pick(locale, message) }];
    });
    return found.length > 0 ? found : undefined;
}

/** Adapts a map of checks to Langium's registry shape. */
export function toValidationChecks(checks: KpiChecks, localeOf: LocaleOf): ValidationChecks<KpiSpecAstType> {
    // Langium makes one acceptor per document validation: one Report for it serves every check
    // on every node, instead of a closure per check call.
    const reports = new Attached<ValidationAcceptor, Report>();
    const reportFor = (accept: ValidationAcceptor): Report => {
        let report = reports.get(accept);
        if (!report) reports.set(accept, report = reporter(accept, localeOf));
        return report;
    };
    const result: Record<string, Array<(node: AstNode, accept: ValidationAcceptor) => void>> = {};
    for (const [type, list] of Object.entries(checks)) {
        result[type] = (list as Array<Check<AstNode>>).map(check => markedAs(check, (node: AstNode, accept: ValidationAcceptor) => check(node, reportFor(accept))));
    }
    return result as ValidationChecks<KpiSpecAstType>;
}

/** Merges several groups' check maps into one. */
export function mergeChecks(...groups: KpiChecks[]): KpiChecks {
    const merged: Record<string, unknown[]> = {};
    for (const group of groups) {
        for (const [type, list] of Object.entries(group)) {
            (merged[type] ??= []).push(...(list as unknown[]));
        }
    }
    return merged as KpiChecks;
}
