import { DocumentState } from 'langium';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getHeapSpaceStatistics } from 'node:v8';
import {
    collectWhenIdle, fullCollection, GROWTH, IDLE_MS, LARGE_BUILD, oldGenerationUsed, YOUNG_IDLE_MS, youngCollection, type IdleCollectionOptions,
} from '../../packages/language/src/server/idle-collection.js';
import { buildWorkspace } from '../support/workspace.js';

/*
 * The server collects its heap when the builder has been idle for IDLE_MS after a build of many
 * documents, so that V8's own full collection (300 ms at 1,000 projects) does not land in the
 * middle of the next such edit, and its young generation YOUNG_IDLE_MS after every build, so
 * that the next keystroke starts with it empty. Only the timers are fake: Langium's builder
 * yields with setImmediate.
 */
const standard = (price: string) => `标准 甲 "标准" {\n    基准 单价 "单价" ${price} 元/通\n}\n`;

/** A project applying the standard: an edit of the standard re-validates both files, an edit of the project itself alone. */
const project = (count: string) => `项目 乙 "乙项目" {
    适用 甲
    绩效指标 {
        产出指标 {
            数量指标 {
                件数 "件数" >= ${count} 件
            }
        }
    }
}
`;

/** Every build counts as large unless the options say otherwise. */
async function workspaceWithCollector(heap: { used: number }, options: Partial<IdleCollectionOptions> = { largeBuild: 1 }) {
    const ws = await buildWorkspace({ 'a.kpi': standard('9.93'), 'b.kpi': project('1') });
    const collected: number[] = [];
    const checked: number[] = [];
    const young: number[] = [];
    const collector = collectWhenIdle(ws.services.shared.workspace.DocumentBuilder, {
        collect: () => collected.push(heap.used),
        collectYoung: () => young.push(heap.used),
        oldGeneration: () => {
            checked.push(heap.used);
            return heap.used;
        },
        ...options,
    });
    return { ws, collected, checked, young, collector };
}

describe('collecting the heap when the server is idle', () => {
    afterEach(() => {
        vi.useRealTimers();
    });

    it('collects IDLE_MS after a build, not before', async () => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const heap = { used: 100 };
        const { ws, collected } = await workspaceWithCollector(heap);
        await ws.edit('a.kpi', standard('9.94'));
        vi.advanceTimersByTime(IDLE_MS - 1);
        expect(collected).toEqual([]);
        vi.advanceTimersByTime(1);
        expect(collected).toEqual([100]);
    });

    it('waits for the last of several edits, and never collects while one is being built', async () => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const heap = { used: 100 };
        const { ws, collected } = await workspaceWithCollector(heap);
        const builder = ws.services.shared.workspace.DocumentBuilder;
        await ws.edit('a.kpi', standard('9.94'));
        vi.advanceTimersByTime(IDLE_MS - 1);
        // The next keystroke: its update stops the first timer as it starts...
        const started = new Promise<void>(resolve => builder.onUpdate(() => resolve()));
        const editing = ws.edit('a.kpi', standard('9.95'));
        await started;
        vi.advanceTimersByTime(1);
        expect(collected).toEqual([]);
        // ... and its build, once done, starts another.
        await editing;
        vi.advanceTimersByTime(IDLE_MS - 1);
        expect(collected).toEqual([]);
        vi.advanceTimersByTime(1);
        expect(collected).toEqual([100]);
    });

    it(`collects again only when the heap has grown by ${GROWTH * 100} % since`, async () => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const heap = { used: 100 };
        const { ws, collected, checked } = await workspaceWithCollector(heap);
        await ws.edit('a.kpi', standard('9.94'));
        vi.advanceTimersByTime(IDLE_MS);
        expect(collected).toEqual([100]);

        heap.used = 100 * (1 + GROWTH) - 0.5;
        await ws.edit('a.kpi', standard('9.95'));
        checked.length = 0;
        vi.advanceTimersByTime(IDLE_MS);
        // The heap was looked at, and found not worth a collection.
        expect(checked.length).toBeGreaterThan(0);
        expect(collected).toEqual([100]);

        heap.used = 100 * (1 + GROWTH);
        await ws.edit('a.kpi', standard('9.96'));
        vi.advanceTimersByTime(IDLE_MS);
        expect(collected).toEqual([100, 100 * (1 + GROWTH)]);
    });

    it('stops when disposed', async () => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const { ws, collected, young, collector } = await workspaceWithCollector({ used: 100 });
        await ws.edit('a.kpi', standard('9.94'));
        collector.dispose();
        vi.advanceTimersByTime(IDLE_MS);
        await ws.edit('a.kpi', standard('9.95'));
        vi.advanceTimersByTime(IDLE_MS);
        expect(collected).toEqual([]);
        expect(young).toEqual([]);
    });

    it('collects the young generation YOUNG_IDLE_MS after every build, keystrokes included', async () => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const { ws, collected, young } = await workspaceWithCollector({ used: 100 }, {});
        await ws.edit('b.kpi', project('2'));
        vi.advanceTimersByTime(YOUNG_IDLE_MS - 1);
        expect(young).toEqual([]);
        vi.advanceTimersByTime(1);
        expect(young).toEqual([100]);
        // Once per build: the idle moment after it has passed.
        vi.advanceTimersByTime(10 * IDLE_MS);
        expect(young).toEqual([100]);
        await ws.edit('b.kpi', project('3'));
        vi.advanceTimersByTime(YOUNG_IDLE_MS);
        expect(young).toEqual([100, 100]);
        expect(collected).toEqual([]);
    });

    it('does not collect the young generation while the next keystroke is being built', async () => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const { ws, young } = await workspaceWithCollector({ used: 100 }, {});
        const builder = ws.services.shared.workspace.DocumentBuilder;
        await ws.edit('b.kpi', project('2'));
        vi.advanceTimersByTime(YOUNG_IDLE_MS - 1);
        const started = new Promise<void>(resolve => builder.onUpdate(() => resolve()));
        const editing = ws.edit('b.kpi', project('3'));
        await started;
        vi.advanceTimersByTime(YOUNG_IDLE_MS);
        expect(young).toEqual([]);
        await editing;
        vi.advanceTimersByTime(YOUNG_IDLE_MS);
        expect(young).toEqual([100]);
    });

    it(`never collects after keystrokes, builds of fewer than ${LARGE_BUILD} documents`, async () => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const { ws, collected, checked } = await workspaceWithCollector({ used: 100 }, {});
        await ws.edit('a.kpi', standard('9.94'));
        await ws.edit('b.kpi', project('2'));
        vi.advanceTimersByTime(10 * IDLE_MS);
        expect(checked).toEqual([]);
        expect(collected).toEqual([]);
    });

    it('collects after a large build even when keystrokes follow it, and once only', async () => {
        vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
        const heap = { used: 100 };
        const { ws, collected } = await workspaceWithCollector(heap, { largeBuild: 2 });
        const validated: number[] = [];
        ws.services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, built => {
            validated.push(built.length);
        });
        // The standard's edit re-validates both files; the keystroke in the project that
        // comes before the idle moment, only the project.
        await ws.edit('a.kpi', standard('9.94'));
        vi.advanceTimersByTime(IDLE_MS - 1);
        await ws.edit('b.kpi', project('2'));
        expect(validated).toEqual([2, 1]);
        expect(collected).toEqual([]);
        vi.advanceTimersByTime(IDLE_MS);
        expect(collected).toEqual([100]);

        // Keystrokes after the collection do not collect, however much the heap grows.
        heap.used = 200;
        await ws.edit('b.kpi', project('3'));
        vi.advanceTimersByTime(IDLE_MS);
        expect(validated).toEqual([2, 1, 1]);
        expect(collected).toEqual([100]);
    });

    it('frees what is no longer reachable, and the old generation shows it', () => {
        const collect = fullCollection();
        let garbage: number[][] | undefined = Array.from({ length: 2_000 }, (_, i) => new Array<number>(5_000).fill(i));
        const before = oldGenerationUsed();
        expect(garbage.length).toBe(2_000);
        garbage = undefined;
        collect();
        // 2,000 arrays of 5,000 small integers: about 80 MB.
        expect(before - oldGenerationUsed()).toBeGreaterThan(50 * 2 ** 20);
    });

    it('empties the young generation of what is no longer reachable', () => {
        const collect = youngCollection();
        const youngUsed = () => getHeapSpaceStatistics().filter(s => s.space_name.startsWith('new_')).reduce((sum, s) => sum + s.space_used_size, 0);
        // Short-lived objects until the young generation holds at least 256 KB (V8 may scavenge on its own meanwhile).
        let garbage: object[] = [];
        for (let i = 0; i < 1_000_000 && youngUsed() < 256 * 2 ** 10; i++) {
            garbage.push({ i });
            if (garbage.length === 100) garbage = [];
        }
        const before = youngUsed();
        expect(before).toBeGreaterThanOrEqual(256 * 2 ** 10);
        collect();
        expect(youngUsed()).toBeLessThan(before / 2);
    });
});
