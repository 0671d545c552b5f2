import { delayNextTick, DocumentState, URI, type Cancellation } from 'langium';
import { createRequestHandler, type LangiumSharedServices } from 'langium/lsp';
import type { CompletionList, CompletionParams, Connection, Hover, HoverParams, TextDocumentPositionParams } from 'vscode-languageserver';

/** Answers waiting for a typed-in document's diagnostics to be out, and those under way. */
interface Gate {
    readonly open: Promise<void>;
    readonly release: () => void;
    readonly answers: Set<Promise<unknown>>;
}

type Handler = (params: TextDocumentPositionParams, token: Cancellation.CancellationToken) => unknown;

/**
 * Completion and hover come with every keystroke. Langium answers them once their document is
 * linked: in the middle of its validation, which then waits for them, so the edited file's
 * diagnostics came later by their time (at 1,000 projects, keystroke → diagnostics p50 66 →
 * 49 ms, bench/RESULTS.md). While a document's own edit is being built, they are answered once
 * its diagnostics are out, and the build goes on once the answers are out too: the connection
 * writes on the event loop's next turn, and until then the build went on with the files that
 * depend on the edited one (10–15 ms of each keystroke at 1,000 projects). A document
 * re-validated only because a file it links to changed is answered as soon as it is linked, as
 * before: after an edit of a standard, waiting for its validation would mean waiting for the
 * linking of all the standard's dependents.
 */
export function answerAfterTyping(connection: Connection, shared: LangiumSharedServices): void {
    /** Documents whose own change is not validated yet. */
    const typing = new Set<string>();
    const gates = new Map<string, Gate>();
    shared.workspace.TextDocuments.onDidChangeContent(event => typing.add(URI.parse(event.document.uri).toString()));
    // Langium's listener, registered before (startLanguageServer), has handed the diagnostics to the connection.
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, async document => {
        const uri = document.uri.toString();
        if (!typing.delete(uri)) return;
        await delayNextTick();
        const gate = gates.get(uri);
        if (!gate) return;
        gates.delete(uri);
        gate.release();
        await Promise.allSettled([...gate.answers]);
        await delayNextTick();
    });

    /** `answer` at once, or, in a document being typed in, once its diagnostics are out. */
    const afterTyping = <H extends Handler>(answer: H): H => ((params, token) => {
        const uri = URI.parse(params.textDocument.uri).toString();
        if (!typing.has(uri)) return answer(params, token);
        let gate = gates.get(uri);
        if (!gate) {
            let release!: () => void;
            const open = new Promise<void>(resolve => release = resolve);
            gates.set(uri, gate = { open, release, answers: new Set() });
        }
        // A request the editor gives up on no longer waits: it is answered (as cancelled) at once.
        const cancelled = new Promise<void>(resolve => token.onCancellationRequested(() => resolve()));
        const answered = Promise.race([gate.open, cancelled]).then(() => answer(params, token));
        gate.answers.add(answered);
        return answered;
    }) as H;

    // As Langium's own handlers: answered once their document is linked.
    const completion = createRequestHandler<CompletionParams, CompletionList>(
        (services, document, params, token) => services.lsp?.CompletionProvider?.getCompletion(document, params, token), shared, DocumentState.Linked);
    const hover = createRequestHandler<HoverParams, Hover>(
        (services, document, params, token) => services.lsp?.HoverProvider?.getHoverContent(document, params, token), shared, DocumentState.Linked);
    connection.onCompletion(afterTyping(completion));
    connection.onHover(afterTyping(hover));
}
