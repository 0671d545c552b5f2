import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from './run-cli.js';

/*
 * `kpispec score` prints each assessment in its file's language, as `kpispec lint` writes that
 * file's messages: --locale, else the file's kpispec.json "locale", else its keywords; LANG only
 * for a file without keywords. One English file among Chinese ones changes nothing of theirs.
 */

interface Sheet { file: string; rows: Array<{ row: string; actual?: string; reason: string }>; grade: { computed?: string } }

const HEADING = /^(\S+): (自评|assessment) /;

/** Each assessment's heading line, by file: the table's labels say which language it is in. */
async function headings(args: string[], env?: Record<string, string>): Promise<Map<string, string>> {
    const run = await runCli(['score', ...args], { cwd: REPO, env });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    return new Map(run.stdout.split('\n').flatMap(line => {
        const m = HEADING.exec(line);
        return m ? [[m[1]!, m[2] === '自评' ? 'zh-CN' : 'en'] as const] : [];
    }));
}

/** The language lint writes a file's messages in: English ones begin with a Latin word ("Actual 90.5 元/人次 is worse…"). */
async function lintLanguages(args: string[], env?: Record<string, string>): Promise<Map<string, string>> {
    const run = await runCli(['lint', ...args, '-f', 'json'], { cwd: REPO, env });
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ message: string }> }>;
    return new Map(results.filter(r => r.messages.length > 0)
        .map(r => [r.filePath.slice(REPO.length + 1), r.messages.every(m => /^[A-Za-z]/.test(m.message)) ? 'en' : 'zh-CN']));
}

describe('kpispec score: the language of each assessment', () => {
    it('prints each assessment of examples/ (English files beside Chinese ones) in its file\'s language, as lint does', async () => {
        for (const LANG of ['zh_CN.UTF-8', 'en_US.UTF-8']) {
            const score = await headings(['examples'], { LANG });
            expect(score.get('examples/blocks/assessment.kpi')).toBe('zh-CN');
            expect(score.get('examples/forms/assessment.kpi')).toBe('zh-CN');
            expect(score.get('examples/hotline-12345/assessment.kpi')).toBe('zh-CN');
            expect(score.get('examples/blocks-en/assessment.kpi')).toBe('en');
            expect(score.get('examples/english/hotline.kpi')).toBe('en');
            // Lint writes the same files' messages in the same languages.
            const lint = await lintLanguages(['examples'], { LANG });
            expect([...score.keys()].filter(file => lint.has(file)).length).toBeGreaterThanOrEqual(3);
            for (const [file, locale] of score) if (lint.has(file)) expect(`${file} ${lint.get(file)}`).toBe(`${file} ${locale}`);
        }
    });

    it('writes a Chinese file\'s labels, reasons and grades in Chinese, an English file\'s in English, in json and csv too', async () => {
        const run = await runCli(['score', 'examples', '-f', 'json'], { cwd: REPO });
        const sheets = JSON.parse(run.stdout) as Sheet[];
        const zh = sheets.find(s => s.file === 'examples/blocks/assessment.kpi')!;
        const en = sheets.find(s => s.file === 'examples/blocks-en/assessment.kpi')!;
        expect(zh.rows[0]).toMatchObject({ row: '预算执行', reason: expect.stringMatching(/^执行率 95%/) });
        expect(zh.grade.computed).toBe('优');
        expect(en.rows[0]).toMatchObject({ row: 'execution', reason: expect.stringMatching(/^Execution rate 95%/) });
        expect(en.grade.computed).toBe('excellent');
        const csv = (await runCli(['score', 'examples', '-f', 'csv'], { cwd: REPO })).stdout;
        expect(csv).toContain('examples/blocks/assessment.kpi,居家养老自评,grade,,,,,,优,优,,');
        expect(csv).toContain('examples/blocks-en/assessment.kpi,HomeCareReview,grade,,,,,,excellent,excellent,,');
    });

    it('--locale puts every assessment in one language', async () => {
        const english = await headings(['examples', '--locale', 'en'], { LANG: 'zh_CN.UTF-8' });
        expect(new Set(english.values())).toEqual(new Set(['en']));
        const chinese = await headings(['examples', '--locale', 'zh-CN'], { LANG: 'en_US.UTF-8' });
        expect(new Set(chinese.values())).toEqual(new Set(['zh-CN']));
        const table = (await runCli(['score', join('examples', 'blocks'), '--locale', 'en'], { cwd: REPO })).stdout;
        expect(table).toContain('Grade: claimed excellent, computed excellent');
    });

    it('writes a rated actual in the output\'s language, as its reason names the rating', async () => {
        const actualOf = async (args: string[], cwd: string, row: string) => {
            const run = await runCli(['score', ...args, '-f', 'json'], { cwd });
            expect(run).toMatchObject({ code: 0, stderr: '' });
            return (JSON.parse(run.stdout) as Sheet[]).flatMap(s => s.rows).find(r => r.row === row)!;
        };
        expect(await actualOf(['examples/blocks', '--locale', 'en'], REPO, '照护负担'))
            .toMatchObject({ actual: 'achieved', reason: expect.stringMatching(/^Rated 'achieved'/) });
        expect(await actualOf(['examples/blocks-en', '--locale', 'zh-CN'], REPO, 'CareBurden'))
            .toMatchObject({ actual: '达成', reason: expect.stringMatching(/^评级「达成」/) });
        // Without --locale, each file's own keyword.
        expect(await actualOf(['examples/blocks'], REPO, '照护负担')).toMatchObject({ actual: '达成' });
        // A rating as the form prints it (达成预期指标) is named by its keyword, as the reason names it.
        const dir = tempDir();
        cpSync(join(REPO, 'examples', 'blocks'), dir, { recursive: true });
        const assessment = join(dir, 'assessment.kpi');
        writeFileSync(assessment, readFileSync(assessment, 'utf8').replace('实际 达成 ', '实际 达成预期指标 '));
        expect(await actualOf(['.', '--locale', 'en'], dir, '照护负担')).toMatchObject({ actual: 'achieved' });
        expect(await actualOf(['.'], dir, '照护负担')).toMatchObject({ actual: '达成', reason: expect.stringMatching(/^评级「达成」/) });
        // The table shows the same.
        const table = (await runCli(['score', 'examples/blocks', '--locale', 'en'], { cwd: REPO })).stdout;
        expect(table).toMatch(/照护负担 +benefit +受访家庭每周照护时间减少 +achieved +30/);
        expect(table).not.toContain('达成');
    });
});
