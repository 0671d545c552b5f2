import { describe, expect, it } from 'vitest';
import { emptyMap, KpiWorkspaceCache, lazily } from '../../packages/language/src/index.js';
import { Attached } from '../../packages/language/src/workspace/attached.js';
import { withNatives } from '../support/natives.js';
import { buildWorkspace } from '../support/workspace.js';

/*
 * `kpispec lint` validates a unit and lets it go: what the unit allocated should die in V8's
 * young generation. Whatever an object of the old generation points to survives a young
 * collection, garbage or not, and is copied into the old generation to wait for a full one
 * (bench/RESULTS.md, issue 17).
 */

const LANGUAGE = { language: 'packages/language/dist/index.js' };

describe('what a unit leaves behind for the collector', () => {
    it('lazily written words share one hidden class: no accessor pair per text, which V8 puts in the old generation', async () => {
        const answer = await withNatives(`
            const a = language.lazily(() => ({ zh: '甲', en: 'a' }));
            const b = language.lazily(() => ({ zh: '乙', en: 'b' }));
            console.log(JSON.stringify([%HasFastProperties(a), %HaveSameMap(a, b), a.zh, b.en]));
        `, LANGUAGE);
        expect(JSON.parse(answer)).toEqual([true, true, '甲', 'b']);
    });

    it('lazily written words are written once, when first read', () => {
        let writes = 0;
        const words = lazily(() => ({ zh: `第 ${++writes} 次`, en: `write ${writes}` }));
        expect(writes).toBe(0);
        expect([words.zh, words.en, words.zh]).toEqual(['第 1 次', 'write 1', '第 1 次']);
        expect(writes).toBe(1);
    });

    it('emptyMap leaves the map empty and usable', () => {
        const map = new Map([[1, 'a'], [2, 'b'], [3, 'c']]);
        emptyMap(map);
        expect(map.size).toBe(0);
        map.set(4, 'd');
        expect([...map]).toEqual([[4, 'd']]);
    });

    it('a workspace cache is emptied when a document changes', async () => {
        const ws = await buildWorkspace({ 'a.kpi': '合同 C "c" { 条款 T "t" >= 90% }\n' });
        const cache = new KpiWorkspaceCache<string, number>(ws.services.shared);
        cache.set('k', 1);
        expect(cache.get('k')).toBe(1);
        await ws.edit('a.kpi', '合同 C "c" { 条款 T "t" >= 95% }\n');
        expect(cache.has('k')).toBe(false);
    });

    it('a value attached to an object is found on that object only, by that cache only, and leaves its keys and JSON as they were', () => {
        const node = { $type: 'Indicator', name: 'A' };
        const other = { $type: 'Indicator', name: 'B' };
        const held = new Attached<object, string[]>();
        const scores = new Attached<object, number>();
        expect(held.get(node)).toBeUndefined();
        held.set(node, ['C.T']);
        scores.set(node, 5);
        held.set(node, ['C.T', 'S.R']);
        expect([held.get(node), scores.get(node), held.get(other), scores.get(other)]).toEqual([['C.T', 'S.R'], 5, undefined, undefined]);
        expect(Object.keys(node)).toEqual(['$type', 'name']);
        expect(JSON.stringify(node)).toBe('{"$type":"Indicator","name":"A"}');
        expect({ ...node }).toEqual({ $type: 'Indicator', name: 'A' });
    });
});
