import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, URI, type LangiumDocument, type Module } from 'langium';
import type { PartialLangiumServices } from 'langium/lsp';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createKpiServices, type KpiServices, type Locale } from '../../packages/language/src/index.js';

export interface TestWorkspace {
    services: KpiServices;
    documents: Map<string, LangiumDocument>;
    /** Diagnostics of one file, as validation left them. */
    diagnostics(file: string): Diagnostic[];
    /** Replaces a file's text and lets the document builder update the workspace, as the editor does. */
    edit(file: string, text: string): Promise<void>;
    remove(file: string): Promise<void>;
}

/** A diagnostic's message as text (LSP also allows Markdown; KPI Spec writes text). */
export function messageOf(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

export function uriOf(file: string): URI {
    return URI.parse(`file:///ws/${file}`);
}

/**
 * Builds an in-memory workspace from file name → text, validating every document; `overrides`
 * swaps language services (e.g. Langium's own in place of KPI Spec's).
 */
export async function buildWorkspace(
    files: Record<string, string>, locale: Locale = 'zh-CN', overrides: Module<KpiServices, PartialLangiumServices> = {},
): Promise<TestWorkspace> {
    const { shared, kpi } = createKpiServices(EmptyFileSystem, overrides);
    kpi.kpi.Settings.locale = locale;
    const langiumDocuments = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = new Map<string, LangiumDocument>();
    for (const [name, text] of Object.entries(files)) {
        const doc = factory.fromString(text, uriOf(name));
        langiumDocuments.addDocument(doc);
        documents.set(name, doc);
    }
    const builder = shared.workspace.DocumentBuilder;
    await builder.build([...documents.values()], { validation: true });
    const textDocuments = shared.workspace.TextDocuments!;
    let version = 0;
    const ws: TestWorkspace = {
        services: kpi,
        documents,
        diagnostics: (file) => ws.documents.get(file)?.diagnostics ?? [],
        async edit(file, text) {
            // The builder re-reads a changed document's text from the open text documents, as
            // the language server does with the editor's buffers (there is no file system here).
            const uri = uriOf(file);
            textDocuments.set(TextDocument.create(uri.toString(), 'kpi', ++version, text));
            await builder.update([uri], []);
            ws.documents.set(file, langiumDocuments.getDocument(uri)!);
        },
        async remove(file) {
            ws.documents.delete(file);
            textDocuments.delete(uriOf(file));
            await builder.update([], [uriOf(file)]);
        },
    };
    return ws;
}

/** Reads every `.kpi` file of a folder (recursively) as name → text. */
export function readFolder(dir: string, prefix = ''): Record<string, string> {
    const files: Record<string, string> = {};
    for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (statSync(full).isDirectory()) Object.assign(files, readFolder(full, `${prefix}${entry}/`));
        else if (entry.endsWith('.kpi')) files[prefix + entry] = readFileSync(full, 'utf8');
    }
    return files;
}

/** `line:rule` for each diagnostic (1-based), for compact assertions. */
export function lineRules(diagnostics: readonly { range: { start: { line: number } }; code?: number | string }[]): string[] {
    return diagnostics.map(d => `${d.range.start.line + 1}:${String(d.code)}`).sort();
}
