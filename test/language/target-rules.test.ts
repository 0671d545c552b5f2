import { describe, expect, it } from 'vitest';
import type { Locale } from '../../packages/language/src/index.js';
import { buildWorkspace, messageOf } from '../support/workspace.js';

/** Messages of `rule` for one project with the given indicator groups. */
async function messages(groups: string, rule: string, locale: Locale = 'zh-CN'): Promise<string[]> {
    const ws = await buildWorkspace({ 'p.kpi': `项目 热线 "热线" {\n    绩效指标 {\n${groups}\n    }\n}\n` }, locale);
    return ws.diagnostics('p.kpi').filter(d => d.code === rule).map(messageOf);
}

const OUTPUT = '产出指标 { 数量指标 { "服务人次" >= 1000 人次 } }';

describe('target rules on the audit cases', () => {
    it('missing-satisfaction accepts the 2015 scheme that misfiled accepts', async () => {
        const groups = `${OUTPUT}\n效益指标 {\n社会效益 { "覆盖率" >= 80% }\n服务对象满意度 { 满意度 "市民满意度" >= 90% }\n}`;
        expect(await messages(groups, 'target/missing-satisfaction')).toEqual([]);
        expect(await messages(groups, 'target/misfiled')).toEqual([]);
        expect(await messages(`${OUTPUT}\n效益指标 { 社会效益 { "覆盖率" >= 80% } }`, 'target/missing-satisfaction')).toEqual(['项目「热线」没有满意度指标']);
    });

    it('misfiled tells survey coverage from satisfaction', async () => {
        const groups = `${OUTPUT}\n产出指标 { 质量指标 { "满意度调查覆盖率" >= 95% } }\n满意度指标 { "好评率" >= 90%\n"群众获得感" >= 85% }`;
        expect(await messages(groups, 'target/misfiled')).toEqual([]);
        expect(await messages(`${OUTPUT}\n产出指标 { 质量指标 { "好评率" >= 95% } }`, 'target/misfiled', 'en'))
            .toEqual(["'好评率' is a satisfaction indicator but is filed under '产出指标 › 质量指标'; it belongs under satisfaction"]);
    });

    it('misfiled takes a row of how people feel for satisfaction only when it says 满意', async () => {
        // 群众获得感 stands under 社会效益 as often as under 满意度指标: neither is reported.
        const feeling = `${OUTPUT}
效益指标 { 社会效益 { "群众获得感" >= 85%
"居民幸福感" >= 85%
"社会认可度" >= 90% } }
满意度指标 { "老年人获得感" >= 85% }`;
        expect(await messages(feeling, 'target/misfiled')).toEqual([]);
        expect(await messages(`${OUTPUT}
效益指标 { 社会效益 { "群众获得感满意度" >= 85% } }`, 'target/misfiled'))
            .toEqual(['指标「群众获得感满意度」是满意度指标，却填在「效益指标 › 社会效益」下；应列入满意度指标']);
    });

    it('below-history compares dates by their place in the year, in both languages', async () => {
        const row = (t: string, last: string) => `${OUTPUT}\n产出指标 { 时效指标 { "完成时间" <= ${t} 上年 ${last} } }`;
        expect(await messages(row('2020-06-30', '2019-06-30'), 'target/below-history')).toEqual([]);
        expect(await messages(row('2020-07-31', '2019-06-30'), 'target/below-history'))
            .toEqual(['目标值 ≤2020-07-31 在年内晚于上年实际 2019-06-30（07-31 晚于 06-30）：目标应不晚于上年水平']);
        expect(await messages(row('2020-07-31', '2019-06-30'), 'target/below-history', 'en'))
            .toEqual(["Target ≤2020-07-31 is later in its year than last year's actual 2019-06-30 (07-31 after 06-30)"]);
    });

    it('below-history reads a deadline in the next year as later than any day of its own year', async () => {
        const row = (t: string, last: string) => `${OUTPUT}\n产出指标 { 时效指标 { "完成时间" <= ${t} 上年 ${last} } }`;
        expect(await messages(row('2024-03-31', '2022-12-31'), 'target/below-history'))
            .toEqual(['目标值 ≤2024-03-31 在年内晚于上年实际 2022-12-31（次年 03-31 晚于 12-31）：目标应不晚于上年水平']);
        expect(await messages(row('2024-03-31', '2022-12-31'), 'target/below-history', 'en'))
            .toEqual(["Target ≤2024-03-31 is later in its year than last year's actual 2022-12-31 (03-31 of the next year after 12-31)"]);
        // Last year's project finished in March of the year after; this year's by its year end: earlier.
        expect(await messages(row('2023-12-31', '2023-03-31'), 'target/below-history')).toEqual([]);
        expect(await messages(row('2024-01-31', '2023-01-31'), 'target/below-history')).toEqual([]);
    });
});
