/**
 * A count of the changes to what references resolve to, in any workspace: the linker counts
 * every document it links or unlinks. A value computed from resolved references (held-to.ts)
 * stays right while the count stays the same, and is then returned without comparing every
 * link it was computed from: seven rules ask for every row of every project and assessment.
 */
let generation = 0;

/** The count when each document was last linked or unlinked: its own references resolve anew only then. */
const documentGenerations = new WeakMap<object, number>();

/** Called by the linker around linking and unlinking a document. */
export function linksChanged(document: object): void {
    generation++;
    documentGenerations.set(document, generation);
}

export function linkGeneration(): number {
    return generation;
}

/** Changes whenever `document` is linked or unlinked. */
export function documentLinkGeneration(document: object | undefined): number {
    return (document && documentGenerations.get(document)) ?? 0;
}
