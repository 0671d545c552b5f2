import { describe, expect, it } from 'vitest';
import { readShared, type Reader } from '../../packages/cli/src/units/pool.js';
import type { ScannedText } from '../../packages/cli/src/units/read-files.js';

/*
 * `kpispec lint` reads and scans its files in this thread and, once they are set up, in the
 * workers it started for the units (readShared): each file once, whoever reads it, without
 * waiting for a worker that is not ready.
 */

const files = Array.from({ length: 1_000 }, (_, i) => `f${i}.kpi`);
const indices = files.map((_, i) => i);
const scannedBy = (who: string) => (file: string): ScannedText => ({ text: `${who}:${file}`, scan: { blocks: [], mentions: [file], exports: [] } });

/** A reader whose readiness the test decides, answering each chunk on the next turn. */
function fakeReader(ready: Promise<void>, asked: string[][]): Reader {
    return {
        ready,
        scan: async chunk => {
            asked.push([...chunk]);
            await new Promise(resolve => setImmediate(resolve));
            return chunk.map(scannedBy('worker'));
        },
    };
}

async function readAll(readers: Reader[]): Promise<{ texts: string[]; here: number }> {
    const texts: string[] = [];
    let here = 0;
    await readShared(files, indices, readers, i => {
        here++;
        texts[i] = scannedBy('here')(files[i]!).text;
    }, (i, scanned) => {
        expect(texts[i]).toBeUndefined();
        texts[i] = scanned.text;
    });
    return { texts, here };
}

describe('reading files in this thread and the workers', () => {
    it('reads each file once, some in a ready worker', async () => {
        const asked: string[][] = [];
        const { texts, here } = await readAll([fakeReader(Promise.resolve(), asked)]);
        expect(texts.map(t => t.replace(/^\w+:/, ''))).toEqual(files);
        const byWorker = texts.filter(t => t.startsWith('worker:')).length;
        expect(byWorker).toBeGreaterThan(0);
        expect(byWorker + here).toBe(files.length);
        expect(asked.flat().sort()).toEqual(texts.filter(t => t.startsWith('worker:')).map(t => t.slice('worker:'.length)).sort());
    });

    it('reads everything here when no worker gets ready, without waiting for one', async () => {
        const asked: string[][] = [];
        const { texts, here } = await readAll([fakeReader(new Promise(() => undefined), asked), fakeReader(Promise.reject(new Error('no start')), asked)]);
        expect(here).toBe(files.length);
        expect(texts.every(t => t.startsWith('here:'))).toBe(true);
        expect(asked).toEqual([]);
    });

    it("fails with a worker's failure to read", async () => {
        const failing: Reader = { ready: Promise.resolve(), scan: async () => Promise.reject(new Error('cannot read f400.kpi: EACCES')) };
        await expect(readAll([failing])).rejects.toThrow('cannot read f400.kpi: EACCES');
    });
});
