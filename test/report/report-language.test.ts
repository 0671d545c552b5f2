import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSheets, type SheetGrid } from '../../packages/language/src/excel/index.js';
import { workspaceReport, type ReportData } from '../../packages/cli/src/report/index.js';
import { REPO, runCli, tempDir } from '../cli/run-cli.js';

/*
 * A report is one document in one language, every part of it: --locale; else the language most
 * of its files are in (each file's as lint decides it: kpispec.json "locale", else its keywords,
 * else LANG); LANG on a tie. Its findings are lint's messages in that language, its scores
 * score's lines in that language.
 */

const dir = tempDir();

interface JsonResult { messages: Array<{ ruleId: string; message: string }> }
interface JsonSheet { rows: Array<{ reason: string }> }

async function reportOf(paths: string[], env: Record<string, string>, locale?: string, cwd = REPO): Promise<ReportData> {
    return workspaceReport({ paths, cwd, env: { LC_ALL: '', LC_MESSAGES: '', ...env }, scope: paths.join(', '), locale, ruleUrl: id => id });
}

async function json<T>(args: string[], cwd = REPO): Promise<T> {
    const run = await runCli(args, { cwd });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as T;
}

/** lint's messages and score's reasons of the folder, all in one language. */
async function inLanguage(folder: string, locale: string, cwd = REPO): Promise<{ messages: string[]; reasons: string[] }> {
    const lint = await json<JsonResult[]>(['lint', folder, '-f', 'json', '--locale', locale], cwd);
    const run = await runCli(['score', folder, '-f', 'json', '--locale', locale], { cwd });
    const score = run.code === 0 ? JSON.parse(run.stdout) as JsonSheet[] : [];
    return { messages: lint.flatMap(r => r.messages.map(m => m.message)).sort(), reasons: score.flatMap(s => s.rows.map(r => r.reason)).sort() };
}

function partsOf(data: ReportData): { messages: string[]; reasons: string[] } {
    return {
        messages: [...data.projects.flatMap(p => p.findings), ...data.other].map(f => f.message).sort(),
        reasons: data.projects.flatMap(p => p.assessments.flatMap(a => a.sheet.rows.map(r => r.reason))).sort(),
    };
}

const sheet = (sheets: SheetGrid[], name: string) => sheets.find(s => s.name === name)!.rows.slice(2).filter(r => r.some(c => c?.text));

describe('the language of a report', () => {
    it('is Chinese for examples/ (mostly Chinese files, English ones beside them), whatever LANG says, every part of it', async () => {
        const chinese = await inLanguage('examples', 'zh-CN');
        for (const LANG of ['zh_CN.UTF-8', 'en_US.UTF-8', 'C.UTF-8']) {
            const data = await reportOf(['examples'], { LANG });
            expect(data.locale).toBe('zh-CN');
            // The English files' findings and scores too: lint's and score's in Chinese.
            expect(partsOf(data)).toEqual(chinese);
        }
        const out = join(dir, 'examples.html');
        expect((await runCli(['report', 'examples', '-o', out], { cwd: REPO, env: { LANG: 'zh_CN.UTF-8' } })).code).toBe(0);
        const page = readFileSync(out, 'utf8');
        expect(page).toContain('<html lang="zh-CN">');
        expect(page).toContain('一、总体情况');
        expect(page).not.toMatch(/Overview|Scores checked|Execution rate|Actual \d/);
    });

    it('is English for --locale en, every part of it, in the page and in the workbook', async () => {
        const english = await inLanguage('examples', 'en');
        const data = await reportOf(['examples'], { LANG: 'zh_CN.UTF-8' }, 'en');
        expect(data.locale).toBe('en');
        expect(partsOf(data)).toEqual(english);

        const out = join(dir, 'examples-en.xlsx');
        expect((await runCli(['report', 'examples', '-o', out, '--locale', 'en'], { cwd: REPO })).code).toBe(0);
        const sheets = await readSheets(new Uint8Array(readFileSync(out)));
        expect(sheet(sheets, '问题清单').map(r => r[5]?.text ?? '').sort()).toEqual(english.messages);
        expect(sheet(sheets, '评分复核').map(r => r[10]?.text ?? '').sort()).toEqual(english.reasons);
        // The rule's title in English (linked to its page).
        const rules = sheet(sheets, '问题清单').map(r => r.map(c => c?.text ?? '').join('|'));
        expect(rules.some(r => r.endsWith('|Target weaker than the contract'))).toBe(true);
    });

    it('has the 问题清单 and the 评分复核 of a workbook in the same language', async () => {
        const out = join(dir, 'examples.xlsx');
        expect((await runCli(['report', 'examples', '-o', out], { cwd: REPO, env: { LANG: 'en_US.UTF-8' } })).code).toBe(0);
        const sheets = await readSheets(new Uint8Array(readFileSync(out)));
        const chinese = await inLanguage('examples', 'zh-CN');
        expect(sheets.find(s => s.name === '问题清单')!.rows[1]![0]?.text).toBe('序号');
        expect(sheet(sheets, '问题清单').map(r => r[5]?.text ?? '').sort()).toEqual(chinese.messages);
        expect(sheet(sheets, '评分复核').map(r => r[10]?.text ?? '').sort()).toEqual(chinese.reasons);
    });

    it('is English for a folder of English files, on a Chinese desktop too', async () => {
        const data = await reportOf(['examples/english', 'examples/blocks-en'], { LANG: 'zh_CN.UTF-8' });
        expect(data.locale).toBe('en');
        expect(partsOf(data)).toEqual(await inLanguage('examples/{english,blocks-en}/**', 'en'));
    });

    it('follows kpispec.json "locale", and LANG only on a tie', async () => {
        const tie = join(dir, 'tie');
        mkdirSync(tie);
        cpSync(join(REPO, 'examples', 'blocks', 'standard.kpi'), join(tie, 'standard.kpi'));
        cpSync(join(REPO, 'examples', 'blocks-en', 'contract.kpi'), join(tie, 'contract.kpi'));
        expect((await reportOf(['.'], { LANG: 'zh_CN.UTF-8' }, undefined, tie)).locale).toBe('zh-CN');
        expect((await reportOf(['.'], { LANG: 'en_US.UTF-8' }, undefined, tie)).locale).toBe('en');
        writeFileSync(join(tie, 'kpispec.json'), '{ "locale": "en" }');
        const configured = await reportOf(['.'], { LANG: 'zh_CN.UTF-8' }, undefined, tie);
        expect(configured.locale).toBe('en');
        expect(partsOf(configured)).toEqual(await inLanguage('.', 'en', tie));
    });
});

describe('the words of a report', () => {
    it('reads as English in English: ASCII punctuation in the charts\' descriptions, "on time", "10 days late"', async () => {
        const out = join(dir, 'blocks-en.html');
        expect((await runCli(['report', 'examples/blocks-en', '-o', out, '--locale', 'en'], { cwd: REPO })).code).toBe(0);
        const page = readFileSync(out, 'utf8');
        const titles = [...page.matchAll(/<title id="chart-\d+">([^<]*)<\/title>/g)].map(m => m[1]!);
        expect(titles.length).toBeGreaterThan(3);
        for (const title of titles) expect(title).not.toMatch(/[，；：（）]/);
        const timeline = titles.find(t => t.startsWith('Milestone timeline'))!;
        expect(timeline).toMatch(/planned 2023-02-28, done 2023-03-10, 10 days late; /);
        expect(timeline).not.toMatch(/Delay/);
        expect(timeline).toMatch(/, on time($|;)/);
    });

    it('keeps the Chinese wording in Chinese: 滞后 10 天, 按期', async () => {
        const out = join(dir, 'blocks.html');
        expect((await runCli(['report', 'examples/blocks', '-o', out, '--locale', 'zh-CN'], { cwd: REPO })).code).toBe(0);
        const timeline = readFileSync(out, 'utf8').match(/<title id="chart-\d+">(里程碑时间轴[^<]*)<\/title>/)![1]!;
        expect(timeline).toMatch(/计划 2023-02-28，已完成 2023-03-10，滞后 10 天；/);
        expect(timeline).toMatch(/，按期($|；)/);
        expect(timeline).not.toMatch(/滞后 按期/);
    });

    it('punctuates Chinese in Chinese and English in English: the scope, the files not reviewed, the grade, a weaker target', async () => {
        const folder = join(dir, 'punctuation');
        cpSync(join(REPO, 'test', 'fixtures', 'reference', 'hotline-12345'), folder, { recursive: true });
        // Two files that are not UTF-8 (GBK bytes): listed one after the other.
        for (const name of ['甲.kpi', '乙.kpi']) writeFileSync(join(folder, name), Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a]));
        const text = async (locale: string) => {
            const out = join(dir, `punctuation-${locale}.html`);
            await runCli(['report', 'punctuation', '-o', out, '--locale', locale], { cwd: dir });
            const page = readFileSync(out, 'utf8');
            return {
                page,
                titles: [...page.matchAll(/<title id="chart-\d+">([^<]*)<\/title>/g)].map(m => m[1]!),
                metas: [...page.matchAll(/<p class="meta"[^>]*>([^<]*)<\/p>/g)].map(m => m[1]!),
            };
        };
        const zh = await text('zh-CN');
        expect(zh.metas[0]).toBe('复核范围：punctuation');
        expect(zh.metas[1]).toMatch(/^未复核（不是 UTF-8 文本：请另存为 UTF-8）：punctuation\/乙\.kpi：[^;]+；punctuation\/甲\.kpi：/);
        expect(zh.page).toContain('<td>等级：自评 优 → 复核 优</td>');
        expect(zh.titles.find(t => t.startsWith('15秒内接通率'))).toMatch(/，实际 89\.19%（目标偏低）$/);
        const en = await text('en');
        expect(en.metas[0]).toBe('Scope: punctuation');
        expect(en.metas[1]).toMatch(/^Not reviewed \(not UTF-8 text: save as UTF-8\): punctuation\/乙\.kpi: [^；]+; punctuation\/甲\.kpi: /);
        expect(en.page).toContain('<td>Grade: claimed excellent → recomputed excellent</td>');
        expect(en.titles.find(t => t.startsWith('15秒内接通率'))).toMatch(/, actual 89\.19% \(weaker target\)$/);
    });

    it('writes an actual typed as 不适用 or unmeasured in the report\'s language, in either language\'s files', async () => {
        const actualOf = (data: ReportData, indicator: string) => data.projects.flatMap(p => p.targets).find(t => t.indicator === indicator)?.actual?.text;
        const forms = 'test/fixtures/reference/forms';
        expect(actualOf(await reportOf([forms], {}, 'en'), '服务投诉次数')).toBe('n/a 全年未建立投诉次数统计');
        expect(actualOf(await reportOf([forms], {}, 'zh-CN'), '服务投诉次数')).toBe('不适用 全年未建立投诉次数统计');
        const english = join(dir, 'unmeasured-en');
        mkdirSync(english, { recursive: true });
        writeFileSync(join(english, 'p.kpi'), 'project P "p" {\n    indicators { output { quantity { Trained "people trained" >= 100 人 } } }\n}\n'
            + 'assessment PA for P {\n    indicator Trained actual unmeasured weight 100 score 0\n}\n');
        expect(actualOf(await reportOf([english], {}, 'zh-CN'), 'Trained')).toBe('未统计');
    });

    it('names a 其中 row\'s source in the report\'s language when it is a keyword (fiscal is 财政拨款 in Chinese, and the reverse)', async () => {
        const english = 'examples/complete-forms-en';
        const sources = (data: ReportData) => data.projects.flatMap(p => [...p.declaredFunds.map(f => f.label), ...p.funds.map(f => f.label)]);
        const zh = sources(await reportOf([english], {}, 'zh-CN'));
        expect(zh).toContain('其中 财政拨款');
        expect(zh).toContain('财政拨款');
        expect(zh.join(' ')).not.toMatch(/fiscal|carryover|of which/);
        const en = sources(await reportOf(['examples/complete-forms'], {}, 'en'));
        expect(en).toContain('of which fiscal');
        expect(en.join(' ')).not.toMatch(/财政拨款|上年结转|其他资金/);
    });

    it('writes a rated actual (达成, achieved) in the report\'s language, as its score reason names it', async () => {
        const actualOf = (data: ReportData, indicator: string) => data.projects.flatMap(p => p.targets).find(t => t.indicator === indicator)?.actual?.text;
        expect(actualOf(await reportOf(['examples/blocks'], {}, 'en'), '照护负担')).toBe('achieved');
        expect(actualOf(await reportOf(['examples/blocks'], {}, 'zh-CN'), '照护负担')).toBe('达成');
        expect(actualOf(await reportOf(['examples/blocks-en'], {}, 'zh-CN'), 'CareBurden')).toBe('达成');
    });

    it('says 1 project, not 1 projects', async () => {
        const run = await runCli(['report', 'examples/english', '-o', join(dir, 'one.html')], { cwd: REPO });
        expect(run.stdout).toMatch(/one\.html: 1 project, \d+ findings\n$/);
        // So does the overview: one project, one file; and 1 error, 1 note.
        expect(readFileSync(join(dir, 'one.html'), 'utf8')).toMatch(/>1 project in 1 file; 3 errors, 5 warnings, 0 notes\.</);
        const single = join(dir, 'single-en');
        mkdirSync(single, { recursive: true });
        writeFileSync(join(single, 'p.kpi'), 'project P "p" {\n    indicators { output { quantity { Trained "people trained" >= 100 人 } } }\n}\n');
        expect((await runCli(['report', single, '-o', join(dir, 'single.html')], { cwd: REPO })).code).toBe(0);
        expect(readFileSync(join(dir, 'single.html'), 'utf8')).toMatch(/>1 project in 1 file; 1 error, 1 warning, 1 note\.</);
    });

    it('refuses a --docs-base-url that is no web or file address, as lint does: exit 2, one line, nothing written', async () => {
        const out = join(dir, 'js.html');
        const run = await runCli(['report', 'examples/english', '-o', out, '--docs-base-url', 'javascript:alert(1)//'], { cwd: REPO });
        expect(run).toMatchObject({ code: 2, stdout: '' });
        expect(run.stderr).toBe("kpispec: --docs-base-url needs an http, https or file address, not 'javascript:alert(1)//'\n");
        expect(existsSync(out)).toBe(false);
    });

    it('refuses -o r.xlsx with --format html (a folder r.xlsx/ would hold the pages): exit 2, one line, nothing written', async () => {
        const out = join(dir, 'r.xlsx');
        const run = await runCli(['report', 'examples/english', '-o', out, '-f', 'html'], { cwd: REPO });
        expect(run).toMatchObject({ code: 2, stdout: '' });
        expect(run.stderr).toMatch(/^kpispec: .*r\.xlsx: --format html writes a \.html file or a folder, not a workbook\n$/);
        expect(existsSync(out)).toBe(false);
        const xls = await runCli(['report', 'examples/english', '-o', join(dir, 'r.xls')], { cwd: REPO });
        expect(xls.code).toBe(2);
        expect(xls.stderr.split('\n')).toHaveLength(2);
        expect(existsSync(join(dir, 'r.xls'))).toBe(false);
    });
});
