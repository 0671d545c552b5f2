import { DefaultLangiumDocumentFactory, type Cancellation, type LangiumDocument, type LangiumSharedCoreServices, type TextDocument, type URI } from 'langium';
import type { KpiWorkspaceManager } from './workspace-manager.js';

/**
 * A sheet of a workbook in the folder is a document whose text comes from the workbook (see
 * WorkbookSync), not from a file: Langium reads a document's text again when it rebuilds it
 * from scratch, as it does for a workbook changed on disk.
 */
export class KpiDocumentFactory extends DefaultLangiumDocumentFactory {
    constructor(private readonly shared: LangiumSharedCoreServices) {
        super(shared);
    }

    protected override getInitialText(uri: URI, cancellationToken: Cancellation.CancellationToken): Promise<string> {
        const sheet = this.sheetText(uri);
        return sheet === undefined ? super.getInitialText(uri, cancellationToken) : Promise.resolve(sheet);
    }

    protected override getUpdatedText(document: LangiumDocument, textDocument: TextDocument | undefined, cancellationToken: Cancellation.CancellationToken): Promise<string> {
        const sheet = this.sheetText(document.uri);
        return sheet === undefined ? super.getUpdatedText(document, textDocument, cancellationToken) : Promise.resolve(sheet);
    }

    private sheetText(uri: URI): string | undefined {
        return (this.shared.workspace.WorkspaceManager as KpiWorkspaceManager).workbooks.textOf(uri);
    }
}
