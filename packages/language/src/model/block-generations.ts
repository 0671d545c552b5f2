import type { AstNode } from 'langium';
import { isModel, type Block } from '../generated/ast.js';

/**
 * A count per kind of block of the changes to blocks of that kind, in any workspace: the
 * document builder counts the blocks of every document indexed anew (parsed anew, or new), and
 * those of every changed or deleted document as they were. Findings of a check that reads blocks
 * of some kinds in other files (validation/check-reads.ts) stay right while those counts stay
 * the same.
 */
const generations = new Map<Block['$type'], number>();

/** Counts a change to every kind of block `root` holds; a root that is not a parsed model counts for every kind. */
export function blocksChanged(root: AstNode | undefined): void {
    if (root && isModel(root)) {
        for (const kind of new Set(root.blocks.map(block => block.$type))) generations.set(kind, (generations.get(kind) ?? 0) + 1);
    } else {
        unparsed++;
    }
}

/** Changes to documents not parsed as a model (yet): they may have held any kind. */
let unparsed = 0;

export function blockGeneration(kind: Block['$type']): number {
    return (generations.get(kind) ?? 0) + unparsed;
}
