import { ValidationRegistry, type ValidationCheck } from 'langium';
import { blocksRead, markedAs, type Read } from './check-reads.js';

const ERROR_CONTEXT = 'An error occurred during validation';

/** Checks of a node type that read the same kinds of block in other files (see check-reads.ts). */
export interface CheckGroup {
    /** Numbers the groups of the registry, the same for the same kinds. */
    readonly id: number;
    readonly reads: readonly Read[];
    readonly checks: readonly ValidationCheck[];
}

/** The checks to run on a node type: grouped by the kinds of block they read, and those that may read anything. */
export interface TypeChecks {
    readonly groups: readonly CheckGroup[];
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
    /** Group numbers by the kinds read (joined). */
    private readonly groupIds = new Map<string, number>();

    /** Looks up the checks to run on a node type for these categories (all when undefined). */
    checksFor(categories?: readonly string[]): (type: string) => TypeChecks {
        // No categories means all of them; an empty list means none.
        const key = categories ? categories.join(',') : '\u0000all';
        let byType = this.listed.get(key);
        if (!byType) this.listed.set(key, byType = new Map());
        const known = byType;
        return type => {
            let checks = known.get(type);
            if (!checks) known.set(type, checks = this.grouped(this.getChecks(type, categories as string[] | undefined).toArray()));
            return checks;
        };
    }

    private grouped(all: ValidationCheck[]): TypeChecks {
        const groups = new Map<string, { id: number; reads: readonly Read[]; checks: ValidationCheck[] }>();
        const others: ValidationCheck[] = [];
        for (const check of all) {
            const reads = blocksRead(check);
            if (!reads) {
                others.push(check);
                continue;
            }
            const key = reads.join();
            let group = groups.get(key);
            if (!group) {
                let id = this.groupIds.get(key);
                if (id === undefined) this.groupIds.set(key, id = this.groupIds.size);
                groups.set(key, group = { id, reads, checks: [] });
            }
            group.checks.push(check);
        }
        return { groups: [...groups.values()], others };
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
