import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { notUtf8Look } from '../../packages/language/src/workspace/text-encoding.js';
import { Checker } from '../../packages/web/src/worker/checker.js';
import { runCli, tempDir, writeFileIn } from '../cli/run-cli.js';

/*
 * The web page's checking worker, run in Node: the report it shows and saves is the file
 * `kpispec report <folder>` writes where the folder lies (the browser test drops the reference
 * folders; here a submission with a file Notepad saved as "ANSI").
 */

/** `项目 编码 "GBK 编码的项目" { 预算 5 万元 }` as Windows "ANSI" (GBK) saves it. */
const GBK = Uint8Array.from([
    0xcf, 0xee, 0xc4, 0xbf, 0x20, 0xb1, 0xe0, 0xc2, 0xeb, 0x20, 0x22, 0x47, 0x42, 0x4b, 0x20, 0xb1, 0xe0, 0xc2, 0xeb, 0xb5, 0xc4, 0xcf, 0xee, 0xc4, 0xbf,
    0x22, 0x20, 0x7b, 0x0a, 0x20, 0x20, 0x20, 0x20, 0xd4, 0xa4, 0xcb, 0xe3, 0x20, 0x35, 0x20, 0xcd, 0xf2, 0xd4, 0xaa, 0x0a, 0x7d, 0x0a,
]);

describe('the web page’s report of a folder with a file that is not UTF-8', () => {
    it('names the file as passed over, as kpispec report does, byte for byte', async () => {
        const base = tempDir();
        writeFileIn(base, 'sub/a.kpi', '项目 甲 "甲项目" {\n    预算 5 万元\n}\n');
        writeFileIn(base, 'sub/gbk.kpi', GBK);
        const cli = await runCli(['report', 'sub', '-o', 'cli.html'], { cwd: base });
        expect(cli.code).toBe(2);
        const expected = readFileSync(join(base, 'cli.html'), 'utf8');
        expect(expected).toContain('未复核（不是 UTF-8 文本：请另存为 UTF-8）：sub/gbk.kpi：看起来是 GBK/GB18030');

        const checker = new Checker();
        const files = readdirSync(join(base, 'sub')).filter(f => f !== 'gbk.kpi').map(f => ({ path: `sub/${f}`, text: readFileSync(join(base, 'sub', f), 'utf8') }));
        await checker.check(files, 'zh-CN', [], 'sub', [{ file: 'sub/gbk.kpi', look: notUtf8Look(GBK) }]);
        expect(checker.report()).toBe(expected);
    });
});

describe('the web page’s workbooks', () => {
    it('reads a project’s 申报表 and 自评表 together, as kpispec lint does: the project is defined once', async () => {
        const excel = join(import.meta.dirname, '..', 'fixtures', 'excel');
        const books = [['申报表.xlsx', 'layout-c'], ['自评表.xlsx', 'layout-a']].map(([name, layout]) => ({ path: `sub/${name}`, bytes: new Uint8Array(readFileSync(join(excel, layout!, name!))) }));
        const base = tempDir();
        for (const book of books) writeFileIn(base, book.path, book.bytes);
        const cli = JSON.parse((await runCli(['lint', 'sub', '-f', 'json'], { cwd: base })).stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
        const page = await new Checker().check([], 'zh-CN', books, 'sub');
        const rules = (results: Array<{ messages: Array<{ ruleId: string }> }>) => results.flatMap(r => r.messages.map(m => m.ruleId)).sort();
        expect(rules(page.results)).not.toContain('name/duplicate');
        expect(rules(page.results)).toEqual(rules(cli));
    });
});
