import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFile, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, CLEAN, ERROR, expectFatal, NODE, runBuiltCli, runCli, tempDir, WARNING, writeFileIn } from './run-cli.js';

const dir = tempDir();
const write = (file: string, text: string | Uint8Array) => writeFileIn(dir, file, text);


describe('exit codes', () => {
    write('clean/a.kpi', CLEAN);
    write('error/a.kpi', ERROR);
    write('warning/a.kpi', WARNING);

    it('0 when clean, 1 on errors, warnings pass unless --max-warnings is exceeded', async () => {
        expect((await runCli(['lint', 'clean'], { cwd: dir })).code).toBe(0);
        const error = await runCli(['lint', 'error', '-f', 'json'], { cwd: dir });
        expect(error.code).toBe(1);
        expect(JSON.parse(error.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('name/duplicate');
        expect((await runCli(['lint', 'warning'], { cwd: dir })).code).toBe(0);
        expect((await runCli(['lint', 'warning', '--max-warnings', '1'], { cwd: dir })).code).toBe(0);
        const tooMany = await runCli(['lint', 'warning', '--max-warnings', '0'], { cwd: dir });
        expect(tooMany.code).toBe(1);
        // In the files' language, as the report before it.
        expect(tooMany.stderr).toBe('kpispec: 警告 1 个，超过 --max-warnings 0\n');
        const english = await runCli(['lint', 'warning', '--max-warnings', '0', '--locale', 'en'], { cwd: dir });
        expect(english.stderr).toBe('kpispec: 1 warning, more than --max-warnings 0\n');
    });

    it('--quiet reports errors only, so warnings neither show nor count', async () => {
        const quiet = await runCli(['lint', 'warning', 'error', '--quiet', '--max-warnings', '0', '-f', 'json'], { cwd: dir });
        expect(quiet.code).toBe(1);
        const messages = (JSON.parse(quiet.stdout) as Array<{ messages: Array<{ severity: number }> }>).flatMap(r => r.messages);
        expect(messages.length).toBeGreaterThan(0);
        expect(messages.every(m => m.severity === 2)).toBe(true);
        expect((await runCli(['lint', 'warning', '--quiet', '--max-warnings', '0'], { cwd: dir })).code).toBe(0);
    });

    it('a reader that stops early (kpispec lint | head) ends the run quietly, with its exit code', async () => {
        // More than a pipe holds (64 KB), so that writing the report meets the closed pipe.
        for (let i = 0; i < 200; i++) write(`many/${i}.kpi`, ERROR);
        const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>(resolve => {
            execFile('bash', ['-o', 'pipefail', '-c', `"${NODE}" "${BIN}" lint many -f json | head -c 5`], { cwd: dir }, (error, stdout, stderr) => {
                resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
            });
        });
        expect(stdout).toBe('[\n  {');
        expect(stderr).toBe('');
        expect(code).toBe(1);
    });

    it('a closed stderr (kpispec lint 2>&1 | head) does not crash the run either', async () => {
        // The last line, "more than --max-warnings", goes to stderr after the report.
        for (let i = 0; i < 3; i++) write(`warnings/${i}.kpi`, WARNING.replace('警告', `警告${i}`));
        // A preload records what would otherwise crash the run (and print its stack trace).
        const uncaught = join(dir, 'uncaught.txt');
        const preload = write('record-uncaught.mjs', `import { writeFileSync } from 'node:fs';
process.on('uncaughtException', error => { writeFileSync(${JSON.stringify(uncaught)}, String(error.code ?? error)); process.exit(99); });
`);
        const child = spawn(NODE, ['--import', pathToFileURL(preload).href, BIN, 'lint', 'warnings', '-f', 'json', '--max-warnings', '0'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
        // Closed before the run can write anything: its every write to stderr meets EPIPE.
        child.stderr.destroy();
        const code = await new Promise<number | null>(resolve => child.once('close', resolve));
        expect(existsSync(uncaught) ? readFileSync(uncaught, 'utf8') : 'nothing uncaught').toBe('nothing uncaught');
        expect(code).toBe(1);
    });

    it('the built CLI exits with the same codes', async () => {
        expect((await runBuiltCli(['lint', 'clean'], { cwd: dir })).code).toBe(0);
        expect((await runBuiltCli(['lint', 'error'], { cwd: dir })).code).toBe(1);
        const fatal = await runBuiltCli(['lint', 'missing'], { cwd: dir });
        expectFatal(fatal, 'no such file or folder: missing');
    });
});

describe('exit 2: one clear line for every bad input', () => {
    it('a missing path, a glob that matches nothing, a folder without .kpi files', async () => {
        expectFatal(await runCli(['lint', 'nope/a.kpi'], { cwd: dir }), 'no such file or folder: nope/a.kpi');
        expectFatal(await runCli(['lint', 'clean/**/*.kpx'], { cwd: dir }), "no .kpi files or workbooks match 'clean/**/*.kpx'");
        mkdirSync(join(dir, 'empty'), { recursive: true });
        expectFatal(await runCli(['lint', 'empty'], { cwd: dir }), 'no .kpi files found in empty');
    });

    it('every command that reads a folder refuses an empty one and a faulty kpispec.json alike', async () => {
        mkdirSync(join(dir, 'empty'), { recursive: true });
        write('misconfigured/kpispec.json', '{ "rules": { "target/no-sorce": "off" } }');
        write('misconfigured/a.kpi', CLEAN);
        const commands = [['lint'], ['score'], ['format', '--check'], ['report', '-o', 'r.html'], ['export', '-o', 'forms.xlsx']];
        for (const command of commands) {
            expectFatal(await runCli([...command, 'empty'], { cwd: dir }), 'no .kpi files found in empty');
            expectFatal(await runCli([...command, 'misconfigured'], { cwd: dir }), 'invalid configuration: ');
        }
    });

    it('a document named on the command line that no command reads as text: an office document, another kind of spreadsheet, a workbook to format', async () => {
        write('named/notes.docx', 'PK\u0003\u0004 a Word document');
        write('named/form.xlsm', 'PK\u0003\u0004 a macro-enabled workbook');
        write('named/自评表.xlsx', readFileSync(join(import.meta.dirname, '..', 'fixtures', 'excel', 'layout-a', '自评表.xlsx')));
        write('named/form.txt', ERROR);
        expectFatal(await runCli(['lint', 'named/notes.docx'], { cwd: dir }), /^kpispec: named\/notes\.docx: not a \.kpi file or a workbook \(\.xlsx, \.xls\)\n$/);
        expectFatal(await runCli(['lint', 'named/form.xlsm'], { cwd: dir }), /^kpispec: named\/form\.xlsm: not a \.kpi file or a workbook \(\.xlsx, \.xls\); save it as an Excel workbook \(\.xlsx\) first\n$/);
        expectFatal(await runCli(['format', 'named/自评表.xlsx'], { cwd: dir }), /^kpispec: named\/自评表\.xlsx: not a \.kpi file; import the workbook first \(kpispec import named\/自评表\.xlsx\)\n$/);
        // Text of another name, named as the user meant it, is read as .kpi text; a workbook where workbooks are read, as one.
        expect((await runCli(['lint', 'named/form.txt'], { cwd: dir })).code).toBe(1);
        expect((await runCli(['lint', 'named/自评表.xlsx', '-f', 'json'], { cwd: dir })).code).toBe(1);
    });

    it('a file that is not UTF-8', async () => {
        write('latin1/a.kpi', Uint8Array.from([0x2f, 0x2f, 0x20, 0xb2, 0xe2, 0xca, 0xd4, 0x0a]));
        expectFatal(await runCli(['lint', 'latin1'], { cwd: dir }), /^kpispec: latin1\/a\.kpi is not (valid )?UTF-8 text/);
    });

    describe('.kpi files of a folder that are not UTF-8', () => {
        // `// 测试` saved as GBK, and as UTF-16 with its byte order mark, as Notepad saves "ANSI" and "Unicode".
        write('encodings/gbk.kpi', Uint8Array.from([0x2f, 0x2f, 0x20, 0xb2, 0xe2, 0xca, 0xd4, 0x0a]));
        write('encodings/utf16.kpi', Uint8Array.from([0xff, 0xfe, 0x2f, 0x00, 0x2f, 0x00, 0x20, 0x00, 0x4b, 0x6d, 0xd5, 0x8b, 0x0a, 0x00]));
        write('encodings/error.kpi', ERROR);
        const notes = {
            en: 'kpispec: encodings/gbk.kpi is not UTF-8 text (it looks like GBK/GB18030, as Windows "ANSI" saves it): save it as UTF-8\n'
                + 'kpispec: encodings/utf16.kpi is not UTF-8 text (it looks like UTF-16, as Windows "Unicode" saves it): save it as UTF-8\n',
            zh: 'kpispec: encodings/gbk.kpi 不是 UTF-8 文本（看起来是 GBK/GB18030，Windows 的“ANSI”即此编码）：请另存为 UTF-8\n'
                + 'kpispec: encodings/utf16.kpi 不是 UTF-8 文本（看起来是 UTF-16，Windows 的“Unicode”即此编码）：请另存为 UTF-8\n',
        };
        const reported = (stdout: string) => (JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>)
            .map(r => [r.filePath.slice(dir.length + 1), r.messages.map(m => m.ruleId)]);

        it('lint names each on stderr, in the run\'s language, and to machines as a result as the editor shows it, reports the rest and exits 2; with --cache, threads and shards too', async () => {
            const unread = [['encodings/gbk.kpi', ['syntax/lexing']], ['encodings/utf16.kpi', ['syntax/lexing']]];
            for (const flags of [[], ['--cache', '--cache-location', join(dir, 'encodings.cache')], ['--cache', '--cache-location', join(dir, 'encodings.cache')], ['--concurrency', '2']]) {
                const run = await runCli(['lint', 'encodings', '-f', 'json', '--locale', 'en', ...flags], { cwd: dir });
                expect(run.code, flags.join(' ')).toBe(2);
                expect(run.stderr, flags.join(' ')).toBe(notes.en);
                expect(reported(run.stdout)).toEqual([['encodings/error.kpi', ['name/duplicate']], ...unread]);
            }
            const json = JSON.parse((await runCli(['lint', 'encodings', '-f', 'json', '--locale', 'en'], { cwd: dir })).stdout) as Array<{ filePath: string; messages: unknown[] }>;
            expect(json.find(r => r.filePath.endsWith('gbk.kpi'))!.messages).toEqual([{
                ruleId: 'syntax/lexing', severity: 2, fatal: true, line: 1, column: 1, endLine: 1, endColumn: 1,
                message: 'gbk.kpi is not UTF-8 text (it looks like GBK/GB18030, as Windows "ANSI" saves it): save it as UTF-8',
            }]);
            // On the terminal, the note alone.
            const stylish = await runCli(['lint', 'encodings', '--locale', 'zh-CN'], { cwd: dir });
            expect([stylish.code, stylish.stderr]).toEqual([2, notes.zh]);
            expect(stylish.stdout).not.toContain('gbk.kpi');
            // An annotation for a CI run, and a SARIF result.
            expect((await runCli(['lint', 'encodings', '-f', 'github', '--locale', 'en'], { cwd: dir })).stdout).toContain('::error file=encodings/gbk.kpi,line=1,col=1');
            const sarif = JSON.parse((await runCli(['lint', 'encodings', '-f', 'sarif', '--locale', 'en'], { cwd: dir })).stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
            expect(sarif.runs[0]!.results.filter(r => r.ruleId === 'syntax/lexing')).toHaveLength(2);
            // Each is named by the shard of its path, once across a CI matrix.
            const shards = await Promise.all(['1/2', '2/2'].map(shard => runCli(['lint', 'encodings', '-f', 'json', '--locale', 'en', '--shard', shard], { cwd: dir })));
            expect(shards.flatMap(s => s.stderr.split(/(?<=\n)/).filter(Boolean)).sort()).toEqual(notes.en.split(/(?<=\n)/).filter(Boolean));
            expect(shards.flatMap(s => reported(s.stdout)).filter(([, rules]) => rules[0] === 'syntax/lexing').sort()).toEqual(unread);
        });

        it('lint beside a workbook (the workspace validated at once), report and score do the same', async () => {
            write('encodings-workbook/gbk.kpi', readFileSync(join(dir, 'encodings', 'gbk.kpi')));
            write('encodings-workbook/error.kpi', ERROR);
            write('encodings-workbook/自评表.xlsx', readFileSync(join(import.meta.dirname, '..', 'fixtures', 'excel', 'layout-a', '自评表.xlsx')));
            const lint = await runCli(['lint', 'encodings-workbook', '-f', 'json', '--locale', 'en'], { cwd: dir });
            expect(lint.code).toBe(2);
            expect(lint.stderr).toBe(notes.en.split('\n')[0]!.replaceAll('encodings/', 'encodings-workbook/') + '\n');
            expect(reported(lint.stdout).map(([file]) => file)).toEqual(['encodings-workbook/error.kpi', 'encodings-workbook/gbk.kpi', 'encodings-workbook/自评表.xlsx']);

            const report = await runCli(['report', 'encodings', '-o', 'encodings.html', '--locale', 'en'], { cwd: dir });
            expect(report.code).toBe(2);
            expect(report.stderr).toBe(notes.en);
            expect(readFileSync(join(dir, 'encodings.html'), 'utf8')).toContain('data-not-utf8="2">Not reviewed (not UTF-8 text: save as UTF-8): encodings/gbk.kpi: it looks like GBK/GB18030');

            const score = await runCli(['score', 'encodings-workbook', '--locale', 'en'], { cwd: dir });
            expect(score.code).toBe(2);
            expect(score.stdout).toContain('自评表.xlsx');
            expect(score.stderr).toBe(lint.stderr);
            // Without a workbook, where score links the files without validating them.
            const hotline = join(import.meta.dirname, '..', 'fixtures', 'reference', 'hotline-12345');
            for (const file of ['targets.kpi', 'assessment.kpi']) write(`encodings-score/${file}`, readFileSync(join(hotline, file)));
            write('encodings-score/gbk.kpi', readFileSync(join(dir, 'encodings', 'gbk.kpi')));
            const linked = await runCli(['score', 'encodings-score', '--locale', 'en'], { cwd: dir });
            expect(linked.code).toBe(2);
            expect(linked.stdout).toContain('encodings-score/assessment.kpi');
            expect(linked.stderr).toBe(lint.stderr.replace('encodings-workbook/', 'encodings-score/'));
        });
    });

    it('a byte order mark is dropped, as editors do: findings keep their columns', async () => {
        const row = '合同 警告 "c" { 条款 质检率 "录音质检率" >= 5% }\n';
        write('bom/with/a.kpi', '\uFEFF' + row);
        write('bom/without/a.kpi', row);
        const columns = async (folder: string) => {
            const run = await runCli(['lint', folder, '-f', 'json'], { cwd: dir });
            return (JSON.parse(run.stdout) as Array<{ messages: Array<{ line: number; column: number }> }>)[0]!.messages.map(m => `${m.line}:${m.column}`);
        };
        const expected = await columns('bom/without');
        expect(expected).toContain('1:16');
        expect(await columns('bom/with')).toEqual(expected);
    });

    describe('.kpi files of a folder that cannot be read', () => {
        const reported = (stdout: string) => (JSON.parse(stdout) as Array<{ filePath: string }>).map(r => r.filePath.slice(dir.length + 1));

        it('lint names one without read permission on stderr, in the run\'s language, reports the rest (SARIF too) and exits 2', async () => {
            write('locked/error.kpi', ERROR);
            chmodSync(write('locked/locked.kpi', CLEAN), 0o000);
            // Root reads any file (CI runs as root), so then run the built CLI as `nobody`.
            const asRoot = process.getuid?.() === 0;
            if (asRoot) chmodSync(dir, 0o755);
            const run = (args: string[]) => (asRoot ? runBuiltCli(args, { cwd: dir, uid: 65534 }) : runCli(args, { cwd: dir }));
            const json = await run(['lint', 'locked', '-f', 'json', '--locale', 'en']);
            expect(json.code).toBe(2);
            expect(json.stderr).toBe('kpispec: cannot read locked/locked.kpi: EACCES (permission denied)\n');
            // Named in the JSON too, as the editor names it.
            expect(reported(json.stdout)).toEqual(['locked/error.kpi', 'locked/locked.kpi']);
            const sarif = await run(['lint', 'locked', '-f', 'sarif', '--locale', 'zh-CN']);
            expect(sarif.code).toBe(2);
            expect(sarif.stderr).toBe('kpispec: 无法读取 locked/locked.kpi：EACCES（没有读取权限）\n');
            expect((JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ ruleId: string }> }> }).runs[0]!.results.map(r => r.ruleId)).toContain('name/duplicate');
        });

        it('a workbook that cannot be read is passed over as a .kpi file is: lint names it, reports the rest and exits 2', async () => {
            write('locked-workbook/error.kpi', ERROR);
            chmodSync(write('locked-workbook/sealed.xlsx', 'never read'), 0o000);
            symlinkSync('gone.xlsx', join(dir, 'locked-workbook', 'link.xlsx'));
            const asRoot = process.getuid?.() === 0;
            if (asRoot) chmodSync(dir, 0o755);
            const run = (args: string[]) => (asRoot ? runBuiltCli(args, { cwd: dir, uid: 65534 }) : runCli(args, { cwd: dir }));
            const lint = await run(['lint', 'locked-workbook', '-f', 'json', '--locale', 'en']);
            expect(lint.stderr).toBe('kpispec: cannot read locked-workbook/link.xlsx: ENOENT (no such file: a link to a file that is gone?)\n'
                + 'kpispec: cannot read locked-workbook/sealed.xlsx: EACCES (permission denied)\n');
            expect(lint.code).toBe(2);
            expect(reported(lint.stdout)).toEqual(['locked-workbook/error.kpi', 'locked-workbook/link.xlsx', 'locked-workbook/sealed.xlsx']);
            const zh = await run(['lint', 'locked-workbook', '--locale', 'zh-CN']);
            expect(zh.stderr).toContain('kpispec: 无法读取 locked-workbook/sealed.xlsx：EACCES（没有读取权限）\n');
        });

        it('export writes the forms of the rest and names the file it cannot read or that is not UTF-8 (exit 2)', async () => {
            const hotline = join(import.meta.dirname, '..', 'fixtures', 'reference', 'hotline-12345');
            write('dangling-export/targets.kpi', readFileSync(join(hotline, 'targets.kpi')));
            symlinkSync('gone.kpi', join(dir, 'dangling-export', 'link.kpi'));
            write('dangling-export/ansi.kpi', Buffer.from([0xba, 0xcf, 0xcd, 0xac, 0x0a]));
            const run = await runCli(['export', 'dangling-export', '-o', 'dangling-export.xlsx', '--locale', 'en'], { cwd: dir });
            expect(run.stderr).toBe('kpispec: dangling-export/ansi.kpi is not UTF-8 text (it looks like GBK/GB18030, as Windows "ANSI" saves it): save it as UTF-8\n'
                + 'kpispec: cannot read dangling-export/link.kpi: ENOENT (no such file: a link to a file that is gone?)\n');
            expect(run.code).toBe(2);
            expect(run.stdout).toMatch(/^dangling-export\.xlsx: .*申报表/);
            expect(statSync(join(dir, 'dangling-export.xlsx')).size).toBeGreaterThan(0);
            // Nothing left to export: the notes alone.
            const only = await runCli(['export', 'dangling-export/ansi.kpi', '-o', 'only.xlsx'], { cwd: dir });
            expect([only.code, only.stderr]).toEqual([2, run.stderr.split('\n')[0] + '\n']);
            expect(existsSync(join(dir, 'only.xlsx'))).toBe(false);
        });

        it('a link that leads nowhere gets the same line, from lint (with --cache and threads), format, report and score', async () => {
            write('dangling/error.kpi', ERROR);
            symlinkSync('gone.kpi', join(dir, 'dangling', 'link.kpi'));
            const note = 'kpispec: cannot read dangling/link.kpi: ENOENT (no such file: a link to a file that is gone?)\n';
            for (const flags of [[], ['--cache', '--cache-location', join(dir, 'dangling.cache')], ['--cache', '--cache-location', join(dir, 'dangling.cache')], ['--concurrency', '2']]) {
                const lint = await runCli(['lint', 'dangling', '-f', 'json', '--locale', 'en', ...flags], { cwd: dir });
                expect(lint.code, flags.join(' ')).toBe(2);
                expect(lint.stderr, flags.join(' ')).toBe(note);
                expect(reported(lint.stdout)).toEqual(['dangling/error.kpi', 'dangling/link.kpi']);
            }
            const format = await runCli(['format', '--check', 'dangling', '--locale', 'en'], { cwd: dir });
            expect([format.code, format.stderr]).toEqual([2, note]);

            const report = await runCli(['report', 'dangling', '-o', 'dangling.html', '--locale', 'en'], { cwd: dir });
            expect([report.code, report.stderr]).toEqual([2, note]);
            expect(readFileSync(join(dir, 'dangling.html'), 'utf8')).toContain('data-unreadable="1">Not reviewed (cannot be read): dangling/link.kpi: ENOENT (no such file: a link to a file that is gone?)');

            const hotline = join(import.meta.dirname, '..', 'fixtures', 'reference', 'hotline-12345');
            for (const file of ['targets.kpi', 'assessment.kpi']) write(`dangling-score/${file}`, readFileSync(join(hotline, file)));
            symlinkSync('gone.kpi', join(dir, 'dangling-score', 'link.kpi'));
            const score = await runCli(['score', 'dangling-score', '--locale', 'en'], { cwd: dir });
            expect([score.code, score.stderr]).toEqual([2, note.replace('dangling/', 'dangling-score/')]);
            expect(score.stdout).toContain('dangling-score/assessment.kpi');
        });
    });

    it('invalid configuration JSON, with the line and column of the fault', async () => {
        write('badjson/kpispec.json', '{\n  "rules": {\n    "contract/no-penalty": "off",\n  }\n}\n');
        write('badjson/a.kpi', CLEAN);
        expectFatal(await runCli(['lint', 'badjson'], { cwd: dir }), /^kpispec: invalid configuration: .*badjson\/kpispec\.json:3:33: invalid JSON: trailing comma before '}'\n$/);
        write('truncated/kpispec.json', '{ "rules": ');
        write('truncated/a.kpi', CLEAN);
        expectFatal(await runCli(['lint', 'truncated'], { cwd: dir }), /kpispec\.json:1:12: invalid JSON: unexpected end of file\n$/);
    });

    it('an unknown rule id, suggesting the likely one', async () => {
        write('unknown-rule/kpispec.json', '{\n  "rules": {\n    "target/below-contrct": "off"\n  }\n}\n');
        write('unknown-rule/a.kpi', CLEAN);
        expectFatal(await runCli(['lint', 'unknown-rule'], { cwd: dir }),
            /kpispec\.json:3:5: unknown rule "target\/below-contrct" \(did you mean "target\/below-contract"\?\)\n$/);
        // A syntax rule is no configurable rule, but it is the one meant: named, with why it takes no setting.
        write('unknown-syntax/kpispec.json', '{ "rules": { "syntax/parsin": "off" } }');
        write('unknown-syntax/a.kpi', CLEAN);
        expectFatal(await runCli(['lint', 'unknown-syntax'], { cwd: dir }),
            /kpispec\.json:1:14: unknown rule "syntax\/parsin" \(did you mean "syntax\/parsing"\? it cannot be configured: parse errors cannot be switched off, lowered or suppressed\)\n$/);
    });

    it('bad values: a severity, a scheme, a setting, a profile, several at once', async () => {
        write('bad-values/kpispec.json', '{\n  "rules": { "target/vague": "warning" },\n  "scheme": 2019,\n  "colour": true\n}\n');
        write('bad-values/a.kpi', CLEAN);
        expectFatal(await runCli(['lint', 'bad-values'], { cwd: dir }),
            /kpispec\.json:2:30: rules\["target\/vague"\] must be one of "error", "warn", "info", "off", not "warning" \(and 2 more\)\n$/);
        write('bad-profile/kpispec.json', '{ "profile": "sichuan" }');
        write('bad-profile/a.kpi', CLEAN);
        expectFatal(await runCli(['lint', 'bad-profile'], { cwd: dir }), /kpispec\.json:1:14: unknown scoring profile "sichuan"/);
    });

    it('a configuration file that is missing, unreadable or extends what is not there', async () => {
        expectFatal(await runCli(['lint', 'clean', '--config', 'none.json'], { cwd: dir }), 'no such configuration file: none.json');
        mkdirSync(join(dir, 'a-folder.json'), { recursive: true });
        expectFatal(await runCli(['lint', 'clean', '--config', 'a-folder.json'], { cwd: dir }), /a-folder\.json:1:1: cannot read the file \(EISDIR\)\n$/);
        write('bad-extends/kpispec.json', '{\n  "extends": "../missing.json"\n}\n');
        write('bad-extends/a.kpi', CLEAN);
        expectFatal(await runCli(['lint', 'bad-extends'], { cwd: dir }), /bad-extends\/kpispec\.json:2:14: "extends": cannot read \.\.\/missing\.json \(ENOENT\)\n$/);
        write('cycle/kpispec.json', '{ "extends": "./other.json" }');
        write('cycle/other.json', '{ "extends": "./kpispec.json" }');
        write('cycle/a.kpi', CLEAN);
        expectFatal(await runCli(['lint', 'cycle'], { cwd: dir }), /other\.json:1:14: "extends" makes a cycle through \.\/kpispec\.json\n$/);
    });

    it('usage errors: options, values, commands', async () => {
        expectFatal(await runCli(['lint', '--colour'], { cwd: dir }), /^kpispec: unknown option '--colour' \(see kpispec lint --help\)\n$/);
        expectFatal(await runCli(['lint', '--format'], { cwd: dir }), /^kpispec: option '-f, --format <value>' argument missing \(see kpispec lint --help\)\n$/);
        expectFatal(await runCli(['lint', 'clean', '-f', 'xml'], { cwd: dir }), "unknown format 'xml' (use stylish, json, sarif, github, junit)");
        expectFatal(await runCli(['lint', 'clean', '--max-warnings', 'ten'], { cwd: dir }), "--max-warnings needs a whole number ≥ 0, not 'ten'");
        expectFatal(await runCli(['lint', 'clean', '--locale', 'fr'], { cwd: dir }), "unknown locale 'fr' (use zh-CN or en)");
        expectFatal(await runCli(['lint', 'clean', '-o', 'clean/a.kpi/report.txt'], { cwd: dir }), /^kpispec: cannot write clean\/a\.kpi\/report\.txt: clean\/a\.kpi is not a folder\n$/);
        expectFatal(await runCli(['check'], { cwd: dir }), "unknown command 'check'");
        const bare = await runCli([], { cwd: dir });
        expect(bare.code).toBe(2);
        expect(bare.stderr).toContain('Usage: kpispec <command>');
    });
});

describe('help and version', () => {
    it.each(['lint', 'score', 'format', 'init'])('kpispec %s --help', async command => {
        const run = await runCli([command, '--help']);
        expect(run.code).toBe(0);
        expect(run.stdout).toContain(`Usage: kpispec ${command} [options]`);
        expect((await runCli(['help', command])).stdout).toBe(run.stdout);
    });

    it('kpispec --help lists the commands; --version prints the version', async () => {
        const help = await runCli(['--help']);
        expect(help.code).toBe(0);
        for (const command of ['lint', 'score', 'format', 'init']) expect(help.stdout).toContain(`  ${command} [`);
        expect((await runCli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    });
});

describe('parse errors are not configurable', () => {
    const dir = tempDir();
    it('"syntax/parsing": "off" is a configuration error', async () => {
        mkdirSync(join(dir, 'syntax-off'), { recursive: true });
        writeFileSync(join(dir, 'syntax-off', 'kpispec.json'), '{ "rules": { "syntax/parsing": "off" } }');
        writeFileSync(join(dir, 'syntax-off', 'a.kpi'), '合同 甲 "甲" {\n');
        expectFatal(await runCli(['lint', 'syntax-off'], { cwd: dir }),
            /kpispec\.json:1:14: "syntax\/parsing" cannot be configured: parse errors cannot be switched off, lowered or suppressed\n$/);
    });
});
