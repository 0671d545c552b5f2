import { ValidationRegistry, type ValidationCheck } from 'langium';
import { markedAs, readsOwnFileOnly } from './own-file.js';

const ERROR_CONTEXT = 'An error occurred during validation';

/** The checks to run on a node type: those that read nothing but their own file (see own-file.ts), and the others. */
export interface TypeChecks {
    readonly ownFile: readonly ValidationCheck[];
    readonly others: readonly ValidationCheck[];
}

/**
 * Langium's registry wraps every check in an async function, and its validator awaits every
 * check on every node: at a province's scale that is millions of promises per re-validation,
 * about a third of the time. KPI Spec's checks are synchronous, so they are wrapped
 * synchronously (an exception still becomes an error diagnostic on the node, as in Langium),
 * and the checks for each node type are listed once instead of streamed per node.
 */
export class KpiValidationRegistry extends ValidationRegistry {
    /** Checks by categories (joined) and node type, listed on first use. */
    private readonly listed = new Map<string, Map<string, TypeChecks>>();

    /** Looks up the checks to run on a node type for these categories (all when undefined). */
    checksFor(categories?: readonly string[]): (type: string) => TypeChecks {
        // No categories means all of them; an empty list means none.
        const key = categories ? categories.join(',') : '\u0000all';
        let byType = this.listed.get(key);
        if (!byType) this.listed.set(key, byType = new Map());
        const known = byType;
        return type => {
            let checks = known.get(type);
            if (!checks) {
                const all = this.getChecks(type, categories as string[] | undefined).toArray();
                known.set(type, checks = { ownFile: all.filter(readsOwnFileOnly), others: all.filter(check => !readsOwnFileOnly(check)) });
            }
            return checks;
        };
    }

    protected override addEntry(type: string, entry: Parameters<ValidationRegistry['addEntry']>[1]): void {
        this.listed.clear();
        super.addEntry(type, entry);
    }

    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return markedAs(check, (node, accept, cancelToken) => {
            try {
                const pending = check.call(thisObj, node, accept, cancelToken);
                return pending instanceof Promise ? this.handleException(() => pending, ERROR_CONTEXT, accept, node) : undefined;
            } catch (error) {
                return this.handleException(() => { throw error; }, ERROR_CONTEXT, accept, node);
            }
        });
    }
}
