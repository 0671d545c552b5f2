import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';
import type { Block } from '../generated/ast.js';
import { blockGeneration } from '../model/block-generations.js';
import { documentLinkGeneration, linkGeneration } from '../model/link-generation.js';
import { Attached } from '../workspace/attached.js';

/**
 * What a check reads besides its own file: the kinds of block it reaches in other files through
 * references. A file validated again with the same syntax tree (Langium parses a file anew
 * whenever its text changes), because a file it links to changed, keeps what a check found
 * while no block of the kinds it reads has changed anywhere since (KpiDocumentValidator). After
 * an edit of a standard every project applies, a thousand assessments then run only the checks
 * that compare their rows with what the indicators are held to; a thousand targets files, only
 * those that compare them with the standard.
 *
 * Reading a reference's target means reading every kind of block it may resolve to: an
 * indicator's 依据 may name a contract's clause or a standard's entry, and a change to either
 * kind may make it resolve elsewhere. Such checks also run again whenever their file is linked
 * again. A check that follows a reference held by another file (an assessment row's indicator's
 * 依据) reads LINKS_ELSEWHERE too: that file may be linked again, in the same edit, after this
 * one was validated. A check that starts to read another kind must say so; unmarked checks read
 * anything and always run. test/language/incremental-equals-fresh.test.ts compares every file's
 * findings after edits of each kind of file with a fresh build.
 */
export type BlockKind = Block['$type'];

/** What the references of other files resolve to. */
export const LINKS_ELSEWHERE = 'links elsewhere';

export type Read = BlockKind | typeof LINKS_ELSEWHERE;

const marks = new WeakMap<object, readonly Read[]>();

/** Marks checks that read their own file and, in other files, only blocks of these kinds. */
export function reading<T extends object>(kinds: readonly Read[], ...checks: T[]): T[] {
    const sorted = [...new Set(kinds)].sort();
    for (const check of checks) marks.set(check, sorted);
    return checks;
}

/** Marks checks that read nothing but their own file: its syntax tree, its configuration and its locale. */
export function ownFile<T extends object>(...checks: T[]): T[] {
    return reading([], ...checks);
}

/** The kinds of block a check reads in other files; undefined when it is not marked (it may read anything). */
export function blocksRead(check: object): readonly Read[] | undefined {
    return marks.get(check);
}

/** `wrapper`, marked as `check` is. */
export function markedAs<T extends object>(check: object, wrapper: T): T {
    const kinds = marks.get(check);
    if (kinds) marks.set(wrapper, kinds);
    return wrapper;
}

/** What a check passed to Langium's acceptor. */
export interface Accepted {
    severity: Parameters<ValidationAcceptor>[0];
    message: string;
    info: DiagnosticInfo<AstNode>;
}

interface Known {
    inputs: readonly unknown[];
    /** The generations of the kinds read when the checks ran. */
    generations: readonly number[];
    found: readonly Accepted[];
}

/**
 * What the checks reading the same kinds found in each syntax tree, with the inputs besides the
 * tree that they read (the validation categories, the locale settings, the configuration's
 * fields) and the generations of the kinds of block they read (model/block-generations.ts).
 */
export class KnownFindings {
    private readonly entries = new Attached<AstNode, Map<string, Known>>();

    /** What checks reading `kinds` found in `root` with these inputs, if it still holds. */
    get(root: AstNode, kinds: readonly Read[], inputs: readonly unknown[]): readonly Accepted[] | undefined {
        const known = this.entries.get(root)?.get(kinds.join());
        return known && sameValues(known.inputs, inputs) && sameValues(known.generations, generationsOf(root, kinds)) ? known.found : undefined;
    }

    /** Records what checks reading `kinds` found, with the generations taken when they started. */
    set(root: AstNode, kinds: readonly Read[], inputs: readonly unknown[], generations: readonly number[], found: readonly Accepted[]): void {
        let byKinds = this.entries.get(root);
        if (!byKinds) this.entries.set(root, byKinds = new Map());
        byKinds.set(kinds.join(), { inputs, generations, found });
    }
}

/** The counts that change when what checks reading `kinds` see in other files may have changed. */
export function generationsOf(root: AstNode, kinds: readonly Read[]): number[] {
    if (kinds.length === 0) return [];
    const own = documentLinkGeneration(root.$document);
    return [own, ...kinds.map(kind => (kind === LINKS_ELSEWHERE ? linkGeneration() : blockGeneration(kind)))];
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
    return a.length === b.length && a.every((value, i) => value === b[i]);
}
