/**
 * Benchmark (not a test): runs as the extension-tests module of a real VS Code (code-server
 * through our launcher) with the reference case open and the extension activated by opening a
 * .kpi file (bench/editor.mjs gives it `onLanguage:kpi` instead of `workspaceContains`, so that
 * nothing activates it before the clock starts). Measures the time from that request to the
 * extension's activation and to every reference diagnostic of every file being shown, and writes
 * them as JSON to KPISPEC_BENCH_RESULT.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { waitFor } from '../support/poll.js';
import { expectedKeys } from '../support/reference.js';
import { shownKeys } from '../support/shown-diagnostics.js';

const EXTENSION_ID = 'kpispec.kpispec-vscode';

export async function run(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const result: Record<string, unknown> = {};
    try {
        if (!folder || !extension) throw new Error('the benchmark needs the reference case open and the extension loaded');
        if (extension.isActive) throw new Error('the extension was active before the benchmark started');
        const expected = expectedKeys(folder).join('\n');
        // Every diagnostic change is seen when it happens, not at the next poll.
        let shownAt: number | undefined;
        const listener = vscode.languages.onDidChangeDiagnostics(() => {
            if (shownAt === undefined && shownKeys(folder).join('\n') === expected) shownAt = performance.now();
        });
        let activatedAt: number | undefined;
        const start = performance.now();
        await vscode.workspace.openTextDocument(vscode.Uri.file(join(folder, 'targets.kpi')));
        await waitFor('the extension to activate', () => (extension.isActive ? (activatedAt ??= performance.now()) : undefined), { timeoutMs: 120_000, intervalMs: 10 });
        await waitFor('the reference diagnostics', () => shownAt, { timeoutMs: 120_000, intervalMs: 50 });
        listener.dispose();
        result['activationMs'] = Math.round(activatedAt! - start);
        result['firstDiagnosticsMs'] = Math.round(shownAt! - start);
        result['diagnostics'] = expected.split('\n').length;
    } catch (error) {
        result['error'] = error instanceof Error ? error.message : String(error);
    }
    const file = process.env.KPISPEC_BENCH_RESULT;
    if (file) writeFileSync(file, JSON.stringify(result));
    else console.log(JSON.stringify(result));
}
