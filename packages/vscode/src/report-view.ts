import * as vscode from 'vscode';
import { reportModule, workbookWriter } from './bundles.js';

/** The webview's type: one report panel per window, shown again rather than opened twice. */
export const REPORT_VIEW_TYPE = 'kpispec.report';

/**
 * "KPI Spec: Show report": the reviewer's report of the workspace (`kpispec report`'s page, from
 * the same renderer) in a webview beside the editor, rebuilt when a .kpi file or kpispec.json is
 * saved. The page runs no script: the webview disallows them and the page's own policy allows
 * nothing but its inline styles. Rule links open the rule pages shipped in the extension.
 * "KPI Spec: Save Report…" writes it to a file, as the CLI does.
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
        vscode.commands.registerCommand('kpispec.saveReport', (target?: vscode.Uri) => saveReport(context, target)),
        vscode.workspace.onDidSaveTextDocument(document => {
            if (document.languageId === 'kpi' || document.fileName.endsWith('kpispec.json')) void refresh();
        }),
    );
}

type ReportModule = typeof import('./report.js');
type ReportData = Awaited<ReturnType<ReportModule['workspaceReport']>>;

const fileFolders = () => (vscode.workspace.workspaceFolders ?? []).filter(f => f.uri.scheme === 'file');

/** The report of the workspace's folders, as `kpispec report <folders>` collects it; `ruleUrl` links each rule. */
function collectWorkspaceReport(report: ReportModule, folders: readonly vscode.WorkspaceFolder[], ruleUrl: (id: string, configured: string | undefined) => string): Promise<ReportData> {
    return report.workspaceReport({
        paths: folders.map(f => f.uri.fsPath),
        cwd: folders[0]!.uri.fsPath,
        env: process.env,
        scope: folders.map(f => f.name).join(', '),
        profile: vscode.workspace.getConfiguration('kpispec.scoring', folders[0]!.uri).get<string>('profile') || undefined,
        ruleUrl,
    });
}

async function renderWorkspaceReport(context: vscode.ExtensionContext): Promise<string> {
    const folders = fileFolders();
    if (folders.length === 0) return placeholder(vscode.l10n.t('Open a folder with .kpi files to see its report.'));
    try {
        const report = reportModule(context);
        // In the view, a rule opens its page shipped with the extension.
        const data = await collectWorkspaceReport(report, folders, id => {
            const page = vscode.Uri.file(context.asAbsolutePath(`docs/rules/${id}.md`));
            return `command:markdown.showPreview?${encodeURIComponent(JSON.stringify([page]))}`;
        });
        return report.renderReport(data);
    } catch (error) {
        return placeholder(vscode.l10n.t('The report could not be written: {0}', error instanceof Error ? error.message : String(error)));
    }
}

/**
 * "KPI Spec: Save Report…" (also in the report view's title bar): the workspace's report as
 * `kpispec report <folders> -o …` writes it, one HTML page whose rules link to their published
 * pages (or kpispec.json's `docsBaseUrl`), or, given a .xlsx name, its workbook (问题清单 and
 * 评分复核). The file is asked for (a test or a keybinding may give it).
 */
async function saveReport(context: vscode.ExtensionContext, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folders = fileFolders();
    if (folders.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder with .kpi files to see its report.'));
        return undefined;
    }
    const out = target ?? await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(folders[0]!.uri, 'kpispec-report.html'),
        filters: { [vscode.l10n.t('HTML pages')]: ['html'], [vscode.l10n.t('Excel workbooks')]: ['xlsx'] },
        saveLabel: vscode.l10n.t('Save'),
    });
    if (!out) return undefined;
    try {
        const report = reportModule(context);
        const data = await collectWorkspaceReport(report, folders, (id, configured) => report.ruleHelpUri(configured ?? report.DEFAULT_DOCS_BASE_URL, id));
        const bytes = /\.xlsx$/i.test(out.path)
            ? await workbookWriter(context)(report.reviewPlans(data))
            : new TextEncoder().encode(report.renderReport(data));
        await vscode.workspace.fs.writeFile(out, bytes);
    } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The report could not be written: {0}', error instanceof Error ? error.message : String(error)));
        return undefined;
    }
    void vscode.window.showInformationMessage(vscode.l10n.t('Wrote {0}', vscode.workspace.asRelativePath(out)));
    return out;
}

/** A message in the report's place, under the same policy. */
function placeholder(message: string): string {
    const text = message.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);
    return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"></head><body><p>${text}</p></body></html>`;
}
