import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { DocumentState } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ErrorCodes, ProposedFeatures, ResponseError, type Message, type MessageStrategy, type RequestMessage } from 'vscode-languageserver/node';
import { parseLocale } from '../i18n/locale.js';
import { createKpiServices } from '../kpi-module.js';
import { publishConfigProblems } from '../lsp/config-diagnostics.js';
import { announceValidation } from '../lsp/validated-notification.js';
import { answerAfterTyping } from '../lsp/answers-after-typing.js';
import { docsLinker, findDocsRoot, publishDiagnosticsWithDocsLinks } from '../lsp/docs-links.js';
import { registerFormsExport } from '../lsp/workbook-export.js';
import { registerWorkbookImport } from '../lsp/workbook-import.js';
import { logServerStart } from '../lsp/server-log.js';
import type { KpiDocumentUpdateHandler } from '../lsp/document-update-handler.js';
import type { KpiWorkspaceManager } from '../lsp/workspace-manager.js';
import { collectWhenIdle, fullCollection, oldGenerationUsed, youngCollection } from './idle-collection.js';
import { Utf8FileSystemProvider } from './utf8-file-system.js';

/** This file, whether it runs as ESM from `dist/server/` or bundled as CommonJS into `dist/server.cjs`. */
const serverFile = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);

/** The method an early request is renamed to, so that its handler answers it with an error. */
const NOT_INITIALIZED = 'kpispec/notInitialized';

/**
 * Before `initialize`, LSP wants requests answered with ServerNotInitialized (-32002) and
 * notifications dropped (but `exit`). Langium's handlers would wait for a workspace that never
 * comes: the request would never be answered.
 */
function untilInitialized(): MessageStrategy {
    let initialized = false;
    return {
        handleMessage(message: Message, next: (message: Message) => void): void {
            const { method, id } = message as Partial<RequestMessage>;
            if (initialized || method === undefined || method === 'exit') return next(message);
            if (method === 'initialize') {
                initialized = true;
                return next(message);
            }
            if (id !== undefined) next({ ...message, method: NOT_INITIALIZED } as RequestMessage);
        },
    };
}

/**
 * How far V8 lets the heap grow past what survived the last full collection before it collects
 * again, in percent. By default it picks up to 300 % on a machine with much memory: at 1,000
 * projects about 300 MB stay reachable and the server's resident memory wandered between 0.8
 * and 1.9 GB of garbage. A relative bound, unlike a fixed `--max-old-space-size`, still lets a
 * larger workspace have the memory it needs; the cost is more frequent full collections.
 */
const HEAP_GROWING_PERCENT = 25;

/** The KPI Spec language server over stdio (or node-ipc when started by VS Code). */
export function startServer(): void {
    // Read by V8 each time it sets the next collection's limit, so setting it now still applies.
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    const connection = createConnection(ProposedFeatures.all, { messageStrategy: untilInitialized() });
    connection.onRequest(NOT_INITIALIZED, () => new ResponseError(ErrorCodes.ServerNotInitialized, 'the server is not initialized: send initialize first'));
    // Every diagnostic links to its rule's page, shipped beside the server or on the web.
    publishDiagnosticsWithDocsLinks(connection, docsLinker(findDocsRoot(serverFile)));
    const { shared, kpi } = createKpiServices({ connection, fileSystemProvider: () => new Utf8FileSystemProvider() });
    // The editor's display language counts only for files without keywords (see KpiSettings).
    shared.lsp.LanguageServer.onInitialize(params => {
        kpi.kpi.Settings.environmentLocale = parseLocale(params.locale) ?? kpi.kpi.Settings.environmentLocale;
    });
    // A sheet's findings are published on its workbook, all sheets together, at their cells.
    const workbooks = (shared.workspace.WorkspaceManager as KpiWorkspaceManager).workbooks;
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => {
        const workbook = workbooks.workbookOf(params.uri);
        return send(workbook ? { uri: workbook, diagnostics: workbooks.diagnostics(workbook) } : params);
    };
    void shared.workspace.WorkspaceManager.ready.then(() => {
        for (const workbook of workbooks.refusedWorkbooks()) void send({ uri: workbook, diagnostics: workbooks.diagnostics(workbook) });
    });
    publishConfigProblems(connection, shared);
    registerWorkbookImport(connection, kpi, () => kpi.kpi.Settings.locale);
    registerFormsExport(connection, kpi);
    logServerStart(connection, shared, kpi.kpi, serverFile);
    announceValidation(connection, shared);
    collectWhenIdle(shared.workspace.DocumentBuilder, { collect: fullCollection(), collectYoung: youngCollection(), oldGeneration: oldGenerationUsed });
    // Once a build's documents are parsed, before any is validated: the write it may queue
    // cancels the build, which the write's then builds with the sheets written again.
    const updates = shared.lsp.DocumentUpdateHandler as KpiDocumentUpdateHandler;
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.ComputedScopes, () => updates.followProjects());
    startLanguageServer(shared);
    // After Langium's: replaces its completion and hover handlers.
    answerAfterTyping(connection, shared);
}
