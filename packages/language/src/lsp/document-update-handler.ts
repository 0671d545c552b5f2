import { isOperationCancelled, URI, UriUtils, Cancellation } from 'langium';
import { FileChangeType } from 'vscode-languageserver';
import { isWorkbookPath } from '../excel/index.js';
import type { KpiWorkspaceManager } from './workspace-manager.js';
import type { SheetUpdate, WorkbookSync } from './workbook-sync.js';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { DidChangeWatchedFilesParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from '../config/configuration.js';
import type { KpiServices } from '../kpi-module.js';
import { SETTINGS_SECTION, type KpiConfigurationProvider } from './configuration-provider.js';

/**
 * Besides `.kpi` files and workbooks (see didChangeWatchedFiles), two outside changes alter every file's
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

    /**
     * Langium's update for .kpi files, and in the same build the sheets of the workbooks the events
     * concern (see WorkbookSync.follow): a workbook and the .kpi imported from it never both count.
     */
    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        this.onWatchedFilesChangeEmitter.fire(params);
        const sync = this.workbooks;
        // Workbooks are not documents themselves: their sheets are.
        const files = params.changes.filter(c => !isWorkbookPath(URI.parse(c.uri).path));
        const uris = (deleted: boolean) => [...new Set(files.filter(c => (c.type === FileChangeType.Deleted) === deleted).map(c => c.uri))].map(uri => URI.parse(uri));
        this.workspaceManager.ready.then(() => this.workspaceLock.write(async token => {
            const sheets = await sync.follow(params.changes);
            await this.updateWith(sheets, uris(false), uris(true), token);
        })).catch(err => {
            if (!isOperationCancelled(err)) console.error('Following changed files failed.', err);
        });
        if (params.changes.some(c => UriUtils.basename(URI.parse(c.uri)) === CONFIG_FILE_NAME)) {
            this.revalidateAll(() => {
                for (const language of this.serviceRegistry.all) (language as KpiServices).kpi?.Configuration?.invalidate();
            });
        }
    }

    /** The update of .kpi files `changed` and `deleted`, with the sheets of workbooks that follow from them. */
    private async updateWith(sheets: SheetUpdate, changed: URI[], deleted: URI[], token: Cancellation.CancellationToken): Promise<void> {
        const documents = this.shared.workspace.LangiumDocuments;
        // From here on the update is recorded before it can be cancelled: a later write builds it.
        for (const document of sheets.documents) if (!documents.hasDocument(document.uri)) documents.addDocument(document);
        // The others' findings come with their sheets' validation.
        for (const workbook of sheets.sheetless) void this.shared.lsp.Connection?.sendDiagnostics({ uri: workbook, diagnostics: this.workbooks.diagnostics(workbook) });
        await this.documentBuilder.update([...changed, ...sheets.documents.map(d => d.uri)], [...deleted, ...sheets.deleted], token);
    }

    private get workbooks(): WorkbookSync {
        return (this.shared.workspace.WorkspaceManager as KpiWorkspaceManager).workbooks;
    }

    /**
     * A workbook's 自评表 is written again when the projects the .kpi files define changed (a
     * project typed, renamed, or its file added or deleted): whether it assesses a project defined
     * elsewhere or defines its own follows them, as `kpispec lint` reads the folder. Called once a
     * build's documents are parsed (server/main.ts), before any is validated: the write it queues
     * cancels that build, and builds its documents with the sheets, so that no file's findings
     * are published as of the sheets' old text (the project defined twice, or not at all).
     */
    followProjects(): void {
        const sheets = this.workbooks.rewriteForProjects();
        if (!sheets) return;
        this.workspaceLock.write(token => this.updateWith(sheets, [], [], token)).catch(err => {
            if (!isOperationCancelled(err)) console.error('Writing the workbooks\' forms again failed.', err);
        });
    }

    /**
     * A file closed without saving (VS Code's "Don't Save") is its copy on disk again: Langium kept
     * the discarded text, and the Problems panel its findings and those it caused in other files
     * until the server restarted. The builder reads the file anew (the editor's buffer is gone);
     * one that is not on disk (never saved, or deleted meanwhile) leaves the workspace.
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        const document = this.shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document) return;
        const files = this.shared.workspace.FileSystemProvider;
        const closed = document.textDocument.getText();
        files.exists(uri)
            .then(async exists => {
                if (!exists) return this.fireDocumentUpdate([], [uri]);
                // Saved, or never changed: nothing to check again.
                if (await files.readFile(uri) !== closed) this.fireDocumentUpdate([uri], []);
            })
            .catch(err => console.error(`Reading ${uri.fsPath} again after it was closed failed.`, err));
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
