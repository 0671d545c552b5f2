import { delayNextTick, DocumentState, URI } from 'langium';
import { createRequestHandler, type LangiumSharedServices } from 'langium/lsp';
import type { CompletionList, CompletionParams, Connection, Hover, HoverParams } from 'vscode-languageserver';

/**
 * Completion and hover come with every keystroke. Langium answers them once their document is
 * linked: in the middle of its validation, which then waits for them, so the edited file's
 * diagnostics came later by their time (at 1,000 projects, keystroke → diagnostics p50 66 →
 * 49 ms, bench/RESULTS.md). While a document's own edit is being built, they are answered once
 * it is validated. A document re-validated only because a file it links to changed is answered
 * as soon as it is linked, as before: after an edit of a standard, waiting for its validation
 * would mean waiting for the linking of all the standard's dependents. The edited document's
 * diagnostics are written out before anything else runs.
 */
export function answerAfterTyping(connection: Connection, shared: LangiumSharedServices): void {
    /** Documents whose own change is not validated yet. */
    const typing = new Set<string>();
    shared.workspace.TextDocuments.onDidChangeContent(event => typing.add(URI.parse(event.document.uri).toString()));
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, async document => {
        if (!typing.delete(document.uri.toString())) return;
        // Langium has just sent the edited document's diagnostics, and the connection writes them
        // on the event loop's next turn: until then the build went on, and the answers waiting
        // for this document ran, before the editor had them (10–15 ms of each keystroke at 1,000
        // projects). Langium's listeners come first (startLanguageServer registers them).
        await delayNextTick();
    });
    const typedIn = (uri: string) => typing.has(URI.parse(uri).toString());

    // As Langium's own handlers, once with each required state.
    const completion = (state: DocumentState) => createRequestHandler<CompletionParams, CompletionList>(
        (services, document, params, token) => services.lsp?.CompletionProvider?.getCompletion(document, params, token), shared, state);
    const hover = (state: DocumentState) => createRequestHandler<HoverParams, Hover>(
        (services, document, params, token) => services.lsp?.HoverProvider?.getHoverContent(document, params, token), shared, state);
    const completions = { linked: completion(DocumentState.Linked), validated: completion(DocumentState.Validated) };
    const hovers = { linked: hover(DocumentState.Linked), validated: hover(DocumentState.Validated) };
    connection.onCompletion((params, token) => (typedIn(params.textDocument.uri) ? completions.validated : completions.linked)(params, token));
    connection.onHover((params, token) => (typedIn(params.textDocument.uri) ? hovers.validated : hovers.linked)(params, token));
}
