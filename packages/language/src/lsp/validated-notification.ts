import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';

/**
 * `kpispec/validated`, sent after each build has validated its documents and their diagnostics
 * (and the configuration's) were published. Tests and tools wait for it rather than for a
 * period without diagnostics, which a busy machine stretches at random.
 */
export const VALIDATED_NOTIFICATION = 'kpispec/validated';

export interface ValidatedParams {
    /** The documents this build validated. */
    uris: string[];
}

/** Register after every other Validated listener: Langium calls them in order. */
export function announceValidation(connection: Connection, shared: LangiumSharedServices): void {
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, documents => {
        const params: ValidatedParams = { uris: documents.map(d => d.uri.toString()) };
        void connection.sendNotification(VALIDATED_NOTIFICATION, params);
    });
}
