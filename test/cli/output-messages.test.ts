import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notUtf8Text } from '../../packages/language/src/workspace/text-encoding.js';
import { CLEAN, expectFatal, runCli, tempDir, writeFileIn } from './run-cli.js';

/*
 * Error wording (CLI audit): the same fault said the same way by every command, in one line,
 * naming files as the user named them.
 */
const dir = tempDir();
const write = (file: string, text: string | Uint8Array) => writeFileIn(dir, file, text);

const HOTLINE = join(import.meta.dirname, '..', '..', 'examples', 'hotline-12345');
write('clean/a.kpi', CLEAN);

describe('writing where a folder should be', () => {
    write('afile', 'a file');

    it('-o afile/x.json says that afile is not a folder (not EEXIST)', async () => {
        expectFatal(await runCli(['lint', 'clean', '-f', 'json', '-o', 'afile/x.json'], { cwd: dir }), /^kpispec: cannot write afile\/x\.json: afile is not a folder\n$/);
        expectFatal(await runCli(['lint', 'clean', '-o', 'afile/deeper/x.json'], { cwd: dir }), /^kpispec: cannot write afile\/deeper\/x\.json: afile is not a folder\n$/);
        expectFatal(await runCli(['export', HOTLINE, '-o', 'afile/forms.xlsx'], { cwd: dir }), /^kpispec: cannot write afile\/forms\.xlsx: afile is not a folder\n$/);
        expectFatal(await runCli(['init', 'afile'], { cwd: dir }), /^kpispec: afile is not a folder\n$/);
        expectFatal(await runCli(['init', 'afile/project'], { cwd: dir }), /^kpispec: cannot write afile\/project: afile is not a folder\n$/);
    });

    it('-o onto a folder says it is a folder', async () => {
        expectFatal(await runCli(['lint', 'clean', '-o', 'clean'], { cwd: dir }), /^kpispec: cannot write clean: it is a folder\n$/);
    });
});

describe('the same fault in the same words', () => {
    it('a path that is not there: import says what lint says', async () => {
        expectFatal(await runCli(['lint', 'missing.kpi'], { cwd: dir }), /^kpispec: no such file or folder: missing\.kpi\n$/);
        expectFatal(await runCli(['import', 'missing.xlsx'], { cwd: dir }), /^kpispec: no such file or folder: missing\.xlsx\n$/);
        expectFatal(await runCli(['import', 'afile/missing.xlsx'], { cwd: dir }), /^kpispec: no such file or folder: afile\/missing\.xlsx\n$/);
    });

    it.each(['lint', 'score', 'report', 'format', 'import', 'export', 'init'])('%s: unknown option and missing value in lower case, as every message', async command => {
        expectFatal(await runCli([command, '--colour'], { cwd: dir }), new RegExp(`^kpispec: unknown option '--colour' \\(see kpispec ${command} --help\\)\\n$`));
    });

    it('a missing value is lower case too', async () => {
        expectFatal(await runCli(['lint', '--format'], { cwd: dir }), /^kpispec: option '-f, --format <value>' argument missing \(see kpispec lint --help\)\n$/);
    });
});

describe('an option given twice is a usage error in every command, as lint\'s -f is', () => {
    it.each([
        [['format', '--check', '--check', 'clean'], /^kpispec: --check given 2 times; give it once\n$/],
        [['score', '-f', 'json', '--format', 'csv', 'clean'], /^kpispec: --format given 2 times \(json, csv\); give it once\n$/],
        [['report', '-o', 'a.html', '-o', 'b.html', 'clean'], /^kpispec: --output given 2 times \(a\.html, b\.html\); give it once\n$/],
        [['export', 'clean', '-o', 'a.xlsx', '-o', 'b.xlsx'], /^kpispec: --output given 2 times \(a\.xlsx, b\.xlsx\); give it once\n$/],
        [['import', 'x.xlsx', '--force', '--force'], /^kpispec: --force given 2 times; give it once\n$/],
        [['init', '--lang', 'en', '--lang', 'zh'], /^kpispec: --lang given 2 times \(en, zh\); give it once\n$/],
        [['lint', 'clean', '--quiet', '--quiet'], /^kpispec: --quiet given 2 times; give it once\n$/],
        [['lint', 'clean', '-f', 'json', '-f', 'sarif'], /^kpispec: --format given 2 times \(json, sarif\); give it once\n$/],
    ])('%j', async (args, message) => {
        expectFatal(await runCli(args, { cwd: dir }), message);
    });

    it('given once, each is taken', async () => {
        expect((await runCli(['format', '--check', 'clean'], { cwd: dir })).code).toBe(0);
        expect((await runCli(['lint', 'clean', '--quiet', '--max-warnings', '0'], { cwd: dir })).code).toBe(0);
    });
});

describe('a folder named kpispec.json', () => {
    write('config-folder/kpispec.json/note.txt', 'not a configuration');
    write('config-folder/a.kpi', CLEAN);
    write('config-folder-below/sub/kpispec.json/.keep', '');
    write('config-folder-below/sub/a.kpi', CLEAN);

    it.each(['lint', 'score', 'format', 'report'])('%s: one line, exit 2, like a broken configuration', async command => {
        expectFatal(await runCli([command, 'config-folder'], { cwd: dir }), /^kpispec: invalid configuration: config-folder\/kpispec\.json is a folder, not a configuration file\n$/);
    });

    it('found in a folder below, or for a file named on its own', async () => {
        expectFatal(await runCli(['lint', 'config-folder-below'], { cwd: dir }), /^kpispec: invalid configuration: config-folder-below\/sub\/kpispec\.json is a folder/);
        expectFatal(await runCli(['lint', 'config-folder/a.kpi'], { cwd: dir }), /^kpispec: invalid configuration: config-folder\/kpispec\.json is a folder/);
    });

    it('with --config, no kpispec.json is looked for: the folder is no matter', async () => {
        write('settings.json', '{}');
        expect((await runCli(['lint', 'config-folder', '--config', 'settings.json'], { cwd: dir })).code).toBe(0);
    });
});

describe('a file that is not UTF-8', () => {
    const gbk = (text: string) => Uint8Array.from(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: text }));
    const TEXT = '// 12345热线 绩效目标\n标准 干净 "干净" {\n    基准 单价 "单价" 9.93 元/通\n}\n';
    const utf16le = (bom: boolean) => Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(TEXT, 'utf16le')]);
    const utf16be = (bom: boolean) => {
        const le = utf16le(false);
        for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
        return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), le]);
    };

    it('says what it looks like and what to do', () => {
        const looks = (bytes: Uint8Array) => notUtf8Text('g/zz.kpi', bytes);
        expect(looks(gbk(TEXT))).toBe('g/zz.kpi is not UTF-8 text (it looks like GBK/GB18030, as Windows "ANSI" saves it): save it as UTF-8');
        for (const bytes of [utf16le(true), utf16le(false), utf16be(true), utf16be(false)]) {
            expect(looks(bytes)).toBe('g/zz.kpi is not UTF-8 text (it looks like UTF-16, as Windows "Unicode" saves it): save it as UTF-8');
        }
        // Latin-1 "café " is no GBK: the first byte that is not UTF-8, and its line.
        expect(looks(Buffer.from('// ok\n// café au lait\n', 'latin1'))).toBe('g/zz.kpi is not UTF-8 text (byte 0xE9 on line 2 is not UTF-8): save it as UTF-8');
        // In Chinese, as the web page says it.
        expect(notUtf8Text('g/zz.kpi', gbk(TEXT), 'zh-CN')).toBe('g/zz.kpi 不是 UTF-8 文本（看起来是 GBK/GB18030，Windows 的“ANSI”即此编码）：请另存为 UTF-8');
        expect(notUtf8Text('g/zz.kpi', Buffer.from('// ok\n// café au lait\n', 'latin1'), 'zh-CN')).toBe('g/zz.kpi 不是 UTF-8 文本（第 2 行的字节 0xE9 不是 UTF-8）：请另存为 UTF-8');
    });

    it.skipIf(process.platform === 'win32')('the message names the file as the user did, relative to the working folder', async () => {
        write('g/zz.kpi', gbk(TEXT));
        const run = await runCli(['lint', 'g'], { cwd: dir });
        expectFatal(run, /^kpispec: g\/zz\.kpi is not (valid )?UTF-8 text/);
        expect(run.stderr).not.toContain(dir);
    });

    it.each([
        ['GBK', () => gbk(TEXT), 'it looks like GBK/GB18030, as Windows "ANSI" saves it'],
        ['UTF-16', () => utf16le(true), 'it looks like UTF-16, as Windows "Unicode" saves it'],
    ])('lint and format say it of a %s file', async (_name, bytes, looks) => {
        write('encoded/zz.kpi', bytes());
        for (const command of ['lint', 'format']) {
            expect((await runCli([command, 'encoded'], { cwd: dir })).stderr).toBe(`kpispec: encoded/zz.kpi is not UTF-8 text (${looks}): save it as UTF-8\n`);
        }
    });
});

describe('the report of the current folder', () => {
    it('names the folder by its name, not as `.`', async () => {
        const base = tempDir();
        writeFileIn(base, '2023年提交/a.kpi', '项目 甲 "甲项目" {\n    预算 5 万元\n}\n');
        const run = await runCli(['report', '-o', join(base, 'r.html')], { cwd: join(base, '2023年提交') });
        expect(run.code).toBe(0);
        expect(readFileSync(join(base, 'r.html'), 'utf8')).toContain('复核范围：2023年提交</p>');
    });
});
