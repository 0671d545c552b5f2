import type { AstNode, DiagnosticInfo, ValidationAcceptor } from 'langium';

/**
 * Checks that read nothing but their own file: its syntax tree, its configuration and its
 * locale; not a reference's target, the index or an assessment's scores. A file validated again
 * with the same syntax tree (Langium parses a file anew whenever its text changes), because a
 * file it links to changed, keeps what these found (KpiDocumentValidator); every other check
 * runs again. After an edit of a standard every project applies, that leaves a thousand targets
 * files only the checks that compare them with the standard.
 *
 * A check marked here that starts to read another file must lose the mark:
 * test/language/incremental-equals-fresh.test.ts compares every file's findings after edits
 * with a fresh build of the same texts.
 */
const marked = new WeakSet<object>();

/** Marks checks that read nothing but their own file. */
export function ownFile<T extends object>(...checks: T[]): T[] {
    for (const check of checks) marked.add(check);
    return checks;
}

/** Whether a check is marked as reading nothing but its own file. */
export function readsOwnFileOnly(check: object): boolean {
    return marked.has(check);
}

/** `wrapper`, marked as `check` is. */
export function markedAs<T extends object>(check: object, wrapper: T): T {
    if (marked.has(check)) marked.add(wrapper);
    return wrapper;
}

/** What a check passed to Langium's acceptor. */
export interface Accepted {
    severity: Parameters<ValidationAcceptor>[0];
    message: string;
    info: DiagnosticInfo<AstNode>;
}

/**
 * What the own-file checks found in each syntax tree, with the inputs besides the tree that
 * they read (the validation categories, the locale settings, the configuration's fields).
 */
export class OwnFileFindings {
    private readonly entries = new WeakMap<AstNode, { inputs: readonly unknown[]; found: readonly Accepted[] }>();

    /** What was found in `root` with these inputs, if anything is known. */
    get(root: AstNode, inputs: readonly unknown[]): readonly Accepted[] | undefined {
        const entry = this.entries.get(root);
        return entry && entry.inputs.length === inputs.length && entry.inputs.every((input, i) => input === inputs[i]) ? entry.found : undefined;
    }

    set(root: AstNode, inputs: readonly unknown[], found: readonly Accepted[]): void {
        this.entries.set(root, { inputs, found });
    }
}
