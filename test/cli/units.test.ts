import { appendFileSync, cpSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.mjs';
import { formatJson } from '../../packages/cli/src/formatters/json.js';
import type { FileResult } from '../../packages/cli/src/results.js';
import { lintAtOnce } from './lint-at-once.js';
import { REPO, runBuiltCli, runCli, tempDir } from './run-cli.js';

/*
 * `kpispec lint` validates unit by unit (a project with the files that name it; shared
 * standards beside each), in threads, in shards and from a cache: every way must print what
 * one validation of the whole workspace prints, byte for byte.
 */

const ENV = { LANG: 'en_US.UTF-8' };

/** Units validated and reused by the run that wrote a cache file (its header line). */
const cacheStats = (file: string) => (JSON.parse(readFileSync(file, 'utf8').split('\n')[0]!) as { stats: { validated: number; reused: number } }).stats;

async function lintJson(folder: string, ...flags: string[]): Promise<string> {
    const run = await runBuiltCli(['lint', folder, '-f', 'json', ...flags], { env: ENV });
    expect(run.stderr).toBe('');
    expect([0, 1]).toContain(run.code);
    return run.stdout;
}

const byPath = (a: FileResult, b: FileResult) => (a.filePath < b.filePath ? -1 : 1);

describe('units give the results of the whole workspace', () => {
    const folders = [
        join(REPO, 'test', 'fixtures', 'reference'),
        // Files of no project, a file naming two projects, a name defined in two folders, a
        // quoted name, a standard defined twice, suppressions, links to names nowhere defined, and a
        // pasted row of 120 of them (only the first 100 list names).
        join(REPO, 'test', 'fixtures', 'units'),
    ];
    for (const folder of folders) {
        it(`in one thread and in two: ${folder.slice(REPO.length + 1)}`, async () => {
            const atOnce = await lintAtOnce(folder, ENV);
            expect(await lintJson(folder, '--concurrency', '1')).toBe(atOnce);
            expect(await lintJson(folder, '--concurrency', '2')).toBe(atOnce);
        });
    }

    it('names the closest names of the whole workspace for a link to nothing, not those of its unit', async () => {
        const folder = join(REPO, 'test', 'fixtures', 'units', 'orphan');
        const run = await runCli(['lint', join(REPO, 'test', 'fixtures', 'units'), '-f', 'json']);
        const orphan = (JSON.parse(run.stdout) as FileResult[]).find(r => r.filePath.startsWith(folder))!;
        expect(orphan.messages.map(m => m.message)).toContain('找不到「甲项木」；可用的有：甲项目、甲合同、乙 项目、粘贴');
    });
});

describe('a generated workspace of 30 projects', () => {
    const dir = tempDir();
    const workspace = join(dir, 'ws');
    let atOnce: string;
    /** The projects given a complaint rate under 服务对象满意度. */
    let misfiled: string[];
    beforeAll(async () => {
        // A configuration for all and one project's own: a worker applies each folder's as lint found it.
        misfiled = generate(30, workspace).projects.filter(p => p.faults.includes('target/misfiled')).map(p => p.dir);
        writeFileSync(join(workspace, 'kpispec.json'), JSON.stringify({ rules: { 'target/misfiled': 'off' } }));
        writeFileSync(join(workspace, misfiled[0]!, 'kpispec.json'), JSON.stringify({ rules: { 'target/misfiled': 'error' } }));
        atOnce = await lintAtOnce(workspace, ENV);
    }, 120_000);

    it('gives the same bytes in one thread and in two', async () => {
        expect(await lintJson(workspace, '--concurrency', '1')).toBe(atOnce);
        expect(await lintJson(workspace, '--concurrency', '2')).toBe(atOnce);
        const found = JSON.parse(atOnce) as FileResult[];
        const rules = (project: string) => found.filter(f => f.filePath.includes(`${project}/`)).flatMap(f => f.messages.map(m => `${m.ruleId}:${m.severity}`));
        // The nearest kpispec.json applies: the project's own, which makes target/misfiled an error,
        // and for the other projects with that fault the workspace's, which turns it off.
        expect(misfiled.length).toBeGreaterThan(1);
        expect(found.filter(f => !f.filePath.includes(`${misfiled[0]}/`)).flatMap(f => f.messages).some(m => m.ruleId === 'target/misfiled')).toBe(false);
        expect(rules(misfiled[0]!)).toContain('target/misfiled:2');
    }, 120_000);

    it('gives the same SARIF, with the places findings name elsewhere, in one thread, in two and from the cache', async () => {
        const sarif = async (...flags: string[]) => (await runBuiltCli(['lint', workspace, '-f', 'sarif', ...flags], { env: ENV })).stdout;
        const one = await sarif('--concurrency', '1');
        // The clauses, requirements and goals findings name lie in other files of their unit or in the shared standards.
        const related = (JSON.parse(one) as { runs: Array<{ results: Array<{ relatedLocations?: unknown[] }> }> }).runs[0]!.results.filter(r => r.relatedLocations);
        expect(related.length).toBeGreaterThan(30);
        expect(await sarif('--concurrency', '2')).toBe(one);
        const cache = ['--cache', '--cache-location', join(dir, 'sarif-cache')];
        expect(await sarif(...cache)).toBe(one);
        expect(await sarif(...cache)).toBe(one);
        expect(cacheStats(join(dir, 'sarif-cache')).validated).toBe(0);
    }, 120_000);

    it('puts every file in exactly one of three shards, and the shards together are the whole run', async () => {
        const shards = await Promise.all([1, 2, 3].map(async i => JSON.parse(await lintJson(workspace, '--shard', `${i}/3`)) as FileResult[]));
        expect(shards.every(s => s.length > 0)).toBe(true);
        const union = shards.flat().sort(byPath);
        expect(new Set(union.map(r => r.filePath)).size).toBe(union.length);
        expect(formatJson(union)).toBe(atOnce);
    }, 120_000);

    it('re-checks only the unit of a changed file with --cache, and reports as a run without cache', async () => {
        const copy = join(dir, 'cached');
        cpSync(workspace, copy, { recursive: true });
        const cacheFile = join(dir, 'lint-cache');
        const stats = () => cacheStats(cacheFile);
        const cached = (...flags: string[]) => lintJson(copy, '--cache', '--cache-location', cacheFile, ...flags);

        expect(await cached()).toBe(atOnce.split(workspace).join(copy));
        const units = stats().validated;
        expect(units).toBeGreaterThanOrEqual(30);
        expect(stats().reused).toBe(0);

        expect(await cached('--concurrency', '2')).toBe(atOnce.split(workspace).join(copy));
        expect(stats()).toEqual({ validated: 0, reused: units });

        // One contract loses its clauses' penalties: only its project's unit is validated again.
        const contract = join(copy, 'p0003', 'contract.kpi');
        writeFileSync(contract, readFileSync(contract, 'utf8').replace(/\n\s*(违约|penalty) "[^"]*"/g, ''));
        const changed = await cached();
        expect(stats()).toEqual({ validated: 1, reused: units - 1 });
        expect(changed).toBe(await lintAtOnce(copy, ENV));
        expect(changed).not.toBe(atOnce.split(workspace).join(copy));

        // A new file defining a name another unit already has: both units change (name/duplicate).
        const taken = /^(?:合同|contract) (\S+)/m.exec(readFileSync(join(copy, 'p0007', 'contract.kpi'), 'utf8'))![1]!;
        appendFileSync(join(copy, 'p0005', 'targets.kpi'), `\n合同 ${taken} "重名" {\n}\n`);
        const duplicated = await cached();
        expect(stats().validated).toBeGreaterThanOrEqual(1);
        expect(duplicated).toBe(await lintAtOnce(copy, ENV));
    }, 180_000);
});

describe('--cache and unchanged files', () => {
    const dir = tempDir();
    const workspace = join(dir, 'ws');
    const cacheFile = join(dir, 'lint-cache');
    const stats = () => cacheStats(cacheFile);
    /** `lint -f json --cache`, and what KPISPEC_DEBUG=units says of the run. */
    async function cached(): Promise<{ json: string; debug: string }> {
        const run = await runBuiltCli(['lint', workspace, '-f', 'json', '--cache', '--cache-location', cacheFile], { env: { ...ENV, KPISPEC_DEBUG: 'units' } });
        expect([0, 1]).toContain(run.code);
        return { json: run.stdout, debug: run.stderr };
    }

    it('trusts size and times, re-reads a touched file, and regroups files it did not read when a name they mention gets defined', async () => {
        generate(12, workspace);
        // A contract for a project nobody has written yet: its link is reported unresolved.
        mkdirSync(join(workspace, 'extra'));
        writeFileSync(join(workspace, 'extra', 'uses.kpi'), '合同 新合同 "新合同" 对象 新项目 {\n}\n');
        const unresolvedIn = (json: string) => (JSON.parse(json) as FileResult[])
            .find(r => r.filePath.endsWith('uses.kpi'))!.messages.filter(m => m.ruleId === 'reference/unresolved').length;
        const first = await cached();
        expect(first.json).toBe(await lintAtOnce(workspace, ENV));
        expect(unresolvedIn(first.json)).toBe(1);
        const units = stats().validated;

        // Touched, same text: read again, same hash, nothing validated.
        const targets = join(workspace, 'p0001', 'targets.kpi');
        utimesSync(targets, new Date(), new Date(Date.now() + 60_000));
        expect((await cached()).json).toBe(await lintAtOnce(workspace, ENV));
        expect(stats()).toEqual({ validated: 0, reused: units });

        // The project appears in a new file: extra/uses.kpi, not read again, must join its unit.
        writeFileSync(join(workspace, 'extra', 'new.kpi'), '项目 新项目 "新项目" {\n}\n');
        const run = await cached();
        expect(run.json).toBe(await lintAtOnce(workspace, ENV));
        expect(run.debug).not.toContain('validating at once');
        expect(unresolvedIn(run.json)).toBe(0);
    }, 120_000);
});

describe('the report\'s locale', () => {
    it('follows most files, those without messages too, with and without the cache', async () => {
        const dir = tempDir();
        const workspace = join(dir, 'ws');
        mkdirSync(workspace);
        // First an English file with a finding, then two with Chinese keywords and nothing to report; the environment is English.
        writeFileSync(join(workspace, 'a.kpi'), 'contract C "service contract" {\n    clause T "answer rate" >= 90%\n}\n');
        writeFileSync(join(workspace, 'b.kpi'), '标准 甲 "一个标准" {\n    基准 单价 "单价" 9.93 元/通\n}\n');
        writeFileSync(join(workspace, 'c.kpi'), '标准 乙 "另一个标准" {\n    基准 单价 "单价" 9.93 元/通\n}\n');
        const sarif = async (...flags: string[]) => {
            const run = await runBuiltCli(['lint', workspace, '-f', 'sarif', ...flags], { env: ENV });
            expect(run.code).toBe(0);
            return run.stdout;
        };
        const plain = await sarif();
        expect(plain).toContain('规则说明');
        expect(plain).not.toContain('Rule documentation');
        const cache = ['--cache', '--cache-location', join(dir, 'cache')];
        expect(await sarif(...cache)).toBe(plain);
        // Warm: every unit comes from the cache.
        expect(await sarif(...cache)).toBe(plain);
        expect(cacheStats(join(dir, 'cache'))).toEqual({ validated: 0, reused: 2 });
    }, 60_000);
});

describe('flags', () => {
    it.each([
        [['--concurrency', '0'], "--concurrency must be auto or a number of threads ≥ 1, not '0'"],
        [['--concurrency', 'many'], "--concurrency must be auto or a number of threads ≥ 1, not 'many'"],
        [['--shard', '4/3'], "--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), not '4/3'"],
        [['--shard', '1'], "--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), not '1'"],
    ])('%s is one line and exit code 2', async (flags, message) => {
        const run = await runCli(['lint', 'test/fixtures/units', ...flags]);
        expect(run.code).toBe(2);
        expect(run.stderr).toBe(`kpispec: ${message}\n`);
    });

    it('writes the cache to a folder given as --cache-location', async () => {
        const dir = tempDir();
        const run = await runCli(['lint', 'test/fixtures/units', '--cache', '--cache-location', dir, '-f', 'json']);
        expect(run.code).toBe(1);
        expect(cacheStats(join(dir, '.kpispeccache')).validated).toBeGreaterThan(0);
    });
});
