// The reviewer's report (`kpispec report`, the editor's "Show report"): data collected from a
// validated workspace, rendered as self-contained HTML with inline SVG charts.
export { collectReport, type CollectOptions } from './collect.js';
export type * from './model.js';
export { renderPages, renderReport, REPORT_CSP, type PageLayout } from './render.js';
export { workspaceReport, type WorkspaceReportOptions } from './workspace.js';
