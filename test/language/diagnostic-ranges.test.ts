import { getDiagnosticRange, GrammarUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Assessment, Model } from '../../packages/language/src/generated/ast.js';
import { buildWorkspace } from '../support/workspace.js';

/*
 * A check may put thousands of diagnostics on one node: a row pasted 3,000 times makes 3,000
 * indicators, none of them assessed, each reported on the assessment's name. The reporter finds
 * where the name is once per node (Langium searched the assessment's syntax tree for each).
 */

const INDICATORS = 3_000;

describe('diagnostics on a property of one node', () => {
    it(`are all placed on that property, ${INDICATORS} times on one assessment name`, async () => {
        const rows = Array.from({ length: INDICATORS }, (_, i) => `甲${i} "受理量${i}" >= 100 万件 来源 "台账"`).join('\n');
        const ws = await buildWorkspace({
            'targets.kpi': `项目 热线 "热线项目" {\n  绩效指标 { 产出指标 { 数量指标 {\n${rows}\n  } } }\n}\n`,
            'assessment.kpi': '自评 热线自评 "热线自评" 对象 热线 {\n    指标 甲0 实际 120 万件 分值 100 得分 100\n}\n',
        });
        const assessment = (ws.documents.get('assessment.kpi')!.parseResult.value as Model).blocks[0] as Assessment;
        const name = GrammarUtils.findNodeForProperty(assessment.$cstNode, 'name')!.range;
        const reported = ws.diagnostics('assessment.kpi').filter(d => d.code === 'assessment/indicator-not-assessed');
        expect(reported).toHaveLength(INDICATORS - 1);
        expect(new Set(reported.map(d => JSON.stringify(d.range)))).toEqual(new Set([JSON.stringify(name)]));
        expect(name).toEqual(getDiagnosticRange({ node: assessment, property: 'name' }));
        expect(reported.at(-1)!.message).toContain(`受理量${INDICATORS - 1}`);
    });
});
