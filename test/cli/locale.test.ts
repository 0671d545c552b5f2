import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

/*
 * The same files give the same messages on every machine: --locale, then kpispec.json's
 * "locale", then the file's keywords; LANG counts only for a file without keywords.
 */
const dir = tempDir();
const ZH = '合同 甲 "c" {\n    条款 接通率 "15秒接通率" >= 95%\n}\n';
const EN = 'contract C "c" {\n    clause AnswerRate "answer rate" >= 95%\n}\n';
const NO_KEYWORDS = 'hello\n';

function folder(name: string, files: Record<string, string>): string {
    const path = join(dir, name);
    mkdirSync(path, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
    return path;
}

async function messages(cwd: string, env: Record<string, string>, args: string[] = []): Promise<string[]> {
    const run = await runCli(['lint', '.', '-f', 'json', ...args], { cwd, env: { LC_ALL: '', LC_MESSAGES: '', ...env } });
    expect(run.stderr).toBe('');
    return (JSON.parse(run.stdout) as Array<{ messages: Array<{ message: string }> }>).flatMap(r => r.messages.map(m => m.message));
}

const C = { LANG: 'C.UTF-8' };
const CHINESE = { LANG: 'zh_CN.UTF-8' };

describe('the message language', () => {
    it('follows a file\'s keywords, not LANG', async () => {
        const zh = folder('zh', { 'a.kpi': ZH });
        const onCi = await messages(zh, C);
        expect(onCi).toEqual(['合同「甲」条款「接通率」未约定违约责任（违约 "…"）']);
        expect(await messages(zh, CHINESE)).toEqual(onCi);
        const en = folder('en', { 'a.kpi': EN });
        expect(await messages(en, CHINESE)).toEqual(await messages(en, C));
        expect((await messages(en, CHINESE))[0]).toMatch(/^Clause 'AnswerRate' of contract 'C' has no penalty/);
    });

    it('follows LANG for a file without keywords', async () => {
        const none = folder('none', { 'a.kpi': NO_KEYWORDS });
        expect(await messages(none, CHINESE)).toEqual([expect.stringMatching(/^这一行不认识「hello」；此处可以写：/)]);
        expect(await messages(none, C)).toEqual([expect.stringMatching(/^'hello' is not understood here; this place can take: /)]);
    });

    it('kpispec.json "locale" wins over the keywords, and --locale over everything', async () => {
        const configured = folder('configured', { 'a.kpi': ZH, 'kpispec.json': '{ "locale": "en" }' });
        expect((await messages(configured, CHINESE))[0]).toMatch(/^Clause '接通率' of contract '甲' has no penalty/);
        expect((await messages(configured, C, ['--locale', 'zh-CN']))[0]).toMatch(/^合同「甲」/);
        const en = folder('en-flag', { 'a.kpi': EN });
        expect((await messages(en, C, ['--locale', 'zh-CN']))[0]).toMatch(/^合同「C」/);
    });
});
