// The report view's renderer, bundled apart from the extension (dist/report.cjs): it carries the
// CLI's report and its own language services, which most sessions never load. "Save Report…"
// also takes from it the report's workbook sheets and the CLI's links to the rule pages.
export { renderReport, workspaceReport } from '@kpispec/cli/report';
export { reviewPlans } from '@kpispec/cli/review-plans';
export { DEFAULT_DOCS_BASE_URL, ruleHelpUri } from '@kpispec/cli/rule-links';
