import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { KpiServices } from '../kpi-module.js';
import { isRuleId, isSuppressible, ruleMeta, type RuleId } from '../rules/catalog.js';
import { addDeviation, fillEmptyActual, GOAL_ROWS, removePlaceholder, setGrade, setScore, writeActualValue } from './fixes/assessment-fixes.js';
import { CLAUSE_ROWS } from './fixes/compliance-fixes.js';
import { FixContext, type Fix } from './fixes/fix-context.js';
import { addMissingRows } from './fixes/missing-rows.js';
import { addFundsReason, balanceBreakdown, balanceFundsSources, setBreakdownAmount, setRate } from './fixes/funds-fixes.js';
import { addSuppressionReason, removeUnusedSuppression, suppressOnLine } from './fixes/suppression-fixes.js';
import { fixLexing, fixParsing } from './fixes/syntax-fixes.js';
import { addComparator, addFamily, addPenalty, addRequiredIndicator, addUnit, fillOrRemoveEmptyGroup, moveMisfiled, setTarget } from './fixes/target-fixes.js';
import type { KpiConfigurationProvider } from './configuration-provider.js';
import { keywordLanguageOf } from './keyword-language.js';

/**
 * The quick fix of each rule; a score/* rule the catalog marks fixable is fixed by setting the rule
 * score, and a form's missing goal or clause rows are added one by one or all at once.
 */
export const FIXES: Partial<Record<RuleId, Fix>> = {
    'target/below-contract': setTarget,
    'target/below-standard': setTarget,
    'target/above-baseline': setTarget,
    'target/below-history': setTarget,
    'target/empty-group': fillOrRemoveEmptyGroup,
    'target/misfiled': moveMisfiled,
    'target/no-comparator': addComparator,
    'target/no-unit': addUnit,
    'target/vague': setTarget,
    'target/missing-quantity': addFamily,
    'target/missing-benefit': addFamily,
    'target/missing-satisfaction': addFamily,
    'target/required-indicator': addRequiredIndicator,
    'contract/no-penalty': addPenalty,
    'score/grade-mismatch': setGrade,
    'assessment/missing-deviation': addDeviation,
    'assessment/actual-not-value': writeActualValue,
    'assessment/no-actual': fillEmptyActual,
    'assessment/unit-mismatch': writeActualValue,
    'assessment/placeholder-text': removePlaceholder,
    'funds/rate-mismatch': setRate,
    'funds/breakdown-formula': setBreakdownAmount,
    'funds/breakdown-total': balanceBreakdown,
    'funds/sources-total': balanceFundsSources,
    'funds/adjusted-no-reason': addFundsReason,
    'funds/low-execution-no-reason': addFundsReason,
    'funds/component-shortfall': addFundsReason,
    'syntax/lexing': fixLexing,
    'syntax/parsing': fixParsing,
    'suppression/unused': removeUnusedSuppression,
    'suppression/no-reason': addSuppressionReason,
};

/** Rules whose fixes add the rows a form lacks, each alone or all at once: they see all of a form's diagnostics. */
export const ROW_FIXES: Partial<Record<RuleId, (diagnostics: Diagnostic[], context: FixContext) => CodeAction[]>> = {
    'assessment/goal-not-covered': (diagnostics, context) => addMissingRows(diagnostics, context, GOAL_ROWS),
    'compliance/clause-not-reviewed': (diagnostics, context) => addMissingRows(diagnostics, context, CLAUSE_ROWS),
};

/**
 * Quick fixes from the diagnostics' fix data (what the check computed, documented per rule),
 * plus, for every rule, suppressing it on that line with a reason.
 */
export class KpiCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: KpiServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const only = params.context.only;
        if (only && !only.some(kind => CodeActionKind.QuickFix.startsWith(kind))) return [];
        const settings = (this.services.shared.workspace.ConfigurationProvider as KpiConfigurationProvider).editorSettings;
        const locale = this.services.kpi.Settings.localeOf(document);
        const context = new FixContext(document, keywordLanguageOf(document, settings?.keywordLanguage ?? 'auto', locale), locale);
        const diagnostics = params.context.diagnostics.filter(d => typeof d.code === 'string');
        const fixes = diagnostics.flatMap(d => this.fixesOf(d, context));
        const rows = Object.entries(ROW_FIXES).flatMap(([rule, fix]) => fix(diagnostics.filter(d => d.code === rule), context));
        const suppressions = diagnostics.filter(d => isSuppressible(String(d.code))).flatMap(d => suppressOnLine(d, context));
        return [...fixes, ...rows, ...suppressions];
    }

    private fixesOf(d: Diagnostic, context: FixContext): CodeAction[] {
        const rule = String(d.code);
        if (!isRuleId(rule)) return [];
        const fix = FIXES[rule] ?? (rule.startsWith('score/') && ruleMeta(rule)?.fixable ? setScore : undefined);
        return fix ? fix(d, context) : [];
    }
}
