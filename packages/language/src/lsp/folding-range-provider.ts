import type { AstNode, LangiumDocument } from 'langium';
import { DefaultFoldingRangeProvider, type FoldingRangeAcceptor } from 'langium/lsp';
import { FoldingRangeKind } from 'vscode-languageserver';
import { commentsOf } from '../parser/comments.js';

/**
 * Langium folds blocks and the comments it attaches to nodes. Forms often open with several
 * `//` lines of provenance and close with notes, so every block comment spanning lines and
 * every run of `//` lines folds too, wherever it is.
 */
export class KpiFoldingRangeProvider extends DefaultFoldingRangeProvider {
    protected override collectCommentFolding(document: LangiumDocument, _node: AstNode, acceptor: FoldingRangeAcceptor): void {
        const text = document.textDocument;
        let run: { start: number; end: number } | undefined;
        const flush = () => {
            if (run && run.end > run.start) acceptor({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
            run = undefined;
        };
        for (const { block, range } of commentsOf(document)) {
            const start = range.start.line;
            if (block) {
                flush();
                if (range.end.line > start) acceptor({ startLine: start, endLine: range.end.line, kind: FoldingRangeKind.Comment });
                continue;
            }
            const alone = text.getText({ start: { line: start, character: 0 }, end: range.start }).trim() === '';
            if (alone && run && run.end === start - 1) run.end = start;
            else {
                flush();
                if (alone) run = { start, end: start };
            }
        }
        flush();
    }
}
