import type { Bilingual } from '../i18n/locale.js';

/** How many names the message of an unresolved reference offers. */
export const CANDIDATES = 5;

/**
 * How many unresolved references of a file list the closest names. Each list compares the name
 * with every name in scope: a pasted list of 5,000 links to nothing, in a workspace of thousands
 * of names, took 20 s to validate. Past these, a message only names what was not found.
 */
export const SUGGESTED_REFERENCES = 100;

/** Names longer than this (a pasted paragraph) are not compared: two 100,000-character names took 37 s. */
const LONGEST_COMPARED_NAME = 100;

/** Whether the message of the `index`-th unresolved reference of a file lists the closest names. */
export function listsClosestNames(index: number, name: string): boolean {
    return index < SUGGESTED_REFERENCES && name.length <= LONGEST_COMPARED_NAME;
}

/**
 * The message of a reference that resolves to nothing, with the closest names in its scope
 * (`undefined`: not looked for, see listsClosestNames).
 */
export function unresolvedReferenceMessage(name: string, candidates: readonly string[] | undefined): Bilingual {
    if (!candidates) return { zh: `找不到「${name}」`, en: `Cannot resolve '${name}'` };
    return {
        zh: `找不到「${name}」` + (candidates.length ? `；可用的有：${candidates.join('、')}` : '；当前范围内没有可引用的名称'),
        en: `Cannot resolve '${name}'` + (candidates.length ? `; in scope: ${candidates.join(', ')}` : '; nothing of that kind is in scope'),
    };
}
