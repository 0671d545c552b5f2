/** `1 warning`, `2 warnings`, `0 projects`: a count and its English noun, plural unless 1. */
export function plural(n: number, word: string, words = `${word}s`): string {
    return `${n} ${n === 1 ? word : words}`;
}

/**
 * Fills a message's `{name}` placeholders; `{name|one|other}` is the word for that count, so an
 * English message says `1 file`, `2 files` (Chinese messages have no plural and do not use it).
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | number>>): string {
    return text.replace(/\{(\w+)(?:\|([^|}]*)\|([^}]*))?\}/g, (_, name: string, one: string | undefined, other: string | undefined) =>
        one === undefined ? String(values[name] ?? '') : values[name] === 1 ? one : other!);
}
