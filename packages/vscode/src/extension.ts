import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerReportView } from './report-view.js';

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
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'kpi' },
            { scheme: 'untitled', language: 'kpi' },
        ],
        synchronize: {
            // Files changed outside the editor (git pull, another tool) and configuration edits
            // re-validate the workspace; the server only reads what it is told about.
            fileEvents: [
                vscode.workspace.createFileSystemWatcher('**/*.kpi'),
                vscode.workspace.createFileSystemWatcher('**/kpispec.json'),
            ],
        },
    };
    client = new LanguageClient(CLIENT_ID, 'KPI Spec', serverOptions, clientOptions);
    context.subscriptions.push(
        vscode.commands.registerCommand('kpispec.restartServer', () => restart()),
        vscode.commands.registerCommand('kpispec.showOutput', () => client?.outputChannel.show(true)),
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
