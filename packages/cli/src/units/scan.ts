import { bracketedTitleAround, isNamePart, isNameStart, stringContent, withHalfWidthDigits } from '@kpispec/language/core';

/** What a file defines and may reference, read from its text without parsing it. */
export interface FileScan {
    /** Its top-level blocks as `kind name` (kind `project`, `standard` or `block`), in order. */
    readonly blocks: readonly string[];
    /** Every word and string outside comments: the names the file may reference, each once. */
    readonly mentions: readonly string[];
    /**
     * The names the file exports with their types, as the parser would give them (see
     * KpiScopeComputation): each block, then its contract clauses or standard entries by their
     * qualified names (`合同.条款`). The closest names of an unresolved reference come from them
     * for files of other shards, which this run does not parse.
     */
    readonly exports: ReadonlyArray<readonly [string, string]>;
}

/** A keyword that opens a top-level block: the block's type, and its kind (projects name units, standards are shared). */
interface Opener {
    readonly kind: 'project' | 'standard' | 'block';
    readonly type: string;
}

const BLOCK_KEYWORDS = new Map<string, Opener>(([
    ['项目', 'project', 'Project'], ['project', 'project', 'Project'], ['合同', 'block', 'Contract'], ['contract', 'block', 'Contract'],
    ['自评', 'block', 'Assessment'], ['assessment', 'block', 'Assessment'], ['履约考核', 'block', 'Compliance'], ['compliance', 'block', 'Compliance'],
    ['标准', 'standard', 'Standard'], ['standard', 'standard', 'Standard'],
] as const).map(([keyword, kind, type]) => [keyword, { kind, type }]));

/** The keywords that open an exported member of a block, by the block's type: the member's type. */
const MEMBER_KEYWORDS = new Map<string, ReadonlyMap<string, string>>([
    ['Contract', new Map([['条款', 'Clause'], ['clause', 'Clause']])],
    ['Standard', new Map([['要求', 'Requirement'], ['requirement', 'Requirement'], ['基准', 'Baseline'], ['baseline', 'Baseline']])],
]);

const SLASH = 0x2f, STAR = 0x2a, QUOTE = 0x22, BACKSLASH = 0x5c, LF = 0x0a, CR = 0x0d, OPEN = 0x7b, CLOSE = 0x7d;

/**
 * What may stand between a member's keyword and its name: whitespace, and a colon, which the
 * lexer reads as a space after a label (`条款：接通率`).
 */
function isSpaceOrColon(c: number): boolean {
    return c === 0x20 || c === 0x09 || c === LF || c === CR || c === 0x3000 || c === 0x3a || c === 0xff1a;
}

/** A name's characters after its first (name-characters.ts), full-width digits too: the lexer reads those as half-width (`批次１` is the name 批次1). */
function isScanNamePart(c: number): boolean {
    return isNamePart(c) || isFullWidthDigit(c);
}

function isFullWidthDigit(c: number): boolean {
    return c >= 0xff10 && c <= 0xff19;
}

/** `(` or `（`. */
function isBracket(c: number): boolean {
    return c === 0x28 || c === 0xff08;
}

/** A name as the lexer reads it: full-width digits half-width. */
function nameOf(word: string): string {
    return withHalfWidthDigits(word, [{ offset: 0, length: word.length }]) ?? word;
}

/** Where the grammar's STRING terminal starting at `start` (a quote) ends, past its closing quote; -1 if it does not close on its line. */
function stringEnd(text: string, start: number): number {
    for (let i = start + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) return i + 1;
        if (c === LF || c === CR) return -1;
        if (c === BACKSLASH) {
            // An escape takes any character but a line terminator (a regular expression's `.`).
            const next = text.charCodeAt(i + 1);
            if (Number.isNaN(next) || next === LF || next === CR || next === 0x2028 || next === 0x2029) return -1;
            i++;
        }
    }
    return -1;
}

/**
 * Finds the blocks a file defines and the names it mentions, reading the grammar's comment,
 * string and name (ID) terminals and braces and skipping everything else, at a fraction of the
 * cost of parsing (and of a regular expression, which made an array per token). It only groups
 * files into units: what it gets wrong in a file the parser reads differently (a syntax error)
 * is noticed after parsing (see checkUnitScans) and the run falls back to one workspace.
 */
export function scanFile(text: string, intern: (s: string) => string): FileScan {
    const blocks: string[] = [];
    const mentions = new Set<string>();
    const exports: Array<readonly [string, string]> = [];
    let depth = 0;
    let opening: Opener | undefined;
    /** The top-level block named last, while the file has not left it: its name and member keywords. */
    let block: { name: string; members: ReadonlyMap<string, string> | undefined } | undefined;
    /** The type of the member whose keyword came last in the block's body, until its name. */
    let member: string | undefined;
    const mention = (name: string, word: boolean) => {
        if (opening) {
            blocks.push(`${opening.kind} ${name}`);
            exports.push([name, opening.type]);
            block = { name, members: MEMBER_KEYWORDS.get(opening.type) };
        } else if (member) {
            exports.push([intern(`${block!.name}.${name}`), member]);
        }
        opening = depth === 0 && word ? BLOCK_KEYWORDS.get(name) : undefined;
        member = depth === 1 && word ? block?.members?.get(name) : undefined;
        mentions.add(name);
    };
    for (let i = 0; i < text.length;) {
        const c = text.charCodeAt(i);
        if (c === SLASH) {
            const next = text.charCodeAt(i + 1);
            if (next === SLASH) {
                i += 2;
                while (i < text.length && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
                continue;
            }
            const close = next === STAR ? text.indexOf('*/', i + 2) : -1;
            if (close < 0) member = undefined;
            i = close >= 0 ? close + 2 : i + 1;
        } else if (c === QUOTE) {
            const end = stringEnd(text, i);
            if (end < 0) {
                i++;
                continue;
            }
            mention(intern(stringContent(text.slice(i, end))), false);
            i = end;
        } else if (isNameStart(c)) {
            let end = i + 1;
            // Names are rarely written with full-width digits: only those are rewritten.
            let fullWidth = false;
            for (let part = text.charCodeAt(end); end < text.length && isScanNamePart(part); part = text.charCodeAt(++end)) fullWidth ||= isFullWidthDigit(part);
            // A printed title with brackets is one name where a name stands (KpiLexer.readBracketedNames):
            // a block's or a member's, a link's. Elsewhere (a unit) it names nothing either way.
            const title = isBracket(text.charCodeAt(end)) ? bracketedTitleAround(text, end) : undefined;
            const joined = title?.start === i;
            if (joined) end = title.end;
            const word = text.slice(i, end);
            mention(intern(fullWidth || joined ? nameOf(word) : word), true);
            i = end;
        } else {
            if (c === OPEN || c === CLOSE) {
                depth += c === OPEN ? 1 : depth > 0 ? -1 : 0;
                opening = undefined;
                if (depth === 0) block = undefined;
            }
            // A member's keyword followed by anything but its name (`条款 >= 95%`) names nothing.
            if (!isSpaceOrColon(c)) member = undefined;
            i++;
        }
    }
    return { blocks, mentions: [...mentions], exports };
}

/** The name of a `kind name` entry of FileScan.blocks. */
export function blockName(entry: string): string {
    return entry.slice(entry.indexOf(' ') + 1);
}

/**
 * V8 copies a substring shorter than this; a longer one is a slice that keeps the whole text
 * alive (its `SlicedString::kMinLength`).
 */
const SLICED_FROM = 13;

/** A string table, so that a name mentioned by thousands of files is held once (and not as a slice of one file's text). */
export function interner(): (s: string) => string {
    const table = new Map<string, string>();
    return s => {
        let held = table.get(s);
        if (held === undefined) table.set(s, held = s.length < SLICED_FROM ? s : Buffer.from(s, 'utf8').toString('utf8'));
        return held;
    };
}
