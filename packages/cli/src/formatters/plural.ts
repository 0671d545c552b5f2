/** `1 warning`, `2 warnings`, `0 projects`: a count and its English noun, plural unless 1. */
export function plural(n: number, word: string, words = `${word}s`): string {
    return `${n} ${n === 1 ? word : words}`;
}
