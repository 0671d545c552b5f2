import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DiagnosticSeverity, type Connection, type Diagnostic } from 'vscode-languageserver';
import type { KpiServices } from '../kpi-module.js';

/**
 * A broken `kpispec.json` must not stop the server (defaults apply), but the user has to see
 * it: after every build, its problems are published as diagnostics of the kpispec.json file
 * itself, and cleared once the file is fixed or deleted.
 */
export function publishConfigProblems(connection: Connection, shared: LangiumSharedServices): void {
    let published = new Set<string>();
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        const byFile = new Map<string, Diagnostic[]>();
        for (const language of shared.ServiceRegistry.all) {
            for (const p of (language as KpiServices).kpi.Configuration.problems()) {
                const at = { line: Math.max(p.line - 1, 0), character: Math.max(p.column - 1, 0) };
                const list = byFile.get(p.uri.toString()) ?? [];
                list.push({ range: { start: at, end: at }, severity: DiagnosticSeverity.Error, source: 'kpispec', message: p.message });
                byFile.set(p.uri.toString(), list);
            }
        }
        for (const uri of published) if (!byFile.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
        for (const [uri, diagnostics] of byFile) void connection.sendDiagnostics({ uri, diagnostics });
        published = new Set(byFile.keys());
    });
}
