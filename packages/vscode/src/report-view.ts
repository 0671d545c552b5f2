import * as vscode from 'vscode';

/** The webview's type: one report panel per window, shown again rather than opened twice. */
export const REPORT_VIEW_TYPE = 'kpispec.report';

/**
 * "KPI Spec: Show report": the reviewer's report of the workspace (`kpispec report`'s page, from
 * the same renderer) in a webview beside the editor, rebuilt when a .kpi file or kpispec.json is
 * saved. The page runs no script: the webview disallows them and the page's own policy allows
 * nothing but its inline styles. Rule links open the rule pages shipped in the extension.
 */
export function registerReportView(context: vscode.ExtensionContext): void {
    let panel: vscode.WebviewPanel | undefined;
    let running: Promise<void> | undefined;
    let again = false;

    const refresh = async (): Promise<void> => {
        if (!panel) return;
        // Saves during a build coalesce into one more build after it.
        if (running) {
            again = true;
            return running;
        }
        running = (async () => {
            do {
                again = false;
                const html = await renderWorkspaceReport(context);
                if (panel) panel.webview.html = html;
            } while (again && panel);
        })().finally(() => { running = undefined; });
        return running;
    };

    context.subscriptions.push(
        vscode.commands.registerCommand('kpispec.showReport', async () => {
            if (panel) {
                panel.reveal(vscode.ViewColumn.Beside);
            } else {
                panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, vscode.l10n.t('KPI Spec report'), vscode.ViewColumn.Beside, {
                    enableScripts: false,
                    enableCommandUris: ['markdown.showPreview'],
                    localResourceRoots: [],
                });
                panel.onDidDispose(() => { panel = undefined; }, undefined, context.subscriptions);
                panel.webview.html = placeholder(vscode.l10n.t('Writing the report…'));
            }
            await refresh();
        }),
        vscode.workspace.onDidSaveTextDocument(document => {
            if (document.languageId === 'kpi' || document.fileName.endsWith('kpispec.json')) void refresh();
        }),
    );
}

async function renderWorkspaceReport(context: vscode.ExtensionContext): Promise<string> {
    const folders = (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file');
    if (folders.length === 0) return placeholder(vscode.l10n.t('Open a folder with .kpi files to see its report.'));
    try {
        // Loaded on first use, from its own bundle (see esbuild.mjs): the report reads the
        // workspace with its own language services.
        const { renderReport, workspaceReport } = require(context.asAbsolutePath('dist/report.cjs')) as typeof import('./report.js');
        const data = await workspaceReport({
            paths: folders.map(f => f.uri.fsPath),
            cwd: folders[0]!.uri.fsPath,
            env: process.env,
            scope: folders.map(f => f.name).join(', '),
            profile: vscode.workspace.getConfiguration('kpispec.scoring', folders[0]!.uri).get<string>('profile') || undefined,
            ruleUrl: id => {
                const page = vscode.Uri.file(context.asAbsolutePath(`docs/rules/${id}.md`));
                return `command:markdown.showPreview?${encodeURIComponent(JSON.stringify([page]))}`;
            },
        });
        return renderReport(data);
    } catch (error) {
        return placeholder(vscode.l10n.t('The report could not be written: {0}', error instanceof Error ? error.message : String(error)));
    }
}

/** A message in the report's place, under the same policy. */
function placeholder(message: string): string {
    const text = message.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"></head><body><p>${text}</p></body></html>`;
}
