import type { AstNode } from 'langium';
import { isModel, type Block } from '../generated/ast.js';

/**
 * How many references away from its own file a block's checks read, following the references
 * its file makes (an assessment's 对象 project is one away; what the project's 依据 and 适用 name
 * is two away). A file that reaches an edited one only through more references than its
 * checks follow keeps its findings: after an edit of a standard, contracts (standard ← project ←
 * contract) and compliance reviews (← contract) are not validated again.
 *
 * A check that starts to read further must raise its block's number here;
 * test/language/incremental-equals-fresh.test.ts compares every file's findings after edits of
 * each kind of file with a fresh build of the same texts.
 */
const READS: Record<Block['$type'], number> = {
    // Nothing but itself.
    Standard: 0,
    // The clauses, requirements and baselines its indicators link with 依据; the standards it applies.
    Project: 1,
    // Its 对象 project: which of the project's indicators link its clauses.
    Contract: 1,
    // Its contract's clauses.
    Compliance: 1,
    // Its project's goals, indicators, breakdown and milestones, and what the indicators are held to.
    Assessment: 2,
};

/** How far the checks of a file's blocks read; a file that is not a parsed model is taken to read everything. */
export function checksReach(root: AstNode): number {
    // Documents Langium has not parsed yet have an `INVALID` root.
    if (!isModel(root)) return Infinity;
    let reach = 0;
    for (const block of root.blocks) reach = Math.max(reach, READS[block.$type] ?? Infinity);
    return reach;
}
