// Quick fixes for syntax/* diagnostics.
import { TextEdit } from 'vscode-languageserver';
import { boundOp, comparatorOp, noteExcludes } from '../../units/index.js';
import { periodWithYearOnce } from '../../parser/year-periods.js';
import { AS_NAME_DATA, halfWidthOf, monthBeforeBound, quarterBeforeBound, rangeAround, rangeTarget, valueInWords, wordAfterValue } from '../../validation/syntax-errors.js';
import type { Fix } from './fix-context.js';

/** syntax/lexing: what the skipped characters were meant to be (see describeLexingError). */
export const fixLexing: Fix = (d, ctx) => [...straightenQuotes(d, ctx), ...halfWidth(d, ctx), ...writeDigits(d, ctx), ...writeSecondYear(d, ctx), ...dropBound(d, ctx), ...writeRange(d, ctx), ...bracketWord(d, ctx)];

/** syntax/parsing: a range the parser met (`95%-100%`: its `-100`), a period with its year once (in a value's place, syntax/lexing). */
export const fixParsing: Fix = (d, ctx) => [...writeRange(d, ctx), ...writeSecondYear(d, ctx), ...quoteName(d, ctx)];

/** A keyword where a name stands (`要求 总分 "总分" >= 90%`): the name in quotes, as describeSyntaxError says. */
const quoteName: Fix = (d, ctx) => {
    const keyword = (d.data as Record<string, unknown> | undefined)?.[AS_NAME_DATA];
    if (typeof keyword !== 'string') return [];
    const { start } = d.range;
    const edit = TextEdit.replace({ start, end: { line: start.line, character: start.character + keyword.length } }, `"${keyword}"`);
    return ctx.action({ zh: `写作 "${keyword}"`, en: `Write "${keyword}"` }, [edit], [d], true);
};

/** A period printed with its year once (`2023年1月至12月`): the year before the second date too. */
const writeSecondYear: Fix = (d, ctx) => {
    const { line, character } = d.range.start;
    const text = ctx.lineText(line);
    const period = periodWithYearOnce(text, character);
    if (!period) return [];
    const edit = TextEdit.replace({ start: { line, character }, end: { line, character: character + period.printed.length } }, period.written);
    return ctx.action({ zh: `写作「${period.written}」`, en: `Write '${period.written}'` }, [edit], [d], true);
};

/**
 * A printed range at the dash, tilde or 至 a diagnostic starts at (`3～5 个`): one value, as the
 * message says (the lower end with `>=`; a cost's upper end with `<=`), or the end a comparator
 * before it points to, and the other end kept as a remark after it, which nothing reads
 * (`>= 3 个（上限 5 个）`; none for a rate up to 100%); a period, its end with `<=` (`<= 2023-06-30（开始 2023-03-01）`).
 */
const writeRange: Fix = (d, ctx) => {
    const { textDocument } = ctx.document;
    const text = textDocument.getText();
    const range = rangeAround(text, textDocument.offsetAt(d.range.start), 1);
    if (!range) return [];
    // The comparator printed before the range, if one is: the word before it on the line.
    const lineStart = textDocument.offsetAt({ line: d.range.start.line, character: 0 });
    const signed = comparatorOp(/(\S+)[ \t]*$/.exec(text.slice(lineStart, range.start))?.[1] ?? '');
    const { end, op, other, otherIsUpper } = rangeTarget(range, signed);
    // A period's other date: where it starts, or ends.
    const remark = range.dates ? (otherIsUpper ? ctx.kw({ zh: `（结束 ${other}）`, en: ` (ends ${other})` }) : ctx.kw({ zh: `（开始 ${other}）`, en: ` (starts ${other})` }))
        : otherIsUpper && /^100[%％]$/.test(other) ? ''
        : otherIsUpper ? ctx.kw({ zh: `（上限 ${other}）`, en: ` (upper limit ${other})` }) : ctx.kw({ zh: `（下限 ${other}）`, en: ` (lower limit ${other})` });
    const value = `${signed ? '' : `${op} `}${end}${remark}`;
    const edit = TextEdit.replace({ start: textDocument.positionAt(range.start), end: textDocument.positionAt(range.end) }, value);
    return ctx.action({ zh: `写作「${value}」`, en: `Write '${value}'` }, [edit], [d], true);
};

/**
 * syntax/lexing on a Chinese quotation mark (`项目 P “热线” {`): the string's ends as `"`, the
 * mark and its partner on the same line (the next ” after a “, the last “ before a ”).
 */
const straightenQuotes: Fix = (d, ctx) => {
    const { line, character } = d.range.start;
    const text = ctx.lineText(line);
    const mark = text[character];
    if (mark !== '“' && mark !== '”') return [];
    const partner = mark === '“' ? text.indexOf('”', character + 1) : text.lastIndexOf('“', character - 1);
    const at = (c: number) => TextEdit.replace({ start: { line, character: c }, end: { line, character: c + 1 } }, '"');
    const edits = partner < 0 ? [at(character)] : [at(Math.min(character, partner)), at(Math.max(character, partner))];
    return ctx.action({ zh: '将中文引号改为字符串的引号 "', en: 'Use " for the string\'s quotation marks' }, edits, [d], true);
};

/** The characters a syntax/lexing diagnostic covers, on its line. */
function skippedText(d: Parameters<Fix>[0], ctx: Parameters<Fix>[1]): string {
    const { start, end } = d.range;
    return start.line === end.line ? ctx.lineText(start.line).slice(start.character, end.character) : '';
}

/** syntax/lexing on a value printed in Chinese numerals (`百分之九十五以上`, `3万5千 人`): the value in digits, as the message says. */
const writeDigits: Fix = (d, ctx) => {
    const { start, end } = d.range;
    const value = start.line === end.line ? valueInWords(ctx.lineText(start.line), start.character, end.character) : undefined;
    if (value === undefined) return [];
    return ctx.action({ zh: `写作「${value}」`, en: `Write '${value}'` }, [TextEdit.replace(d.range, value)], [d], true);
};

/** syntax/lexing on full-width signs (`项目 P "p" ｛` typed in full-width mode): their half-width forms. */
const halfWidth: Fix = (d, ctx) => {
    const half = halfWidthOf(skippedText(d, ctx));
    if (half === undefined) return [];
    return ctx.action({ zh: `改为半角「${half}」`, en: `Write it half-width: '${half}'` }, [TextEdit.replace(d.range, half)], [d], true);
};

/**
 * syntax/lexing on a bound the lexer left out: after a printed month, `2023年6月前`, its end
 * (`月底前`), and after a quarter (`第四季度末前`); after a value whose comparator it contradicts (`<= 95%以上`), deleting it.
 */
const dropBound: Fix = (d, ctx) => {
    const { start, end } = d.range;
    if (start.line !== end.line) return [];
    const line = ctx.lineText(start.line);
    const skipped = line.slice(start.character, end.character);
    const month = monthBeforeBound(line, start.character, end.character);
    if (month) {
        return month.printed
            ? ctx.action({ zh: `写作「${month.month}月底${skipped}」（该月最后一天）`, en: `Write '${month.month}月底${skipped}' (the month's last day)` },
                [TextEdit.insert(start, '底')], [d], true)
            : [];
    }
    const quarter = quarterBeforeBound(line, start.character, end.character);
    if (quarter) {
        return ctx.action({ zh: `写作「${quarter.printed}末${skipped}」（该季度最后一天）`, en: `Write '${quarter.printed}末${skipped}' (the quarter's last day)` },
            [TextEdit.insert(start, '末')], [d], true);
    }
    if (boundOp(skipped) === undefined && noteExcludes(skipped) === undefined) return [];
    return ctx.action({ zh: `删除「${skipped}」，保留值前的比较符`, en: `Delete '${skipped}' and keep the comparator before the value` }, [TextEdit.del(d.range)], [d], true);
};

/** syntax/lexing on a word glued to a percentage or a date (`100%覆盖`): the word in brackets, a remark nothing reads. */
const bracketWord: Fix = (d, ctx) => {
    const { start, end } = d.range;
    if (start.line !== end.line) return [];
    const line = ctx.lineText(start.line);
    const value = wordAfterValue(line, start.character, end.character);
    if (!value) return [];
    const word = line.slice(start.character, end.character);
    const remark = ctx.kw({ zh: `（${word}）`, en: `(${word})` });
    return ctx.action({ zh: `写作备注「${value}${remark}」`, en: `Write it as a remark: '${value}${remark}'` }, [TextEdit.replace(d.range, remark)], [d], true);
};
