import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempDir } from './run-cli.js';

/*
 * The CSV of `kpispec score` opens in Excel as it reads: a target `=100%` is a comparison, not
 * a formula, and is written with the full-width ＝ (a negative figure with the minus sign −)
 * rather than behind an apostrophe Excel would show; text that would run as a formula keeps
 * the apostrophe (OWASP's CSV injection advice).
 */

const dir = tempDir();

function csvOf(stdout: string): string[][] {
    // Enough of RFC 4180 for these files: quoted fields hold commas, doubled quotes.
    return stdout.replace(/^\ufeff/, '').trimEnd().split('\r\n').map(line =>
        [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map(m => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')).slice(0, 12));
}

describe('kpispec score -f csv', () => {
    it('writes a target =100% as ＝100%, with no apostrophe, and a negative figure with the minus sign', async () => {
        const folder = join(dir, 'figures');
        mkdirSync(folder);
        writeFileSync(join(folder, 'p.kpi'), [
            '项目 P "p" { 绩效指标 { 产出指标 {',
            '    质量指标 { 办结率 "投诉办结率" = 100% }',
            '    时效指标 { 提前 "提前天数" <= -2 天 }',
            '} } }',
            '自评 S "s" 对象 P {',
            '    指标 办结率 实际 100% 分值 50 得分 50',
            '    指标 提前 实际 -3 天 分值 50 得分 50',
            '}',
        ].join('\n'));
        const run = await runCli(['score', folder, '-f', 'csv', '--locale', 'zh-CN'], { cwd: folder });
        expect(run).toMatchObject({ code: 0, stderr: '' });
        const rows = csvOf(run.stdout);
        const target = rows[0]!.indexOf('target'), actual = rows[0]!.indexOf('actual');
        const done = rows.find(r => r[3] === '办结率')!;
        expect(done[target]).toBe('＝100%');
        const early = rows.find(r => r[3] === '提前')!;
        expect(early[target]).toBe('≤-2 天');
        expect(early[actual]).toBe('−3 天');
        expect(run.stdout).not.toMatch(/(^|,)"?'/m);
        // No cell starts a formula.
        expect(rows.flat().filter(c => /^[=+\-@\t\r]/.test(c) && !/^[+-]?\d+(\.\d+)?%?$/.test(c))).toEqual([]);
    });

    it('keeps the apostrophe for text that would run as a formula, and plain numbers as numbers', async () => {
        const folder = join(dir, 'formulas');
        mkdirSync(folder);
        writeFileSync(join(folder, 'p.kpi'), [
            '项目 P "p" { 绩效指标 { 产出指标 { 数量指标 { "=1+1" >= 10 个 } } } }',
            '自评 "-1+SUM(A1)" 对象 P { 指标 "=1+1" 实际 9 个 分值 10 得分 9.5 }',
        ].join('\n'));
        const rows = csvOf((await runCli(['score', folder, '-f', 'csv'], { cwd: folder })).stdout);
        expect(rows[1]!.slice(1, 4)).toEqual(["'-1+SUM(A1)", 'indicator', "'=1+1"]);
        expect(rows[1]![10]).toBe('+0.5');
    });

    it('writes English reasons with English punctuation', async () => {
        const run = await runCli(['score', join(REPO, 'examples', 'forms'), '-f', 'json', '--locale', 'en'], { cwd: REPO });
        const [sheet] = JSON.parse(run.stdout) as Array<{ rows: Array<{ reason: string; missingScore?: boolean }> }>;
        const missing = sheet!.rows.find(r => r.missingScore)!;
        expect(missing.reason).toMatch(/^No score written \(score\/missing\): it counts 0 in the claimed total; Actual 92% meets the target ≥90%/);
        for (const row of sheet!.rows) expect(row.reason).not.toMatch(/[，；：（）]/);
    });
});
