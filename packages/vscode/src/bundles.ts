import type * as vscode from 'vscode';

// The parts of the extension bundled apart (esbuild.mjs), loaded when first used: most sessions
// never write a report or a workbook.

/** The report's renderer and collector, with its own language services (dist/report.cjs). */
export function reportModule(context: vscode.ExtensionContext): typeof import('./report.js') {
    return require(context.asAbsolutePath('dist/report.cjs')) as typeof import('./report.js');
}

/** The workbook writer, which carries exceljs (dist/export.cjs). */
export function workbookWriter(context: vscode.ExtensionContext): typeof import('./export.js')['writeXlsx'] {
    return (require(context.asAbsolutePath('dist/export.cjs')) as typeof import('./export.js')).writeXlsx;
}
