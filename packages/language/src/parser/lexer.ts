import { AstUtils, DefaultLexer, GrammarAST, type LangiumCoreServices, type LexerResult, type LexingReport, type TokenizeOptions } from 'langium';
import { languageOfKeyword, type KeywordLanguage } from '../lsp/keyword-language.js';
import { GRADE_KEYWORD, printedGradeOf, printedRatingOf, RATING_KEYWORD } from '../scoring/keywords.js';
import type { Bilingual } from '../i18n/locale.js';
import { firstPassing } from '../sorted.js';
import { beginsEnglishSign, BOUND_JOIN_WORDS, BOUND_JOIN_WORDS_EN, BOUND_LAST_CHARACTERS, boundAtStart, boundOp, boundStartIn, comparatorOp, DONE_PHRASE, englishSignWords, isDoneWord, isEnglishBound, isValueInWords, noteAgrees, noteAtStart, onlyBeforeDates, parseUnit, signWordAtStart } from '../units/index.js';
import { BOUND, PRINTED_TEXT, REMARK, SIGN, UNIT, wordKeywordTest, type TokenType } from './token-builder.js';
import { bracketedUnitAt, openingBefore, remarkAt } from './remarks.js';
import { bracketedTitleAround, isBrackets } from './bracketed-names.js';
import { clauseKeywords, nameKeywords } from './clause-commas.js';
import { cellKeywords, isEmptyCellMarkAt } from './empty-cells.js';
import { withHalfWidthDigits } from './full-width.js';
import { isNamePart } from './name-characters.js';
import { pointsKeywords } from './points.js';
import { relativeTargetAt } from './relative-targets.js';
import { impossibleDate } from './impossible-dates.js';
import { unitBracketsAt } from './unit-brackets.js';
import { withPrintedLabels } from './printed-labels.js';
import { mayHoldYearPeriod, periodWithYearOnce, yearPeriodsIn } from './year-periods.js';

/** What the lexer reports of a text besides Langium's diagnostics. */
export interface KpiLexingReport extends LexingReport {
    /** The language of most of its keyword tokens (项目/指标 … or project/indicator …); undefined without keywords. */
    readonly keywordLanguage: KeywordLanguage | undefined;
}

const ZH = 1;
const EN = 2;

/**
 * Langium's lexer, which also
 * - gives word keywords (项目, indicator) their tokens: the IDs whose text is one (see
 *   KpiTokenBuilder, which leaves them out of Chevrotain's patterns).
 * - gives the grammar's synthetic `UNIT` terminal its tokens: a word, lexed as an ID, that
 *   follows on the same line a number (万元 in `10666 万元`, but not digits inside a name or a
 *   date: 率2 x, 2021-03 x) or a unit operator `/`, `*` or `·` (通 in `元/通`, but not the `/`
 *   or `*` of a comment's start or end). Which one a word is depends on what stands before it:
 *   the lexer's business, not the parser's, whose lookahead stops at the end of the Quantity
 *   rule (after a unitless `>= 95` it would take the next row's name for the unit). A word that
 *   is a keyword stays one; a longer word that begins with one is an ID, so a unit.
 * - joins what forms print as one value but Chevrotain lexes as several (`2023年6月30日`,
 *   `120,000`; see joinPrintedValues).
 * - reads comparators in words, before a value (`不低于95%`) or after it (`95%以上`; see
 *   readSignWords), and a qualitative target's word after a row's title (giveWordItsType).
 * - reads digits typed full-width as their half-width forms (full-width.ts).
 * - reads a comma between two clauses as a space (readClauseCommas), and a printed title with
 *   brackets where a name stands as one name (readBracketedNames).
 * - counts keyword tokens by language as it goes: a file's messages follow its keywords'
 *   language, and finding it afterwards walked the whole syntax tree (4 % of a cold lint). It
 *   reaches documents as `parseResult.lexerReport`.
 */
export class KpiLexer extends DefaultLexer {
    /** By token type index: ZH, EN, or 0 for a token that is not a keyword. */
    private readonly languages: Uint8Array;
    private readonly id: TokenType;
    private readonly unit: TokenType;
    private readonly number: TokenType;
    private readonly date: TokenType;
    private readonly month: TokenType;
    /** The keyword between a period's two dates (`2019-07 至 2020-06`). */
    private readonly until: TokenType;
    private readonly sign: TokenType;
    private readonly bound: TokenType;
    private readonly printedText: TokenType;
    private readonly remark: TokenType;
    private readonly string: TokenType;
    private readonly close: TokenType;
    /** 实际 and actual, after which a rating may be printed in words. */
    private readonly actualKeywords: ReadonlySet<number>;
    /** 等级 and grade, after which a grade may be printed in words. */
    private readonly gradeKeywords: ReadonlySet<number>;
    /** 计划 and 完成 of a milestone, before its date (readMilestoneBounds). */
    private readonly milestoneKeywords: ReadonlySet<number>;
    /** Keywords that stand for a form's cell (empty-cells.ts). */
    private readonly cellKeywords: ReadonlySet<number>;
    /** Keywords that open a clause, and those a name may be (clause-commas.ts). */
    private readonly clauseKeywords: ReadonlySet<number>;
    private readonly nameKeywords: ReadonlySet<number>;
    /** Keywords before a score's points (points.ts). */
    private readonly pointsKeywords: ReadonlySet<number>;
    /** `,` and `，`: a list's comma, or prose's between two clauses (readClauseCommas). */
    private readonly commas: ReadonlySet<number>;
    /** The grammar's comparators: its signs (`>=`, `≥`) and SIGN, their words (`不低于`). */
    private readonly comparators: ReadonlySet<number>;
    /** `%`, `％` and `‰`, which end a value as a unit word does. */
    private readonly percents: ReadonlySet<number>;
    /** A date printed with dots or slashes, then DATE, MONTH and NUMBER in the grammar's order, to read a value glued to a comparator word (sticky). */
    private readonly valuePatterns: ReadonlyArray<[TokenType, RegExp]>;
    /** Word keywords by their text. */
    private readonly words = new Map<string, TokenType>();

    constructor(services: LangiumCoreServices) {
        super(services);
        const types = this.definition;
        this.id = types['ID']!;
        this.unit = types[UNIT]!;
        this.number = types['NUMBER']!;
        this.date = types['DATE']!;
        this.month = types['MONTH']!;
        this.until = types['至']!;
        this.sign = types[SIGN]!;
        this.bound = types[BOUND]!;
        this.printedText = types[PRINTED_TEXT]!;
        this.remark = types[REMARK]!;
        this.string = types['STRING']!;
        this.close = types['}']!;
        // The labels printed forms give them too (实际完成值, 自评等级).
        this.actualKeywords = new Set(withPrintedLabels(['实际', 'actual']).map(k => types[k]!.tokenTypeIdx!));
        this.gradeKeywords = new Set(withPrintedLabels(['等级', 'grade']).map(k => types[k]!.tokenTypeIdx!));
        this.milestoneKeywords = new Set(['计划', 'planned', '完成', 'done'].map(k => types[k]!.tokenTypeIdx!));
        this.cellKeywords = new Set([...cellKeywords(services.Grammar)].map(k => types[k]!.tokenTypeIdx!));
        this.percents = new Set(['%', '％', '‰'].map(p => types[p]!.tokenTypeIdx!));
        const indices = (keywords: Iterable<string>) => new Set([...keywords].map(k => types[k]!.tokenTypeIdx!));
        this.clauseKeywords = indices(clauseKeywords(services.Grammar));
        this.nameKeywords = indices(nameKeywords(services.Grammar));
        this.pointsKeywords = indices(pointsKeywords(services.Grammar));
        this.commas = indices([',', '，']);
        const comparator = services.Grammar.rules.find(r => r.name === 'Comparator');
        this.comparators = new Set([...indices(comparator ? AstUtils.streamAllContents(comparator).filter(GrammarAST.isKeyword).map(k => k.value) : []), this.sign.tokenTypeIdx!]);
        this.valuePatterns = [
            [this.date, SEPARATED_DATE], [this.month, SEPARATED_MONTH],
            ...[this.date, this.month, this.number].map((type): [TokenType, RegExp] => [type, new RegExp((type.PATTERN as RegExp).source, 'y')]),
        ];
        const isWord = wordKeywordTest(this.id);
        for (const type of Object.values(types)) if (isWord(type)) this.words.set(type.PATTERN as string, type);
        this.languages = new Uint8Array(Math.max(0, ...Object.values(types).map(t => t.tokenTypeIdx ?? 0)) + 1);
        for (const keyword of AstUtils.streamAllContents(services.Grammar).filter(GrammarAST.isKeyword)) {
            const index = types[keyword.value]?.tokenTypeIdx;
            const language = languageOfKeyword(keyword.value);
            if (index !== undefined && language) this.languages[index] = language === 'zh' ? ZH : EN;
        }
    }

    override tokenize(original: string, options?: TokenizeOptions): LexerResult {
        let result = super.tokenize(original, options);
        // Full-width digits read as half-width: lexed again, rarely (full-width.ts).
        const halfWidth = result.errors.length > 0 ? withHalfWidthDigits(original, result.errors) : undefined;
        if (halfWidth !== undefined) result = super.tokenize(halfWidth, options);
        const text = halfWidth ?? original;
        if (result.errors.length > 0) this.joinStringsBrokenAcrossLines(text, result, options);
        if (mayHoldYearPeriod(text)) this.readYearPeriods(text, result);
        if (text.includes('至') || text.includes('到')) result.tokens = this.splitPrintedPeriods(text, result.tokens, options);
        // Passes for words most files never hold run only where the text holds them, as 至's does.
        if (text.includes('年内')) this.readWithinYear(result);
        this.splitDoneText(result);
        this.readSignWords(text, result);
        result.tokens = this.readPrintedPeriods(text, this.joinPrintedValues(result.tokens), result.errors);
        if (text.includes('前')) this.readMilestoneBounds(result);
        keepSilentPunctuationOut(text, result);
        if (RELATIVE_CHARACTERS.test(text)) this.readRelativeTargets(text, result);
        this.readBracketedNames(text, result);
        if (result.errors.length > 0) this.readRemarks(text, result);
        const idIndex = this.id.tokenTypeIdx;
        let zh = 0;
        let en = 0;
        const tokens = result.tokens;
        let glued: Set<Token> | undefined;
        let done: Set<Token> | undefined;
        /** Where a number's unit goes on with its digits (`3` `万5千人`): the unit's index. */
        let mixed: number[] | undefined;
        /** The second bounds read into a unit (`且不高于20元` of `元且不高于20元`), lexing errors. */
        let joined: LexerResult['errors'] | undefined;
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i]!;
            if (token.tokenTypeIdx === idIndex && isDoneWord(token.image) && this.gluedToValue(token, tokens[i - 1])) {
                (done ??= new Set()).add(token);
                continue;
            }
            if (token.tokenTypeIdx === idIndex) {
                this.giveWordItsType(text, token, tokens[i - 2], tokens[i - 1], tokens[i + 1]);
                if (this.joinsBounds(text, token, tokens[i - 1], tokens[i + 1])) (glued ??= new Set()).add(token);
                else if (token.tokenTypeIdx === idIndex && this.gluedToValue(token, tokens[i - 1])) (glued ??= new Set()).add(token);
                // A value printed in words where a target's or an actual's text stands (`百分之九十五以上`, `次年3月底前`):
                // no text, but a value the lexer cannot read, an error that says how to write it (syntax-errors.ts).
                // After a comparator too (`>= 百分之九十五`, `不低于 九成`).
                else if ((token.tokenTypeIdx === this.printedText.tokenTypeIdx || this.followsComparator(token, tokens[i - 1])) && isValueInWords(token.image)) (glued ??= new Set()).add(token);
                // A number that goes on in place words and digits (`3万5千人`, `2万5 人`), or a place word
                // and its unit printed apart (`3万 人`): no number and unit (3 of a unit 万5千人), but a
                // value printed in words, said as the one above.
                else if (token.tokenTypeIdx === this.unit.tokenTypeIdx && this.gluedToNumber(token, tokens[i - 1])
                    && (PLACE_THEN_DIGIT.test(token.image) || (PLACES.test(token.image) && this.unitApart(text, token, tokens[i + 1])))) (mixed ??= []).push(i);
                // A period with its year once where a value stands (`2023年3月1日至6月30日`): no 2023 of a unit 年3月1日至6月30日.
                else if (token.tokenTypeIdx === this.unit.tokenTypeIdx && token.image.startsWith('年') && this.gluedToNumber(token, tokens[i - 1])
                    && periodWithYearOnce(text, tokens[i - 1]!.startOffset)?.printed.length === token.endOffset! + 1 - tokens[i - 1]!.startOffset) (mixed ??= []).push(i);
                // A unit that goes on into the second of two bounds (`10元且不高于20元`): the unit, then a lexing error (as above).
                else if (token.tokenTypeIdx === this.unit.tokenTypeIdx) {
                    const join = boundJoinIn(token.image);
                    if (join > 0) {
                        (joined ??= []).push({ offset: token.startOffset + join, length: token.image.length - join, line: token.startLine, column: token.startColumn! + join, message: '' });
                        tokens[i] = { ...token, image: token.image.slice(0, join), endOffset: token.startOffset + join - 1, endColumn: token.startColumn! + join - 1 };
                    }
                }
            }
            const language = this.languages[token.tokenTypeIdx];
            if (language === ZH) zh++;
            else if (language === EN) en++;
        }
        if (mixed) joinNumbersInPlaceWords(result, mixed, i => this.unitApart(text, tokens[i]!, tokens[i + 1]));
        if (joined) replaceErrors(result.errors, [...result.errors, ...joined].sort((a, b) => a.offset - b.offset));
        if (glued) dropGluedWords(result, glued);
        // A word that says only that something is done, glued to a percentage or a date (`实际 100%完成`,
        // `实际 2023-06-20建成`, as a workbook's cell reads `2023年12月20日完工`): a remark after the value.
        // 完成 is also a milestone's keyword, which never stands there.
        if (done) this.moveToRemarks(result, done);
        // Once word keywords have their types.
        this.readPointsUnits(result);
        this.readEmptyCells(text, result);
        if (text.includes('，') || text.includes(',')) this.readClauseCommas(result);
        this.reportImpossibleDates(result);
        const report: KpiLexingReport = {
            diagnostics: result.report?.diagnostics ?? [],
            keywordLanguage: zh === 0 && en === 0 ? undefined : en > zh ? 'en' : 'zh',
        };
        return { ...result, report };
    }

    /**
     * A cell a form printed empty (`实际 —`, `得分 /`): the clause is not given, as a workbook's
     * empty cell is not (excel/cell-values.ts). Its keyword and the mark are taken out of the
     * tokens and the lexing errors, and the checks say what is missing (assessment/no-actual:
     * 未填写实际完成值; score/missing). A mark after anything else (`"接通率" —`) stays an error,
     * whose message says what the language writes.
     */
    private readEmptyCells(text: string, result: LexerResult): void {
        const tokens = result.tokens;
        const dropped = new Set<Token>();
        const emptied = new Set<LexerResult['errors'][number]>();
        const afterCellKeyword = (offset: number, at: number) => {
            const keyword = tokens[at];
            return keyword !== undefined && this.cellKeywords.has(keyword.tokenTypeIdx) && BLANKS.test(text.slice(keyword.endOffset! + 1, offset)) ? keyword : undefined;
        };
        // Dashes and a full-width slash: no token matches them.
        for (const error of result.errors) {
            if (!isEmptyCellMarkAt(text, error.offset, error.offset + error.length)) continue;
            const keyword = afterCellKeyword(error.offset, firstPassing(tokens, t => t.startOffset >= error.offset) - 1);
            if (!keyword) continue;
            dropped.add(keyword);
            emptied.add(error);
        }
        // A slash standing alone: the unit operator's token.
        for (let i = 1; i < tokens.length; i++) {
            const slash = tokens[i]!;
            if (slash.image !== '/' || !isEmptyCellMarkAt(text, slash.startOffset, slash.endOffset! + 1)) continue;
            const keyword = afterCellKeyword(slash.startOffset, i - 1);
            if (!keyword) continue;
            dropped.add(keyword);
            dropped.add(slash);
        }
        if (dropped.size === 0) return;
        result.tokens = tokens.filter(t => !dropped.has(t));
        replaceErrors(result.errors, result.errors.filter(e => !emptied.has(e)));
    }

    /**
     * A row, block or link named by a printed title that holds brackets, typed without quotes
     * (`补助村(社区)数量 = 8 个`, `指标 受益人口（户籍） 实际 …`, `依据 C.补助村(社区)数量`): one name,
     * as the title in quotes is. Chevrotain reads the words between the brackets and skips the
     * brackets. Only where a name stands: a line's first word, or after `{`, a word keyword, a
     * comma or a qualified name's dot; elsewhere (`>= 2 万人（户籍）`) a bracket stays a lexing error.
     */
    private readBracketedNames(text: string, result: LexerResult): void {
        const tokens = result.tokens;
        const joined = new Map<Token, { token: Token; last: number }>();
        const explained = new Set<LexerResult['errors'][number]>();
        const errors = result.errors;
        for (let k = 0; k < errors.length; k++) {
            const error = errors[k]!;
            if (!isBrackets(text.slice(error.offset, error.offset + error.length))) continue;
            const title = bracketedTitleAround(text, error.offset);
            if (!title) continue;
            const first = firstPassing(tokens, t => t.startOffset >= title.start);
            let last = first;
            while (last + 1 < tokens.length && tokens[last + 1]!.startOffset < title.end) last++;
            const words = tokens.slice(first, last + 1);
            // A name begins with a word, as an identifier does: `300万元(含结转)` after 预算 is a value and its remark.
            if (words[0]?.startOffset !== title.start || words[0].tokenTypeIdx !== this.id.tokenTypeIdx || words.at(-1)!.endOffset! + 1 > title.end || !this.standsForName(tokens[first - 1], words[0])
                || words.some(t => t.tokenTypeIdx !== this.id.tokenTypeIdx && t.tokenTypeIdx !== this.number.tokenTypeIdx)) continue;
            const image = text.slice(title.start, title.end);
            joined.set(words[0], { token: { ...words[0], image, endOffset: title.end - 1, endLine: words[0].startLine, endColumn: words[0].startColumn! + image.length - 1, tokenType: this.id, tokenTypeIdx: this.id.tokenTypeIdx! }, last });
            // The title's other brackets: the errors up to its end (none before this one, which is its first).
            for (; k < errors.length && errors[k]!.offset < title.end; k++) explained.add(errors[k]!);
            k--;
        }
        if (joined.size === 0) return;
        const out: Token[] = [];
        for (let i = 0; i < tokens.length; i++) {
            const join = joined.get(tokens[i]!);
            out.push(join ? join.token : tokens[i]!);
            if (join) i = join.last;
        }
        result.tokens = out;
        replaceErrors(result.errors, result.errors.filter(e => !explained.has(e)));
    }

    /**
     * A remark printed in brackets after a value (`96.5%（全部转办）`, `>= 2 万人（户籍）`, `95%以上（全市）`;
     * remarks.ts says what is one): a hidden token, read past as a comment is. Chevrotain skipped
     * its brackets (lexing errors) and read the words between them, which are dropped. A unit in
     * brackets after a value (`200（万元）`) is one lexing error over both brackets (syntax-errors.ts
     * says how to write it): read past, the value would lose its unit.
     */
    private readRemarks(text: string, result: LexerResult): void {
        const tokens = result.tokens;
        const remarks: Token[] = [];
        const explained = new Set<LexerResult['errors'][number]>();
        const added: LexerResult['errors'] = [];
        const errors = result.errors;
        let read = 0;
        /** The first error not yet passed: the remarks come in the errors' order. */
        let unexplained = 0;
        // Found by their closing brackets: an opening one may have gone into the error before it
        // (Chevrotain skips `）（` as one) or into a note read before (`≥95%（含）（全市）`).
        for (const error of errors) {
            // Not an error this lexer made (a note that contradicts its comparator, `>= 95%（不含）`): those have no message yet.
            if (error.message === '') continue;
            for (let close = error.offset; close < error.offset + error.length; close++) {
                if (text[close] !== '）' && text[close] !== ')') continue;
                const open = openingBefore(text, close, read);
                if (open < 0) continue;
                const remarkEnd = remarkAt(text, open);
                const end = remarkEnd ?? bracketedUnitAt(text, open);
                if (end !== close + 1) continue;
                const before = tokens[firstPassing(tokens, t => t.startOffset >= open) - 1];
                const line = before?.endLine ?? 0;
                const afterBound = before?.tokenTypeIdx === this.bound.tokenTypeIdx && /^[ \t\u3000]*$/.test(text.slice(before.endOffset! + 1, open));
                if (!afterBound && !this.endsValue(text, before, line, open)) continue;
                const image = text.slice(open, end);
                const column = before!.endColumn! + 1 + (open - before!.endOffset! - 1);
                const at = { line, column, offset: open, length: image.length };
                if (remarkEnd !== undefined) {
                    remarks.push({
                        ...before!, image, startOffset: open, endOffset: end - 1, startLine: line, endLine: line,
                        startColumn: column, endColumn: column + image.length - 1, tokenType: this.remark, tokenTypeIdx: this.remark.tokenTypeIdx!,
                    });
                } else {
                    added.push({ ...at, message: '' });
                }
                while (unexplained < errors.length && errors[unexplained]!.offset < open) unexplained++;
                for (; unexplained < errors.length && errors[unexplained]!.offset < end; unexplained++) explained.add(errors[unexplained]!);
                read = end;
            }
        }
        if (remarks.length > 0) {
            let r = 0;
            result.tokens = tokens.filter(t => {
                while (r < remarks.length && remarks[r]!.endOffset! < t.startOffset) r++;
                return r === remarks.length || t.startOffset < remarks[r]!.startOffset;
            });
            result.hidden = [...result.hidden, ...remarks].sort((a, b) => a.startOffset - b.startOffset);
        }
        if (explained.size > 0 || added.length > 0) replaceErrors(result.errors, [...result.errors.filter(e => !explained.has(e)), ...added].sort((a, b) => a.offset - b.offset));
    }

    /** Whether a name stands at `token`, after `before`: see readBracketedNames. */
    private standsForName(before: Token | undefined, token: Token): boolean {
        return before === undefined || before.endLine !== token.startLine || NAME_BEFORE.has(before.image) || this.words.has(before.image);
    }

    /**
     * A comma glued to the end of a clause, before the next clause's keyword on the same line, as
     * prose separates them (`>= 90%，来源 "系统"`, `实际 89%，分值 30`): read as a space, as a
     * colon after a label is. In a list (`依据 A，B`, `涉及 X，质量` where 质量 names an indicator)
     * a comma before what may be the next name stays the list's.
     */
    private readClauseCommas(result: LexerResult): void {
        const tokens = result.tokens;
        let dropped: Set<Token> | undefined;
        for (let i = 1; i + 1 < tokens.length; i++) {
            const comma = tokens[i]!;
            if (!this.commas.has(comma.tokenTypeIdx)) continue;
            const before = tokens[i - 1]!;
            const next = tokens[i + 1]!;
            if (before.endOffset! + 1 !== comma.startOffset || next.startLine !== comma.endLine || !this.clauseKeywords.has(next.tokenTypeIdx)) continue;
            if (this.nameKeywords.has(next.tokenTypeIdx) && this.mayEndName(before)) continue;
            (dropped ??= new Set()).add(comma);
        }
        if (dropped) result.tokens = tokens.filter(t => !dropped.has(t));
    }

    /**
     * The unit 分 a form prints glued to a score's points (`分值 15分`, `得分 13.5分`): the points
     * are the number, and 分 is read as the space after it (the formatter leaves it where it stands).
     */
    private readPointsUnits(result: LexerResult): void {
        const tokens = result.tokens;
        let dropped: Set<Token> | undefined;
        for (let i = 2; i < tokens.length; i++) {
            const unit = tokens[i]!;
            if (unit.tokenTypeIdx !== this.unit.tokenTypeIdx || unit.image !== '分') continue;
            const points = tokens[i - 1]!;
            if (points.tokenTypeIdx !== this.number.tokenTypeIdx || points.endOffset! + 1 !== unit.startOffset || !this.pointsKeywords.has(tokens[i - 2]!.tokenTypeIdx)) continue;
            (dropped ??= new Set()).add(unit);
        }
        if (dropped) result.tokens = tokens.filter(t => !dropped.has(t));
    }

    /** Whether a token may be the last of a name (a list's item): an ID, a string, a keyword a name may be. */
    private mayEndName(token: Token): boolean {
        const type = token.tokenTypeIdx;
        return type === this.id.tokenTypeIdx || type === this.string.tokenTypeIdx || this.nameKeywords.has(type);
    }

    /**
     * Comparators in words, as forms print them (units/sign-words.ts):
     * - before a value, on a row's line but not at its start (where a row's name stands):
     *   `不低于95%`, `不超过 202.6万元`, `达到80%以上`. Chevrotain reads a word glued to its number
     *   as one ID (`不低于95`, then `.6`): the word becomes a SIGN, the number (or date) one token.
     * - after a value: `95%以上`, `1800人以上`, `30分钟以内（含）`, `2023-06-30前`. The word, or the
     *   end of the unit's word, becomes a BOUND, with the `（含）` or `（不含）` printed after it. A
     *   bound that contradicts the comparator before the value (`≤ 95%以上`) is a lexing error
     *   (syntax-errors.ts says why), not a bound; so is 前 after a month (`2023年6月前`: by its first day or its last?).
     * One pass, each token looked at once (and each piece of a split word), so that a pasted line
     * of thousands of such words stays linear. The same arrays when there is none.
     */
    private readSignWords(text: string, result: LexerResult): void {
        const input = result.tokens;
        const idIndex = this.id.tokenTypeIdx;
        let out: Token[] | undefined;
        /** Lexing errors the pass explains (the brackets of `（含）`) and the ones it adds (contradictions). */
        const dropped = new Set<LexerResult['errors'][number]>();
        const added: LexerResult['errors'] = [];
        for (let i = 0; i < input.length; i++) {
            let token: Token | undefined = input[i]!;
            if (token.tokenTypeIdx !== idIndex) {
                out?.push(token);
                continue;
            }
            // A split word leaves a rest to look at in turn (`不低于95万元以上`: SIGN, 95, then 万元以上).
            while (token) {
                const previous = out ? out.at(-1) : input[i - 1];
                const sameLine: boolean = previous !== undefined && previous.endLine === token.startLine;
                const word: string | undefined = sameLine ? signWordAtStart(token.image) : undefined;
                const sign: SignWordRead | undefined = word ? this.signWord(text, input, i, token, word)
                    : sameLine && token === input[i] && beginsEnglishSign(token.image) ? this.englishSign(text, input, i, token) : undefined;
                const bound: SignWordRead | undefined = sign ? undefined : this.boundWord(text, input, i, token, out ?? input, out ? out.length : i, result.errors)
                    ?? (token === input[i] ? this.englishBound(text, input, i, token, out ?? input, out ? out.length : i) : undefined);
                const read: SignWordRead | undefined = sign ?? bound ?? this.noteAfterValue(text, input, i, token, out ?? input, out ? out.length : i, result.errors);
                if (!read) {
                    out?.push(token);
                    break;
                }
                out ??= input.slice(0, i);
                out.push(...read.tokens);
                i += read.consumed;
                for (const e of read.explained ?? []) dropped.add(e);
                if (read.error) added.push(read.error);
                token = read.rest;
            }
        }
        if (!out) return;
        result.tokens = out;
        if (dropped.size === 0 && added.length === 0) return;
        replaceErrors(result.errors, [...result.errors.filter(e => !dropped.has(e)), ...added].sort((a, b) => a.offset - b.offset));
    }

    /**
     * `token` (`input[at]`, or the rest of it) begins with the comparator word `word`: a SIGN if a
     * value follows it, glued (`不低于95`, the value read from the text) or after blanks.
     */
    private signWord(text: string, input: readonly Token[], at: number, token: Token, word: string): SignWordRead | undefined {
        const sign = { ...this.part(token, 0, word.length), tokenType: this.sign, tokenTypeIdx: this.sign.tokenTypeIdx! };
        const datesOnly = onlyBeforeDates(word);
        if (token.image.length === word.length) {
            const next = input[at + 1];
            if (token !== input[at] || !next || next.startLine !== token.endLine) return undefined;
            // A value in words after it (`不低于 九成`) is reported as one: the word is its comparator.
            const value = this.isDate(next) || (!datesOnly && (next.tokenTypeIdx === this.number.tokenTypeIdx || (next.tokenTypeIdx === this.id.tokenTypeIdx && isValueInWords(next.image))));
            if (!value) return undefined;
            return { tokens: [sign], consumed: 0 };
        }
        // English words stand apart from their value.
        if (datesOnly) return undefined;
        const from = token.startOffset + word.length;
        const code = text.charCodeAt(from);
        if (code < 0x30 || code > 0x39) return undefined;
        // The value as Chevrotain would lex it on its own: a date, a month or a number.
        let value: { type: TokenType; length: number } | undefined;
        for (const [type, pattern] of this.valuePatterns) {
            pattern.lastIndex = from;
            if (pattern.test(text)) {
                value = { type, length: pattern.lastIndex - from };
                break;
            }
        }
        if (!value) return undefined;
        const end = from + value.length;
        const number = { ...this.part(token, word.length, word.length + value.length), image: text.slice(from, end), tokenType: value.type, tokenTypeIdx: value.type.tokenTypeIdx! };
        const tokenEnd = token.endOffset! + 1;
        if (end <= tokenEnd) {
            const rest = end < tokenEnd ? this.part(token, end - token.startOffset, token.image.length) : undefined;
            return { tokens: [sign, number], consumed: 0, rest };
        }
        // The value goes on past the word (`不超过202` `.6`, `不晚于2023` `-06` `-30`): the tokens it
        // covers are its own, if it ends where one of them does.
        if (token !== input[at]) return undefined;
        let consumed = 0;
        while (at + consumed + 1 < input.length && input[at + consumed + 1]!.startOffset < end) consumed++;
        if (consumed === 0 || input[at + consumed]!.endOffset! + 1 !== end) return undefined;
        return { tokens: [sign, { ...number, endLine: input[at + consumed]!.endLine }], consumed };
    }

    /**
     * 前 after a milestone's date (`计划 2023年3月1日前`, `完成 2023-06-20前`): the date is when it is
     * planned or done by; the bound says nothing more, a remark. Words are typed after this pass,
     * so the keyword before the date is the word 计划 or 完成 still.
     */
    private readMilestoneBounds(result: LexerResult): void {
        const tokens = result.tokens;
        let remarks: Token[] | undefined;
        for (let i = 2; i < tokens.length; i++) {
            const token = tokens[i]!;
            if (token.tokenTypeIdx !== this.bound.tokenTypeIdx || boundOp(token.image) !== '<=' || !this.isDate(tokens[i - 1])) continue;
            const keyword = this.words.get(tokens[i - 2]!.image);
            if (keyword && this.milestoneKeywords.has(keyword.tokenTypeIdx!)) (remarks ??= []).push(token);
        }
        if (remarks) this.moveToRemarks(result, new Set(remarks));
    }

    /**
     * Periods in whole years (`2023年至2024年`, `2023-2025年`; year-periods.ts): a MONTH token for
     * each year and a 至 for what joins them, in place of the tokens and lexing errors there. A
     * period whose years the lexer split otherwise than at a token's edge is left as it is.
     */
    private readYearPeriods(text: string, result: LexerResult): void {
        const tokens = result.tokens;
        let out: Token[] | undefined;
        let from = 0;
        const replaced: Array<{ start: number; end: number }> = [];
        for (const period of yearPeriodsIn(text)) {
            const first = firstPassing(tokens, t => t.endOffset! >= period.first.start);
            let last = first;
            while (last + 1 < tokens.length && tokens[last + 1]!.startOffset < period.second.end) last++;
            const head = tokens[first];
            if (!head || head.startOffset !== period.first.start || tokens[last]!.endOffset! + 1 !== period.second.end) continue;
            const at = (span: { start: number; end: number }, type: TokenType): Token => {
                const column = head.startColumn! + span.start - head.startOffset;
                return {
                    ...head, image: text.slice(span.start, span.end), startOffset: span.start, endOffset: span.end - 1,
                    startColumn: column, endColumn: column + span.end - span.start - 1, tokenType: type, tokenTypeIdx: type.tokenTypeIdx!,
                };
            };
            out ??= [];
            for (let i = from; i < first; i++) out.push(tokens[i]!);
            out.push(at(period.first, this.month), at(period.until, this.until), at(period.second, this.month));
            from = last + 1;
            replaced.push({ start: period.first.start, end: period.second.end });
        }
        if (!out) return;
        for (let i = from; i < tokens.length; i++) out.push(tokens[i]!);
        result.tokens = out;
        replaceErrors(result.errors, result.errors.filter(e => !replaced.some(r => e.offset >= r.start && e.offset < r.end)));
    }

    /**
     * Within a year, glued to it (`2023年内`, `2023年内完成`): by the year's end, as `2023年底前`; a
     * MONTH token `2023年` (the value converter reads it as 2023-12) and a BOUND `内`, what is done after
     * it a remark, anything else left to the passes after. Not the number 2023 in a unit 年.
     */
    private readWithinYear(result: LexerResult): void {
        const tokens = result.tokens;
        let out: Token[] | undefined;
        const remarks: Token[] = [];
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i]!;
            const next = tokens[i + 1];
            if (token.tokenTypeIdx !== this.number.tokenTypeIdx || next?.tokenTypeIdx !== this.id.tokenTypeIdx || !next.image.startsWith('年内')
                || next.startOffset !== token.endOffset! + 1 || !/^\d{4}$/.test(token.image)) {
                out?.push(token);
                continue;
            }
            out ??= tokens.slice(0, i);
            const year = this.part(next, 0, 1);
            out.push({ ...token, image: token.image + year.image, endOffset: year.endOffset, endColumn: year.endColumn, tokenType: this.month, tokenTypeIdx: this.month.tokenTypeIdx! },
                { ...this.part(next, 1, 2), tokenType: this.bound, tokenTypeIdx: this.bound.tokenTypeIdx! });
            const rest = next.image.length > 2 ? this.part(next, 2, next.image.length) : undefined;
            if (rest && DONE_ALONE.test(rest.image)) remarks.push(rest);
            else if (rest) out.push(rest);
            i++;
        }
        if (!out) return;
        result.tokens = out;
        this.hideAsRemarks(result, remarks);
    }

    /**
     * What is to be done, printed glued after a date or its 前 (`2023年7月15日完成`,
     * `2023年6月30日前建成并投入使用`, `2023-06-30前全部完成`): split off the word it is in, as a
     * remark nothing reads; the date and its 前 are read as without it. A 前 followed by one done
     * word alone (`前完成`) is a bound already (boundWord), and a done word alone after a value a
     * remark (tokenize).
     */
    private splitDoneText(result: LexerResult): void {
        const tokens = result.tokens;
        let out: Token[] | undefined;
        const remarks: Token[] = [];
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i]!;
            const previous = tokens[i - 1];
            const at = token.tokenTypeIdx === this.id.tokenTypeIdx && previous !== undefined && previous.endOffset! + 1 === token.startOffset
                ? this.doneTextStart(previous, token.image) : -1;
            if (at < 0) {
                out?.push(token);
                continue;
            }
            out ??= tokens.slice(0, i);
            if (at > 0) out.push(this.part(token, 0, at));
            remarks.push(this.part(token, at, token.image.length));
        }
        if (!out) return;
        result.tokens = out;
        this.hideAsRemarks(result, remarks);
    }

    /** Where the done text begins in `word`, glued after `previous` (a year, a dotted month, a date), or -1. */
    private doneTextStart(previous: Token, word: string): number {
        const m = DONE_TEXT.exec(word);
        if (!m) return -1;
        const [, date, before, done] = m as unknown as [string, string, string, string];
        if (this.isDate(previous) ? date !== '' : !isYearBefore(previous.image, word) || printedDateAfter(previous.image, date) === undefined) return -1;
        // Read already: a bound with its done word, a done word alone after a date.
        if (isDoneWord(done) && (before !== '' || date === '')) return -1;
        return date.length + before.length;
    }

    /**
     * `token` (`input[at]`) begins an English comparator of several words (`at least 95%`,
     * `no later than 2023-06-30`): a SIGN of them all, if a value follows them on the line.
     */
    private englishSign(text: string, input: readonly Token[], at: number, token: Token): SignWordRead | undefined {
        const words = [token.image];
        for (let k = at + 1; k < at + 4 && k < input.length; k++) {
            const next = input[k]!;
            if (next.tokenTypeIdx !== this.id.tokenTypeIdx || !this.apartOnLine(text, input[k - 1]!, next)) break;
            words.push(next.image);
        }
        const count = englishSignWords(words);
        const last = input[at + count - 1];
        const value = input[at + count];
        if (count < 2 || !last || !value || !this.apartOnLine(text, last, value) || !(value.tokenTypeIdx === this.number.tokenTypeIdx || this.isDate(value))) return undefined;
        const sign = { ...token, image: text.slice(token.startOffset, last.endOffset! + 1), endOffset: last.endOffset, endColumn: last.endColumn, tokenType: this.sign, tokenTypeIdx: this.sign.tokenTypeIdx! };
        return { tokens: [sign], consumed: count - 1 };
    }

    /**
     * `token` (`input[at]`) and the word after it are an English bound after a value (`95% or more`,
     * `30 s or less`): a BOUND of both, or a lexing error where the comparator before the value says otherwise.
     */
    private englishBound(text: string, input: readonly Token[], at: number, token: Token, before: readonly Token[], length: number): SignWordRead | undefined {
        const next = input[at + 1];
        if (!next || next.tokenTypeIdx !== this.id.tokenTypeIdx || !isEnglishBound(token.image, next.image) || !this.apartOnLine(text, token, next)) return undefined;
        const previous = before[length - 1];
        if (!this.endsValue(text, previous, token.startLine!, token.startOffset)) return undefined;
        const image = text.slice(token.startOffset, next.endOffset! + 1);
        const bound = { ...token, image, endOffset: next.endOffset, endColumn: next.endColumn, tokenType: this.bound, tokenTypeIdx: this.bound.tokenTypeIdx! };
        const comparator = this.comparatorBefore(before.slice(Math.max(0, length - MAX_VALUE_TOKENS), length), token.startLine!);
        if (comparator && comparatorOp(comparator.image) !== boundOp(image)) {
            return { tokens: [], consumed: 1, error: { offset: token.startOffset, length: image.length, line: token.startLine, column: token.startColumn, message: '' } };
        }
        return { tokens: [bound], consumed: 1 };
    }

    /** Whether `next` follows `token` on its line with only blanks between. */
    private apartOnLine(text: string, token: Token, next: Token): boolean {
        return next.startLine === token.endLine && /^[ \t\u3000]+$/.test(text.slice(token.endOffset! + 1, next.startOffset));
    }

    /**
     * `token` (`input[at]`, or the rest of it) ends with a bound: a BOUND, split from the unit or
     * printed day it ends (`人以上`, `年6月30日前`), if it follows a value. The tokens before it
     * are the first `length` of `before`.
     */
    private boundWord(text: string, input: readonly Token[], at: number, token: Token, before: readonly Token[], length: number, errors: LexerResult['errors']): SignWordRead | undefined {
        if (!BOUND_LAST_CHARACTERS.has(token.image.charCodeAt(token.image.length - 1))) return undefined;
        const previous = before[length - 1];
        // Glued to its year (2023 年6月30日前: the day is joined after this pass), or after a date.
        const year = previous?.tokenTypeIdx === this.number.tokenTypeIdx && previous.endOffset! + 1 === token.startOffset && isYearBefore(previous.image, token.image);
        let start = boundStartIn(token.image, true);
        // A month's end glued to a printed month (`2023-06底前`, `2023/6末前`): the bound is all of it.
        if (start === 1 && !year && MONTH_END.test(token.image) && previous !== undefined && previous.endOffset! + 1 === token.startOffset
            && this.dateBefore(before, length) === 'month') start = 0;
        // 前 says "by then" after a day or a month's end; after a month it cannot say which day.
        const date = start < 0 ? undefined
            : start > 0 ? (year ? printedDateAfter(previous.image, token.image.slice(0, start)) : undefined)
                : MONTH_END.test(token.image) ? 'end'
                    : !year && this.endsValue(text, previous, token.startLine!, token.startOffset) ? this.dateBefore(before, length) : undefined;
        // A day or a month's end printed without its year (`12月底前`, `6月30日前`): not a unit of
        // the number before it but a deadline that does not say which year (syntax-errors.ts). The
        // error covers the month's number too, which stays a token for the rest of the row.
        if (start > 0 && !year && previous?.tokenTypeIdx === this.number.tokenTypeIdx && previous.endOffset! + 1 === token.startOffset
            && token === input[at] && DAY_OR_MONTH.test(previous.image) && printedDateTail(`年${previous.image}${token.image.slice(0, start)}`)) {
            const span = token.endOffset! + 1 - previous.startOffset;
            return { tokens: [], consumed: 0, error: { offset: previous.startOffset, length: span, line: previous.startLine, column: previous.startColumn, message: '' } };
        }
        if (!date) {
            start = boundStartIn(token.image, false);
            const follows = start > 0 ? followsNumberOrUnitOperator(text, token.startOffset) : this.endsValue(text, previous, token.startLine!, token.startOffset);
            if (start < 0 || !follows) return undefined;
        }
        const head = start > 0 ? [this.part(token, 0, start)] : [];
        const word = boundAtStart(text.slice(token.startOffset + start, token.startOffset + start + 16), date !== undefined);
        let bound = this.part(token, start, token.image.length);
        let consumed = 0;
        let explained: LexerResult['errors'] | undefined;
        if (word !== undefined && word.length > bound.image.length && token === input[at]) {
            // The printed note after it, `（含）`: brackets the lexer skipped and the word 含.
            const end = token.startOffset + start + word.length;
            bound = { ...bound, image: word, endOffset: end - 1, endColumn: bound.startColumn! + word.length - 1 };
            while (at + consumed + 1 < input.length && input[at + consumed + 1]!.startOffset < end) consumed++;
            const first = firstPassing(errors, e => e.offset > token.endOffset!);
            explained = [];
            for (let k = first; k < errors.length && errors[k]!.offset < end; k++) explained.push(errors[k]!);
        }
        const comparator = this.comparatorBefore([...before.slice(Math.max(0, length - MAX_VALUE_TOKENS), length), ...head], token.startLine!);
        if (date === 'month' || (comparator && comparatorOp(comparator.image) !== boundOp(bound.image))) {
            const error = { offset: bound.startOffset, length: bound.image.length, line: bound.startLine, column: bound.startColumn, message: '' };
            return { tokens: head, consumed, explained, error };
        }
        return { tokens: [...head, { ...bound, tokenType: this.bound, tokenTypeIdx: this.bound.tokenTypeIdx! }], consumed, explained };
    }

    /**
     * `token` (`input[at]`) is the 含 or 不含 of a note printed after a value, the brackets skipped
     * around it. Before a bound (`90%（含）以上`, `30秒（不含）以内`): a BOUND of the note and the
     * bound, as `以上（含）` is one. After a value with a comparator (`≥95%（含）`): a BOUND of the
     * note alone, which says what the comparator says. The tokens before it are the first `length` of `before`.
     */
    private noteAfterValue(text: string, input: readonly Token[], at: number, token: Token, before: readonly Token[], length: number, errors: LexerResult['errors']): SignWordRead | undefined {
        if (token !== input[at] || (token.image !== '含' && token.image !== '不含')) return undefined;
        const open = OPENING_BRACKET_BEFORE.exec(text.slice(Math.max(0, token.startOffset - 8), token.startOffset));
        if (!open) return undefined;
        const start = token.startOffset - open[0].length;
        if (!this.endsValue(text, before[length - 1], token.startLine!, start)) return undefined;
        const word = boundAtStart(text.slice(start, start + 24), false);
        const note = word === undefined ? noteAtStart(text.slice(start, start + 12)) : undefined;
        const image = word ?? note;
        if (image === undefined) return undefined;
        const end = start + image.length;
        // The bound's word and a note after it (以上（含）) are the tokens up to its end; a word
        // that goes on (`以上人次`) is not a bound.
        let consumed = 0;
        while (at + consumed + 1 < input.length && input[at + consumed + 1]!.startOffset < end) consumed++;
        const last = input[at + consumed]!;
        if ((word !== undefined && consumed === 0) || last.endOffset! + 1 > end || last.endLine !== token.startLine) return undefined;
        const comparator = this.comparatorBefore(before.slice(Math.max(0, length - MAX_VALUE_TOKENS), length), token.startLine!);
        // A note alone says only whether the value is in, which a comparator says first.
        if (note !== undefined && !comparator) return undefined;
        const bound: Token = {
            ...token, image: text.slice(start, end), startOffset: start, endOffset: end - 1,
            startColumn: token.startColumn! - open[0].length, endColumn: token.startColumn! - open[0].length + image.length - 1,
            tokenType: this.bound, tokenTypeIdx: this.bound.tokenTypeIdx!,
        };
        const explained: LexerResult['errors'] = [];
        for (let k = firstPassing(errors, e => e.offset >= start); k < errors.length && errors[k]!.offset < end; k++) explained.push(errors[k]!);
        const op = comparator && comparatorOp(comparator.image);
        if (note !== undefined ? !noteAgrees(note, op) : comparator && op !== boundOp(image)) {
            const error = { offset: start, length: image.length, line: bound.startLine, column: bound.startColumn, message: '' };
            return { tokens: [], consumed, explained, error };
        }
        return { tokens: [bound], consumed, explained };
    }

    /** Whether `before` ends a value on `line` before `offset`, blanks between: a number, `%`, a unit's word, a day. */
    private endsValue(text: string, before: Token | undefined, line: number, offset: number): boolean {
        if (!before || before.endLine !== line || !/^[ \t\u3000]*$/.test(text.slice(before.endOffset! + 1, offset))) return false;
        const type = before.tokenTypeIdx;
        return type === this.number.tokenTypeIdx || this.isDate(before) || this.percents.has(type)
            || (type === this.id.tokenTypeIdx && followsNumberOrUnitOperator(text, before.startOffset));
    }

    /** The date the first `length` tokens end with: a DATE or MONTH, or a printed date's tail glued to its year (`2023` `年6月30日`, joined after this pass). */
    private dateBefore(tokens: readonly Token[], length: number): 'day' | 'month' | 'end' | undefined {
        const token = tokens[length - 1];
        if (token?.tokenTypeIdx === this.date.tokenTypeIdx) return 'day';
        if (token?.tokenTypeIdx === this.month.tokenTypeIdx) return 'month';
        // `2023.6.30`, `2023/6/30`, `2023/6`: joined after this pass.
        for (const back of [3, 5]) {
            const date = length >= back ? this.separatedDate(tokens, length - back) : undefined;
            if (date?.count === back) return date.type === this.date ? 'day' : 'month';
        }
        const year = tokens[length - 2];
        return token?.tokenTypeIdx === this.id.tokenTypeIdx && year?.tokenTypeIdx === this.number.tokenTypeIdx
            && year.endOffset! + 1 === token.startOffset ? printedDateAfter(year.image, token.image) : undefined;
    }

    /** The comparator token before the value that `tokens` end with, on `line`. */
    private comparatorBefore(tokens: readonly Token[], line: number): Token | undefined {
        const isValue = (t: Token) => t.tokenTypeIdx === this.number.tokenTypeIdx || this.isDate(t);
        let i = tokens.length - 1;
        while (i > 0 && tokens[i]!.startLine === line && !isValue(tokens[i]!)) i--;
        const before = tokens[i - 1];
        return i > 0 && isValue(tokens[i]!) && before && before.endLine === line
            && (before.tokenTypeIdx === this.sign.tokenTypeIdx || comparatorOp(before.image) !== undefined) ? before : undefined;
    }

    /** The part of `token`'s image from `start` to `end`, as a token of its type. */
    private part(token: Token, start: number, end: number): Token {
        return {
            ...token, image: token.image.slice(start, end),
            startOffset: token.startOffset + start, endOffset: token.startOffset + end - 1,
            startColumn: token.startColumn! + start, endColumn: token.startColumn! + end - 1,
        };
    }

    /**
     * Values as forms print them, lexed as several tokens, become one (the value converter writes
     * them in the language's form, KpiValueConverter):
     * - a date `2023年6月30日` or month `2023年6月`, a number and a word (`年6月30日`, which would be
     *   its unit): one DATE or MONTH token;
     * - a number with thousands separators, `1,200,000` or `120，000`: one NUMBER token (a comma
     *   separates only names in the grammar, never numbers).
     * The same array when there is none.
     */
    private joinPrintedValues(tokens: Token[]): Token[] {
        let joined: Token[] | undefined;
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i]!;
            const parts = token.tokenTypeIdx === this.number.tokenTypeIdx ? this.printedValue(tokens, i) : undefined;
            if (!parts) {
                joined?.push(token);
                continue;
            }
            joined ??= tokens.slice(0, i);
            const last = tokens[i + parts.count - 1]!;
            joined.push({
                ...token, image: tokens.slice(i, i + parts.count).map(t => t.image).join(''), tokenType: parts.type, tokenTypeIdx: parts.type.tokenTypeIdx!,
                endOffset: last.endOffset, endLine: last.endLine, endColumn: last.endColumn,
            });
            i += parts.count - 1;
        }
        return joined ?? tokens;
    }

    /** The tokens from `tokens[at]` (a number) that make one printed value, and its type; undefined for a plain number. */
    private printedValue(tokens: readonly Token[], at: number): { count: number; type: TokenType } | undefined {
        const number = tokens[at]!;
        const next = tokens[at + 1];
        if (!next || next.startOffset !== number.endOffset! + 1) return undefined;
        if (next.tokenTypeIdx === this.id.tokenTypeIdx) {
            const date = printedDateAfter(number.image, next.image);
            return date ? { count: 2, type: date === 'day' ? this.date : this.month } : undefined;
        }
        // Only a dot or slash can go on to a printed date (checked first: most numbers are glued to a `%`).
        const separated = next.image === '.' || next.image === '/' ? this.separatedDate(tokens, at) : undefined;
        if (separated) return separated;
        if (!/^-?\d{1,3}$/.test(number.image)) return undefined;
        // Groups of three digits, each glued to the comma before it; the last may have decimals.
        let count = 1;
        for (let i = at + 1; i + 1 < tokens.length; i += 2) {
            const comma = tokens[i]!, group = tokens[i + 1]!;
            const glued = comma.startOffset === tokens[i - 1]!.endOffset! + 1 && group.startOffset === comma.endOffset! + 1;
            if (!glued || (comma.image !== ',' && comma.image !== '，') || group.tokenTypeIdx !== this.number.tokenTypeIdx || !/^\d{3}(?:\.\d+)?$/.test(group.image)) break;
            count += 2;
            if (group.image.length > 3) break;
        }
        return count > 1 ? { count, type: this.number } : undefined;
    }

    /**
     * A date printed with dots or slashes, `2023.6.30` or `2023/6/30` (a number, `.`, a number; or
     * four numbers and slashes), and a month `2023/6`: one DATE or MONTH token, as a workbook's
     * date cell is read. `2023.6` stays a number.
     */
    private separatedDate(tokens: readonly Token[], at: number, hyphen = false): { count: number; type: TokenType } | undefined {
        const glued = (from: number, count: number) => {
            for (let i = at + from; i < at + from + count; i++) if (tokens[i]?.startOffset !== tokens[i - 1]!.endOffset! + 1) return false;
            return true;
        };
        const image = (i: number) => tokens[at + i]?.image;
        const isNumber = (i: number, digits: RegExp) => tokens[at + i]?.tokenTypeIdx === this.number.tokenTypeIdx && digits.test(image(i)!);
        // After a period's first date, Chevrotain read the glued hyphen into the number (`-2023.12`, readPrintedPeriods).
        const year = hyphen ? image(0)!.slice(1) : image(0)!;
        if (hyphen && !image(0)!.startsWith('-')) return undefined;
        if (/^\d{4}\.\d{1,2}$/.test(year) && image(1) === '.' && isNumber(2, DAY_OR_MONTH) && glued(1, 2)) return { count: 3, type: this.date };
        if (!/^\d{4}$/.test(year) || image(1) !== '/' || !isNumber(2, DAY_OR_MONTH) || !glued(1, 2)) return undefined;
        return image(3) === '/' && isNumber(4, DAY_OR_MONTH) && glued(3, 2) ? { count: 5, type: this.date } : { count: 3, type: this.month };
    }

    /**
     * A period as forms print it, its dates joined by a dash instead of 至: `2023年1月-2023年12月`,
     * `2023-01-2023-12`, `2023年1月—2023年12月`, `2023-01 ～ 2023-12` (the formatter's spelling of
     * the first, `2023年1月 - 2023年12月`, too). Chevrotain reads a glued hyphen into the next number
     * (`-2023`) and skips other dashes (a lexing error): the dash becomes a 至 token, and what follows
     * a glued hyphen the second date. The same array when there is none.
     */
    private readPrintedPeriods(text: string, tokens: Token[], errors: LexerResult['errors']): Token[] {
        let read: Token[] | undefined;
        // The lexing errors of dashes read as 至, taken out once all are found.
        const dashes = new Set<LexerResult['errors'][number]>();
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i]!;
            const period = this.isDate(token) ? this.dashAndDate(text, tokens, i, errors) : undefined;
            if (!period) {
                read?.push(token);
                continue;
            }
            read ??= tokens.slice(0, i);
            read.push(token, ...period.tokens);
            if (period.dash) dashes.add(period.dash);
            i += period.consumed;
        }
        if (dashes.size > 0) replaceErrors(errors, errors.filter(e => !dashes.has(e)));
        return read ?? tokens;
    }

    private isDate(token: Token | undefined): boolean {
        return token?.tokenTypeIdx === this.date.tokenTypeIdx || token?.tokenTypeIdx === this.month.tokenTypeIdx;
    }

    /**
     * After the date `tokens[at]`: the 至 token and the second date of a printed period, how many
     * of the lexer's tokens they replace, and the lexing error of a skipped dash, which they explain.
     */
    private dashAndDate(text: string, tokens: readonly Token[], at: number, errors: LexerResult['errors']): { tokens: Token[]; consumed: number; dash?: LexerResult['errors'][number] } | undefined {
        const first = tokens[at]!;
        const next = tokens[at + 1];
        if (!next) return undefined;
        // A dash the lexer skipped, blanks allowed around it, then a date.
        // The errors are in text order.
        const skipped = firstPassing(errors, e => e.offset > first.endOffset!);
        if (skipped < errors.length && errors[skipped]!.offset < next.startOffset && this.isDate(next)) {
            const e = errors[skipped]!;
            const dash = text.slice(e.offset, e.offset + e.length);
            if (!/^[-—–～~－]+$/.test(dash) || !/^[ \t\u3000]*$/.test(text.slice(first.endOffset! + 1, e.offset) + text.slice(e.offset + e.length, next.startOffset))) return undefined;
            return { tokens: [this.separator(next, e.offset, dash)], consumed: 0, dash: e };
        }
        // A hyphen glued to both dates, read into the next number: -2023 年12月, -2023 -12 (-31), -2023.12 . 31, -2023 / 12 (/ 31).
        if (next.tokenTypeIdx !== this.number.tokenTypeIdx || next.startOffset !== first.endOffset! + 1) return undefined;
        const separated = this.separatedDate(tokens, at + 1, true);
        if (!separated && !/^-\d{4}$/.test(next.image)) return undefined;
        const glued = (k: number) => tokens[k] !== undefined && tokens[k]!.startOffset === tokens[k - 1]!.endOffset! + 1 ? tokens[k]! : undefined;
        const tail = glued(at + 2);
        let parts = 0;
        let type = this.month;
        if (separated) {
            [parts, type] = [separated.count - 1, separated.type];
        } else if (tail && tail.tokenTypeIdx === this.id.tokenTypeIdx) {
            const date = printedDateTail(tail.image);
            if (date) [parts, type] = [1, date === 'day' ? this.date : this.month];
        } else if (tail !== undefined && tail.tokenTypeIdx === this.number.tokenTypeIdx && /^-\d{1,2}$/.test(tail.image)) {
            const day = glued(at + 3);
            [parts, type] = day !== undefined && day.tokenTypeIdx === this.number.tokenTypeIdx && /^-\d{1,2}$/.test(day.image) ? [2, this.date] : [1, this.month];
        }
        if (parts === 0) return undefined;
        const last = tokens[at + 1 + parts]!;
        const start = next.startOffset + 1;
        const second: Token = {
            ...next, image: text.slice(start, last.endOffset! + 1), tokenType: type, tokenTypeIdx: type.tokenTypeIdx!,
            startOffset: start, startColumn: next.startColumn! + 1, endOffset: last.endOffset, endLine: last.endLine, endColumn: last.endColumn,
        };
        return { tokens: [this.separator(next, next.startOffset, '-'), second], consumed: 1 + parts };
    }

    /**
     * A period printed without blanks (`2023年1月至2023年12月`, `2023-01至2023-12`, `2023年1月 至2023年12月`):
     * Chevrotain reads 至 and the digits around it into one name. Split there, after a date, into
     * the first date's tail, 至 and the tokens of what follows it up to the next blank. 到 (a name
     * of its own) is read as 至 there too.
     */
    private splitPrintedPeriods(text: string, tokens: Token[], options: TokenizeOptions | undefined): Token[] {
        let out: Token[] | undefined;
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i]!;
            const split = token.tokenTypeIdx === this.id.tokenTypeIdx ? this.periodSplit(text, tokens, i, options) : undefined;
            if (!split) {
                out?.push(token);
                continue;
            }
            (out ??= tokens.slice(0, i)).push(...split.tokens);
            i += split.consumed;
        }
        return out ?? tokens;
    }

    /**
     * A cell's text broken across two lines as it was pasted (`说明 "第一行⏎第二行" 来源 "s"`): a quotation
     * mark left open at one line's end and the first one on the next line make one string, read as
     * the row's clause, and one lexing error over both lines (syntax-errors.ts says to take the line
     * break out); the rest of the next line is lexed again after it. Otherwise each quote was an
     * error of its own or opened a string of the next line's words, the words between them a row's
     * broken rest, and the clause took the next row's title for its text.
     */
    private joinStringsBrokenAcrossLines(text: string, result: LexerResult, options: TokenizeOptions | undefined): void {
        const joins: Array<{ open: LexerResult['errors'][number]; close: number; end: number; read: LexerResult }> = [];
        for (const open of result.errors) {
            if (open.length !== 1 || text[open.offset] !== '"' || open.offset < (joins.at(-1)?.end ?? 0)) continue;
            const lineEnd = text.indexOf('\n', open.offset);
            if (lineEnd < 0 || text.slice(open.offset + 1, lineEnd).includes('"')) continue;
            const nextEnd = text.indexOf('\n', lineEnd + 1) < 0 ? text.length : text.indexOf('\n', lineEnd + 1);
            const close = text.indexOf('"', lineEnd + 1);
            if (close < 0 || close >= nextEnd) continue;
            const rest = text.slice(close + 1, nextEnd);
            // The next line's first quote closes it only if that line's quotes are odd: even, they are its own strings.
            if (rest.split('"').length % 2 === 0) continue;
            joins.push({ open, close, end: nextEnd, read: super.tokenize(rest, options) });
        }
        if (joins.length === 0) return;
        const line = (j: typeof joins[number]) => j.open.line! + 1;
        const column = (j: typeof joins[number]) => j.close - text.lastIndexOf('\n', j.close);
        const tokens: Token[] = [];
        const errors: LexerResult['errors'] = [];
        let next = 0;
        const hidden: Token[] = [];
        const emit = (j: typeof joins[number]) => {
            tokens.push({
                image: text.slice(j.open.offset, j.close + 1), tokenType: this.string, tokenTypeIdx: this.string.tokenTypeIdx!,
                startOffset: j.open.offset, endOffset: j.close, startLine: j.open.line, startColumn: j.open.column, endLine: line(j), endColumn: column(j),
            } as Token);
            const from = j.close + 1;
            const first = column(j) + 1;
            const moved = (t: Token): Token => ({ ...t, startOffset: from + t.startOffset, endOffset: from + t.endOffset!, startLine: line(j), endLine: line(j), startColumn: first + t.startColumn! - 1, endColumn: first + t.endColumn! - 1 });
            for (const t of j.read.tokens) tokens.push(moved(t));
            // A comment after the closing quote (`第二行" // 备注`), as read after it.
            for (const t of j.read.hidden) hidden.push(moved(t));
            errors.push({ ...j.open, length: j.close + 1 - j.open.offset });
            for (const e of j.read.errors) errors.push({ ...e, offset: from + e.offset, line: line(j), column: first + e.column! - 1 });
        };
        const inJoin = (offset: number) => next < joins.length && joins[next]!.open.offset <= offset && offset < joins[next]!.end;
        const pass = (offset: number) => {
            for (; next < joins.length && joins[next]!.end <= offset; next++) emit(joins[next]!);
        };
        // Tokens and errors in order, each join's in the place of what it covers.
        let e = 0;
        for (const token of result.tokens) {
            for (; e < result.errors.length && result.errors[e]!.offset < token.startOffset; e++) {
                pass(result.errors[e]!.offset);
                if (!inJoin(result.errors[e]!.offset)) errors.push(result.errors[e]!);
            }
            pass(token.startOffset);
            if (!inJoin(token.startOffset)) tokens.push(token);
        }
        for (; e < result.errors.length; e++) {
            pass(result.errors[e]!.offset);
            if (!inJoin(result.errors[e]!.offset)) errors.push(result.errors[e]!);
        }
        pass(Infinity);
        result.tokens = tokens;
        replaceErrors(result.errors, errors.sort((a, b) => a.offset - b.offset));
        // The comments read where a join now stands (`// …` inside the string, or read from a quote
        // that the join shows is the string's end) give way to those read after its closing quote.
        let k = 0;
        const outside = result.hidden.filter(t => {
            while (k < joins.length && joins[k]!.end <= t.startOffset) k++;
            return k === joins.length || t.startOffset < joins[k]!.open.offset;
        });
        result.hidden = [...outside, ...hidden].sort((a, b) => a.startOffset - b.startOffset);
    }

    private periodSplit(text: string, tokens: readonly Token[], i: number, options: TokenizeOptions | undefined): { tokens: Token[]; consumed: number } | undefined {
        const token = tokens[i]!;
        const at = token.image.search(UNTIL_WORD);
        if (at < 0) return undefined;
        const before = token.image.slice(0, at);
        if (at + 1 < token.image.length && !/^\d{4}/.test(token.image.slice(at + 1))) return undefined;
        const previous = tokens[i - 1];
        const glued = previous !== undefined && previous.endOffset! + 1 === token.startOffset;
        // After a date: the name holds its tail (`2023` `年1月至…`), or follows one on its line.
        const afterDate = before !== ''
            ? glued && printedDateAfter(previous.image, before) !== undefined
            : previous !== undefined && previous.endLine === token.startLine && this.dateBefore(tokens, i) !== undefined;
        if (!afterDate) return undefined;
        // What follows 至 up to the next blank (`2023-12`: the name's `2023` and the number `-12`), lexed again.
        const from = token.startOffset + at + 1;
        let end = from;
        while (end < text.length && !/[\s\u3000]/.test(text[end]!)) end++;
        const read = end === from ? { tokens: [], errors: [] } : super.tokenize(text.slice(from, end), options);
        if (read.errors.length > 0) return undefined;
        let consumed = 0;
        while (i + consumed + 1 < tokens.length && tokens[i + consumed + 1]!.startOffset < end) consumed++;
        if (consumed > 0 && tokens[i + consumed]!.endOffset! + 1 !== end) return undefined;
        const column = token.startColumn! + at + 1;
        const shifted = read.tokens.map((t): Token => ({
            ...t, startOffset: from + t.startOffset, endOffset: from + t.endOffset!,
            startLine: token.startLine, endLine: token.startLine, startColumn: column + t.startColumn! - 1, endColumn: column + t.endColumn! - 1,
        }));
        const part = (start: number, stop: number, type: TokenType): Token => ({ ...this.part(token, start, stop), tokenType: type, tokenTypeIdx: type.tokenTypeIdx! });
        return { tokens: [...(before === '' ? [] : [part(0, at, this.id)]), part(at, at + 1, this.until), ...shifted], consumed };
    }

    /** A 至 token standing for the dash at `offset`, on the line of `near`. */
    private separator(near: Token, offset: number, dash: string): Token {
        const column = near.startColumn! - (near.startOffset - offset);
        return {
            ...near, image: dash, tokenType: this.until, tokenTypeIdx: this.until.tokenTypeIdx!,
            startOffset: offset, endOffset: offset + dash.length - 1, startColumn: column, endColumn: column + dash.length - 1, endLine: near.startLine,
        };
    }

    /**
     * An ID is a word keyword if its text is one, else a unit if it follows a number or unit
     * operator, else a qualitative target's word as printed if it stands alone after a row's title
     * (`"群众获得感" 明显提升`, then the line's end, a clause's keyword or `}`) or an actual's after
     * 实际 (`实际 已建立`); after 实际, a rating as printed before all of these.
     */
    private giveWordItsType(text: string, token: Token, beforePrevious: Token | undefined, previous: Token | undefined, next: Token | undefined): void {
        // A rating first: 未完成 is also a milestone's keyword.
        const keyword = this.words.get(token.image);
        const type = this.printedRating(token, previous) ?? this.printedGrade(token, previous)
            ?? (keyword && !this.isTargetWord(text, token, beforePrevious, previous, next) ? keyword : undefined)
            ?? (followsNumberOrUnitOperator(text, token.startOffset) ? this.unit : this.isPrintedText(text, token, previous, next, true) ? this.printedText : undefined);
        if (!type) return;
        token.tokenType = type;
        token.tokenTypeIdx = type.tokenTypeIdx!;
    }

    /** After 等级, a grade as forms print it (`优秀`, `良好`): the grade's keyword, its text kept (scoring/keywords.ts reads it). */
    private printedGrade(token: Token, previous: Token | undefined): TokenType | undefined {
        if (previous === undefined || !this.gradeKeywords.has(previous.tokenTypeIdx)) return undefined;
        const grade = printedGradeOf(token.image);
        return grade && this.words.get(inLanguageOf(token.image, GRADE_KEYWORD[grade]));
    }

    /** After 实际, a rating as forms print it (`达成预期指标`, `已完成`): the rating's keyword, its text kept (scoring/keywords.ts reads it). */
    private printedRating(token: Token, previous: Token | undefined): TokenType | undefined {
        if (previous === undefined || !this.actualKeywords.has(previous.tokenTypeIdx)) return undefined;
        const rating = printedRatingOf(token.image);
        return rating && this.words.get(inLanguageOf(token.image, RATING_KEYWORD[rating]));
    }

    /**
     * A word glued to a percent sign or a date (`100%覆盖`, `≥95%的`, `2023-06-30止`), which take no
     * unit: no unit, bound or name stands there, and read as a name it would start a row of its own
     * and break the next one.
     */
    /**
     * A word joining two bounds (`80% 且 不高于 90%`, `>= 80 且 <= 90`): after a value and before a
     * comparator on its line. No row's name (`且 不高于 90%` would be a row of its own) but a
     * lexing error, which syntax-errors.ts says is a range, as when it is glued to the value.
     */
    private joinsBounds(text: string, token: Token, previous: Token | undefined, next: Token | undefined): boolean {
        return BOUND_JOINS.has(token.image) && next !== undefined && next.startLine === token.startLine && comparatorOp(next.image) !== undefined
            && (previous !== undefined && previous.tokenTypeIdx === this.unit.tokenTypeIdx ? previous.endLine === token.startLine : this.endsValue(text, previous, token.startLine!, token.startOffset));
    }

    /** Whether a comparator, a sign or its words, stands before a token on its line (`>= 百分之九十五`). */
    private followsComparator(token: Token, previous: Token | undefined): boolean {
        // By its type: a comparator's spelling looked up for every word's predecessor was 3 % of a cold lint.
        return previous !== undefined && previous.endLine === token.startLine && this.comparators.has(previous.tokenTypeIdx);
    }

    /** Whether a unit word the unit table knows follows `token` after blanks on its line (`人` after `3万5千 `). */
    private unitApart(text: string, token: Token, next: Token | undefined): boolean {
        return next !== undefined && next.startLine === token.endLine && next.startOffset > token.endOffset! + 1 && BLANKS.test(text.slice(token.endOffset! + 1, next.startOffset))
            && (next.tokenTypeIdx === this.id.tokenTypeIdx || next.tokenTypeIdx === this.unit.tokenTypeIdx || next.tokenTypeIdx === this.printedText.tokenTypeIdx)
            && parseUnit(next.image).known;
    }

    private gluedToNumber(token: Token, previous: Token | undefined): boolean {
        return previous !== undefined && previous.tokenTypeIdx === this.number.tokenTypeIdx && previous.endOffset! + 1 === token.startOffset;
    }

    private gluedToValue(token: Token, previous: Token | undefined): boolean {
        return previous !== undefined && (this.percents.has(previous.tokenTypeIdx) || this.isDate(previous)) && previous.endOffset! + 1 === token.startOffset;
    }

    /** Tokens of the stream that are remarks, which nothing reads: out of the stream, hidden. */
    private moveToRemarks(result: LexerResult, moved: ReadonlySet<Token>): void {
        result.tokens = result.tokens.filter(t => !moved.has(t));
        this.hideAsRemarks(result, [...moved]);
    }

    /** Tokens read as remarks, which nothing reads: hidden, as comments are, in the order of the text. */
    private hideAsRemarks(result: LexerResult, tokens: readonly Token[]): void {
        if (tokens.length === 0) return;
        const remarks = tokens.map((t): Token => ({ ...t, tokenType: this.remark, tokenTypeIdx: this.remark.tokenTypeIdx! }));
        result.hidden = [...result.hidden, ...remarks].sort((a, b) => a.startOffset - b.startOffset);
    }

    /**
     * A date that names no day (`2023-02-29`): a lexing error over it (syntax-errors.ts says why),
     * the token kept so that the row reads on; the checks leave the row alone, as they do a broken one.
     */
    private reportImpossibleDates(result: LexerResult): void {
        let added: LexerResult['errors'] | undefined;
        for (const token of result.tokens) {
            if (this.isDate(token) && impossibleDate(token.image)) {
                (added ??= []).push({ offset: token.startOffset, length: token.image.length, line: token.startLine, column: token.startColumn, message: '' });
            }
        }
        if (added) replaceErrors(result.errors, [...result.errors, ...added].sort((a, b) => a.offset - b.offset));
    }

    /**
     * A target printed relative to last year after a row's title (`较上年提高5%`, `同比增长 10 个百分点`):
     * a lexing error over all of it, which says what to write (syntax-errors.ts), and the row's
     * other clauses read; its words are no qualitative target.
     */
    private readRelativeTargets(text: string, result: LexerResult): void {
        const tokens = result.tokens;
        let out: Token[] | undefined;
        const added: LexerResult['errors'] = [];
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i]!;
            const previous = tokens[i - 1];
            const relative = token.tokenTypeIdx === this.id.tokenTypeIdx && RELATIVE_START.test(token.image) && previous?.tokenTypeIdx === this.string.tokenTypeIdx
                && previous.endLine === token.startLine ? relativeTargetAt(text, token.startOffset) : undefined;
            if (!relative) {
                out?.push(token);
                continue;
            }
            out ??= tokens.slice(0, i);
            const end = token.startOffset + relative.printed.length;
            added.push({ offset: token.startOffset, length: relative.printed.length, line: token.startLine, column: token.startColumn, message: '' });
            while (i + 1 < tokens.length && tokens[i + 1]!.startOffset < end) i++;
        }
        if (!out) return;
        result.tokens = out;
        replaceErrors(result.errors, [...result.errors, ...added].sort((a, b) => a.offset - b.offset));
    }

    /**
     * A keyword printed as a row's whole qualitative target (`"水质" 达标`, `"验收" 完成`, `"评价" 优`):
     * after a row's title, not after a clause's (`里程碑 "M" 完成`, `条款 "C" 未考核`), where a
     * qualitative target's word stands.
     */
    private isTargetWord(text: string, token: Token, beforePrevious: Token | undefined, previous: Token | undefined, next: Token | undefined): boolean {
        if (!TARGET_WORDS.has(token.image) || !this.isPrintedText(text, token, previous, next)) return false;
        return beforePrevious === undefined || beforePrevious.endLine !== previous!.startLine || this.languages[beforePrevious.tokenTypeIdx] === 0;
    }

    /**
     * A word alone after a row's title (a qualitative target's) or, with `afterActual`, after 实际
     * (an actual's, as the 实际完成值 cell prints it: `实际 已建立`), up to the next clause or the line's end.
     */
    private isPrintedText(text: string, token: Token, previous: Token | undefined, next: Token | undefined, afterActual = false): boolean {
        if (previous === undefined || previous.endLine !== token.startLine) return false;
        if (previous.tokenTypeIdx !== this.string.tokenTypeIdx && !(afterActual && this.actualKeywords.has(previous.tokenTypeIdx))) return false;
        const sameLine = next !== undefined && next.startLine === token.endLine;
        if (sameLine && next.tokenTypeIdx !== this.close.tokenTypeIdx && !this.words.has(next.image)) return false;
        // Nothing the lexer skipped (an open quote, a stray sign) around it, but a label's colon (`实际完成值：已建立`): that is a broken row, not a target.
        if (!BLANK_OR_COLON.test(text.slice(previous.endOffset! + 1, token.startOffset))) return false;
        let end = sameLine ? next.startOffset : text.indexOf('\n', token.endOffset!);
        if (end < 0) end = text.length;
        return BLANK_OR_COMMENT.test(text.slice(token.endOffset! + 1, end));
    }
}

type Token = LexerResult['tokens'][number];

/**
 * Punctuation that says nothing the language does not, read as a space where it stands alone,
 * glued to the token before it on the same line:
 * - a colon, as forms print labels (`其中：财政拨款`, `实际完成值：89.19%`) and officers type them
 *   (`来源："工单系统"`, `分值: 30`);
 * - a semicolon, between two clauses as a comma is (`≥3个；来源 "台账"`), and a full stop that ends
 *   a line (`实际 91%。`, `违约 "扣款"；`), as prose ends a sentence;
 * - brackets around a unit's denominator (`元/(人·年)`, unit-brackets.ts);
 * - a yuan sign glued before a number (`¥2,360,000.00元`, `￥500万元`): the unit after it says the currency.
 * Chevrotain skips such a character as a lexing error (no token matches it); the error is taken
 * out. Elsewhere (a line starting with it, `：：`, a full stop between two clauses) it stays an
 * error. The characters stay in the text: the formatter changes only white space.
 */
function keepSilentPunctuationOut(text: string, result: LexerResult): void {
    if (result.errors.length === 0) return;
    const tokens = result.tokens;
    /** The closing bracket of a unit's denominator whose opening one was read. */
    let closing = -1;
    const kept = result.errors.filter(error => {
        const mark = error.length === 1 ? text[error.offset]! : '';
        if (error.offset === closing) return false;
        if (YUAN.test(mark) && /\d/.test(text[error.offset + 1] ?? '')) return false;
        const brackets = OPENING_BRACKET.test(mark) ? unitBracketsAt(text, error.offset) : undefined;
        if (brackets) {
            closing = brackets.close;
            return false;
        }
        const silent = LABEL_COLON.test(mark) || CLAUSE_SEMICOLON.test(mark) || (SENTENCE_END.test(mark) && endsLine(text, error.offset + 1));
        if (!silent) return true;
        const before = tokens[firstPassing(tokens, t => t.startOffset >= error.offset) - 1];
        return before === undefined || before.endOffset! + 1 !== error.offset;
    });
    if (kept.length < result.errors.length) replaceErrors(result.errors, kept);
}

/** The keyword of a printed word's language: `Excellent` → excellent, `优秀` → 优. */
function inLanguageOf(word: string, keyword: Bilingual): string {
    return /^[a-z]/i.test(word) ? keyword.en : keyword.zh;
}

/** Takes words glued to a percent sign or a date, or values in words, out of the tokens, as lexing errors (syntax-errors.ts says what to write). */
function dropGluedWords(result: LexerResult, glued: ReadonlySet<Token>): void {
    result.tokens = result.tokens.filter(t => !glued.has(t));
    const errors = [...glued].map(t => ({ offset: t.startOffset, length: t.image.length, line: t.startLine, column: t.startColumn, message: '' }));
    replaceErrors(result.errors, [...result.errors, ...errors].sort((a, b) => a.offset - b.offset));
}

/** Words that join two bounds (`不低于 80% 且 不高于 90%`, `at least 80% and at most 90%`). */
const BOUND_JOINS: ReadonlySet<string> = new Set([...BOUND_JOIN_WORDS, ...BOUND_JOIN_WORDS_EN]);

/** Where a join word and a comparator word follow in a word (`元且不高于20元`: at 且), or -1. */
function boundJoinIn(word: string): number {
    for (const m of word.matchAll(BOUND_JOIN_IN_WORD)) {
        if (signWordAtStart(word.slice(m.index + m[0].length)) !== undefined) return m.index;
    }
    return -1;
}

const BOUND_JOIN_IN_WORD = new RegExp(BOUND_JOIN_WORDS.join('|'), 'g');

/** A unit that begins with a place word and a digit (`万5千人` after `3`): the number goes on in it. */
const PLACE_THEN_DIGIT = /^[十百千万亿]\d/;
/** A unit that is a place word alone (`万` of `3万 人`). */
const PLACES = /^[十百千万亿]$/;

/**
 * Each number and its unit at `units` (the unit's index among the tokens) become one lexing error
 * over both (`3万5千人`), with the unit word printed apart after them (`3万5千 人`: `apart`), which
 * syntax-errors.ts says in digits, as a value in Chinese numerals (or, `2023年3月1日至6月30日`, as a period with its year once).
 */
function joinNumbersInPlaceWords(result: LexerResult, units: readonly number[], apart: (at: number) => boolean): void {
    const tokens = result.tokens;
    const dropped = new Set<Token>();
    const errors = units.map(at => {
        const number = tokens[at - 1]!;
        const unit = apart(at) ? tokens[at + 1]! : tokens[at]!;
        dropped.add(number).add(tokens[at]!).add(unit);
        return { offset: number.startOffset, length: unit.endOffset! + 1 - number.startOffset, line: number.startLine, column: number.startColumn, message: '' };
    });
    result.tokens = tokens.filter(t => !dropped.has(t));
    replaceErrors(result.errors, [...result.errors, ...errors].sort((a, b) => a.offset - b.offset));
}

/** Puts `kept` in the place of the lexer's errors, in the array the passes and Langium hold. */
function replaceErrors(errors: LexerResult['errors'], kept: LexerResult['errors']): void {
    errors.length = 0;
    for (const e of kept) errors.push(e);
}

/** What a name follows on its line: a block's brace, a list's comma, a qualified name's dot. */
/** The first characters of a target relative to last year (较上年, 比上年, 同比). */
const RELATIVE_START = /^[较比同]/;
const RELATIVE_CHARACTERS = /[较比同]/;

/** Keywords that a form prints as a row's whole qualitative target (isTargetWord). */
const TARGET_WORDS: ReadonlySet<string> = new Set(['达标', '完成', '达成', '优', '良', '中', '差', '无']);

const NAME_BEFORE = new Set(['{', ',', '，', '、', '.']);

const LABEL_COLON = /^[:：]$/;
/** Blanks, and a label's colon among them. */
const BLANK_OR_COLON = /^[ \t\u3000:：]*$/;
/** Blanks within a line, or nothing. */
const BLANKS = /^[ \t\u3000]*$/;
const SENTENCE_END = /^[。；;]$/;
const CLAUSE_SEMICOLON = /^[；;]$/;
const OPENING_BRACKET = /^[(（]$/;
const YUAN = /^[¥￥]$/;
/** Only blanks, and perhaps a line comment, from `at` to the end of the line or of the text. */
function endsLine(text: string, at: number): boolean {
    LINE_END.lastIndex = at;
    return LINE_END.test(text);
}

const LINE_END = /[ \t\u3000]*(?:\/\/[^\n\r]*)?(?:[\r\n]|$)/y;

/** What readSignWords makes of a word: its tokens, how many of the lexer's next tokens they cover, the errors they explain or add, and a rest to read in turn. */
interface SignWordRead {
    readonly tokens: Token[];
    readonly consumed: number;
    readonly explained?: LexerResult['errors'];
    readonly error?: LexerResult['errors'][number];
    readonly rest?: Token;
}

/** The opening bracket of a note before its 含, blanks around it (the 8 characters before the 含). */
const OPENING_BRACKET_BEFORE = /[（(][ \t\u3000]*$/;

/** How far back from a bound its value's comparator may stand: a number and a unit of a few words (元/人*月). */
const MAX_VALUE_TOKENS = 12;

/**
 * What follows the year of a printed date: a day (`年6月30日`), a month (`年6月`) or a quarter
 * (`年第四季度`, read as its last month), or a month's, a quarter's or the year's end (`年6月底`,
 * `年第四季度末`, `年底`: a month, which as a deadline means its last day).
 */
function printedDateTail(image: string): 'day' | 'month' | 'end' | undefined {
    const m = /^年(?:\d{1,2}月(?:(\d{1,2})日|([底末]))?|第?[一二三四1-4]季度([底末])?|([底末]))$/.exec(image);
    return !m ? undefined : m[1] !== undefined ? 'day' : m[2] ?? m[3] ?? m[4] ? 'end' : 'month';
}

/**
 * What a number and the word glued after it print: a year and its date's tail (`2023` `年6月30日`), or a
 * year and month printed with a dot, then 月 (`2023.6` `月底`, which `2023.6` alone is not: a number).
 */
function printedDateAfter(number: string, tail: string): 'day' | 'month' | 'end' | undefined {
    if (/^\d{4}$/.test(number)) return printedDateTail(tail);
    const dotted = DOTTED_MONTH.exec(number);
    return dotted && tail.startsWith('月') ? printedDateTail(`年${dotted[1]}${tail}`) : undefined;
}

/** Whether a number glued to the word `tail` can be the year of a printed date (printedDateAfter). */
function isYearBefore(number: string, tail: string): boolean {
    return /^\d{4}$/.test(number) || (DOTTED_MONTH.test(number) && tail.startsWith('月'));
}

const DOTTED_MONTH = /^\d{4}\.(\d{1,2})$/;

/** What joins a period's dates as forms print it: 至, or 到. */
const UNTIL_WORD = /[至到]/;

/** A word that ends with what is to be done by a date: the date's tail, 前, and the done text (splitDoneText). */
const DONE_TEXT = new RegExp(`^(.*?)((?:之前|以前|前)?)(${DONE_PHRASE})$`, 'u');
const DONE_ALONE = new RegExp(`^${DONE_PHRASE}$`, 'u');

const NUMBER = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** A printed date's month or day. */
const DAY_OR_MONTH = /^\d{1,2}$/;
/** 底 or 末: a month's end, before 前 (`2023-06底前`). */
const MONTH_END = /^[底末]/;
/** A date or month printed with dots or slashes (separatedDate), glued to a comparator word (`不晚于2023.6.30`). */
const SEPARATED_DATE = /\d{4}(?:\.\d{1,2}\.|\/\d{1,2}\/)\d{1,2}(?![\d.])/y;
const SEPARATED_MONTH = /\d{4}\/\d{1,2}(?![\d./])/y;
const SEPARATED_DATE_END = /(?:^|[^\d./])\d{4}(?:\.\d{1,2}\.\d{1,2}|\/\d{1,2}(?:\/\d{1,2})?)$/;

/** What may stand between a qualitative target's word and what follows it: blanks, a comment. */
const BLANK_OR_COMMENT = /^[ \t\u3000\r]*(?:\/\/.*|\/\*.*?\*\/[ \t\u3000\r]*)?$/;

// Asked of every word, so the characters are compared as codes: a regular expression per
// character (walking back over a row's indentation) was a sixth of lexing.

/** Blanks between a number or unit operator and its unit: no line break. */
function isBlank(c: number): boolean {
    return c === 0x20 || c === 0x09 || c === 0x3000;
}

/** Characters that may stand in a number or a name (a name's, `.`, `-`); a number glued to one of them is part of a name or date. */
function isWordOrNumberChar(c: number): boolean {
    return isNamePart(c) || c === 0x2e || c === 0x2d;
}

/** Whether `offset` follows a number or a unit operator on the same line. */
function followsNumberOrUnitOperator(text: string, offset: number): boolean {
    let end = offset;
    while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
    if (end === 0) return false;
    const before = text.charCodeAt(end - 1);
    if (before === 0xb7) return true; // ·
    // The bracket that opens a unit's denominator (`元/(人·年)`).
    if ((before === 0x28 || before === 0xff08) && unitBracketsAt(text, end - 1)) return true;
    // Full-width ／ and ＊ (a syntax error, syntax-errors.ts): the word after them is still the unit's, not the next row's name.
    if (before === 0xff0f || before === 0xff0a) return true;
    if (before === 0x2f) return text.charCodeAt(end - 2) !== 0x2a; // a `/` not closing a comment
    if (before === 0x2a) return text.charCodeAt(end - 2) !== 0x2f; // a `*` not opening one
    if (before < 0x30 || before > 0x39) return false;
    // A date printed with dots or slashes (2021/3/5 N: the next milestone, as after 2021-3-5).
    if (SEPARATED_DATE_END.test(text.slice(Math.max(0, end - 12), end))) return false;
    // The number is the whole run of word characters ending here, so that no digits of a
    // name (率2) or a date (2021-03) count; or that run but a comparator word glued before it
    // (不超过20 in `不超过20秒`, see readSignWords).
    let start = end;
    while (start > 0 && isWordOrNumberChar(text.charCodeAt(start - 1))) start--;
    if (start === end) return false;
    const run = text.slice(start, end);
    if (NUMBER.test(run)) return true;
    const sign = signWordAtStart(run);
    return sign !== undefined && !onlyBeforeDates(sign) && NUMBER.test(run.slice(sign.length));
}
