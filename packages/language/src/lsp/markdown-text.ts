/**
 * Text from a file, made safe to place in Markdown (hover, completion documentation, the CI job
 * summary): the characters that start Markdown or HTML syntax are backslash-escaped, so a title
 * or comment renders as the characters it holds and never as an image, a link, HTML, emphasis or
 * a table cell break (`![x](https://…/track.png)` in a clause title would otherwise load a remote
 * image on hover). `:` and `www.` are escaped too, so no bare address becomes a link. Other
 * punctuation (`%`, `.`, `-`) stays as it reads. Control characters are shown as `\x1b`-style
 * escapes; line breaks become spaces.
 */
export function markdownText(text: string): string {
    return visibleControls(text.replace(/\r\n?|\n|\u2028|\u2029/g, ' '))
        .replace(/[\\`*_~[\]<>&|!#:{}]/g, c => `\\${c}`)
        .replace(/(www)\./gi, '$1\\.');
}

/**
 * C0 and C1 control characters (and DEL) as visible `\x1b`-style escapes, but those in `keep`:
 * printed raw, ESC, BEL or OSC sequences from a file would clear a terminal, retitle its window
 * or hide lines.
 */
export function visibleControls(text: string, keep = ''): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, c => keep.includes(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
