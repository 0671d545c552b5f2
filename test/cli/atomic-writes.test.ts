import { readdirSync, readFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli, tempDir, writeFileIn } from './run-cli.js';

/*
 * `kpispec format` used to truncate a file and write it in place: on a full disk a 13 KB file
 * became 16 KB of formatted text cut mid-character. A disk that fills up halfway through a
 * write is simulated here: the first part of the text is written, then ENOSPC.
 */
const disk = vi.hoisted(() => ({ full: false }));

vi.mock('node:fs/promises', async original => {
    const fs = await original<typeof import('node:fs/promises')>();
    const open = async (...args: Parameters<typeof fs.open>): Promise<FileHandle> => {
        const handle = await fs.open(...args);
        if (!disk.full) return handle;
        const writeFile = async (data: string) => {
            await handle.write(data.slice(0, Math.floor(data.length / 3)));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
        return new Proxy(handle, { get: (target, key) => key === 'writeFile' ? writeFile : Reflect.get(target, key, target) });
    };
    return { ...fs, default: { ...fs, open }, open };
});

const dir = tempDir();
const write = (file: string, text: string | Uint8Array) => writeFileIn(dir, file, text);
const UNFORMATTED = '标准   甲   "a standard" {\n基准 单价 "unit price" 9.93 元/通\n    基准 单价二 "unit price 2" 9.93 元/通\n}\n';

afterEach(() => {
    disk.full = false;
});

describe('writes are atomic', () => {
    it('format on a full disk leaves the original intact and no temporary file, and says so in one line', async () => {
        const file = write('full/a.kpi', UNFORMATTED);
        disk.full = true;
        const run = await runCli(['format', 'full'], { cwd: dir });
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^kpispec: cannot write .*a\.kpi: ENOSPC \(the file is unchanged\)\n$/);
        expect(readFileSync(file, 'utf8')).toBe(UNFORMATTED);
        expect(readdirSync(join(dir, 'full'))).toEqual(['a.kpi']);
    });

    it('format replaces the file whole when the disk has room', async () => {
        const file = write('room/a.kpi', UNFORMATTED);
        const run = await runCli(['format', 'room'], { cwd: dir });
        expect(run.code).toBe(0);
        expect(readFileSync(file, 'utf8')).toMatch(/^标准 甲 "a standard" \{\n    基准 单价 /);
        expect(readdirSync(join(dir, 'room'))).toEqual(['a.kpi']);
    });

    it('-o on a full disk leaves the previous report intact', async () => {
        write('lint/a.kpi', UNFORMATTED);
        const report = write('lint-reports/report.json', 'previous report');
        disk.full = true;
        const run = await runCli(['lint', 'lint', '-f', 'json', '-o', report], { cwd: dir });
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^kpispec: cannot write .*report\.json: ENOSPC\n$/);
        expect(readFileSync(report, 'utf8')).toBe('previous report');
        expect(readdirSync(join(dir, 'lint-reports'))).toEqual(['report.json']);
    });
});
