import type { AstNodeDescription, URI } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Bilingual } from '../i18n/locale.js';
import { describeElement } from '../model/held-to.js';

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

/**
 * The diagnostic data field of an unresolved reference that lists, in the order of its related
 * places, the suggested names each place defines (the CLI's lint by units reuses them).
 */
export const SUGGESTED_DATA = 'suggested';

/** Where a name suggested for an unresolved reference is defined: the element's name, and what it is. */
export interface SuggestionPlace {
    readonly uri: URI;
    readonly range: Range;
    readonly message: Bilingual;
}

/**
 * The related place of a suggested name, from the description its scope (or its file's exports)
 * gives: so a reviewer goes from the typo to the element meant. Undefined when the description
 * holds no node or no place.
 */
export function suggestionPlace(description: AstNodeDescription): SuggestionPlace | undefined {
    const { node } = description;
    const range = (description.nameSegment ?? description.selectionSegment)?.range;
    if (!node || !range) return undefined;
    return { uri: description.documentUri, range, message: describeElement(node) };
}
