import { AstUtils, CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic, type Position } from 'vscode-languageserver';
import { pick, type Bilingual, type Locale } from '../../i18n/locale.js';
import type { KeywordLanguage } from '../keyword-language.js';
import { writtenAt } from '../../parser/repeated-clauses.js';
import { LINE_BREAK } from '../../parser/comments.js';

/**
 * What a quick fix works with: the document, the keyword language inserted text must use, the
 * display language of titles, and text edits that keep the file's indentation.
 */
export class FixContext {
    readonly uri: string;
    private readonly lines: string[];
    readonly indentUnit: string;

    constructor(readonly document: LangiumDocument, readonly language: KeywordLanguage, readonly locale: Locale) {
        this.uri = document.uri.toString();
        // Every line break the lexer and the editor count, a lone \r (classic Mac) too: positions are in their lines.
        this.lines = document.textDocument.getText().split(LINE_BREAK);
        this.indentUnit = this.lines.map(l => /^[ \t]+(?=\S)/.exec(l)?.[0]).find(Boolean) ?? '    ';
    }

    /** Text in the file's keyword language. */
    kw(text: Bilingual): string {
        return this.language === 'en' ? text.en : text.zh;
    }

    /** Text in the display language (titles). */
    say(text: Bilingual): string {
        return pick(this.locale, text);
    }

    /** The innermost node of a type at a position (where a diagnostic starts). */
    nodeAt<T extends AstNode>(position: Position, is: (node: unknown) => node is T): T | undefined {
        const root = this.document.parseResult?.value?.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, this.document.textDocument.offsetAt(position));
        return leaf ? AstUtils.getContainerOfType(leaf.astNode, is) : undefined;
    }

    /** The whitespace that starts the line a node starts on. */
    indentOf(cst: CstNode | undefined): string {
        return cst ? this.lineIndent(cst.range.start.line) : '';
    }

    lineIndent(line: number): string {
        return /^[ \t]*/.exec(this.lines[line] ?? '')![0];
    }

    lineText(line: number): string {
        return this.lines[line] ?? '';
    }

    /** New lines after `node` (at its indentation, plus `depth` levels); `lines` are relative to that. */
    insertAfter(node: AstNode, lines: string[], depth = 0): TextEdit | undefined {
        const cst = node.$cstNode;
        if (!cst) return undefined;
        const indent = this.indentOf(cst) + this.indentUnit.repeat(depth);
        return TextEdit.insert(this.pastComment(cst.range.end), lines.map(l => `\n${indent}${l}`).join(''));
    }

    /**
     * Where new lines go after text ending at `position`: past a comment that ends its line, which
     * belongs to that line (a `// kpispec-disable-line` comment moved onto the new line would
     * suppress there instead); at `position` when code follows on the line.
     */
    private pastComment(position: Position): Position {
        const line = this.lineText(position.line);
        return TRAILING_COMMENT.test(line.slice(position.character)) ? { line: position.line, character: line.length } : position;
    }

    /** New lines as the last child of a `{ … }` block: after its last child, else after its `{`. */
    appendChild(container: AstNode, children: readonly AstNode[], lines: string[]): TextEdit | undefined {
        const last = children.at(-1);
        if (last) return this.insertAfter(last, lines);
        return this.prependChild(container, lines);
    }

    /** New lines as the first child of a `{ … }` block. */
    prependChild(container: AstNode, lines: string[]): TextEdit | undefined {
        const brace = GrammarUtils.findNodeForKeyword(container.$cstNode, '{');
        if (!brace) return undefined;
        const indent = this.indentOf(container.$cstNode) + this.indentUnit;
        return TextEdit.insert(this.pastComment(brace.range.end), lines.map(l => `\n${indent}${l}`).join(''));
    }

    /**
     * New lines at the end of a `{ … }` block, after whatever it holds: also header lines that are
     * no nodes (a project's `主管部门 "…"`), before which nothing else may stand.
     */
    appendLast(container: AstNode, lines: string[]): TextEdit | undefined {
        const leaves = CstUtils.flattenCst(container.$cstNode!).filter(l => !l.hidden).toArray();
        const last = leaves.at(-2);
        if (!last || leaves.at(-1)?.text !== '}' || last.text === '{') return this.prependChild(container, lines);
        const indent = this.indentOf(container.$cstNode) + this.indentUnit;
        return TextEdit.insert(this.pastComment(last.range.end), lines.map(l => `\n${indent}${l}`).join(''));
    }

    /**
     * A node's text as lines relative to its indentation (a row with the comment that ends its
     * line), and the edit that removes it: its whole lines when nothing else stands on them, else
     * its text and the blanks before it.
     */
    cut(node: AstNode): { lines: string[]; edit: TextEdit } | undefined {
        const cst = node.$cstNode;
        if (!cst) return undefined;
        const { start, end } = cst.range;
        const before = this.lineText(start.line).slice(0, start.character);
        if (before.trim() === '' && TRAILING_COMMENT.test(this.lineText(end.line).slice(end.character))) {
            const indent = this.lineIndent(start.line);
            const lines = Array.from({ length: end.line - start.line + 1 }, (_, i) => this.lineText(start.line + i))
                .map(l => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()).trimEnd());
            return { lines, edit: TextEdit.del({ start: { line: start.line, character: 0 }, end: { line: end.line + 1, character: 0 } }) };
        }
        const blanks = /[ \t]*$/.exec(before)![0].length;
        return { lines: cst.text.split(LINE_BREAK).map(l => l.trim()), edit: TextEdit.del({ start: { line: start.line, character: start.character - blanks }, end }) };
    }

    /** A quick fix resolving `diagnostics` with `edits` (none when an edit could not be placed). */
    action(title: Bilingual, edits: Array<TextEdit | undefined>, diagnostics: Diagnostic[], isPreferred = false): CodeAction[] {
        const placed = edits.filter((e): e is TextEdit => e !== undefined);
        if (placed.length === 0 || placed.length !== edits.length) return [];
        return [{ title: this.say(title), kind: CodeActionKind.QuickFix, diagnostics, isPreferred, edit: { changes: { [this.uri]: placed } } }];
    }
}

/** The rest of a line that is only a comment (or nothing). */
const TRAILING_COMMENT = /^\s*(?:\/\/.*|\/\*(?:(?!\*\/).)*\*\/\s*)?$/;

/** An insertion right after the last of the given properties that is written, else at the node's end. */
export function insertAfterLast(node: AstNode, properties: string[], text: string): TextEdit | undefined {
    const written = properties.map(p => writtenAt(node, p)).filter(n => n !== undefined);
    const end = written.sort((a, b) => b.end - a.end)[0]?.range.end ?? node.$cstNode?.range.end;
    return end && TextEdit.insert(end, text);
}

/** A string literal of the language (`"…"`, one line). */
export function quote(text: string): string {
    return `"${text.replace(/[\\"]/g, m => `\\${m}`).replace(/[\r\n]+/g, ' ')}"`;
}

/** The diagnostic's fix data field, if it has the expected type. */
export function dataOf(diagnostic: Diagnostic): Record<string, unknown> {
    const data = diagnostic.data;
    return typeof data === 'object' && data !== null ? data as Record<string, unknown> : {};
}

export function stringField(diagnostic: Diagnostic, key: string): string | undefined {
    const value = dataOf(diagnostic)[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
}

export function numberField(diagnostic: Diagnostic, key: string): number | undefined {
    const value = dataOf(diagnostic)[key];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A quick fix: the code actions that resolve one diagnostic. */
export type Fix = (diagnostic: Diagnostic, context: FixContext) => CodeAction[];
