// A minimal LSP client over stdio for measurements and resilience tests: starts
// `kpispec-language-server --stdio`, answers the server's own requests (configuration,
// capability registration, progress), and records every publishDiagnostics with its time.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node';
import { SERVER_NODE_ARGS } from '@kpispec/language/node-args';

// CommonJS: its named exports are not visible to static ESM imports.
const {
    createProtocolConnection, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification,
    ExitNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification,
    ShutdownRequest, StreamMessageReader, StreamMessageWriter,
} = protocol;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SERVER = join(ROOT, 'packages', 'language', 'bin', 'kpispec-language-server.js');

export const fileUri = (path) => pathToFileURL(path).toString();

/** Node arguments the VS Code extension starts the server with (packages/vscode/src/extension.ts). */
export const EDITOR_NODE_ARGS = [...SERVER_NODE_ARGS];

/**
 * Starts the server on a workspace folder. `settings` answers `workspace/configuration`
 * (section → value); everything else the server asks is acknowledged with null. `locale` is
 * the editor's display language. `server` runs another build of the server's bin script;
 * `uid` runs it as that user (and group), as tests running as root do to meet an unreadable file.
 */
export async function startServer(folder, { settings = {}, nodeArgs = [], env, locale = 'zh-CN', server = SERVER, uid } = {}) {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeArgs, server, '--stdio'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        ...(uid === undefined ? {} : { uid, gid: uid }),
        env: { ...process.env, ...env },
    });
    let stderr = '';
    const waiters = new Set();
    let stopping = false;
    child.stderr.on('data', chunk => { stderr = (stderr + chunk).slice(-20_000); });
    let died;
    const exited = new Promise(resolve => child.once('exit', (code, signal) => {
        died = { code, signal };
        resolve(died);
        for (const w of [...waiters]) w();
    }));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));

    /** Every publishDiagnostics: time since start, uri, diagnostics. */
    const published = [];
    connection.onNotification(PublishDiagnosticsNotification.type, params => {
        published.push({ at: performance.now(), uri: params.uri, diagnostics: params.diagnostics });
        for (const w of [...waiters]) w();
    });
    /** Every `kpispec/validated` notification: the documents each build validated. */
    const validations = [];
    connection.onNotification('kpispec/validated', params => {
        validations.push(params.uris);
        for (const w of [...waiters]) w();
    });
    const logs = [];
    connection.onNotification('window/logMessage', params => logs.push(params));
    connection.onNotification('window/showMessage', params => logs.push(params));
    connection.onRequest((method, params) => {
        if (method === 'workspace/configuration') {
            return params.items.map(item => settings[item.section] ?? null);
        }
        return null;
    });
    connection.listen();

    const init = await connection.sendRequest(InitializeRequest.type, {
        // Another user may not signal this process: the server would take it for gone and exit.
        processId: uid === undefined ? process.pid : null,
        rootUri: fileUri(folder),
        workspaceFolders: [{ uri: fileUri(folder), name: 'bench' }],
        capabilities: {
            workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: {
                synchronization: { dynamicRegistration: false },
                publishDiagnostics: {},
                completion: { completionItem: { snippetSupport: true } },
                hover: { contentFormat: ['markdown', 'plaintext'] },
            },
        },
        locale,
    });
    connection.sendNotification(InitializedNotification.type, {});

    const versions = new Map();
    const client = {
        child, connection, published, validations, logs, init, started, exited,
        get stderr() { return stderr; },
        /** Resolves when `test()` holds, checked after every publishDiagnostics and kpispec/validated (and now). */
        until(test, timeoutMs = 600_000) {
            return new Promise((resolve, reject) => {
                const check = () => {
                    const value = test();
                    if (value) { waiters.delete(check); clearTimeout(timer); resolve(value); return; }
                    if (died && !stopping) {
                        waiters.delete(check);
                        clearTimeout(timer);
                        reject(new Error(`the server exited (code ${died.code}, signal ${died.signal}):\n${stderr.slice(-3000)}`));
                    }
                };
                const timer = setTimeout(() => {
                    waiters.delete(check);
                    reject(new Error(`timed out after ${timeoutMs} ms waiting for diagnostics`));
                }, timeoutMs);
                waiters.add(check);
                check();
            });
        },
        /** Resolves once no diagnostics have arrived for `quietMs`. */
        async quiet(quietMs) {
            for (;;) {
                const count = published.length;
                await new Promise(r => setTimeout(r, quietMs));
                if (died) throw new Error(`the server exited (code ${died.code}, signal ${died.signal}):\n${stderr.slice(-3000)}`);
                if (published.length === count) return;
            }
        },
        open(uri, text) {
            versions.set(uri, 1);
            connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kpi', version: 1, text } });
        },
        /** Replaces `range` with `text` (an incremental change, as an editor sends for a keystroke). */
        change(uri, range, text) {
            const version = (versions.get(uri) ?? 1) + 1;
            versions.set(uri, version);
            connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version },
                contentChanges: [{ range, text }],
            });
        },
        /** Sends a request and resolves with its latency (ms), its result or its error. */
        async timed(type, params) {
            const t0 = performance.now();
            try {
                const result = await connection.sendRequest(type, params);
                return { ms: performance.now() - t0, result };
            } catch (error) {
                return { ms: performance.now() - t0, error };
            }
        },
        async stop() {
            stopping = true;
            if (child.exitCode === null && child.signalCode === null) {
                await Promise.race([connection.sendRequest(ShutdownRequest.type).catch(() => undefined), new Promise(r => setTimeout(r, 5000))]);
                connection.sendNotification(ExitNotification.type);
                const timer = setTimeout(() => child.kill(), 5000);
                await exited;
                clearTimeout(timer);
            }
            connection.dispose();
        },
    };
    return client;
}
