import { isOperationCancelled, URI, UriUtils } from 'langium';
import { FileChangeType } from 'vscode-languageserver';
import { isWorkbookPath } from '../excel/index.js';
import type { KpiWorkspaceManager } from './workspace-manager.js';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { DidChangeWatchedFilesParams } from 'vscode-languageserver';
import { CONFIG_FILE_NAME } from '../config/configuration.js';
import type { KpiServices } from '../kpi-module.js';
import { SETTINGS_SECTION, type KpiConfigurationProvider } from './configuration-provider.js';

/**
 * Besides `.kpi` files (Langium's own handling), two outside changes alter every file's
 * diagnostics: a `kpispec.json` created, changed or deleted (rule severities, profiles,
 * suppression policy), and the editor's scoring profile and locale settings. Both re-validate the workspace.
 */
export class KpiDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    constructor(private readonly shared: LangiumSharedServices) {
        super(shared);
        const settings = shared.workspace.ConfigurationProvider as KpiConfigurationProvider;
        // The settings that change messages: the scoring profile and the locale.
        const key = () => JSON.stringify([settings.editorSettings.profile, settings.editorSettings.locale]);
        let applied = key();
        // The settings fetched at start-up apply to the initial build; only later changes re-validate.
        settings.ready.then(() => applied = key()).catch(() => undefined);
        settings.onConfigurationSectionUpdate(update => {
            if (update.section !== SETTINGS_SECTION) return;
            const next = key();
            if (next !== applied) {
                applied = next;
                this.revalidateAll();
            }
        });
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        // Workbooks are not documents themselves: their sheets are (see WorkbookSync).
        // A new write cancels the one running, so an empty update must not follow the workbooks'.
        const workbooks = params.changes.filter(c => isWorkbookPath(URI.parse(c.uri).path));
        params = { changes: params.changes.filter(c => !workbooks.includes(c)) };
        if (params.changes.length > 0) super.didChangeWatchedFiles(params);
        if (workbooks.length > 0) this.rereadWorkbooks(workbooks);
        if (params.changes.some(c => UriUtils.basename(URI.parse(c.uri)) === CONFIG_FILE_NAME)) {
            this.revalidateAll(() => {
                for (const language of this.serviceRegistry.all) (language as KpiServices).kpi?.Configuration?.invalidate();
            });
        }
    }

    /** Replaces the sheet documents of changed workbooks, drops those of deleted ones, and publishes their findings. */
    private rereadWorkbooks(changes: DidChangeWatchedFilesParams['changes']): void {
        const sync = (this.shared.workspace.WorkspaceManager as KpiWorkspaceManager).workbooks;
        this.workspaceManager.ready.then(() => this.workspaceLock.write(async token => {
            const added = [];
            for (const change of changes) {
                const workbook = URI.parse(change.uri);
                const old = sync.sheetsOf(change.uri);
                if (change.type === FileChangeType.Deleted) sync.forget(workbook);
                else added.push(...await sync.read(workbook));
                await this.documentBuilder.update([], old, token);
            }
            for (const document of added) this.shared.workspace.LangiumDocuments.addDocument(document);
            await this.documentBuilder.build(added, { validation: true }, token);
            // Workbooks with no sheet left (deleted, or no longer a readable form) publish here.
            for (const change of changes) {
                if (sync.sheetsOf(change.uri).length === 0) void this.shared.lsp.Connection?.sendDiagnostics({ uri: change.uri, diagnostics: sync.diagnostics(change.uri) });
            }
        })).catch(err => {
            if (!isOperationCancelled(err)) console.error('Re-reading a workbook failed.', err);
        });
    }

    /** Validates every document again, after `before` (inside the same write, so it is ordered after pending updates). */
    private revalidateAll(before?: () => void): void {
        this.workspaceManager.ready.then(() => this.workspaceLock.write(async token => {
            before?.();
            const documents = this.shared.workspace.LangiumDocuments.all.toArray();
            await this.documentBuilder.build(documents, { validation: true }, token);
        })).catch(err => {
            // A later edit cancelled this build; the builder picks up what is left.
            if (!isOperationCancelled(err)) console.error('Re-validating the workspace failed.', err);
        });
    }
}
