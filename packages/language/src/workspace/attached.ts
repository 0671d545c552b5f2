/**
 * Values attached to objects (syntax trees, nodes, parse results, reports), with WeakMap's
 * methods but kept on the object itself, under a symbol of this cache. A WeakMap's table lives in
 * the old generation: V8's young-generation collector keeps alive whatever an entry's value
 * points to until it sees the key gone, so every value attached to the unit in progress at a
 * scavenge was copied again at the next and moved into the old generation, to wait there for a
 * full collection (bench/RESULTS.md, issue 17). On the object, a value dies young with it.
 */
export class Attached<K extends object, V> {
    private readonly key = Symbol('attached');

    get(object: K): V | undefined {
        return (object as Record<symbol, V | undefined>)[this.key];
    }

    set(object: K, value: V): this {
        Object.defineProperty(object, this.key, { value, writable: true, configurable: true });
        return this;
    }
}
