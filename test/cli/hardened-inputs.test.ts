import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN, expectFatal, runCli, tempDir, WARNING, writeFileIn } from './run-cli.js';

/*
 * Inputs and options that used to hang, mislead or write where they should not (issue 12):
 * each is refused or handled in one clear line.
 */
const dir = tempDir();
const write = (file: string, text: string | Uint8Array) => writeFileIn(dir, file, text);


describe('what is not a regular file', () => {
    it('/dev/zero is refused instead of read without end', async () => {
        expectFatal(await runCli(['lint', '/dev/zero']), /^kpispec: \/dev\/zero is not a regular file\n$/);
        expectFatal(await runCli(['format', '/dev/zero']), /^kpispec: \/dev\/zero is not a regular file\n$/);
    });

    it('a named pipe is refused instead of waiting for a writer', async () => {
        const pipe = join(dir, 'pipe.kpi');
        execFileSync('mkfifo', [pipe]);
        expectFatal(await runCli(['lint', pipe]), /is not a regular file\n$/);
    });
});

describe('options', () => {
    write('clean/a.kpi', CLEAN);
    write('warning/a.kpi', WARNING);

    it('--max-warnings -1 says what the option needs, not that the argument is ambiguous', async () => {
        expectFatal(await runCli(['lint', 'clean', '--max-warnings', '-1'], { cwd: dir }), /--max-warnings needs a whole number ≥ 0, not '-1'/);
    });

    it('a format or an output file given twice is a usage error, not the last one silently', async () => {
        expectFatal(await runCli(['lint', 'clean', '-f', 'json', '-f', 'sarif'], { cwd: dir }), /--format given 2 times \(json, sarif\)/);
        expectFatal(await runCli(['lint', 'clean', '-o', 'a.txt', '-o', 'b.txt'], { cwd: dir }), /--output-file given 2 times/);
    });

    it('--docs-base-url takes only http, https and file addresses', async () => {
        for (const url of ['javascript:alert(1)//', 'data:text/html,<b>x</b>', 'not a url']) {
            expectFatal(await runCli(['lint', 'warning', '-f', 'sarif', '--docs-base-url', url], { cwd: dir }), /--docs-base-url needs an http, https or file address/);
        }
        const ok = await runCli(['lint', 'warning', '-f', 'sarif', '--docs-base-url', 'https://docs.example/rules/'], { cwd: dir });
        expect(ok.code).toBe(0);
        expect(ok.stdout).toContain('https://docs.example/rules/');
    });
});

describe('where reports go', () => {
    it('-o onto a file being checked is refused and the file is left as it was', async () => {
        const file = write('self/a.kpi', WARNING);
        expectFatal(await runCli(['lint', 'self', '-o', 'self/a.kpi'], { cwd: dir }), /--output-file .*a\.kpi is one of the files being checked/);
        expect(readFileSync(file, 'utf8')).toBe(WARNING);
        // Through a link to it, or another name of the same file.
        symlinkSync(file, join(dir, 'link.json'));
        linkSync(file, join(dir, 'hard.json'));
        for (const output of ['link.json', 'hard.json']) {
            expectFatal(await runCli(['lint', 'self', '-o', output], { cwd: dir }), new RegExp(`--output-file .*${output} is one of the files being checked`));
        }
        expect(readFileSync(file, 'utf8')).toBe(WARNING);
    });

    it('-o replaces a report whole and leaves no temporary file', async () => {
        write('reports/old.json', 'old report');
        const run = await runCli(['lint', 'warning', '-f', 'json', '-o', 'reports/old.json'], { cwd: dir });
        expect(run.code).toBe(0);
        expect(JSON.parse(readFileSync(join(dir, 'reports', 'old.json'), 'utf8'))).toHaveLength(1);
        expect(readdirSync(join(dir, 'reports'))).toEqual(['old.json']);
    });

    it('a GITHUB_STEP_SUMMARY in a missing folder is not created; one line says so and the report stands', async () => {
        const summary = join(dir, 'no-such-folder', 'summary.md');
        const run = await runCli(['lint', 'warning', '-f', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
        expect(run.code).toBe(0);
        expect(run.stdout).toMatch(/^::warning /);
        expect(run.stderr).toMatch(/^kpispec: 未写入作业摘要：GITHUB_STEP_SUMMARY 所在的文件夹（.*）不存在\n$/);
        const english = await runCli(['lint', 'warning', '-f', 'github', '--locale', 'en'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
        expect(english.stderr).toMatch(/^kpispec: job summary not written: the folder of GITHUB_STEP_SUMMARY .* does not exist\n$/);
        expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    });
});

describe('format', () => {
    it('reports a syntax error at the end of the file on its last line, never at -1:-1', async () => {
        write('eof/a.kpi', '项目 甲 "x" {\n    实施期 2019-07 至 2020-06\n');
        const run = await runCli(['format', 'eof'], { cwd: dir });
        expect(run.code).toBe(2);
        expect(run.stderr).toBe('kpispec: 未格式化：eof/a.kpi:3:1 有语法错误\n');
    });
});
