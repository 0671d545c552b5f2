/**
 * A period printed in whole years (`2023年至2024年`, `2023年-2025年`, `2023-2025年`, `2023年 到 2024年`):
 * the lexer reads each year as a month (the first as its January, the second as its December,
 * KpiValueConverter) and the dash or 到 between them as 至.
 */

/** What joins a period's years: 至, 到 and dashes (`-` last, as a character class reads it literally). */
const SEPARATOR_CHARACTERS = '至到—–～~－-';

/** The years and what joins them; the second year's 年 is printed, the first's may be left out (`2023-2025年`). */
const YEAR_PERIOD = new RegExp(`(?<![\\d.\\-/])(\\d{4})([ \\t\\u3000]*年)?[ \\t\\u3000]*([${SEPARATOR_CHARACTERS}])[ \\t\\u3000]*(\\d{4})[ \\t\\u3000]*年(?=$|[\\s,，;；。)）]|\\/\\/|\\/\\*)`, 'gmu');

/**
 * Whether `text` may hold one, asked of every text before the pass looks at tokens: a 年 after a
 * year after a dash, 至 or 到. Character codes, no regular expression: a form has hundreds of 年.
 */
export function mayHoldYearPeriod(text: string): boolean {
    for (let at = text.indexOf('年'); at >= 0; at = text.indexOf('年', at + 1)) {
        let i = skipBlanksBack(text, at);
        let digits = 0;
        while (digits < 4 && i > 0 && isDigit(text.charCodeAt(i - 1))) [i, digits] = [i - 1, digits + 1];
        if (digits === 4 && SEPARATORS.has(text.charCodeAt(skipBlanksBack(text, i) - 1))) return true;
    }
    return false;
}

const SEPARATORS: ReadonlySet<number> = new Set([...SEPARATOR_CHARACTERS].map(c => c.charCodeAt(0)));

function skipBlanksBack(text: string, end: number): number {
    let i = end;
    while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\u3000')) i--;
    return i;
}

function isDigit(code: number): boolean {
    return code >= 0x30 && code <= 0x39;
}

export interface YearPeriod {
    /** The first year as printed (`2023年`, `2023`), from `start`. */
    readonly first: { start: number; end: number };
    /** What joins them (至, 到, a dash). */
    readonly until: { start: number; end: number };
    /** The second year as printed, with its 年. */
    readonly second: { start: number; end: number };
}

/** The periods in whole years that `text` prints, in text order. */
export function yearPeriodsIn(text: string): YearPeriod[] {
    const found: YearPeriod[] = [];
    for (const m of text.matchAll(YEAR_PERIOD)) {
        const start = m.index;
        const firstEnd = start + 4 + (m[2]?.length ?? 0);
        const untilStart = text.indexOf(m[3]!, firstEnd);
        const secondStart = text.indexOf(m[4]!, untilStart + m[3]!.length);
        found.push({
            first: { start, end: firstEnd },
            until: { start: untilStart, end: untilStart + m[3]!.length },
            second: { start: secondStart, end: start + m[0].length },
        });
    }
    return found;
}

/** A year read as a month (`2023年`, `2023 年`, `2023`): the first of a period is its January, any other its December. */
export const BARE_YEAR = /^(\d{4})(?:[ \t\u3000]*年)?$/;

/** A period printed with the year once: 2023年1月至12月, 2023年1月1日至12月31日. */
const PERIOD_WITHOUT_SECOND_YEAR = /^(\d{4})年(\d{1,2}月(?:\d{1,2}日)?)[ \t]*至[ \t]*(\d{1,2}月(?:\d{1,2}日)?)/;

/** The period printed with its year once at `offset` of `text`, and the same with the year twice. */
export function periodWithYearOnce(text: string, offset: number): { printed: string; written: string } | undefined {
    const m = PERIOD_WITHOUT_SECOND_YEAR.exec(text.slice(offset, offset + 40));
    return m ? { printed: m[0], written: `${m[1]}年${m[2]}至${m[1]}年${m[3]}` } : undefined;
}
