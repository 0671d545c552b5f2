import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN, ERROR, expectFatal, runBuiltCli, runCli, tempDir, WARNING, writeFileIn } from './run-cli.js';

/*
 * The CLI's own words (usage errors, stylish's severities and summary, the job summary) are in
 * the language of its messages: usage errors in --locale, else LC_ALL / LC_MESSAGES / LANG (no
 * file is read yet), the words about the files' findings in the files' language, as the findings.
 */
const dir = tempDir();
writeFileIn(dir, 'clean/a.kpi', CLEAN);
writeFileIn(dir, 'zh/error.kpi', ERROR);
writeFileIn(dir, 'zh/warning.kpi', WARNING);
writeFileIn(dir, 'en/a.kpi', 'contract C "c" {\n    clause AnswerRate "answer rate" >= 95%\n}\n');

const CHINESE = { LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const ENGLISH = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

describe('usage errors', () => {
    const cases: Array<[string[], string, string]> = [
        [['lint', '--colour'], '未知选项「--colour」（见 kpispec lint --help）', "unknown option '--colour' (see kpispec lint --help)"],
        [['lint', '--format'], '选项「-f, --format <value>」缺少取值（见 kpispec lint --help）', "option '-f, --format <value>' argument missing (see kpispec lint --help)"],
        [['format', '--check=yes'], '选项「--check」不带取值（见 kpispec format --help）', "option '--check' does not take an argument (see kpispec format --help)"],
        [['lint', 'clean', '-f', 'xml'], '未知格式「xml」（可用 stylish、json、sarif、github、junit）', "unknown format 'xml' (use stylish, json, sarif, github, junit)"],
        [['lint', 'clean', '-f', 'json', '-f', 'sarif'], '--format 给了 2 次（json、sarif），只能给一次', '--format given 2 times (json, sarif); give it once'],
        [['lint', 'clean', '--concurrency', '0'], '--concurrency 应为 auto 或不小于 1 的线程数，而不是「0」', "--concurrency must be auto or a number of threads ≥ 1, not '0'"],
        [['lint', 'clean', '--shard', '3/2'], '--shard 应为 i/n，1 ≤ i ≤ n（如 2/4），而不是「3/2」', "--shard must be i/n with 1 ≤ i ≤ n (e.g. 2/4), not '3/2'"],
        [['lint', 'clean', '--max-warnings', 'ten'], '--max-warnings 应为不小于 0 的整数，而不是「ten」', "--max-warnings needs a whole number ≥ 0, not 'ten'"],
        [['lint', 'missing'], '文件或文件夹不存在：missing', 'no such file or folder: missing'],
        [['lint', 'nothing-*.kpi'], '没有与「nothing-*.kpi」匹配的 .kpi 文件或工作簿', "no .kpi files or workbooks match 'nothing-*.kpi'"],
        [['lint', 'clean', '--locale', 'fr'], '未知语言「fr」（可用 zh-CN 或 en）', "unknown locale 'fr' (use zh-CN or en)"],
        [['lint', 'clean', '-c', 'none.json'], '配置文件不存在：none.json', 'no such configuration file: none.json'],
        [['score', 'clean', '-f', 'xml'], '未知格式「xml」（可用 table、json、csv）', "unknown format 'xml' (use table, json, csv)"],
        [['score', 'clean', '-p', 'nope'], '未知评分方案「nope」（可用 national-2020、hubei-2020）', "unknown scoring profile 'nope' (use national-2020, hubei-2020)"],
        [['report', 'clean', '-f', 'pdf'], '未知格式「pdf」（可用 html 或 xlsx）', "unknown format 'pdf' (use html or xlsx)"],
        [['export', 'clean'], 'export 需要 -o <out.xlsx>（见 kpispec export --help）', 'export needs -o <out.xlsx> (see kpispec export --help)'],
        [['import'], 'import 至少需要一个工作簿（见 kpispec import --help）', 'import needs at least one workbook (see kpispec import --help)'],
        [['import', 'clean/a.csv'], 'clean/a.csv：不是工作簿（.xlsx 或 .xls）；请先另存为 Excel 工作簿（.xlsx）', 'clean/a.csv: not a workbook (.xlsx or .xls); save it as an Excel workbook (.xlsx) first'],
        [['init', 'a', 'b'], 'init 只接受一个文件夹（见 kpispec init --help）', 'init takes one folder (see kpispec init --help)'],
        [['init', '--lang', 'fr'], '未知的关键字语言「fr」（可用 zh 或 en）', "unknown language 'fr' (use zh or en)"],
        [['check'], '未知命令「check」（可用 lint、score、report、format、import、export 或 init；见 kpispec --help）',
            "unknown command 'check' (use lint, score, report, format, import, export or init; see kpispec --help)"],
    ];

    it.each(cases)('%j: in Chinese under a Chinese LANG, in English under an English one, one line, exit 2', async (args, zh, en) => {
        const chinese = await runCli(args, { cwd: dir, env: CHINESE });
        expectFatal(chinese, zh);
        expect(chinese.stderr).toBe(`kpispec: ${zh}\n`);
        const english = await runCli(args, { cwd: dir, env: ENGLISH });
        expectFatal(english, en);
        expect(english.stderr).toBe(`kpispec: ${en}\n`);
    });

    it('--locale on the command line wins over LANG, before or after the fault', async () => {
        expect((await runCli(['lint', '--locale', 'zh-CN', '--colour'], { cwd: dir, env: ENGLISH })).stderr).toBe('kpispec: 未知选项「--colour」（见 kpispec lint --help）\n');
        expect((await runCli(['lint', '--colour', '--locale=en'], { cwd: dir, env: CHINESE })).stderr).toBe("kpispec: unknown option '--colour' (see kpispec lint --help)\n");
        // LC_ALL before LC_MESSAGES before LANG; a C locale is English; none at all is Chinese, as for a file without keywords.
        expect((await runCli(['lint', '--colour'], { cwd: dir, env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' } })).stderr).toMatch(/^kpispec: 未知选项/);
        expect((await runCli(['lint', '--colour'], { cwd: dir, env: { LANG: 'C.UTF-8' } })).stderr).toMatch(/^kpispec: unknown option/);
        expect((await runCli(['lint', '--colour'], { cwd: dir, env: { LANG: undefined } })).stderr).toMatch(/^kpispec: 未知选项/);
    });

    it('the built CLI too', async () => {
        const run = await runBuiltCli(['lint', 'clean', '--shard', 'half'], { cwd: dir, env: { LANG: 'zh_CN.UTF-8' } });
        expectFatal(run, 'kpispec: --shard 应为 i/n，1 ≤ i ≤ n（如 2/4），而不是「half」\n');
    });
});

describe('stylish in the files\' language', () => {
    it('Chinese files: the severities and the summary line in Chinese, aligned', async () => {
        const run = await runCli(['lint', 'zh'], { cwd: dir, env: ENGLISH });
        expect(run.code).toBe(1);
        const rows = run.stdout.split('\n').filter(l => /^ {2}\d/.test(l));
        expect(rows).toEqual([
            expect.stringMatching(/^ {2}4:\d+ {2}错误 {2}\S.* {2}name\/duplicate$/),
            expect.stringMatching(/^ {2}2:\d+ {2}警告 {2}\S.* {2}contract\/no-penalty$/),
        ]);
        expect(run.stdout).toMatch(/\n✖ 2 个问题（错误 1 个，警告 1 个，提示 0 个）\n$/);
    });

    it('English files, or --locale en: in English, as before', async () => {
        const en = await runCli(['lint', 'en'], { cwd: dir, env: CHINESE });
        expect(en.stdout).toMatch(/\n {2}2:\d+ {2}warning {2}Clause 'AnswerRate'/);
        expect(en.stdout).toMatch(/\n✖ 1 problem \(0 errors, 1 warning, 0 info\)\n$/);
        const chosen = await runCli(['lint', 'zh', '--locale', 'en'], { cwd: dir, env: CHINESE });
        expect(chosen.stdout).toMatch(/\n✖ 2 problems \(1 error, 1 warning, 0 info\)\n$/);
    });
});

describe('the GitHub job summary in the files\' language', () => {
    it('heading, table heads and severities in Chinese for Chinese files; English with --locale en', async () => {
        const summary = join(dir, 'summary-zh.md');
        await runCli(['lint', 'zh', '-f', 'github'], { cwd: dir, env: { ...ENGLISH, GITHUB_STEP_SUMMARY: summary } });
        const zh = readFileSync(summary, 'utf8').split('\n');
        expect(zh.slice(0, 4)).toEqual(['### KPI Spec：错误 1 个，警告 1 个，提示 0 个', '', '| 文件 | 位置 | 级别 | 规则 | 说明 |', '| --- | ---: | --- | --- | --- |']);
        expect(zh[4]).toMatch(/^\| zh\/error\.kpi \| 4 \| 错误 \| \[name\/duplicate\]/);
        expect(zh[5]).toMatch(/^\| zh\/warning\.kpi \| 2 \| 警告 \| \[contract\/no-penalty\]/);

        const english = join(dir, 'summary-en.md');
        await runCli(['lint', 'zh', '-f', 'github', '--locale', 'en'], { cwd: dir, env: { ...CHINESE, GITHUB_STEP_SUMMARY: english } });
        const en = readFileSync(english, 'utf8').split('\n');
        expect(en.slice(0, 3)).toEqual(['### KPI Spec: 1 error, 1 warning, 0 info', '', '| File | Line | Severity | Rule | Message |']);
        expect(en[4]).toMatch(/^\| zh\/error\.kpi \| 4 \| error \| /);
    });

    it('says there is nothing to report in the files\' language', async () => {
        const summary = join(dir, 'summary-clean.md');
        await runCli(['lint', 'clean', '-f', 'github'], { cwd: dir, env: { ...ENGLISH, GITHUB_STEP_SUMMARY: summary } });
        expect(readFileSync(summary, 'utf8')).toBe('### KPI Spec：错误 0 个，警告 0 个，提示 0 个\n\n未发现问题。\n\n');
    });

    it('leaves the annotations\' commands and the machine formats as they were', async () => {
        const github = await runCli(['lint', 'zh', '-f', 'github'], { cwd: dir, env: CHINESE });
        expect(github.stdout).toMatch(/^::error file=zh\/error\.kpi,line=4,/);
        const json = JSON.parse((await runCli(['lint', 'zh', '-f', 'json'], { cwd: dir, env: CHINESE })).stdout) as Array<{ messages: Array<{ severity: number }> }>;
        expect(json.flatMap(r => r.messages.map(m => m.severity))).toEqual([2, 1]);
        const junit = (await runCli(['lint', 'zh', '-f', 'junit'], { cwd: dir, env: CHINESE })).stdout;
        expect(junit).toContain('type="error"');
    });
});

describe('help in the CLI\'s language', () => {
    /** The options a help lists, each at the start of its line, in order. */
    const optionsOf = (help: string) => help.split('\n').flatMap(l => /^ {2}(?:-\w, )? *(--[\w-]+)/.exec(l)?.[1] ?? []);

    it.each(['--help', 'lint --help', 'score --help', 'report --help', 'format --help', 'import --help', 'export --help', 'init --help', 'help lint'])('kpispec %s: Chinese under a Chinese LANG or --locale zh-CN, the same options as the English', async line => {
        const args = line.split(' ');
        const chinese = await runCli(args, { env: CHINESE });
        const english = await runCli(args, { env: ENGLISH });
        expect(chinese.code).toBe(0);
        expect(chinese.stdout).toMatch(/^用法：kpispec /);
        expect(english.stdout).toMatch(/^Usage: kpispec /);
        expect(optionsOf(chinese.stdout)).toEqual(optionsOf(english.stdout));
        expect(optionsOf(english.stdout).length).toBeGreaterThan(1);
        // init has no --locale: its --lang is the language of the files it writes.
        if (args[0] !== 'init') expect((await runCli([...args, '--locale', 'zh-CN'], { env: ENGLISH })).stdout).toBe(chinese.stdout);
    });

    it('kpispec without a command: the usage on stderr, in the CLI\'s language, exit 2', async () => {
        const run = await runCli([], { env: CHINESE });
        expect(run.code).toBe(2);
        expect(run.stderr).toMatch(/^用法：kpispec <命令> \[选项\]\n/);
    });
});
