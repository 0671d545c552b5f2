// The report view's renderer, bundled apart from the extension (dist/report.cjs): it carries the
// CLI's report and its own language services, which most sessions never load.
export { renderReport, workspaceReport } from '@kpispec/cli/report';
