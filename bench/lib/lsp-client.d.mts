import type { ChildProcess } from 'node:child_process';
import type { Diagnostic, ProtocolConnection, Range } from 'vscode-languageserver-protocol';

export const SERVER: string;

/** Node arguments the VS Code extension starts the server with. */
export const EDITOR_NODE_ARGS: string[];

export function fileUri(path: string): string;

export interface Published {
    /** performance.now() when it arrived. */
    at: number;
    uri: string;
    diagnostics: Diagnostic[];
}

export interface TimedResult {
    ms: number;
    result?: unknown;
    error?: unknown;
}

export interface LspClient {
    child: ChildProcess;
    connection: ProtocolConnection;
    published: Published[];
    /** The URIs of each `kpispec/validated` notification (one per build), in order. */
    validations: string[][];
    /** window/logMessage and window/showMessage notifications. */
    logs: Array<{ type: number; message: string }>;
    init: unknown;
    started: number;
    exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
    readonly stderr: string;
    until<T>(test: () => T | undefined | false, timeoutMs?: number): Promise<T>;
    quiet(quietMs: number): Promise<void>;
    open(uri: string, text: string): void;
    change(uri: string, range: Range, text: string): void;
    timed(type: string | { method: string }, params: unknown): Promise<TimedResult>;
    stop(): Promise<void>;
}

export function startServer(
    folder: string,
    options?: { settings?: Record<string, unknown>; nodeArgs?: string[]; env?: Record<string, string>; locale?: string; server?: string; uid?: number },
): Promise<LspClient>;
