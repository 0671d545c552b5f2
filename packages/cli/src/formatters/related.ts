import type { RelatedLocation } from '../results.js';

/** What leads a related place's line, in every language: no word to translate. */
export const RELATED_MARK = '→';

/**
 * A related place as the text formats name it: `→ contract.kpi:9:8 合同「热线服务合同」条款「接通率」`,
 * its path as `path` gives it (relative, as the format names files), with the column or not.
 * Raw text: each format escapes it as it escapes its messages.
 */
export function relatedText(r: RelatedLocation, path: (file: string) => string, withColumn: boolean, gap = ' '): string {
    return `${RELATED_MARK} ${path(r.filePath)}:${r.line}${withColumn ? `:${r.column}` : ''}${gap}${r.message}`;
}
