import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/generate.mjs';
import type { FileResult } from '../../packages/cli/src/results.js';
import { NODE, REPO, runCli, tempDir } from './run-cli.js';

/*
 * The benchmark's corpus (bench/generate.mjs) plants each fault of bench/corpus/faults.mjs in
 * some project, and `npm run bench` reports which rules fired. A fault that the language came to
 * accept (a semicolon at a line's end, since it reads as a space) silently left its rule out of
 * the workload: each planted fault must be reported in the project it was planted in.
 */
describe("the benchmark's corpus", () => {
    let projects: Array<{ dir: string; faults: string[] }>;
    let found: FileResult[];
    beforeAll(async () => {
        const workspace = join(tempDir(), 'ws');
        // Each project is given the next faults in turn: enough projects for every one of them.
        projects = generate(80, workspace).projects;
        const run = await runCli(['lint', workspace, '-f', 'json'], { env: { LANG: 'en_US.UTF-8' } });
        found = JSON.parse(run.stdout) as FileResult[];
    }, 120_000);

    it('plants every kind of fault', () => {
        expect(new Set(projects.flatMap(p => p.faults)).size).toBeGreaterThan(55);
    });

    // Per kind: where two faults meet in one project, one may undo the other (the 测算 rows of
    // complete forms set what was spent, over a planted execution shortfall).
    it('has each kind of planted fault reported in a project it was planted in', () => {
        const reported = (dir: string) => new Set(found.filter(f => f.filePath.includes(`/${dir}/`)).flatMap(f => f.messages.map(m => m.ruleId)));
        const planted = new Set(projects.flatMap(p => p.faults));
        const unreported = [...planted].filter(rule => !projects.some(p => p.faults.includes(rule) && reported(p.dir).has(rule)));
        expect(unreported).toEqual([]);
    });
});

describe('the bench and scripts/ tools from the command line', () => {
    const TOOLS = ['bench/generate.mjs', 'bench/run.mjs', 'bench/soak.mjs', 'bench/report.mjs', 'bench/profile.mjs',
        'bench/hotspots.mjs', 'bench/editor.mjs', 'bench/web.mjs', 'scripts/fuzz.mjs'];
    const run = (tool: string, ...args: string[]) => spawnSync(NODE, [join(REPO, tool), ...args], { encoding: 'utf8' });

    it.each(TOOLS)('%s says how it is used for --help, and for an option it does not know, without a stack trace', tool => {
        const help = run(tool, '--help');
        expect(help.status).toBe(0);
        expect(help.stdout).toMatch(/^usage: \S/);
        const unknown = run(tool, '--nope');
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toBe(`Unknown option '--nope'\n${help.stdout}`);
    });

    it('names bench:gen\'s arguments', () => {
        expect(run('bench/generate.mjs', '-h').stdout).toMatch(/^usage: npm run bench:gen -- <N> \[outDir\] \[--seed S\]/);
    });
});
