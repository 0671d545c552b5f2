import type { LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import type { TestWorkspace } from '../support/workspace.js';
import { ENGLISH, HOTLINE, hotline, textDocument } from './support.js';

/** Every provider at `position`; none may throw. */
async function everyProvider(ws: TestWorkspace, file: string, doc: LangiumDocument, position: Position): Promise<void> {
    const lsp = ws.services.lsp;
    const td = textDocument(file);
    const range = { start: position, end: position };
    const whole = { start: { line: 0, character: 0 }, end: { line: 99999, character: 0 } };
    await lsp.HoverProvider!.getHoverContent(doc, { textDocument: td, position });
    await lsp.CompletionProvider!.getCompletion(doc, { textDocument: td, position });
    await lsp.DefinitionProvider!.getDefinition(doc, { textDocument: td, position });
    await lsp.ReferencesProvider!.findReferences(doc, { textDocument: td, position, context: { includeDeclaration: true } });
    await lsp.DocumentHighlightProvider!.getDocumentHighlight(doc, { textDocument: td, position });
    await lsp.RenameProvider!.prepareRename(doc, { textDocument: td, position });
    await lsp.RenameProvider!.rename(doc, { textDocument: td, position, newName: '新名称' });
    await lsp.CodeActionProvider!.getCodeActions(doc, { textDocument: td, range, context: { diagnostics: doc.diagnostics ?? [] } });
    await lsp.InlayHintProvider!.getInlayHints(doc, { textDocument: td, range: whole });
    await lsp.CodeLensProvider!.provideCodeLens(doc, { textDocument: td });
    await lsp.DocumentSymbolProvider!.getSymbols(doc, { textDocument: td });
    await lsp.FoldingRangeProvider!.getFoldingRanges(doc, { textDocument: td });
    await lsp.SemanticTokenProvider!.semanticHighlight(doc, { textDocument: td });
    await ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '率' });
}

const POSITIONS: Position[] = [
    { line: 0, character: 0 }, { line: 3, character: 5 }, { line: 9, character: 30 }, { line: 20, character: 50 },
    { line: 99999, character: 0 }, { line: 2, character: 99999 }, { line: -1, character: -1 },
];

const FILES: Record<string, string> = { ...HOTLINE, 'english.kpi': ENGLISH['hotline.kpi']! };

describe('robustness: every provider tolerates half-typed files and positions outside the document', () => {
    // One test per file, each with a generous limit: hundreds of variants, on a machine that may be busy.
    it.each(Object.keys(FILES))('%s', { timeout: 180_000 }, async file => {
        const ws = await hotline();
        const full = FILES[file]!;
        // Every prefix a typist passes through (in steps), and the file with one line missing.
        const lines = full.split('\n');
        const texts = [
            ...Array.from({ length: Math.ceil(full.length / 45) }, (_, i) => full.slice(0, i * 45)),
            ...lines.map((_, i) => lines.filter((__, j) => j !== i).join('\n')),
        ];
        for (const text of texts) {
            await ws.edit(file, text);
            const doc = ws.documents.get(file)!;
            for (const position of POSITIONS) await everyProvider(ws, file, doc, position);
        }
        expect(texts.length).toBeGreaterThan(lines.length);
    });
});
