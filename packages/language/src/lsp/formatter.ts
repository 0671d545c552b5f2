import { CstUtils, GrammarUtils, isLeafCstNode, type AstNode, type CstNode, type LangiumDocument, type TextDocument } from 'langium';
import { AbstractFormatter } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-protocol';
import type { KpiSpecAstType } from '../generated/ast.js';
import { isComment, isLineComment, leavesOf, LINE_BREAK, LINE_BREAKS } from '../parser/comments.js';
import { isRemark } from '../parser/remarks.js';
import { alignRows, firstToken } from './aligned-rows.js';
import { unevenBlanks } from './sign-spacing.js';

/**
 * How a token is separated from the one before it:
 * - `row` starts a line (a block, a header line, a section, an indicator, a clause…),
 * - `clause` continues a row on the same line, or on its own line one level deeper when the
 *   author put it there (`依据`, `来源`, `说明`, `违约`, `偏差`),
 * - `space` one space, `attach` none (`95%`, `元/通`, `合同.条款`, `A, B`),
 * - `continuation` a line of its own, one level deeper than the row it belongs to,
 * - `close` a `}` on its own line.
 */
type Separation = 'row' | 'clause' | 'continuation' | 'space' | 'attach' | 'close';

type AstType = keyof KpiSpecAstType;

/** Nodes that start a line of their own. */
const ROWS: ReadonlySet<AstType> = new Set<AstType>([
    'Project', 'Contract', 'Standard', 'Assessment', 'Compliance',
    'Applies', 'GoalSection', 'Goal', 'IndicatorSection', 'Level1Group', 'Level2Group', 'Indicator',
    'MilestoneSection', 'Milestone', 'Clause', 'Requirement', 'Baseline',
    'Execution', 'GoalAssessment', 'IndicatorAssessment', 'ProblemStatement', 'MilestoneAssessment',
    'AsOf', 'Total', 'GradeStatement', 'ClauseReview',
    'FundsSection', 'FundsTotal', 'FundsShare', 'BreakdownSection', 'BreakdownComponent',
    'Summary', 'Improvement', 'Conclusion', 'BreakdownActual',
]);

/** Lines that belong to the row above and stand one level deeper (the 其中 rows of 预算执行). */
const CONTINUATIONS: ReadonlySet<AstType> = new Set<AstType>(['ExecutionShare']);

/** Header lines of a block, found by the property their keyword introduces. */
const HEADER_LINES: Partial<Record<AstType, readonly string[]>> = {
    Project: ['department', 'implementer', 'period', 'budget'],
    Contract: ['buyer', 'vendor', 'amount', 'period'],
    BreakdownSection: ['total'],
};

/** Clauses of a row that may wrap onto a continuation line, by the property their keyword introduces. */
const CLAUSES: Partial<Record<AstType, readonly string[]>> = {
    Indicator: ['links', 'source', 'note', 'lastYear'],
    Clause: ['penalty'],
    IndicatorAssessment: ['deviation'],
    Execution: ['adjustment', 'deviation'],
    BreakdownActual: ['deviation'],
};

const UNIT_SYMBOLS = new Set(['%', '％', '‰']);

/** A formatting option of our own: line up single-spaced tables too (imported forms: importedText). */
export const LINE_UP_EVERY_TABLE = 'kpispecLineUpEveryTable';

/**
 * Formats KPI Spec files: one row per line, indented by block depth, single spaces between
 * tokens (tables their author lined up are lined up again: aligned-rows.ts), comments kept (a
 * trailing comment stays at the end of its line, a comment on its own line is indented like the
 * code around it), at most one blank line, one newline at the end.
 *
 * Langium's node-by-node engine indents a comment by the AST node that happens to own it, which
 * misplaces comments before a `}`; so `format` only classifies tokens, and the layout is computed
 * over the token stream, replacing nothing but the whitespace between tokens. That also makes
 * the result idempotent: the whitespace depends only on the tokens and the line breaks the
 * author chose (blank lines, wrapped clauses, comment placement).
 */
export class KpiFormatter extends AbstractFormatter {
    private separations = new Map<CstNode, Separation>();
    /** The first token of each row and continuation line, with its node. */
    private rows = new Map<CstNode, AstNode>();

    protected format(node: AstNode): void {
        const type = node.$type as AstType;
        const cst = node.$cstNode;
        if (!cst) return;
        const first = firstToken(cst);
        if (first && (ROWS.has(type) || CONTINUATIONS.has(type))) this.rows.set(first, node);
        if (ROWS.has(type)) this.mark(first, 'row');
        if (CONTINUATIONS.has(type)) this.mark(first, 'continuation');
        for (const property of HEADER_LINES[type] ?? []) this.markKeywordBefore(node, property, 'row');
        for (const property of CLAUSES[type] ?? []) this.markKeywordBefore(node, property, 'clause');
        if (type === 'Quantity') {
            const unit = GrammarUtils.findNodeForProperty(cst, 'unit');
            const leaves = unit ? visibleLeaves(unit) : [];
            leaves.forEach((leaf, i) => this.mark(leaf, i === 0 && !UNIT_SYMBOLS.has(leaf.text) ? 'space' : 'attach'));
        }
        // A bound stays glued to its value, as forms print it (95%以上, 30 秒以内); words are words apart (95% or more).
        if (type === 'Comparison' || type === 'MeasuredActual') {
            const bound = GrammarUtils.findNodeForProperty(cst, 'bound');
            this.mark(bound, bound && /^[A-Za-z]/.test(bound.text) ? 'space' : 'attach');
        }
    }

    private mark(leaf: CstNode | undefined, separation: Separation): void {
        if (leaf) this.separations.set(leaf, separation);
    }

    /** Marks the keyword in front of a property's value (`来源` before `"工单系统"`). */
    private markKeywordBefore(node: AstNode, property: string, separation: Separation): void {
        const value = GrammarUtils.findNodeForProperty(node.$cstNode, property);
        const keyword = value && CstUtils.getPreviousNode(value, false);
        if (keyword) this.mark(isLeafCstNode(keyword) ? keyword : visibleLeaves(keyword).at(-1), separation);
    }

    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const root = document.parseResult.value.$cstNode;
        if (!root) return [];
        this.separations = new Map();
        this.rows = new Map();
        // The whole document, also for a range: a table's padding depends on all of its rows.
        this.iterateAstFormatting(document);
        const textDocument = document.textDocument;
        const tokens = leavesOf(root);
        const layout = new Layout(textDocument, options, oneRowBlocks(tokens, this.separations, textDocument.getText()));
        const spacing = tokens.map((token, i) => {
            const previous = tokens[i - 1];
            return isComment(token) ? layout.beforeComment(previous, token) : layout.beforeToken(previous, token, this.separationOf(token, previous));
        });
        alignRows(textDocument.getText(), tokens, spacing, this.rows, options[LINE_UP_EVERY_TABLE] === true);
        const edits = tokens.flatMap((token, i) => [
            ...layout.edit(tokens[i - 1]?.end ?? 0, token.offset, spacing[i]!),
            ...unevenBlanks(token).map(([start, end]) => layout.edit(start, end, ' ')).flat(),
        ]);
        const last = tokens.at(-1);
        edits.push(...layout.edit(last?.end ?? 0, textDocument.getText().length, last ? layout.eol : ''));
        // The whitespace before a token belongs to the token's line, so a range's first line gets its indentation.
        return range ? edits.filter(e => e.range.end.line >= range.start.line && e.range.end.line <= range.end.line) : edits;
    }

    private separationOf(token: CstNode, previous: CstNode | undefined): Separation {
        const marked = this.separations.get(token);
        if (marked) return marked;
        if (token.text === '}') return 'close';
        // A remark stays glued to its value, as forms print it (96.5%（全部转办）).
        if (isRemark(token)) return 'attach';
        // The enumeration comma and the full-width comma, as Chinese writes them, have no space on
        // either side (A、B, A，B): a full-width mark holds its own space. After `,` one space (A, B).
        if (token.text === '.' || token.text === ',' || token.text === '，' || token.text === '、' || previous?.text === '.' || previous?.text === '、' || previous?.text === '，') return 'attach';
        return 'space';
    }
}

/** Computes the whitespace between tokens and turns differences into edits. */
class Layout {
    readonly eol: string;
    /** What precedes the first token: nothing, or the byte order mark the file starts with. */
    private readonly start: string;
    private readonly text: string;
    private readonly indentUnit: string;
    private depth = 0;

    /**
     * @param oneLine the braces of inner blocks the author wrote on one line around one row
     * (`数量指标 { "管网长度" >= 80 公里 }`), which stay so, as Prettier keeps such objects.
     */
    constructor(private readonly document: TextDocument, options: FormattingOptions, private readonly oneLine: ReadonlySet<CstNode>) {
        this.text = document.getText();
        // The file's own line ending; a lone \r (classic Mac) ends a line for the lexer too.
        this.eol = LINE_BREAK.exec(this.text)?.[0] ?? '\n';
        this.start = this.text.startsWith('\uFEFF') ? '\uFEFF' : '';
        // A client may send any tab size (0, -1, NaN as null, a billion): whole, 1 to 16, else 4.
        const tabSize = Number.isInteger(options.tabSize) && options.tabSize >= 1 ? Math.min(options.tabSize, 16) : 4;
        this.indentUnit = options.insertSpaces === false ? '\t' : ' '.repeat(tabSize);
    }

    beforeToken(previous: CstNode | undefined, token: CstNode, separation: Separation): string {
        if (token.text === '}') this.depth = Math.max(0, this.depth - 1);
        const depth = this.depth;
        if (token.text === '{') this.depth++;
        if (!previous) return this.start;
        const breaks = this.breaksBetween(previous, token);
        const afterLineComment = isLineComment(previous);
        if (separation === 'row' && previous.text === '{' && this.oneLine.has(previous)) return ' ';
        if (separation === 'close' && this.oneLine.has(token)) return ' ';
        switch (separation) {
            case 'row': {
                const blank = depth === 0 && previous.text === '}' ? 2 : previous.text === '{' ? 1 : Math.min(Math.max(breaks, 1), 2);
                return this.lines(blank, depth);
            }
            case 'close':
                return this.lines(1, depth);
            case 'clause':
                return breaks > 0 ? this.lines(1, depth + 1) : ' ';
            case 'continuation':
                return this.lines(1, depth + 1);
            default:
                // Only a line comment forces a break inside a row: continue one level deeper.
                if (afterLineComment) return this.lines(1, depth + 1);
                return separation === 'attach' ? '' : ' ';
        }
    }

    /** A comment stays at the end of its line, or sits on its own line at the depth of the code inside the braces. */
    beforeComment(previous: CstNode | undefined, comment: CstNode): string {
        if (!previous) return this.start;
        const breaks = this.breaksBetween(previous, comment);
        if (breaks === 0) return ' ';
        return this.lines(previous.text === '{' ? 1 : Math.min(breaks, 2), this.depth);
    }

    edit(start: number, end: number, wanted: string): TextEdit[] {
        const existing = this.text.slice(start, end);
        if (existing === wanted) return [];
        // Only whitespace is ever replaced. Between the tokens of a file that parses, anything else
        // is punctuation the lexer reads as a space, glued to the token before it (`实际：89%`,
        // `得分 27。`): it stays so, and the whitespace after it is laid out as any other. But where
        // a line is broken after it, it goes with the space it stood for: a comma between two
        // clauses is one only before the next clause on its line (`主管部门 "…"，实施单位 "…"`).
        const glued = /^\S+/.exec(existing)?.[0].length ?? 0;
        const rest = existing.slice(glued);
        const dropped = glued > 0 && LINE_BREAK.test(wanted) && !LINE_BREAK.test(rest) ? 0 : glued;
        if (dropped > 0 && (/\S/.test(rest) || (rest === '' && !LINE_BREAK.test(wanted)) || rest === wanted)) return [];
        return [{ range: { start: this.document.positionAt(start + dropped), end: this.document.positionAt(end) }, newText: wanted }];
    }

    private breaksBetween(previous: CstNode, token: CstNode): number {
        return this.text.slice(previous.end, token.offset).match(LINE_BREAKS)?.length ?? 0;
    }

    private lines(count: number, depth: number): string {
        return this.eol.repeat(count) + this.indentUnit.repeat(depth);
    }
}

/**
 * The `{` and `}` of each block inside another written on one line, holding one row and no other
 * block or line comment (a top-level block, a whole form, is always laid out).
 */
function oneRowBlocks(tokens: readonly CstNode[], separations: ReadonlyMap<CstNode, Separation>, text: string): Set<CstNode> {
    const kept = new Set<CstNode>();
    const open: number[] = [];
    for (const [i, token] of tokens.entries()) {
        if (token.text === '{') open.push(i);
        if (token.text !== '}') continue;
        const start = open.pop();
        if (start === undefined) continue;
        const inside = tokens.slice(start + 1, i);
        const rows = inside.filter(t => separations.get(t) === 'row').length;
        const oneLine = !LINE_BREAK.test(text.slice(tokens[start]!.offset, token.end));
        if (open.length > 0 && oneLine && rows === 1 && !inside.some(t => t.text === '{' || isLineComment(t))) kept.add(tokens[start]!).add(token);
    }
    return kept;
}

function visibleLeaves(node: CstNode): CstNode[] {
    return CstUtils.streamCst(node).filter(n => isLeafCstNode(n) && !n.hidden).toArray();
}
