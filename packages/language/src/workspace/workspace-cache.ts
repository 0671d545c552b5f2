import { WorkspaceCache } from 'langium';

/**
 * Empties a long-lived map entry by entry. `Map.prototype.clear` gives the map a new table and
 * leaves the old one, garbage in the old generation, with all its entries: V8's young-generation
 * collector takes every pointer from the old generation as alive, so what the entries held (a
 * unit's scores, scopes, nodes) was copied through the next collections into the old generation,
 * to wait there for a full one (bench/RESULTS.md, issue 17).
 */
export function emptyMap(map: Map<unknown, unknown>): void {
    for (const key of map.keys()) map.delete(key);
}

/** Langium's WorkspaceCache, emptied with emptyMap: it is emptied after every edit and every unit lint validates. */
export class KpiWorkspaceCache<K, V> extends WorkspaceCache<K, V> {
    override clear(): void {
        this.throwIfDisposed();
        emptyMap(this.cache);
    }
}
