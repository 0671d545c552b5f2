import { describe, expect, it } from 'vitest';
import { workspaceReport } from '../../packages/cli/src/report/index.js';
import { REPO, runCli } from './run-cli.js';

/*
 * A line's difference is its claimed score minus its rule score, so that the lines add up to
 * the level-1 sums and the total: a rating claimed inside its band below the top (accepted by
 * score/qualitative-band) differs all the same, and a blank 得分 counts 0 as in the sums.
 */

interface Line { row?: string; family?: string; claimed?: number; ruleScore?: number; difference?: number; reason?: string; missingScore?: boolean }
interface Sheet { file: string; scored: boolean; rows: Line[]; level1: Line[]; total: { difference?: number; claimed?: number; declaredScore?: number } }

const FOLDERS = ['examples', 'test/fixtures/reference/hotline-12345', 'test/fixtures/reference/english', 'test/fixtures/reference/forms', 'test/fixtures/cli/score-forms'];
const sum = (lines: Line[]) => Math.round(lines.reduce((s, l) => s + (l.difference ?? 0), 0) * 100) / 100;

async function sheets(args: string[]): Promise<Sheet[]> {
    const run = await runCli(['score', ...args, '-f', 'json'], { cwd: REPO });
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as Sheet[];
}

describe('kpispec score: the differences add up', () => {
    it('shows −0.2 on 制度执行有效性 (部分达成, claimed 3 of the band 2.4–3.2), as its level-1 sum and the total do', async () => {
        const [sheet] = await sheets(['examples/framework', '--locale', 'zh-CN']);
        const row = sheet!.rows.find(r => r.row === '制度执行有效性')!;
        expect(row).toMatchObject({ claimed: 3, ruleScore: 3.2, difference: -0.2 });
        expect(row.reason).toMatch(/按上限计 3\.2 分；自评 3 分在此区间内，可以接受/);
        expect(sheet!.level1.find(s => s.family === '项目管理')).toMatchObject({ claimed: 12, ruleScore: 12.2, difference: -0.2 });
        expect(sheet!.total.difference).toBe(-0.2);

        const table = (await runCli(['score', 'examples/framework', '--locale', 'zh-CN'], { cwd: REPO })).stdout;
        expect(table).toMatch(/^制度执行有效性 +项目管理 +制度健全并有效执行 +部分达成 +4 +3 +3\.2 +-0\.2 /m);
        const csv = (await runCli(['score', 'examples/framework', '-f', 'csv', '--locale', 'en'], { cwd: REPO })).stdout;
        expect(csv).toMatch(/,indicator,制度执行有效性,process,制度健全并有效执行,partly,4,3,3\.2,-0\.2,"Rated 'partly'[^"]*; the claimed 3 lies within the band, which is accepted/);
        const report = await workspaceReport({ paths: ['examples/framework'], cwd: REPO, env: {}, scope: '', locale: 'zh-CN', ruleUrl: id => id });
        expect(report.projects[0]!.assessments[0]!.sheet.rows.find(r => r.row === '制度执行有效性')?.difference).toBe(-0.2);
    });

    it('lint still accepts the claim inside the band', async () => {
        const run = await runCli(['lint', 'examples/framework', '-f', 'json'], { cwd: REPO });
        const rules = (JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string }> }>).flatMap(r => r.messages.map(m => m.ruleId));
        expect(rules).not.toContain('score/qualitative-band');
    });

    it('counts a blank 得分 as 0 on its line, as the sums do', async () => {
        const [sheet] = await sheets(['examples/forms', '--locale', 'zh-CN']);
        expect(sheet!.rows.find(r => r.missingScore)).toMatchObject({ row: '服务对象满意度', ruleScore: 10, difference: -10 });
        expect(sheet!.level1.find(s => s.family === '满意度指标')?.difference).toBe(-10);
    });

    it.each(FOLDERS)('in %s, the lines add up to the level-1 sums, and these to the total', async folder => {
        for (const sheet of await sheets([folder])) {
            if (!sheet.scored) continue;
            expect(sum(sheet.rows), sheet.file).toBe(sum(sheet.level1));
            if (sheet.total.declaredScore === undefined || sheet.total.declaredScore === sheet.total.claimed) {
                expect(sum(sheet.level1), sheet.file).toBe(sheet.total.difference ?? 0);
            }
        }
    });
});
