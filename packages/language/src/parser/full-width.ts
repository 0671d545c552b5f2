/**
 * Digits typed in an input method's full-width mode (`>= ９５．５％`, `２０２３－０６－３０`), or pasted
 * from a form that printed them so. The language reads them as their half-width forms, as the
 * workbook reader does with a cell's value (NFKC): the same form reports the same whether typed or
 * read from Excel. Strings and comments keep their text. (Full-width comparators and `％` are the
 * grammar's own keywords.)
 */

const FULL_TO_HALF = 0xfee0;
const ZERO = 0xff10, NINE = 0xff19;
/** ． and －, read as half-width between two digits only: a decimal point, a date's separator. */
const POINT = 0xff0e, MINUS = 0xff0d;

function isDigit(c: number): boolean {
    return (c >= 0x30 && c <= 0x39) || (c >= ZERO && c <= NINE);
}

/** The half-width code of `text[at]`, if the language reads it so; undefined otherwise. */
function halfWidthAt(text: string, at: number): number | undefined {
    const c = text.charCodeAt(at);
    if (c >= ZERO && c <= NINE) return c - FULL_TO_HALF;
    if ((c === POINT || c === MINUS) && isDigit(text.charCodeAt(at - 1)) && isDigit(text.charCodeAt(at + 1))) return c - FULL_TO_HALF;
    return undefined;
}

/**
 * `text` with the full-width digits in `skipped` (the lexer's errors: text no
 * token matched, so never inside a string or a comment) written half-width, each in its place
 * (one UTF-16 unit for one, so every offset stays); undefined when there is none.
 */
export function withHalfWidthDigits(text: string, skipped: ReadonlyArray<{ readonly offset: number; readonly length: number }>): string | undefined {
    let codes: Uint16Array | undefined;
    for (const { offset, length } of skipped) {
        for (let at = offset; at < offset + length; at++) {
            const half = halfWidthAt(text, at);
            if (half === undefined) continue;
            if (!codes) {
                codes = new Uint16Array(text.length);
                for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
            }
            codes[at] = half;
        }
    }
    if (!codes) return undefined;
    // Decoded in pieces: String.fromCharCode takes its arguments on the stack.
    let mapped = '';
    for (let at = 0; at < codes.length; at += 8192) mapped += String.fromCharCode(...codes.subarray(at, at + 8192));
    return mapped;
}
