import type { IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
import { AstUtils, GrammarAST, GrammarUtils, type Grammar } from 'langium';
import { findFirstFeatures } from 'langium/lsp';
import { pick, type Bilingual, type Locale } from '../i18n/locale.js';
import { isKeywordOf, type KeywordLanguage } from '../lsp/keyword-language.js';
import { BOUND_JOIN_WORDS, BOUND_JOIN_WORDS_EN, boundOp, comparatorOp, direction, formatOp, isMoney, noteExcludes, isRelativeYearDeadline, numberInWords, signWordAtStart, spacedNumberInWords, writtenNumber, type Op } from '../units/index.js';
import { KpiSpecGrammar } from '../generated/grammar.js';
import { familyOfWord } from '../model/categories.js';
import { firstPassing } from '../sorted.js';
import { isEmptyCellMarkAt } from '../parser/empty-cells.js';
import { isBrackets } from '../parser/bracketed-names.js';
import { bracketedUnit } from '../parser/remarks.js';
import { SUPERSCRIPTS, UNIT_SYMBOLS } from '../parser/name-characters.js';
import { relativeTargetAt } from '../parser/relative-targets.js';
import { impossibleDate } from '../parser/impossible-dates.js';
import { quarterNumber } from '../parser/value-converter.js';
import { periodWithYearOnce } from '../parser/year-periods.js';

/**
 * Syntax errors in plain words and in the file's languages: the text found, and what may stand
 * there, as keywords of the file's keyword language. Chevrotain builds its messages while
 * parsing, before the file's locale is known, so the parser's messages here only record what
 * it expected (token type names, as JSON); the document validator renders them per file
 * (`describeSyntaxError`). Keywords come from the parser's own expectations, so keywords added
 * to the grammar appear without changes here.
 */
export class KpiParserErrorMessageProvider implements IParserErrorMessageProvider {
    private blockKeywords?: string[];

    constructor(private readonly grammar: Grammar) {}

    buildMismatchTokenMessage({ expected }: { expected: TokenType }): string {
        // The end of the file is expected after the last complete block, where a block may begin.
        return record(expected.name === 'EOF' ? this.blockStarts() : [expected.name]);
    }

    buildNotAllInputParsedMessage(): string {
        return record(this.blockStarts());
    }

    buildNoViableAltMessage({ expectedPathsPerAlt }: { expectedPathsPerAlt: TokenType[][][] }): string {
        return record(expectedPathsPerAlt.flatMap(paths => paths.map(path => path[0]?.name)));
    }

    buildEarlyExitMessage({ expectedIterationPaths }: { expectedIterationPaths: TokenType[][] }): string {
        return record(expectedIterationPaths.map(path => path[0]?.name));
    }

    /** The keywords that begin a top-level block (项目, contract …), from the grammar's entry rule. */
    private blockStarts(): string[] {
        return this.blockKeywords ??= findFirstFeatures(GrammarUtils.getEntryRule(this.grammar)!.definition)
            .flat().map(f => f.feature).filter(GrammarAST.isKeyword).map(k => k.value);
    }
}

interface Expectation {
    expected: string[];
}

function record(names: ReadonlyArray<string | undefined>): string {
    const expectation: Expectation = { expected: [...new Set(names.filter((n): n is string => n !== undefined))] };
    return JSON.stringify(expectation);
}

/** Terminals in words; a terminal added to the grammar without words here reads as "a value". */
const TERMINALS: Record<string, Bilingual> = {
    NUMBER: { zh: '数字', en: 'a number' },
    DATE: { zh: '日期（如 2021-03-31）', en: 'a date (2021-03-31)' },
    MONTH: { zh: '年月（如 2019-07）', en: 'a month (2019-07)' },
    STRING: { zh: '带引号的文字（"…"）', en: 'quoted text ("…")' },
    ID: { zh: '名称', en: 'a name' },
    UNIT: { zh: '单位', en: 'a unit' },
    SIGN: { zh: '比较词（如 不低于）', en: 'a comparator in words (at least, 不低于)' },
    BOUND: { zh: '以上、以下等', en: 'or more, or less, 以上, 以下 or the like' },
    PRINTED_TEXT: { zh: '定性目标的文字', en: "a qualitative target's words" },
};
const OTHER_TERMINAL: Bilingual = { zh: '一个值', en: 'a value' };
const END_OF_FILE: Bilingual = { zh: '文件结尾', en: 'the end of the file' };

/** Brackets say what they do; other symbols are quoted as they are. */
const SYMBOLS: Record<string, Bilingual> = {
    '{': { zh: '「{」（开始一块）', en: "'{' (to open a block)" },
    '}': { zh: '「}」（结束这一块）', en: "'}' (to close the block)" },
};

/** At most this many values and keywords are listed; the rest is "…". */
const MAX_LISTED = 12;
const MAX_FOUND = 30;

export interface SyntaxContext {
    /** The document's text. */
    text: string;
    locale: Locale;
    /** The keyword language of the file: only its keywords are offered. */
    language: KeywordLanguage;
    /** Names of the grammar's terminal rules; every other token type is a keyword. */
    terminals: ReadonlySet<string>;
    /** The keywords that open a clause (`实际`, `得分`, `来源` …), each with the clauses of its rows (parser/clause-commas.ts, clauseRows). */
    clauses: ReadonlyMap<string, ReadonlySet<string>>;
}

/**
 * The token before the one a parser error is at (Chevrotain's exceptions carry it; the interface
 * does not say so). Where Chevrotain recovers in a block's rows by skipping the stray row, it
 * records the last token it skipped instead (`合计` of a row `合计 "合计数" >= 1 个` that it read as
 * the row `"合计数"`): that one is not before the error, and the token before is unknown.
 */
export function previousTokenOf(error: IRecognitionException): IToken | undefined {
    const previous = (error as { previousToken?: IToken }).previousToken;
    return previous && previous.startOffset >= error.token.startOffset ? undefined : previous;
}

/**
 * A clause's keyword with nothing after it (`实际 分值 50`, `得分` at a line's end, `>=` before the
 * next row), or a row's keyword at a line's end where its name should follow (a half-typed `要求`):
 * the parser notices at the next token, often on the next line; the error is the keyword's, and
 * says that its value is missing.
 */
export function isEmptyClause(error: IRecognitionException, context: Pick<SyntaxContext, 'clauses' | 'terminals' | 'text'>): boolean {
    const before = previousTokenOf(error);
    if (!before) return false;
    const found = error.token;
    const nextLine = isEndOfFile(found) || found.startLine! > before.endLine!;
    if (nextLine && !context.terminals.has(before.tokenType?.name ?? '') && parseExpectation(error.message)?.expected.includes('ID')) return true;
    if (keywordAsName(error, context)) return false;
    if (!(context.clauses.has(before.image) || comparatorOp(before.image) !== undefined)) return false;
    return nextLine || found.image === '}' || context.clauses.has(found.image);
}

/**
 * A parser error in plain words: what was found and what may stand there (`following`: what may
 * follow the token before it, by the syntax tree, see syntax-continuations.ts).
 */
export function describeSyntaxError(error: IRecognitionException, context: SyntaxContext, following: readonly string[] = []): string {
    const expected = parseExpectation(error.message)?.expected;
    const list = expected ? alternatives([...following, ...expected], context) : [];
    const { locale } = context;
    const listed = list.join(locale === 'en' ? ', ' : '、');
    if (isEndOfFile(error.token)) {
        return pick(locale, {
            zh: '文件在此处提前结束' + (listed ? `；此处还应写：${listed}` : ''),
            en: 'The file ends too early' + (listed ? `; expected here: ${listed}` : ''),
        });
    }
    if (isEmptyClause(error, context)) {
        // The comparators a value may start with are no news after a clause's keyword: values and keywords only.
        const words = list.filter(w => !/^[「']/.test(w)).join(locale === 'en' ? ', ' : '、');
        const before = previousTokenOf(error)!.image;
        const keyword = shorten(before);
        // A row's or a link's keyword, where only a name may stand.
        if (expected?.includes('ID') && !expected.includes('NUMBER')) {
            return pick(locale, { zh: `「${keyword}」后没有写名称`, en: `'${keyword}' is not followed by a name` });
        }
        return pick(locale, {
            zh: `「${keyword}」后没有写值` + (words ? `；此处应写：${words}` : ''),
            en: `Nothing follows '${keyword}'` + (words ? `; expected: ${words}` : ''),
        });
    }
    const found = shorten(error.token.image);
    const asName = keywordAsName(error, context, following);
    if (asName) {
        return pick(locale, {
            zh: `「${found}」是关键字，不能直接作名称：作名称时加引号，写作 "${asName}"`,
            en: `'${found}' is a keyword and cannot stand as a name: in quotes it can, "${asName}"`,
        });
    }
    // A group opened where a row stands (`社会效益 {` read as a row): a group above it may have lost its `}`.
    const open = error.token.image === '{' ? braceLeftOpen(context.text, error.token.startOffset) : undefined;
    if (open) {
        const here = shorten(`${previousTokenOf(error)?.image ?? ''} {`.trim());
        return pick(locale, {
            zh: `这里不能写「${here}」：第 ${open.line} 行的「${shorten(open.opened)}」可能少了一个「}」（其后的「}」按缩进是外层的）`,
            en: `'${here}' cannot stand here: the '${shorten(open.opened)}' on line ${open.line} may be missing its '}' (the '}' after it lines up with an outer block)`,
        });
    }
    // A value printed as a range (`95%-100%`): the second value's minus sign glued to the first value.
    // The lexer reads a dash or a tilde between two dates as 至 (`2023-03-01~2023-06-30`).
    const separator = error.token.tokenType.name === 'NUMBER' && error.token.image.startsWith('-') ? 1 : RANGE_DASHES.test(error.token.image) || BOUND_JOIN.test(error.token.image) ? error.token.image.length : 0;
    const range = separator > 0 ? rangeAround(context.text, error.token.startOffset, separator) : undefined;
    if (range) return rangeMessage(range, locale);
    // A 自评表 row copied as printed holds the 年度指标值 before the actual (`指标 X ≥2000人 实际 2050`):
    // a comparator or a number right after an indicator line's name.
    if ((comparatorOp(error.token.image) !== undefined || error.token.tokenType.name === 'NUMBER')
        && INDICATOR_LINE_HEAD.test(lineBefore(context.text, error.token.startOffset) ?? '')) {
        return pick(locale, {
            zh: `自评的指标行不写指标值：「${found}」起的目标值写在项目的绩效指标里` + (listed ? `；此处可以写：${listed}` : ''),
            en: `An assessment's indicator line states no target: the target at '${found}' belongs to the project's indicators` + (listed ? `; this place can take: ${listed}` : ''),
        });
    }
    // A month printed with a dot (`2024.01 至 2024.12`) where a date stands: a number to the lexer.
    const dotted = expected?.includes('MONTH') ? DOTTED_MONTH.exec(error.token.image) : null;
    if (dotted) {
        const month = `${dotted[1]}-${dotted[2]!.padStart(2, '0')}`;
        return pick(locale, {
            zh: `「${found}」是年月：写作 ${month}`,
            en: `'${found}' is a month: write ${month}`,
        });
    }
    // A period whose second date leaves out the year (`2023年1月至12月`).
    const period = periodWithYearOnce(context.text, error.token.startOffset);
    if (period) return pick(locale, secondYearMissing(period));
    return pick(locale, {
        zh: `这一行不认识「${found}」` + (listed ? `；此处可以写：${listed}` : ''),
        en: `'${found}' is not understood here` + (listed ? `; this place can take: ${listed}` : ''),
    });
}

/**
 * The end of the file reached wanting a `}` that the text has: after an earlier error the
 * parser's recovery skipped tokens up to a `}` it then missed (`…来源 "台账"， 次数 …} } }` on one
 * line). The earlier error is the officer's; this one only the recovery's, when the text's braces pair.
 */
export function isRecoveryEnd(error: IRecognitionException, text: string): boolean {
    if (!isEndOfFile(error.token)) return false;
    const expected = parseExpectation(error.message)?.expected;
    return expected?.length === 1 && expected[0] === '}' && bracesPair(text);
}

/** Whether every `{` of the text has its `}`, strings and comments left out. */
function bracesPair(text: string): boolean {
    let depth = 0;
    for (const line of text.split('\n')) {
        const code = codeOf(line);
        for (const c of code) {
            if (c === '{') depth++;
            else if (c === '}' && --depth < 0) return false;
        }
    }
    return depth === 0;
}

/** A period printed with its year once: the year before the second date too. */
function secondYearMissing({ printed, written }: { printed: string; written: string }): Bilingual {
    return {
        zh: `「${printed}」至后的日期没有写年份：写作 ${written}`,
        en: `'${printed}': the date after 至 does not say its year: write ${written}`,
    };
}

function undatedDeadline(printed: string): Bilingual {
    return {
        zh: `「${printed}」没有写年份：请在月份前写明是哪一年`,
        en: `'${printed}' does not say which year: write the year before the month`,
    };
}

/** The data of a syntax/parsing diagnostic on a keyword where a name stands: the keyword, to quote. */
export const AS_NAME_DATA = 'asName';

/**
 * A word keyword where a name may stand: on the line of the keyword before it (`要求 总分 "总分"
 * >= 90%`: 总分 is the printed label of 合计; `指标 指标`), or first on a line where a row may begin,
 * with the rest of its row after it (`合计 "合计数" >= 1 个` in a group of indicators): the officer
 * meant a name, which a string can be. `following`: what may stand there (describeSyntaxError).
 * The keyword, for the quotes; undefined otherwise: a half-typed `指标` and the next line's keyword,
 * a clause's keyword with its own value after it where the clause before lacks its name (`依据 来源
 * "台账"`), a block's head (`项目 Q "q" {`) where a `}` is missing.
 */
export function keywordAsName(error: IRecognitionException, context: Pick<SyntaxContext, 'terminals' | 'clauses' | 'text'>, following: readonly string[] = []): string | undefined {
    const { image, tokenType, startLine, startOffset } = error.token;
    if (context.terminals.has(tokenType?.name ?? '') || !/^[\p{L}\p{N}-]+$/u.test(image)) return undefined;
    const before = previousTokenOf(error);
    const rest = () => codeOf(lineAfter(context.text, startOffset + image.length)).trim();
    if (before && before.endLine === startLine) {
        if (!parseExpectation(error.message)?.expected.includes('ID')) return undefined;
        // The row's next clause, its own value after it: the clause before lacks its name.
        const nextClause = image !== before.image && context.clauses.get(before.image)?.has(image) === true && rest() !== '';
        return nextClause ? undefined : image;
    }
    if (!following.includes('ID') || lineBefore(context.text, startOffset)?.trim() !== '') return undefined;
    const row = rest();
    return row !== '' && !row.startsWith('{') && !row.endsWith('{') ? image : undefined;
}

/** The rest of the line from `offset`, up to MAX_LINE characters (a pasted line may hold thousands of errors). */
function lineAfter(text: string, offset: number): string {
    const line = text.slice(offset, offset + MAX_LINE);
    const end = line.indexOf('\n');
    return end < 0 ? line : line.slice(0, end);
}

/** The most of a line after a keyword that is looked at; a block's `{` ends a short line. */
const MAX_LINE = 2_000;

/**
 * The block before `offset` whose `}` seems missing: braces paired in order, the first `{` whose `}`
 * (the first thing on its line) is indented as an outer line is, not as the line the `{` ends. Its
 * line (1-based) and what opens it (`质量指标 {`); undefined when every `}` lines up. Strings and comments
 * are left out; a block opened and closed on one line pairs by itself.
 */
function braceLeftOpen(text: string, offset: number): { line: number; opened: string } | undefined {
    const open: Array<{ line: number; indent: number; opened: string }> = [];
    const lines = text.slice(0, offset).split('\n');
    for (const [i, written] of lines.entries()) {
        const line = codeOf(written);
        const indent = /^[ \t]*/.exec(line)![0].length;
        for (let c = 0; c < line.length; c++) {
            if (line[c] === '{') open.push({ line: i + 1, indent, opened: line.slice(indent, c + 1).trim() });
            else if (line[c] === '}') {
                const block = open.pop();
                if (block && c === indent && indent < block.indent) return block;
            }
        }
    }
    return undefined;
}

/** A line's code for pairing braces: strings emptied, a line comment left out. */
function codeOf(line: string): string {
    return line.replace(/"(?:\\.|[^"\\])*"/g, '""').replace(/\/\/.*$/, '');
}

/** The longest a line's head is looked at before an error (a row's name and title): a pasted line of thousands of errors stays linear. */
const MAX_HEAD = 160;

/** The text of the line before `offset`, if it begins within MAX_HEAD characters of it. */
function lineBefore(text: string, offset: number): string | undefined {
    const from = Math.max(0, offset - MAX_HEAD);
    const head = text.slice(from, offset);
    const newline = head.lastIndexOf('\n');
    return newline >= 0 || from === 0 ? head.slice(newline + 1) : undefined;
}

/** A year and a month joined by a dot, as forms print them (`2024.01`). */
const DOTTED_MONTH = /^(\d{4})\.(0?[1-9]|1[0-2])$/;

/** An assessment's indicator line up to its name (`指标 X `, `indicator "接通率" `). */
const INDICATOR_LINE_HEAD = /^[ \t\u3000]*(?:指标|indicator)[ \t\u3000]+(?:"[^"\n]*"|[^\s"]+)[ \t\u3000]*$/;

/** Chinese quotation marks, which a Chinese input method types for `"`: text inside a string, never its ends. */
const CHINESE_QUOTES = /^[“”]/;

/** What the language writes for a form's empty cell (isEmptyCellMarkAt). */
export function describeEmptyCellMark(mark: string, locale: Locale): string {
    return pick(locale, {
        zh: `「${shorten(mark)}」不是数值：表中的“${shorten(mark)}”表示未填写。实际值写作 未统计（应统计而未统计）或 不适用 "理由"（无须统计）；其他各项未填写时删去该项`,
        en: `'${shorten(mark)}' is not a value: a form's "${shorten(mark)}" means nothing was filled in. Write an actual as 未统计 / unmeasured (it should have been counted) or 不适用 / n/a "reason" (nothing was due); leave out any other clause that was not filled in`,
    });
}

/**
 * The half-width form of full-width characters (｛, ＂, ＡＢ; digits are read as digits, full-width.ts), which an input method in
 * full-width mode types, when the language has a use for it; undefined otherwise (～, ＃).
 */
export function halfWidthOf(skipped: string): string | undefined {
    if (!/^[\uff01-\uff5e]+$/.test(skipped)) return undefined;
    const half = skipped.normalize('NFKC');
    return /^[\w.\/*{}"%,=<>-]+$/.test(half) ? half : undefined;
}

/**
 * The characters the lexer skipped (`text.slice(start, end)`), quoted; for a quotation mark, what
 * strings need instead: the officer meant a string (`“热线”` typed by an input method, or `"` left
 * open at the line's end); for a form's empty-cell mark, how the language says what it meant; for
 * full-width digits and signs, their half-width forms.
 */
export function describeLexingError(text: string, start: number, end: number, locale: Locale): string {
    const skipped = text.slice(start, end);
    const impossible = impossibleDate(skipped);
    if (impossible) {
        return pick(locale, {
            zh: `「${skipped}」不是有效日期：${impossible.zh}`,
            en: `'${skipped}' is not a date: ${impossible.en}`,
        });
    }
    // A target printed relative to last year (KpiLexer.readRelativeTargets): the value itself is what is compared.
    const relative = relativeTargetAt(text, start);
    if (relative?.printed.length === end - start) {
        // A fall (下降 5%) is a target from above: 90% last year, <= 85.5%.
        const example = relative.falls ? '<= 85.5%' : '>= 94.5%';
        return pick(locale, {
            zh: `「${shorten(skipped)}」是相对上年的目标：请写出目标值本身（如上年 90% 时写 ${example}），上年的实际值写在「上年」里`,
            en: `'${shorten(skipped)}' is a target relative to last year: write the target value itself (${example} after 90% last year) and last year's actual in the 'last-year' clause`,
        });
    }
    // A dash between two values is a range's (`3—5 个`), not a form's empty cell.
    const range = rangeAround(text, start, end - start);
    if (range) return rangeMessage(range, locale);
    if (isEmptyCellMarkAt(text, start, end)) return describeEmptyCellMark(skipped, locale);
    const half = halfWidthOf(skipped);
    if (half !== undefined) {
        return pick(locale, {
            zh: `全角字符「${shorten(skipped)}」：数字和符号请用半角，写作「${shorten(half)}」`,
            en: `Full-width characters '${shorten(skipped)}': write numbers and signs half-width, '${shorten(half)}'`,
        });
    }
    const month = monthBeforeBound(text, start, end);
    if (month) return pick(locale, undatedMonthMessage(month.year, month.month, skipped));
    const quarter = quarterBeforeBound(text, start, end);
    if (quarter) {
        const { year, printed } = quarter;
        const [first, last] = [3 * quarter.quarter - 2, 3 * quarter.quarter];
        return pick(locale, {
            zh: `「${year}年${printed}${skipped}」说不清是季度初还是季度末：写明日期，如 ${year}年${printed}末${skipped}（即 ${year}年${last}月的最后一天）或 ${year}-${pad(first)}-01 前`,
            en: `'${skipped}' after the quarter ${year}年${printed} does not say whether its start or its end: write the day, e.g. ${year}年${printed}末${skipped} (the last day of ${year}-${pad(last)}) or ${year}-${pad(first)}-01 前`,
        });
    }
    // A period with its year once where a value stands (`2023年3月1日至6月30日`, KpiLexer: no 2023 of a unit 年3月1日至6月30日).
    const period = periodWithYearOnce(text, start);
    if (period?.printed.length === end - start) return pick(locale, secondYearMissing(period));
    // A deadline printed without its year (KpiLexer.boundWord), or after a year said in words (`次年3月底前`).
    if (/^\d{1,2}月(?:\d{1,2}日|[底末])?(?:之|以)?前$/.test(skipped) || isRelativeYearDeadline(skipped)) return pick(locale, undatedDeadline(skipped));
    // A value printed in Chinese numerals (`百分之九十五以上`), which the language reads in digits.
    const inWords = valueInWords(text, start, end);
    if (inWords) {
        return pick(locale, {
            zh: `「${skipped}」是用汉字写的数值：数值用数字写，写作 ${inWords}`,
            en: `'${skipped}' is a number in words: write numbers in digits, ${inWords}`,
        });
    }
    // A bound the lexer did not read because the comparator before the value says otherwise (KpiLexer.boundWord).
    const bound = boundOp(skipped);
    if (bound !== undefined) {
        return pick(locale, {
            zh: `「${skipped}」即 ${formatOp(bound)}，与值前的比较符矛盾：两者只写一个`,
            en: `'${skipped}' means ${formatOp(bound)} and contradicts the comparator before the value: write one of them`,
        });
    }
    // A note after a value that the comparator before it contradicts (KpiLexer.noteAfterValue).
    const excludes = noteExcludes(skipped);
    if (excludes !== undefined) {
        return pick(locale, {
            zh: `「${skipped}」即${excludes ? '不含' : '含'}该值，与值前的比较符矛盾：两者只写一个`,
            en: `'${skipped}' ${excludes ? 'leaves the value out' : 'includes the value'} and contradicts the comparator before the value: write one of them`,
        });
    }
    // A unit in brackets after a value (KpiLexer.readRemarks).
    const unit = bracketedUnit(skipped);
    if (unit !== undefined) {
        return pick(locale, {
            zh: `单位不加括号：「${skipped}」写作「${unit}」`,
            en: `A unit takes no brackets: write '${skipped}' as '${unit}'`,
        });
    }
    // A printed title with brackets where a name stands is read as the name (KpiLexer.readBracketedNames),
    // and a remark after a value is read past (KpiLexer.readRemarks).
    if (isBrackets(skipped)) {
        return pick(locale, {
            zh: `括号「${skipped}」只能写在名称里、引号中的文字里或值后的备注里`,
            en: `Brackets ('${skipped}') may stand only in a name, in quoted text or in a remark after a value`,
        });
    }
    if (CHINESE_QUOTES.test(skipped)) {
        return pick(locale, {
            zh: `中文引号「${shorten(skipped)}」不能作字符串的引号：字符串写作 "…"，中文引号只能写在字符串里面`,
            en: `The Chinese quotation mark '${shorten(skipped)}' cannot start or end a string: write strings as "…" (Chinese quotes may stand inside them)`,
        });
    }
    // A cell's text pasted with its line break (KpiLexer, joinStringsBrokenAcrossLines).
    if (skipped.length > 1 && skipped.startsWith('"') && skipped.endsWith('"') && skipped.includes('\n')) {
        return pick(locale, {
            zh: '引号中的文字换了行：字符串须写在同一行内，请去掉文字中的换行',
            en: 'The quoted text breaks across lines: a string stands on one line; take the line break out',
        });
    }
    if (skipped.startsWith('"')) {
        return pick(locale, {
            zh: '字符串没有在本行结束：「"」须在同一行内再写一个「"」结束字符串',
            en: 'The string is not closed on this line: a string ends with " on the same line',
        });
    }
    // U+FFFD is what an editor shows for bytes it could not read as UTF-8: a GBK file opened as UTF-8.
    if (skipped.includes('\ufffd')) {
        return pick(locale, {
            zh: `无法识别的字符「${shorten(skipped)}」：文件没有按 UTF-8 读入（例如 GBK 文件）；请按其编码重新打开，再另存为 UTF-8`,
            en: `Unrecognised characters '${shorten(skipped)}': the file was not read as UTF-8 (a GBK file, say); reopen it with its encoding and save it as UTF-8`,
        });
    }
    // A word glued to a percent sign or a date (KpiLexer.gluedToValue); 至 and the value after it, a range's end (`80%至90%`).
    const glued = skipped.startsWith('至') || BOUND_JOIN.test(skipped) ? rangeAround(text, start, 1) : undefined;
    if (glued) return rangeMessage(glued, locale);
    const value = wordAfterValue(text, start, end);
    if (value) {
        return pick(locale, {
            zh: `值 ${value} 后的「${shorten(skipped)}」不是单位，也不是以上、以下、前之类的词：文字可写在括号里作备注（${value}（${shorten(skipped)}）），或写进说明`,
            en: `'${shorten(skipped)}' after the value ${value} is neither a unit nor a word such as or more: words can go in brackets as a remark (${value}(${shorten(skipped)})) or in the note`,
        });
    }
    return pick(locale, {
        zh: `无法识别的字符「${shorten(skipped)}」`,
        en: `Unrecognised characters '${shorten(skipped)}'`,
    });
}

/**
 * What a value printed in Chinese numerals (`百分之九十五以上`, `3万5千 人`: the characters the lexer
 * skipped, `text.slice(start, end)`) is written as in digits (`>= 95%`, `35000 人`), for the message and
 * its quick fix alike. After a comparator (`>= 百分之九十五以上`) the value alone: the comparator stays,
 * as where a bound contradicts it (dropBound).
 */
export function valueInWords(text: string, start: number, end: number): string | undefined {
    const skipped = text.slice(start, end);
    const value = spacedNumberInWords(skipped) ?? numberInWords(skipped);
    if (!value) return undefined;
    const signed = comparatorAtEnd(lineBefore(text, start) ?? '') !== undefined;
    return writtenNumber(signed ? { ...value, op: undefined } : value);
}

/**
 * A printed range's two values, around a dash, a tilde or 至: each a date (`2023-03-01`, `2023年3月1日`: group 1),
 * or a number (2) and what may follow it (`%`, a unit: 3).
 */
const RANGE_VALUE = `(?:(\\d{4}(?:-\\d{1,2}-\\d{1,2}|/\\d{1,2}/\\d{1,2}|年\\d{1,2}月\\d{1,2}日))(?![\\d.])|(\\d+(?:\\.\\d+)?)[ \\t]*([%％‰]|[\\p{L}${UNIT_SYMBOLS}${SUPERSCRIPTS}/]+)?)`;
const RANGE_START = new RegExp(`${RANGE_VALUE}[ \\t]*$`, 'u');
const RANGE_END = new RegExp(`^[ \\t]*${RANGE_VALUE}`, 'u');
const RANGE_DASHES = /^(?:-|－|—|–|~|～|〜|至)$/;

/**
 * A printed range: as printed at [start, end) of the text, and its ends, each with the unit of
 * either end; `cost` when that unit is money or the range stands under 成本指标 (a cost's target is
 * its upper end, as target/no-comparator reads a bare amount); `dates` when its ends are dates, a
 * period, whose target is a deadline, its end.
 */
export interface PrintedRange {
    readonly printed: string;
    readonly start: number;
    readonly end: number;
    readonly low: string;
    readonly high: string;
    readonly cost: boolean;
    readonly dates: boolean;
}

/**
 * What a range is written as: the lower end with `>=`, or the upper end with `<=` for a cost or after
 * a comparator printed before it that bounds from above (`signed`), and the other end, which can go in a note.
 */
export function rangeTarget(range: PrintedRange, signed?: Op): { end: string; op: '>=' | '<='; other: string; otherIsUpper: boolean } {
    const upper = signed === undefined ? range.cost || range.dates : direction(signed) === 'lower';
    return upper ? { end: range.high, op: '<=', other: range.low, otherIsUpper: false } : { end: range.low, op: '>=', other: range.high, otherIsUpper: true };
}

/**
 * The range printed around the dash, tilde or 至 at `text[at, at + length)` (`95%-100%`, `3～5 个`),
 * or the two-sided bound joined at `at` (`不低于80%且不高于90%`, twoSidedBound); undefined where no
 * value stands on either side of it on its line. A keyword after a value is no unit of it (`20 来源` ends at 20).
 */
export function rangeAround(text: string, at: number, length: number): PrintedRange | undefined {
    const separator = text.slice(at, at + length);
    if (!RANGE_DASHES.test(separator)) return twoSidedBound(text, at);
    // `10 -3` is a number and a negative one; `10-30`, `10 - 30` a range.
    const blank = (c: string | undefined) => c === ' ' || c === '\t';
    if ((separator === '-' || separator === '－') && blank(text[at - 1]) !== blank(text[at + length])) return undefined;
    const before = text.slice(Math.max(0, at - 40), at);
    const lineStart = at - before.length + before.lastIndexOf('\n') + 1;
    const low = RANGE_START.exec(text.slice(lineStart, at));
    const high = RANGE_END.exec(text.slice(at + length, at + length + 40));
    if (!low || !high) return undefined;
    return printedRange(text, at, lineStart + low.index, low, at + length, high);
}

/** The range a whole text prints (a workbook's cell: `80%至90%`, `不低于80%且不高于90%`), if it is one. */
export function printedRangeIn(text: string): PrintedRange | undefined {
    const trimmed = text.trim();
    for (let at = 1; at < trimmed.length - 1; at++) {
        const range = rangeAround(trimmed, at, 1);
        if (range) return range.start === 0 && range.end === trimmed.length ? range : undefined;
    }
    return undefined;
}

/**
 * A range from its two values as matched: `low` (RANGE_START) from `lowAt`, `high` (RANGE_END) from `highFrom`; `at` what joins them.
 * Undefined for a date and a number (`2023-03-01至5`), no range.
 */
function printedRange(text: string, at: number, lowAt: number, low: RegExpExecArray, highFrom: number, high: RegExpExecArray): PrintedRange | undefined {
    const dates = low[1] !== undefined;
    if (dates !== (high[1] !== undefined)) return undefined;
    const highUnit = isRangeUnit(high[3]) ? high[3] : undefined;
    const unit = (isRangeUnit(low[3]) ? low[3] : undefined) ?? highUnit;
    const start = lowAt;
    const end = highFrom + (highUnit || high[3] === undefined ? high[0].length : high[0].length - high[3].length);
    const withUnit = (n: string) => (unit === undefined ? n : /^[%％‰]$/.test(unit) ? `${n}${unit}` : `${n} ${unit}`);
    return {
        printed: text.slice(start, end).trim(), start, end: start + text.slice(start, end).trimEnd().length,
        low: dates ? low[1]! : withUnit(low[2]!), high: dates ? high[1]! : withUnit(high[2]!), cost: !dates && (isMoney(unit) || inCostGroup(text, at)), dates,
    };
}

/** What joins the two bounds of a two-sided bound as forms print it (`且`, `、`, `，`, `and`, which ends at its last letter). */
const BOUND_JOIN = new RegExp(`^(?:${BOUND_JOIN_WORDS.join('|')}|、|，|,|(?:${BOUND_JOIN_WORDS_EN.join('|')})(?![A-Za-z]))`, 'i');
/** The longest join word, for the text looked at. */
const BOUND_JOIN_LENGTH = Math.max(2, ...[...BOUND_JOIN_WORDS, ...BOUND_JOIN_WORDS_EN].map(w => w.length));
/**
 * A comparator as a sign or in words before a value, ending the text before the first value (`不低于`, `≥`,
 * `no less than`): the last words, up to three (an English comparator's).
 */
const COMPARATOR_BEFORE = /((?:\S+[ \t]+){0,2}\S+)[ \t]*$/;

/**
 * A two-sided bound printed as two comparators and their values, joined at `at` (`不低于80%且不高于90%`,
 * `≥80%、≤90%`, `大于等于80%，小于等于90%`): a range, its ends each bounded by its own comparator,
 * one from below and one from above, in either order. As printed, from the first comparator.
 */
function twoSidedBound(text: string, at: number): PrintedRange | undefined {
    const join = BOUND_JOIN.exec(text.slice(at, at + BOUND_JOIN_LENGTH + 1))?.[0];
    if (!join) return undefined;
    const before = text.slice(Math.max(0, at - 40), at);
    const lineStart = at - before.length + before.lastIndexOf('\n') + 1;
    const first = RANGE_START.exec(text.slice(lineStart, at));
    if (!first) return undefined;
    const firstAt = lineStart + first.index;
    const sign = comparatorAtEnd(text.slice(lineStart, firstAt));
    const after = text.slice(at + join.length, at + join.length + 40);
    const blanks = /^[ \t]*/.exec(after)![0].length;
    const secondSign = signAtStart(after.slice(blanks));
    if (!sign || !secondSign) return undefined;
    const second = RANGE_END.exec(after.slice(blanks + secondSign.text.length));
    if (!second || sign.op === '=' || secondSign.op === '=' || direction(sign.op) === direction(secondSign.op)) return undefined;
    const range = printedRange(text, at, firstAt - sign.length, first, at + join.length + blanks + secondSign.text.length, second);
    // The upper bound printed first (`不高于90%且不低于80%`): its value is the high end.
    return range && direction(sign.op) === 'lower' ? { ...range, low: range.high, high: range.low } : range;
}

/**
 * The comparator ending `text` (the sign or words before a bound's value, glued to what precedes
 * them or not: `"接通率"不低于`; English words apart: `no less than`), the longest that is one, and its
 * length there with the blanks after it.
 */
function comparatorAtEnd(text: string): { op: Op; length: number } | undefined {
    const m = COMPARATOR_BEFORE.exec(text);
    if (!m) return undefined;
    const words = m[1]!;
    const last = /\S+$/.exec(words)![0];
    // The last three or two words (`no less than`, `at least`), then the end of the last word, longest first.
    const starts = [...words.matchAll(/\S+/g)].map(w => w.index).filter(i => i < words.length - last.length);
    for (let k = Math.min(last.length, 6); k > 0; k--) starts.push(words.length - k);
    for (const start of starts) {
        const op = comparatorOp(words.slice(start));
        if (op !== undefined) return { op, length: m[0].length - start };
    }
    return undefined;
}

/** The comparator a text begins with: a sign (`≤`, `<=`) or words (`不高于`). */
function signAtStart(text: string): { op: Op; text: string } | undefined {
    const sign = /^(?:>=|<=|＞＝|＜＝|[≥≧≤≦＞＜><])/.exec(text)?.[0] ?? signWordAtStart(text);
    const op = sign === undefined ? undefined : comparatorOp(sign);
    return op === undefined ? undefined : { op, text: sign! };
}

/**
 * Whether `at` stands inside a 成本指标 / cost group, or a group inside one, by the braces before it:
 * a syntax error's message is written from the text, as the syntax tree around it may be broken.
 * Worked out for the whole text once (a pasted table may hold thousands of ranges), then looked up.
 */
function inCostGroup(text: string, at: number): boolean {
    if (costGroups?.text !== text) costGroups = { text, ...costGroupsOf(text) };
    const i = firstPassing(costGroups.at, offset => offset >= at) - 1;
    return i >= 0 && costGroups.cost[i]!;
}

let costGroups: { text: string; at: number[]; cost: boolean[] } | undefined;

/** At each brace of the text, whether what follows it stands in a cost group: a group is one by its keyword, or inside one. */
function costGroupsOf(text: string): { at: number[]; cost: boolean[] } {
    const at: number[] = [];
    const cost: boolean[] = [];
    const open: boolean[] = [];
    for (let i = 0; i < text.length; i++) {
        if (text[i] === '{') {
            const family = familyOfWord(/([^\s{}]+)\s*$/.exec(text.slice(Math.max(0, i - 24), i))?.[1] ?? '');
            // A block that is no group (绩效指标, the project) holds no cost.
            open.push(family === 'cost' || (family !== undefined && (open.at(-1) ?? false)));
        } else if (text[i] === '}') open.pop();
        else continue;
        at.push(i);
        cost.push(open.at(-1) ?? false);
    }
    return { at, cost };
}

function isRangeUnit(unit: string | undefined): boolean {
    return unit !== undefined && (/^[%％‰]$/.test(unit) || !keywords().has(unit));
}

let keywordSet: ReadonlySet<string> | undefined;

/** The grammar's keywords: a word after a range that is one (`10 至 20 来源`) is no unit of it. */
function keywords(): ReadonlySet<string> {
    return keywordSet ??= new Set(AstUtils.streamAllContents(KpiSpecGrammar()).filter(GrammarAST.isKeyword).map(k => k.value));
}


/** The percentage or date a skipped word is glued to (`100%` before `覆盖`, `2023-06-30` before `止`), or undefined. */
export function wordAfterValue(text: string, start: number, end: number): string | undefined {
    const word = text.slice(start, end);
    // A bound is one the comparator contradicts (`<= 95%以上`), said above.
    if (!/^[\p{L}\p{N}_]+$/u.test(word) || boundOp(word) !== undefined) return undefined;
    return /(?:\d+(?:\.\d+)?[%％‰]|\d{4}(?:[-/.]\d{1,2}){1,2})$/.exec(text.slice(Math.max(0, start - 24), start))?.[0];
}

/** What a range is to be written as: one value, a target with its comparator (the lower end of a range of rates). */
function rangeMessage(range: PrintedRange, locale: Locale): string {
    return pick(locale, rangeWords(range));
}

/** rangeMessage's words, for a workbook's cell too. */
export function rangeWords(range: PrintedRange): Bilingual {
    const { end, op, otherIsUpper } = rangeTarget(range);
    if (range.dates) {
        return {
            zh: `「${shorten(range.printed)}」是时间段：此处只写一个日期，期限目标写作一个比较符和一个日期（如 ${op} ${end}），${otherIsUpper ? '结束' : '开始'}日期可写在说明里`,
            en: `'${shorten(range.printed)}' is a period: write one date here, a deadline as one comparator and one date (such as ${op} ${end}); the ${otherIsUpper ? 'end' : 'start'} date can go in the note`,
        };
    }
    return {
        zh: `「${shorten(range.printed)}」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 ${op} ${shorten(end)}），${otherIsUpper ? '上限' : '下限'}可写在说明里`,
        en: `'${shorten(range.printed)}' is a range: write one value here, a target as one comparator and one value (such as ${op} ${shorten(end)}); ${otherIsUpper ? 'an upper' : 'a lower'} limit can go in the note`,
    };
}

const pad = (month: number) => String(month).padStart(2, '0');

/** 前 after a month, in .kpi text and in a workbook's cell alike: which day is meant? */
export function undatedMonthMessage(year: number, month: number, before: string): Bilingual {
    return {
        zh: `「${year}年${month}月${before}」说不清是哪一天：写明日期，如 ${year}年${month}月底前（即 ${year}年${month}月的最后一天）或 ${year}-${pad(month)}-01 前`,
        en: `'${before}' after the month ${year}-${pad(month)} does not say which day: write the day, e.g. ${year}年${month}月底前 (its last day) or ${year}-${pad(month)}-01 前`,
    };
}

/**
 * The month before skipped characters that are 前 (`2023年6月前`, `2023.6月前`, `2023-06 前`, `2023/6前`; KpiLexer.boundWord
 * leaves it out, as it does not say by which day), or undefined.
 */
export function monthBeforeBound(text: string, start: number, end: number): { year: number; month: number; printed: boolean } | undefined {
    if (!/前$/.test(text.slice(start, end)) || boundOp(text.slice(start, end)) !== '<=') return undefined;
    const m = /(\d{4})\s*(?:[年.]\s*(\d{1,2})\s*月|[-/](\d{1,2}))\s*$/.exec(text.slice(Math.max(0, start - 16), start));
    return m ? { year: Number(m[1]), month: Number(m[2] ?? m[3]), printed: m[2] !== undefined } : undefined;
}

/** The quarter before skipped characters that are 前 (`2023年第四季度前`), as monthBeforeBound: `printed`, the quarter as printed. */
export function quarterBeforeBound(text: string, start: number, end: number): { year: number; quarter: number; printed: string } | undefined {
    if (!/前$/.test(text.slice(start, end)) || boundOp(text.slice(start, end)) !== '<=') return undefined;
    const m = /(\d{4})\s*年(第?([一二三四1-4])季度)\s*$/.exec(text.slice(Math.max(0, start - 16), start));
    return m ? { year: Number(m[1]), quarter: quarterNumber(m[3]!), printed: m[2]! } : undefined;
}

function parseExpectation(message: string): Expectation | undefined {
    try {
        const parsed = JSON.parse(message) as Partial<Expectation>;
        return Array.isArray(parsed.expected) ? { ...parsed, expected: parsed.expected.filter(n => typeof n === 'string') } : undefined;
    } catch {
        return undefined;
    }
}

/** The expected token types in words: values first (a name, a number), then keywords of the file's language, then symbols. */
function alternatives(names: readonly string[], { locale, language, terminals }: SyntaxContext): string[] {
    const keywords: string[] = [];
    const values: string[] = [];
    const symbols: string[] = [];
    for (const name of names) {
        if (name === 'EOF') values.push(pick(locale, END_OF_FILE));
        else if (terminals.has(name)) values.push(pick(locale, TERMINALS[name] ?? OTHER_TERMINAL));
        else {
            // Langium marks a keyword whose text is also a terminal's name.
            const keyword = name.endsWith(':KW') ? name.slice(0, -3) : name;
            if (/[\p{L}\p{N}]/u.test(keyword)) keywords.push(keyword);
            else symbols.push(SYMBOLS[keyword] ? pick(locale, SYMBOLS[keyword]) : quote(keyword, locale));
        }
    }
    // Each keyword exists in both languages: offer the file's; a keyword only the other language has stays.
    const own = keywords.filter(k => isKeywordOf(language, k));
    // Symbols last and never cut: `}` says the block may end here.
    const words = [...new Set(values), ...new Set(own.length > 0 ? own : keywords)];
    return [...(words.length > MAX_LISTED ? [...words.slice(0, MAX_LISTED), '…'] : words), ...new Set(symbols)];
}

function quote(text: string, locale: Locale): string {
    return locale === 'en' ? `'${text}'` : `「${text}」`;
}

function isEndOfFile(token: IToken): boolean {
    return token.tokenType?.name === 'EOF' || token.image === '';
}

function shorten(text: string): string {
    const chars = [...text.replace(/\s+/g, ' ')];
    return chars.length > MAX_FOUND ? `${chars.slice(0, MAX_FOUND).join('')}…` : chars.join('');
}
