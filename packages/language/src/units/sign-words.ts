// Comparators as forms print them in words: before a value (不低于95%) or after it (95%以上).
// One table for the lexer (typed .kpi text) and the workbook reader (cells), so both read a
// printed target the same way.
import type { Op } from './constraint.js';

/**
 * Before a value. As the Civil Code reads these words (民法典 第一千二百五十九条), 超过 and 不满
 * leave the value out; so do 高于, 低于, 多于, 少于 and 不足, which say more or less than it.
 */
const BEFORE: Readonly<Record<string, Op>> = {
    '大于等于': '>=', '大于或等于': '>=', '不低于': '>=', '不少于': '>=', '不小于': '>=', '至少': '>=', '达到': '>=', '不早于': '>=',
    '小于等于': '<=', '小于或等于': '<=', '不高于': '<=', '不超过': '<=', '不多于': '<=', '不大于': '<=', '至多': '<=', '最多': '<=',
    '不晚于': '<=', '不迟于': '<=', '最迟': '<=', '最晚': '<=',
    '等于': '=',
    '大于': '>', '超过': '>', '高于': '>', '多于': '>',
    '小于': '<', '低于': '<', '少于': '<', '不足': '<', '不满': '<',
};

/**
 * The same in English, as an English form prints them (`at least 95%`, `no later than 2023-06-30`):
 * words in any case, apart by blanks. 超过 is `more than`, 低于 `less than` (the value left out).
 * `by` and `before` only before a date (DATES_ONLY), where they say what 前 says: by that day
 * (`2023年6月30日前`, `before 2023-06-30`); `after` there too, later than that day.
 */
const BEFORE_EN: Readonly<Record<string, Op>> = {
    'at least': '>=', 'no less than': '>=', 'not less than': '>=', 'no fewer than': '>=', 'not fewer than': '>=', 'no earlier than': '>=', 'not earlier than': '>=',
    'at most': '<=', 'no more than': '<=', 'not more than': '<=', 'up to': '<=', 'within': '<=', 'no later than': '<=', 'not later than': '<=',
    'by': '<=', 'before': '<=',
    'equal to': '=',
    'more than': '>', 'greater than': '>', 'higher than': '>', 'over': '>', 'above': '>', 'later than': '>', 'after': '>',
    'less than': '<', 'fewer than': '<', 'lower than': '<', 'under': '<', 'below': '<', 'earlier than': '<',
};

/** Words of BEFORE_EN that are comparators only before a date: `by 95%` says nothing of which way. */
const DATES_ONLY: ReadonlySet<string> = new Set(['by', 'before', 'after']);

/** English words as one key of BEFORE_EN: lower case, one space between them. */
const englishKey = (words: string) => words.toLowerCase().split(/[ \t\u3000]+/).join(' ');

/** Whether a comparator word is one only before a date (`by`, `Before`). */
export function onlyBeforeDates(word: string): boolean {
    return DATES_ONLY.has(englishKey(word));
}

/**
 * Words that join a bound from below and one from above as forms print them (`不低于80%且不高于90%`,
 * `at least 80% and at most 90%`): a range, which the language writes as one bound. English ones stand apart (BOUND_JOIN_WORDS_EN).
 */
export const BOUND_JOIN_WORDS: readonly string[] = ['并且', '而且', '同时', '且', '和'];
export const BOUND_JOIN_WORDS_EN: readonly string[] = ['and'];

/** Longest first, so that 大于等于 is not read as 大于 (an English phrase ends at its last letter: `overall` is a name). */
const BEFORE_AT_START = new RegExp(`^(?:${Object.keys(BEFORE).sort((a, b) => b.length - a.length).join('|')}|(?:${
    Object.keys(BEFORE_EN).sort((a, b) => b.length - a.length).map(p => p.split(' ').join('[ \\t\\u3000]+')).join('|')})(?![a-z]))`, 'i');
/** Their first characters: the lexer asks of every word, and most begin with none of them. */
const FIRST_CHARACTERS = new Set([...Object.keys(BEFORE), ...Object.keys(BEFORE_EN), ...Object.keys(BEFORE_EN).map(w => w.toUpperCase())].map(word => word.charCodeAt(0)));

/** The comparator word a text begins with (`不低于` in `不低于95%`, `at least` in `at least 95%`), if any. */
export function signWordAtStart(text: string): string | undefined {
    return FIRST_CHARACTERS.has(text.charCodeAt(0)) ? BEFORE_AT_START.exec(text)?.[0] : undefined;
}

/** The Op of a comparator word (`不低于` → `>=`, `At  least` → `>=`). */
export function signWordOp(word: string): Op | undefined {
    if (Object.hasOwn(BEFORE, word)) return BEFORE[word];
    const key = englishKey(word);
    return Object.hasOwn(BEFORE_EN, key) ? BEFORE_EN[key] : undefined;
}

/** The first words of English comparators of more than one word (`at` of `at least`), with the words that follow, longest first. */
const ENGLISH_PHRASES = new Map<string, string[][]>();
for (const phrase of Object.keys(BEFORE_EN).sort((a, b) => b.length - a.length)) {
    const [first, ...rest] = phrase.split(' ');
    if (rest.length > 0) ENGLISH_PHRASES.set(first!, [...(ENGLISH_PHRASES.get(first!) ?? []), rest]);
}

/** Whether a word may begin an English comparator of more than one word (`at`, `No`). */
export function beginsEnglishSign(word: string): boolean {
    return word.charCodeAt(0) < 0x80 && ENGLISH_PHRASES.has(word.toLowerCase());
}

/**
 * How many of `words` (a word and the words after it on its line, as the lexer reads them) an
 * English comparator of more than one word takes (`at least` of `at least 95`: 2), or 0.
 */
export function englishSignWords(words: readonly string[]): number {
    const rests = ENGLISH_PHRASES.get(words[0]!.toLowerCase());
    const rest = rests?.find(r => r.every((w, i) => words[i + 1]?.toLowerCase() === w));
    return rest ? rest.length + 1 : 0;
}

/** After a value, in English (`95% or more`, `30 s or less`): the value included, as 以上 and 以下 include it. */
const AFTER_EN: Readonly<Record<string, Op>> = {
    'or more': '>=', 'or above': '>=', 'or higher': '>=', 'or over': '>=', 'and above': '>=', 'or later': '>=',
    'or less': '<=', 'or below': '<=', 'or lower': '<=', 'or fewer': '<=', 'or under': '<=', 'and below': '<=', 'or earlier': '<=',
};
const AFTER_EN_ENDING = new RegExp(`(?<![a-z])(?:${Object.keys(AFTER_EN).map(p => p.split(' ').join('[ \\t\\u3000]+')).join('|')})[ \\t\\u3000]*$`, 'i');

/** Whether two words after a value are an English bound (`or more`). */
export function isEnglishBound(first: string, second: string): boolean {
    return first.charCodeAt(0) < 0x80 && Object.hasOwn(AFTER_EN, `${first.toLowerCase()} ${second.toLowerCase()}`);
}

/**
 * After a value: 以上, 以下, 以内 (and 及以上, 或以下, 之内), which include the value (民法典
 * 第一千二百五十九条), with the note forms print after them or before them: `以上（含）`,
 * `以下（不含）`, `90%（含）以上`; 内 alone after a unit of time or distance (`30分钟内`,
 * `3个工作日内`, `500米内`). After a day, 前 (之前, 以前): by that day, and what is to be done by
 * then may follow (`2023年12月31日前完成`).
 */
const NOTE_SOURCE = (group: string) => `[（(][ \\t\\u3000]*(${group}不)?含[ \\t\\u3000]*[)）]`;
/** 内 alone: after these characters (秒, 分钟, 小时, 天, 工作日, 周, 月, 年, 米, 公里) or symbols (h, min, s, d, m, km), within. */
const WITHIN = '(?<=[秒钟分时天日周月年米里]|(?<![A-Za-z])(?:h|min|s|d|m|km))内';
const numberBoundSource = (within: string) => `(?:${NOTE_SOURCE('?<before>')}[ \\t\\u3000]*)?(?:及|或)?(?<word>以上|以下|以内|之内|${within})(?:[ \\t\\u3000]*${NOTE_SOURCE('?<after>')})?`;
// At the start of a text the unit is cut off before the bound: 内 is taken as found.
const NUMBER_BOUND = new RegExp(`^${numberBoundSource('内')}`);
const NUMBER_BOUND_ENDING = new RegExp(`${numberBoundSource(WITHIN)}[ \\t\\u3000]*$`);
const NOTE = new RegExp(`^${NOTE_SOURCE('?<not>')}`);
const NOTE_ENDING = new RegExp(`${NOTE_SOURCE('?<not>')}[ \\t\\u3000]*$`);
/** What a deadline's row is about, after 前: `2023年11月30日前完成`. */
export const DONE_WORD = '(?:完成|完工|竣工|建成|交付|验收|到位|上线|投运|投用|开工|启动|实施|办结|发放|拨付)';
/** A done word, if any. */
export const DONE_WORDS = `${DONE_WORD}?`;
/**
 * What is to be done by a date, as forms print it after the date or its 前 (`完成`, `全部完成`,
 * `已完成`, `建成并投入使用`): a remark, the date is what counts. A regular expression's source, for the `u` flag.
 */
export const DONE_PHRASE = `(?:已?(?:全部|全面|基本|如期|按期|按时)?${DONE_WORD}(?:并\\p{Script=Han}{1,12})?)`;
const DAY_BOUND = new RegExp(`^(?:之前|以前|前)${DONE_WORDS}`);
const MONTH_END = /^[底末]/;
/** The last characters of the Chinese bounds (`以上`, `内`, `前完成`): the lexer asks of every word, and most end in none. */
const DONE: ReadonlySet<string> = new Set(DONE_WORD.match(/\p{Script=Han}+/gu)!);
export const BOUND_LAST_CHARACTERS: ReadonlySet<number> = new Set([...'上下内前', ...[...DONE].map(word => word.at(-1)!)].map(c => c.charCodeAt(0)));

/** Whether a word says only that something is done (`完成`, `建成`), as after a deadline or a value: `100%完成`. */
export function isDoneWord(word: string): boolean {
    return DONE.has(word);
}
const NUMBER_BOUND_AT_END = new RegExp(`(?:及|或)?(?:以上|以下|以内|之内|${WITHIN})$`);
const DAY_BOUND_AT_END = new RegExp(`(?:之前|以前|前)${DONE_WORDS}$`);

/** The bound a text begins with (`以上（含）` in `以上（含）的`, `（含）以上`; after a day, `前`), if any. */
export function boundAtStart(text: string, day: boolean): string | undefined {
    return (day ? DAY_BOUND : NUMBER_BOUND).exec(text)?.[0];
}

/** The Op of a bound (`以上` → `>=`, `以下（不含）` → `<`, `前` → `<=`, `or more` → `>=`). */
export function boundOp(bound: string): Op | undefined {
    if (DAY_BOUND.exec(bound)?.[0] === bound) return '<=';
    // A month's end before it, glued to a printed month (`2023-06底前`).
    if (MONTH_END.test(bound) && DAY_BOUND.exec(bound.slice(1))?.[0].length === bound.length - 1) return '<=';
    const english = englishKey(bound);
    if (Object.hasOwn(AFTER_EN, english)) return AFTER_EN[english];
    const m = NUMBER_BOUND.exec(bound);
    if (!m || m[0].length !== bound.length) return undefined;
    const above = m.groups!['word'] === '以上';
    if (m.groups!['before'] || m.groups!['after']) return above ? '>' : '<';
    return above ? '>=' : '<=';
}

/** The bound that ends a printed value (`95%以上（含）`, `95%（含）以上`, `95% or more`) and where it begins, if any. */
export function boundAtEnd(text: string): { bound: string; index: number } | undefined {
    const m = NUMBER_BOUND_ENDING.exec(text) ?? AFTER_EN_ENDING.exec(text);
    return m ? { bound: m[0].trimEnd(), index: m.index } : undefined;
}

/** The note a text begins with (`（含）`, `(不含)`), if any. */
export function noteAtStart(text: string): string | undefined {
    return NOTE.exec(text)?.[0];
}

/** The note that ends a printed value (`≥95%（含）`) and where it begins, if any. */
export function noteAtEnd(text: string): { note: string; index: number } | undefined {
    const m = NOTE_ENDING.exec(text);
    return m ? { note: m[0].trimEnd(), index: m.index } : undefined;
}

/** Whether a note leaves the value out (（不含）) or includes it (（含）); undefined for text that is no note. */
export function noteExcludes(note: string): boolean | undefined {
    const m = NOTE.exec(note);
    return !m || m[0].length !== note.length ? undefined : m.groups!['not'] !== undefined;
}

/**
 * Whether a note printed after a value agrees with the comparator before it: （含） with ≥, ≤
 * and =, which include the value, （不含） with > and <. Undefined for text that is no note.
 */
export function noteAgrees(note: string, op: Op | undefined): boolean | undefined {
    const excludes = noteExcludes(note);
    if (excludes === undefined) return undefined;
    return excludes ? op === '>' || op === '<' : op === '>=' || op === '<=' || op === '=';
}

/** Where a word ends with a bound (1 in `人以上`; after a day, 6 in `年6月30日前`), or -1. */
export function boundStartIn(word: string, day: boolean): number {
    // A bound is at most four characters (之前完成): the regular expression looks at those only, not at every start in a long word.
    const tail = word.length > 4 ? word.slice(-4) : word;
    const index = (day ? DAY_BOUND_AT_END : NUMBER_BOUND_AT_END).exec(tail)?.index;
    return index === undefined ? -1 : word.length - tail.length + index;
}
