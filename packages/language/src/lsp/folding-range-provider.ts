import type { AstNode, LangiumDocument, Lexer } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver';
import type { KpiServices } from '../kpi-module.js';

/**
 * Langium folds blocks and the comments it attaches to nodes. Forms often open with several
 * `//` lines of provenance and close with notes, so every block comment spanning lines and
 * every run of `//` lines folds too, wherever it is.
 */
export class KpiFoldingRangeProvider extends DefaultFoldingRangeProvider {
    private readonly lexer: Lexer;

    constructor(services: KpiServices) {
        super(services);
        this.lexer = services.parser.Lexer;
    }

    protected override collectCommentFolding(document: LangiumDocument, _node: AstNode, acceptor: FoldingRangeAcceptor): void {
        const text = document.textDocument;
        let run: { start: number; end: number } | undefined;
        const flush = () => {
            if (run && run.end > run.start) acceptor({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
            run = undefined;
        };
        for (const token of this.lexer.tokenize(text.getText()).hidden) {
            const start = text.positionAt(token.startOffset).line;
            const end = text.positionAt(token.endOffset ?? token.startOffset).line;
            if (token.tokenType.name === 'SL_COMMENT') {
                const alone = text.getText({ start: { line: start, character: 0 }, end: text.positionAt(token.startOffset) }).trim() === '';
                if (alone && run && run.end === start - 1) run.end = start;
                else {
                    flush();
                    if (alone) run = { start, end: start };
                }
            } else if (token.tokenType.name === 'ML_COMMENT') {
                flush();
                if (end > start) acceptor({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment });
            }
        }
        flush();
    }
}
