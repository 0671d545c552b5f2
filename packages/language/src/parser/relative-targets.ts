/**
 * Targets printed relative to last year (`较上年提高5%`, `比2022年增长 10 个百分点`, `同比下降3%`):
 * the language compares values, so the lexer does not read them as a qualitative target's
 * words, and the syntax error says what to write (syntax-errors.ts).
 */

/** A change against last year (or a named year) as forms print it, up to its value. */
const RELATIVE_TO_LAST_YEAR = /^(?:较上年|比上年|较去年|比去年|同比|[较比]\d{4}年(?:度)?)[^\d\n]{0,8}\d+(?:\.\d+)?[ \t]*(?:%|％|个百分点)?/;
const FALLS = /下降|降低|减少|压缩|缩短|缩减/;

/** The relative target printed at `offset` of `text`, and whether it falls, or undefined. */
export function relativeTargetAt(text: string, offset: number): { printed: string; falls: boolean } | undefined {
    const printed = RELATIVE_TO_LAST_YEAR.exec(text.slice(offset, offset + 40))?.[0].trimEnd();
    return printed === undefined ? undefined : { printed, falls: FALLS.test(printed) };
}
