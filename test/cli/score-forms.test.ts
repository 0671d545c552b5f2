import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, runCli, tempDir, writeFileIn } from './run-cli.js';

/** `kpispec score` on complete forms: it agrees with lint on what is scored. */
describe('kpispec score on forms', () => {
    const UNSCORED = join(FIXTURES, 'score-forms', 'unscored');
    const BLANK = join(FIXTURES, 'score-forms', 'blank-score');
    const dir = tempDir();

    it('says a form without any 分值 is not scored instead of grading it 差', async () => {
        const table = await runCli(['score', UNSCORED, '--locale', 'zh-CN'], { cwd: REPO });
        expect(table.code).toBe(0);
        expect(table.stdout).toContain('未计分：没有任何一行填写分值');
        expect(table.stdout).not.toContain('复算');
        expect(table.stdout).not.toMatch(/^合计/m);
        const [sheet] = JSON.parse((await runCli(['score', UNSCORED, '-f', 'json', '--locale', 'en'], { cwd: REPO })).stdout);
        expect(sheet).toMatchObject({ scored: false, grade: { claimed: 'excellent' } });
        expect(sheet.grade.computed).toBeUndefined();
        const csv = (await runCli(['score', UNSCORED, '-f', 'csv', '--locale', 'en'], { cwd: REPO })).stdout.trimEnd().split('\r\n');
        expect(csv.at(-1)).toMatch(/,grade,.*,excellent,,,not scored$/);
    });

    it('lint reports no score rule on a form without scores', async () => {
        const lint = await runCli(['lint', UNSCORED, '-f', 'json'], { cwd: REPO });
        const rules = (JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string }> }>).flatMap(r => r.messages.map(m => m.ruleId));
        expect(rules.filter(r => r.startsWith('score/'))).toEqual([]);
    });

    it('shows a blank 得分 as score/missing, counted 0, not as a silent difference', async () => {
        const [sheet] = JSON.parse((await runCli(['score', BLANK, '-f', 'json', '--locale', 'en'], { cwd: REPO })).stdout);
        const row = sheet.rows.find((r: { row: string }) => r.row === '助餐满意度');
        expect(row).toMatchObject({ weight: 10, ruleScore: 10, missingScore: true, scored: true });
        expect(row.claimed).toBeUndefined();
        expect(row.reason).toMatch(/^No score written \(score\/missing\): it counts 0 in the claimed total/);
        expect(sheet.total).toMatchObject({ claimed: 90, declaredScore: 90, ruleScore: 100 });
        const lint = await runCli(['lint', BLANK, '-f', 'json'], { cwd: REPO });
        const found = (JSON.parse(lint.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>).flatMap(r => r.messages);
        expect(found.filter(m => m.ruleId.startsWith('score/')).map(m => `${m.line} ${m.ruleId}`)).toEqual(['14 score/missing']);
    });

    it('leaves a 不适用 row unscored with its claimed score', async () => {
        const [sheet] = JSON.parse((await runCli(['score', join(REPO, 'test', 'fixtures', 'reference', 'forms'), '-f', 'json', '--locale', 'en'], { cwd: REPO })).stdout);
        const row = sheet.rows.find((r: { row: string }) => r.row === '服务投诉次数');
        expect(row).toMatchObject({ claimed: 0, scored: false });
        expect(row.reason).toContain('Not applicable');
        // Its actual is shown as the report shows it, in the sheet's language, not left blank.
        expect(row.actual).toBe('n/a 全年未建立投诉次数统计');
        const [chinese] = JSON.parse((await runCli(['score', join(REPO, 'test', 'fixtures', 'reference', 'forms'), '-f', 'json', '--locale', 'zh-CN'], { cwd: REPO })).stdout);
        expect(chinese.rows.find((r: { row: string }) => r.row === '服务投诉次数').actual).toBe('不适用 全年未建立投诉次数统计');
    });

    it('shows an actual written as unmeasured in the sheet\'s language, in the table too', async () => {
        writeFileIn(dir, 'p.kpi', 'project P "p" {\n    indicators { output { quantity { Trained "people trained" >= 100 人 } } }\n}\n'
            + 'assessment PA for P {\n    indicator Trained actual unmeasured weight 100 score 0\n}\n');
        const table = (await runCli(['score', '.', '--locale', 'zh-CN'], { cwd: dir })).stdout;
        expect(table).toMatch(/^Trained +产出指标 +≥100 人 +未统计 +100 +0 +实际值未统计，无法计分$/m);
        const english = (await runCli(['score', '.'], { cwd: dir })).stdout;
        expect(english).toMatch(/^Trained +output +≥100 人 +unmeasured +100 +0 +The actual was not measured; no score$/m);
    });
});
