import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, messageOf } from '../support/workspace.js';

// compliance/no-data's fixtures show where it fires; here, the words of each reason in English.
const contract = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'rules', 'compliance', 'no-data', 'contract.kpi'), 'utf8');
const review = `compliance HotlineReview "Hotline contract review" for 服务合同 {
    clause 质检率 actual "good" verdict met
    clause 接通率 actual 20 秒 verdict unmet
    clause 平均等待时长 actual unmeasured verdict met
    clause 整改 actual achieved verdict met
}
`;

describe('compliance/no-data in English', () => {
    it('names the actual, the clause and why they cannot be compared', async () => {
        const ws = await buildWorkspace({ 'contract.kpi': contract, 'review.kpi': review }, 'en');
        const found = ws.diagnostics('review.kpi').filter(d => d.code === 'compliance/no-data').map(d => [d.range.start.line + 1, messageOf(d)]);
        expect(found).toEqual([
            [2, `The actual "good" is not a value and cannot be compared with the clause's ≥5%: the verdict 'met' has no data behind it`],
            [3, `The actual 20 秒 cannot be compared with the clause's ≥95% (秒 and % measure different things): the verdict 'unmet' has no data behind it`],
            [4, `The actual was not measured: the verdict 'met' has no data behind it`],
        ]);
    });
});
