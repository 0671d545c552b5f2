import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    createProtocolConnection, DidChangeWatchedFilesNotification, ExitNotification, FileChangeType, InitializedNotification,
    InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
    type Diagnostic, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { VALIDATED_NOTIFICATION, type ValidatedParams } from '../../packages/language/src/lsp/validated-notification.js';

const repo = join(import.meta.dirname, '..', '..');

/** A running `kpispec-language-server --stdio` on a folder, as any LSP client starts it. */
export interface StdioServer {
    connection: ProtocolConnection;
    /** The latest diagnostics published per document URI. */
    published: Map<string, Diagnostic[]>;
    /** Every publication, in order: what was shown at some moment, not only at the end. */
    history: PublishDiagnosticsParams[];
    /** What the server wrote to the client's log (`window/logMessage`), in order. */
    logs: string[];
    uri(file: string): string;
    /** Tells the server a file of the folder changed on disk, as an editor's file watcher does. */
    changed(file: string, type: FileChangeType): Promise<void>;
    /**
     * Resolves at the next `kpispec/validated` that names `file` (a path in the folder), when the
     * diagnostics of that build are published; call it before causing the build.
     */
    validated(file: string): Promise<void>;
    stop(): Promise<void>;
}

export async function startStdioServer(folder: string, name: string): Promise<StdioServer> {
    if (!existsSync(join(repo, 'packages', 'language', 'dist', 'server', 'main.js'))) throw new Error('The server is not built: run `npm run build` first.');
    const server = spawn(process.execPath, [join(repo, 'packages', 'language', 'bin', 'kpispec-language-server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const published = new Map<string, Diagnostic[]>();
    const history: PublishDiagnosticsParams[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, p => {
        published.set(p.uri, p.diagnostics);
        history.push(p);
    });
    const logs: string[] = [];
    connection.onNotification(LogMessageNotification.type, p => { logs.push(p.message); });
    const awaited = new Set<{ uri: string; resolve: () => void }>();
    connection.onNotification(VALIDATED_NOTIFICATION, ({ uris }: ValidatedParams) => {
        for (const entry of awaited) {
            if (uris.includes(entry.uri)) {
                awaited.delete(entry);
                entry.resolve();
            }
        }
    });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid, rootUri: pathToFileURL(folder).toString(), locale: 'zh-cn',
        workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name }],
        capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: false } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    const uri = (file: string) => pathToFileURL(join(folder, file)).toString();
    return {
        connection, published, history, logs, uri,
        changed: (file, type) => connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri(file), type }] }),
        validated: file => new Promise(resolve => awaited.add({ uri: uri(file), resolve })),
        stop: async () => {
            await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
            await connection.sendNotification(ExitNotification.type).catch(() => undefined);
            connection.dispose();
            server.kill();
        },
    };
}
