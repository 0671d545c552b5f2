import { ValueConverter } from 'langium';

/** What a file defines and may reference, read from its text without parsing it. */
export interface FileScan {
    /** Its top-level blocks as `kind name` (kind `project`, `standard` or `block`), in order. */
    readonly blocks: readonly string[];
    /** Every word and string outside comments: the names the file may reference, each once. */
    readonly mentions: readonly string[];
}

/** The keywords that open a top-level block, and the kind of block (projects name units, standards are shared). */
const BLOCK_KEYWORDS = new Map([
    ['项目', 'project'], ['project', 'project'], ['合同', 'block'], ['contract', 'block'],
    ['自评', 'block'], ['assessment', 'block'], ['履约考核', 'block'], ['compliance', 'block'],
    ['标准', 'standard'], ['standard', 'standard'],
]);

// The grammar's comment, string and name terminals (ID), and braces; everything else is skipped.
const TOKENS = /(\/\/[^\n\r]*|\/\*[\s\S]*?\*\/)|("(?:\\.|[^"\\\r\n])*")|([_a-zA-Z\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF][\w\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]*)|([{}])/g;

/**
 * Finds the blocks a file defines and the names it mentions with one regular expression, at a
 * fraction of the cost of parsing. It only groups files into units: what it gets wrong in a
 * file the parser reads differently (a syntax error) is noticed after parsing (see
 * checkUnitScans) and the run falls back to one workspace.
 */
export function scanFile(text: string, intern: (s: string) => string): FileScan {
    const blocks: string[] = [];
    const mentions = new Set<string>();
    let depth = 0;
    let opening: string | undefined;
    for (const match of text.matchAll(TOKENS)) {
        const [, comment, string, word, brace] = match;
        if (comment) continue;
        if (brace) {
            depth += brace === '{' ? 1 : depth > 0 ? -1 : 0;
            opening = undefined;
            continue;
        }
        const name = intern(string ? ValueConverter.convertString(string) : word!);
        if (opening) blocks.push(`${opening} ${name}`);
        opening = depth === 0 && word ? BLOCK_KEYWORDS.get(word) : undefined;
        mentions.add(name);
    }
    return { blocks, mentions: [...mentions] };
}

/** The name of a `kind name` entry of FileScan.blocks. */
export function blockName(entry: string): string {
    return entry.slice(entry.indexOf(' ') + 1);
}

/** A string table, so that a name mentioned by thousands of files is held once (and not as a slice of one file's text). */
export function interner(): (s: string) => string {
    const table = new Map<string, string>();
    return s => {
        let held = table.get(s);
        if (held === undefined) table.set(s, held = Buffer.from(s, 'utf8').toString('utf8'));
        return held;
    };
}
