/**
 * A strict JSON parser that remembers where each value and key starts, so configuration
 * errors (syntax or schema) can name the line and column of the fault. `JSON.parse` gives
 * neither a reliable position nor the location of a value found wrong later.
 */

/** Start offsets of a value and, for object members, of their key; keyed by JSON Pointer. */
export interface JsonLocation {
    value: number;
    key?: number;
}

export interface ParsedJson {
    value: unknown;
    locations: Map<string, JsonLocation>;
}

export class JsonSyntaxError extends Error {
    constructor(message: string, readonly offset: number) {
        super(message);
    }
}

/** 1-based line and column of an offset (columns count UTF-16 code units, as editors do). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, offset);
    const lineStart = before.lastIndexOf('\n') + 1;
    return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** Escapes a property name for a JSON Pointer segment (RFC 6901). */
export function pointerSegment(key: string): string {
    return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

export function parseJsonWithLocations(text: string): ParsedJson {
    const locations = new Map<string, JsonLocation>();
    let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;

    const fail = (message: string, at = pos): never => {
        throw new JsonSyntaxError(message, at);
    };
    const describe = (at: number) => (at >= text.length ? 'end of file' : `'${text[at]}'`);
    const skipWhitespace = () => {
        while (pos < text.length && ' \t\r\n'.includes(text[pos]!)) pos++;
    };
    const expect = (char: string, context: string) => {
        skipWhitespace();
        if (text[pos] !== char) fail(`expected '${char}' ${context}, found ${describe(pos)}`);
        pos++;
    };
    const match = (re: RegExp): string | undefined => {
        re.lastIndex = pos;
        const m = re.exec(text);
        if (!m) return undefined;
        pos += m[0].length;
        return m[0];
    };
    const parseString = (): string => {
        const raw = match(STRING);
        if (raw === undefined) return fail('unterminated string, or a line break or bad escape in it');
        return JSON.parse(raw) as string;
    };

    const parseValue = (pointer: string, key?: number): unknown => {
        skipWhitespace();
        locations.set(pointer, { value: pos, key });
        const c = text[pos];
        if (c === '{') {
            pos++;
            const result: Record<string, unknown> = {};
            skipWhitespace();
            if (text[pos] === '}') {
                pos++;
                return result;
            }
            let comma = -1;
            for (;;) {
                skipWhitespace();
                if (text[pos] === '}' && comma >= 0) fail('trailing comma before \'}\'', comma);
                if (text[pos] !== '"') fail(`expected a property name in double quotes, found ${describe(pos)}`);
                const keyAt = pos;
                const name = parseString();
                expect(':', `after property name "${name}"`);
                result[name] = parseValue(`${pointer}/${pointerSegment(name)}`, keyAt);
                skipWhitespace();
                if (text[pos] === ',') { comma = pos++; continue; }
                if (text[pos] === '}') { pos++; return result; }
                fail(`expected ',' or '}' after a property value, found ${describe(pos)}`);
            }
        }
        if (c === '[') {
            pos++;
            const result: unknown[] = [];
            skipWhitespace();
            if (text[pos] === ']') {
                pos++;
                return result;
            }
            let comma = -1;
            for (;;) {
                skipWhitespace();
                if (text[pos] === ']' && comma >= 0) fail('trailing comma before \']\'', comma);
                result.push(parseValue(`${pointer}/${result.length}`));
                skipWhitespace();
                if (text[pos] === ',') { comma = pos++; continue; }
                if (text[pos] === ']') { pos++; return result; }
                fail(`expected ',' or ']' after an array element, found ${describe(pos)}`);
            }
        }
        if (c === '"') return parseString();
        for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
            if (text.startsWith(word, pos)) {
                pos += word.length;
                return value;
            }
        }
        const number = match(NUMBER);
        if (number !== undefined) return Number(number);
        return fail(`unexpected ${describe(pos)}`);
    };

    const value = parseValue('');
    skipWhitespace();
    if (pos < text.length) fail(`unexpected ${describe(pos)} after the end of the JSON value`);
    return { value, locations };
}
