export * from './core.js';
// The editor's services (LSP layer) and what needs them.
export * from './kpi-module.js';
export { importedText } from './lsp/workbook-import.js';
