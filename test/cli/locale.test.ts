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

    it('names a rating by the keyword of the message\'s language, however it was typed (部分达成, achieved, 达成预期指标)', async () => {
        const project = '项目 整改 "整改" {\n    绩效指标 {\n        效益指标 {\n            社会效益 {\n'
            + '                制度 "制度建设" 定性 "出台办法"\n                整改 "问题整改" 定性 "完成整改"\n            }\n        }\n    }\n}\n';
        const rated = folder('rated', {
            'p.kpi': project,
            'a.kpi': '自评 甲自评 "自评" 对象 整改 {\n    指标 制度 实际 部分达成 分值 50 得分 50\n    指标 整改 实际 达成预期指标 分值 50 得分 30\n}\n',
        });
        const english = await messages(rated, C, ['--locale', 'en']);
        expect(english).toContain("Rated 'partly': 30–40 of the weight 50, but the score is 50");
        expect(english).toContain("Rated 'achieved': 40–50 of the weight 50, but the score is 30");
        // A claim of no problem lists the partly met row by its English keyword too.
        writeFileSync(join(rated, 'a.kpi'), '自评 甲自评 "自评" 对象 整改 {\n    指标 制度 实际 部分达成 分值 50 得分 40\n    指标 整改 实际 达成 分值 50 得分 50\n    问题 "无"\n}\n');
        const denied = (await messages(rated, C, ['--locale', 'en'])).find(m => m.startsWith('The assessment states no problem'));
        expect(denied).toContain("'制度': actual partly misses the target 出台办法");
        expect(await messages(rated, C)).toEqual(expect.arrayContaining([expect.stringContaining('指标「制度」实际 部分达成 未达到目标')]));
        // An English file's rating in Chinese messages.
        const en = folder('rated-en', {
            'p.kpi': 'project P "p" {\n    indicators { benefit { social { Rules "rules" qualitative "rules issued" } } }\n}\n',
            'a.kpi': 'assessment PA for P {\n    indicator Rules actual missed weight 100 score 90\n}\n',
        });
        expect(await messages(en, C, ['--locale', 'zh-CN'])).toContain('评级「未达成」应得 0–60 分（分值 100），自评 90 分');
    });

    it('starts an English message that opens with a level-1 group with a capital', async () => {
        const schemes = folder('schemes', {
            'a.kpi': '项目 甲 "甲" {\n    绩效指标 {\n        产出指标 {\n            数量指标 { 接听量 "接听量" >= 100 万通 }\n'
                + '            成本指标 { 单位成本 "单位成本" <= 12 元/通 }\n        }\n        成本指标 { 经济成本指标 { 总成本 "总成本" <= 100 万元 } }\n    }\n}\n',
        });
        const english = (await messages(schemes, C, ['--locale', 'en'])).filter(m => /scheme/.test(m));
        expect(english).toHaveLength(1);
        expect(english[0]).toMatch(/^Level-1 '成本指标' follows the 2021 scheme, but '产出指标 › 成本指标' of this project follows the 2020 scheme$/);
    });
});
