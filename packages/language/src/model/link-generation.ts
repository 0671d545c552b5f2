/**
 * A count of the changes to what references resolve to, in any workspace: the linker counts
 * every document it links or unlinks. A value computed from resolved references (held-to.ts)
 * stays right while the count stays the same, and is then returned without comparing every
 * link it was computed from: seven rules ask for every row of every project and assessment.
 */
let generation = 0;

/** Called by the linker around linking and unlinking a document. */
export function linksChanged(): void {
    generation++;
}

export function linkGeneration(): number {
    return generation;
}
