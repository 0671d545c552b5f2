import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { KpiServices } from '../kpi-module.js';
import type { KpiWorkspaceManager } from './workspace-manager.js';

/**
 * What a user reporting "no diagnostics" or "slow start" is asked for first, written to the
 * client's log (VS Code's output channel "KPI Spec", `:LspLog` in Neovim): the server's
 * version and folders, the files and configuration it found, the locale, and how long the
 * first full validation took.
 */
export function logServerStart(connection: Connection, shared: LangiumSharedServices, kpi: KpiServices['kpi'], serverFile: string): void {
    shared.lsp.LanguageServer.onInitialize(params => {
        const folders = params.workspaceFolders?.map(f => URI.parse(f.uri).fsPath) ?? (params.rootUri ? [URI.parse(params.rootUri).fsPath] : []);
        connection.console.info(`KPI Spec language server ${serverVersion(serverFile)} (Node ${process.version}) started; workspace folders: ${folders.join(', ') || 'none'}`);
    });
    // The first build after which every document is validated (an edit may cancel the initial one).
    const listener = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        if (shared.workspace.LangiumDocuments.all.some(d => d.state < DocumentState.Validated)) return;
        listener.dispose();
        logValidated();
    });
    const logValidated = () => {
        const documents = shared.workspace.LangiumDocuments.all.toArray();
        const configFiles = [...new Set(documents.map(d => kpi.Configuration.fileFor(d.uri)?.fsPath).filter(f => f !== undefined))].sort();
        const settings = kpi.Settings;
        const locale = settings.chosenLocale ? `${settings.chosenLocale} (setting kpispec.locale)`
            : `each file's (kpispec.json "locale", else its keywords; ${settings.environmentLocale} for files without keywords)`;
        connection.console.info(`Configuration: ${configFiles.length ? configFiles.join(', ') : 'no kpispec.json, defaults apply'}; locale: ${locale}`);
        connection.console.info(`First full validation of ${documents.length} documents done ${Math.round(performance.now())} ms after the server process started`);
    };
    void shared.workspace.WorkspaceManager.ready.then(() => {
        const documents = shared.workspace.LangiumDocuments.all.toArray();
        const workbooks = (shared.workspace.WorkspaceManager as KpiWorkspaceManager).workbooks;
        const forms = documents.filter(d => workbooks.workbookOf(d.uri.toString()) !== undefined).length;
        connection.console.info(`Found ${documents.length - forms} .kpi files and ${forms} workbook forms`);
        // Nothing to build: no validation phase will come.
        if (documents.length === 0) {
            listener.dispose();
            logValidated();
        }
    }, () => undefined);
}

/** The version of the package the server ships in: the extension's when bundled, else the language package's. */
function serverVersion(serverFile: string): string {
    for (let dir = dirname(serverFile); ; dir = dirname(dir)) {
        const file = join(dir, 'package.json');
        if (existsSync(file)) {
            try {
                return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
            } catch {
                return 'unknown';
            }
        }
        if (dirname(dir) === dir) return 'unknown';
    }
}
