/**
 * The characters of a name, as the grammar's ID terminal (grammars/common.langium) holds them:
 * first a letter, `_`, a character of three CJK blocks or a unit symbol forms print (㎡, ㎞, ㎏,
 * ㎥ and the rest of their block, ℃, µ and Greek letters, Roman numerals); after it digits too, and ² and ³ (m², m³). A unit is such a
 * word after a number (`>= 5000㎡`). The lexer's passes, the workbook reader and the scan of
 * `kpispec lint` ask the same; a test holds these equal to the terminal.
 */
/**
 * The unit symbols (㎡ … ℃; µ and the Greek letters of μg, Ω; the Roman numerals of Ⅲ类) and, after a
 * letter, the superscripts (² ³), as character-class ranges.
 */
export const UNIT_SYMBOLS = '\\u3380-\\u33DF\\u2103\\u00B5\\u0391-\\u03A9\\u03B1-\\u03C9\\u2160-\\u217F';
export const SUPERSCRIPTS = '\\u00B2\\u00B3';
export const NAME_START = `_a-zA-Z\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF${UNIT_SYMBOLS}`;
export const NAME_PART = `0-9${NAME_START}${SUPERSCRIPTS}`;

/** Whether a character code may begin a name. */
export function isNameStart(c: number): boolean {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f
        || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)
        || (c >= 0x3380 && c <= 0x33df) || c === 0x2103 || c === 0xb5
        || (c >= 0x391 && c <= 0x3a9) || (c >= 0x3b1 && c <= 0x3c9) || (c >= 0x2160 && c <= 0x217f);
}

/** Whether a character code may stand in a name after its first. */
export function isNamePart(c: number): boolean {
    return isNameStart(c) || (c >= 0x30 && c <= 0x39) || c === 0xb2 || c === 0xb3;
}
