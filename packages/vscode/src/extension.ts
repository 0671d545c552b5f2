import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { workbookWriter } from './bundles.js';
import { registerReportView } from './report-view.js';
import { SERVER_NODE_ARGS } from '@kpispec/language/node-args';

/** The client id: VS Code reads `kpispec.trace.server` because of it. */
const CLIENT_ID = 'kpispec';

let client: LanguageClient | undefined;

/**
 * Starts the KPI Spec language server (bundled beside this file as `server.cjs`) over IPC.
 * Everything a user sees — diagnostics, hovers, quick fixes — comes from the server, so any
 * LSP client gets the same; this side only wires VS Code to it.
 */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath('dist/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'kpi' },
            { scheme: 'untitled', language: 'kpi' },
        ],
        synchronize: {
            // Files changed outside the editor (git pull, another tool) and configuration edits
            // re-validate the workspace; the server only reads what it is told about. The server
            // also registers a watcher of its own (Langium asks for every file, to see folders
            // come and go), so VS Code reports a file's event more than once: the server merges them.
            fileEvents: [
                vscode.workspace.createFileSystemWatcher('**/*.kpi'),
                vscode.workspace.createFileSystemWatcher('**/kpispec.json'),
                // Excel forms in the folder are checked too; their findings show on the workbook.
                vscode.workspace.createFileSystemWatcher('**/*.{xlsx,xls}'),
            ],
        },
    };
    client = new LanguageClient(CLIENT_ID, 'KPI Spec', serverOptions, clientOptions);
    context.subscriptions.push(
        vscode.commands.registerCommand('kpispec.restartServer', () => restart()),
        vscode.commands.registerCommand('kpispec.showOutput', () => client?.outputChannel.show(true)),
        vscode.commands.registerCommand('kpispec.importExcel', (uri?: vscode.Uri) => importExcel(uri)),
        vscode.commands.registerCommand('kpispec.exportExcel', (folder?: vscode.Uri, target?: vscode.Uri) => exportExcel(context, folder, target)),
        vscode.commands.registerCommand('kpispec.exportExcelReview', (folder?: vscode.Uri, target?: vscode.Uri) => exportExcel(context, folder, target, true)),
    );
    registerReportView(context);
    await start(client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

async function start(languageClient: LanguageClient): Promise<void> {
    try {
        await languageClient.start();
    } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const showOutput = vscode.l10n.t('Show Output');
        const choice = await vscode.window.showErrorMessage(
            vscode.l10n.t('The KPI Spec language server could not start: {0}', reason),
            showOutput,
        );
        if (choice === showOutput) languageClient.outputChannel.show(true);
    }
}

async function restart(): Promise<void> {
    if (!client) return;
    if (client.isRunning()) await client.stop();
    await start(client);
    if (client.isRunning()) void vscode.window.showInformationMessage(vscode.l10n.t('The KPI Spec language server restarted.'));
}

/** The server's request that reads a workbook (the reader lives in the server). */
const IMPORT_WORKBOOK_REQUEST = 'kpispec/importWorkbook';

interface ImportWorkbookResult {
    files: Array<{ uri: string; text: string }>;
    error?: string;
}

/**
 * "KPI Spec: Import Excel form…": writes a .kpi file beside the workbook for each form it holds
 * and opens the first. From the explorer's context menu the workbook is given; otherwise asked for.
 */
async function importExcel(given?: vscode.Uri): Promise<vscode.Uri[]> {
    const workbook = given ?? (await vscode.window.showOpenDialog({
        canSelectMany: false,
        filters: { [vscode.l10n.t('Excel workbooks')]: ['xlsx', 'xls'] },
        openLabel: vscode.l10n.t('Import'),
    }))?.[0];
    if (!workbook || !client) return [];
    const result = await client.sendRequest<ImportWorkbookResult>(IMPORT_WORKBOOK_REQUEST, { uri: workbook.toString() });
    if (result.error) {
        void vscode.window.showErrorMessage(result.error);
        return [];
    }
    const targets = result.files.map(f => ({ uri: vscode.Uri.parse(f.uri), text: f.text }));
    const existing = await Promise.all(targets.map(t => vscode.workspace.fs.stat(t.uri).then(() => true, () => false)));
    if (existing.some(Boolean)) {
        const replace = vscode.l10n.t('Replace');
        const names = targets.filter((_, i) => existing[i]).map(t => vscode.workspace.asRelativePath(t.uri)).join(', ');
        const choice = await vscode.window.showWarningMessage(vscode.l10n.t('{0} exists. Replace it?', names), { modal: true }, replace);
        if (choice !== replace) return [];
    }
    for (const t of targets) await vscode.workspace.fs.writeFile(t.uri, new TextEncoder().encode(t.text));
    if (targets[0]) await vscode.window.showTextDocument(targets[0].uri);
    return targets.map(t => t.uri);
}

/** The server's request for the official forms of a folder's files, as sheet plans (see workbook-export.ts). */
const EXPORT_FORMS_REQUEST = 'kpispec/exportForms';

type SheetPlans = Parameters<typeof import('./export.js').writeXlsx>[0];

/**
 * "KPI Spec: Export Excel Forms…": writes the 申报表 of each project and the 自评表 of each
 * self-assessment of a folder as one workbook, as `kpispec export <folder> -o …` does; "…with
 * Review…" adds the 复核得分 and the 问题清单, as `--review` does. The folder is the one chosen in
 * the explorer, else the active file's; the workbook is asked for (a test or a keybinding may give it).
 */
async function exportExcel(context: vscode.ExtensionContext, given?: vscode.Uri, target?: vscode.Uri, review = false): Promise<vscode.Uri | undefined> {
    const active = vscode.window.activeTextEditor?.document;
    const folder = given ?? (active?.uri.scheme === 'file' ? vscode.Uri.joinPath(active.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri);
    if (!folder || !client) return undefined;
    const { plans } = await client.sendRequest<{ plans: SheetPlans }>(EXPORT_FORMS_REQUEST, { uri: folder.toString(), review });
    if (plans.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} holds no project (项目) or self-assessment (自评) to export.', vscode.workspace.asRelativePath(folder)));
        return undefined;
    }
    const name = folder.path.split('/').filter(Boolean).pop() ?? 'forms';
    // Beside the workspace folder by default: inside it, the workbook would be read as one more
    // submission, whose forms repeat the .kpi files' (see readAgainWarning).
    const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder)?.uri ?? folder;
    const out = target ?? await vscode.window.showSaveDialog({
        defaultUri: vscode.Uri.joinPath(workspaceFolder, '..', `${name}${review ? '-review' : ''}.xlsx`),
        filters: { [vscode.l10n.t('Excel workbooks')]: ['xlsx'] },
        saveLabel: vscode.l10n.t('Export'),
    });
    if (!out) return undefined;
    const writeXlsx = workbookWriter(context);
    await vscode.workspace.fs.writeFile(out, await writeXlsx(plans));
    void vscode.window.showInformationMessage(vscode.l10n.t('Wrote {0}: {1}', vscode.workspace.asRelativePath(out), plans.map(p => p.name).join(', ')));
    if (vscode.workspace.getWorkspaceFolder(out) && !await client.sendRequest<boolean>(IS_IGNORED_REQUEST, { uri: out.toString() })) {
        void vscode.window.showWarningMessage(readAgainWarning(out));
    }
    return out;
}

/** The server's answer whether kpispec.json's `ignore` globs leave a file out (see workbook-export.ts). */
const IS_IGNORED_REQUEST = 'kpispec/isIgnored';

/** `kpispec export`'s note about a workbook written into the folder exported and not ignored, for the workspace. */
function readAgainWarning(out: vscode.Uri): string {
    return vscode.l10n.t(
        '{0} is in the workspace: KPI Spec reads it with the .kpi files, and its forms repeat theirs (name/duplicate); save it outside the workspace, or list it in "ignore" in kpispec.json',
        vscode.workspace.asRelativePath(out));
}
