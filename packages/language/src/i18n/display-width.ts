/**
 * Terminal columns a string occupies: CJK ideographs, kana, Hangul and full-width forms take two,
 * combining marks and ANSI colour codes none. Tables of Chinese text line up only when padded
 * by this width, not by `length`.
 */
const WIDE: ReadonlyArray<readonly [number, number]> = [
    [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
    [0xa000, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60],
    [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];

const ZERO: ReadonlyArray<readonly [number, number]> = [
    [0x0000, 0x001f], [0x007f, 0x009f], [0x0300, 0x036f], [0x200b, 0x200f], [0xfe00, 0xfe0f], [0xfeff, 0xfeff],
];

const ANSI = /\u001b\[[0-9;]*m/g;

const within = (ranges: ReadonlyArray<readonly [number, number]>, cp: number) => ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

export function displayWidth(text: string): number {
    let width = 0;
    for (const char of text.replace(ANSI, '')) {
        const cp = char.codePointAt(0)!;
        width += within(ZERO, cp) ? 0 : within(WIDE, cp) ? 2 : 1;
    }
    return width;
}

/** Pads to a display width (left-aligned by default, right-aligned for numbers). */
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
    const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
    return align === 'left' ? text + fill : fill + text;
}
