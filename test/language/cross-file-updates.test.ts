import { describe, expect, it } from 'vitest';
import { buildWorkspace, messageOf, type TestWorkspace } from '../support/workspace.js';

/**
 * Target and contract rules read other files (依据 clauses, 适用 standards, a contract's 对象
 * project). Editing one file must update the others' diagnostics through Langium's
 * DocumentBuilder.update, as in the editor, without the other files being touched.
 */
const contract = (answerRate: string) => `
合同 服务合同 "热线接听服务合同" 对象 热线 {
    条款 接通率 "15秒接通率" >= ${answerRate}
        违约 "每低于约定值1个百分点，扣减当月服务费1%"
    条款 质检率 "录音质检率" >= 5%
        违约 "每低于约定值1个百分点，扣减当月服务费0.5%"
}
`;

const standards = (extra = '') => `
标准 广东 "广东省热线工作要求" {
    要求 回复率 "回复率" = 100% 必设
${extra}}
`;

const targets = (extraRow = '') => `
项目 热线 "热线接听服务" {
    适用 广东
    绩效指标 {
        产出指标 {
            质量指标 {
                接通率 "15秒内接通率" >= 80% 依据 服务合同.接通率
                回复率 "回复率" = 100%
${extraRow}            }
        }
    }
}
`;

/** Messages of one rule in one file. */
function messages(ws: TestWorkspace, file: string, rule: string): string[] {
    return ws.diagnostics(file).filter(d => d.code === rule).map(messageOf);
}

async function hotline(): Promise<TestWorkspace> {
    return buildWorkspace({ 'contract.kpi': contract('95%'), 'standards.kpi': standards(), 'targets.kpi': targets() });
}

describe('cross-file updates of target and contract rules', () => {
    it('a contract value change updates target/below-contract in the targets file', async () => {
        const ws = await hotline();
        const targetsDoc = ws.documents.get('targets.kpi');
        expect(messages(ws, 'targets.kpi', 'target/below-contract')).toEqual([expect.stringContaining('≥95%')]);

        await ws.edit('contract.kpi', contract('80%'));
        expect(messages(ws, 'targets.kpi', 'target/below-contract')).toEqual([]);

        await ws.edit('contract.kpi', contract('99%'));
        expect(messages(ws, 'targets.kpi', 'target/below-contract')).toEqual([expect.stringContaining('≥99%')]);
        // Re-validated in place: the targets file was never edited or re-created.
        expect(ws.documents.get('targets.kpi')).toBe(targetsDoc);
    });

    it('a standard gaining a 必设 requirement adds target/required-indicator to the targets file', async () => {
        const ws = await hotline();
        expect(messages(ws, 'targets.kpi', 'target/required-indicator')).toEqual([]);

        await ws.edit('standards.kpi', standards('    要求 审核率 "工单审核率" >= 95% 必设\n'));
        const found = ws.diagnostics('targets.kpi').filter(d => d.code === 'target/required-indicator');
        expect(found.map(d => d.message)).toEqual([expect.stringContaining('审核率')]);
        expect(found[0]!.range.start.line).toBe(2);
        expect(found[0]!.data).toMatchObject({ requirement: '广东.审核率', target: '>= 95%' });

        await ws.edit('standards.kpi', standards());
        expect(messages(ws, 'targets.kpi', 'target/required-indicator')).toEqual([]);
    });

    it('a standard requirement is compared with the same-named indicator after an edit', async () => {
        const ws = await hotline();
        await ws.edit('standards.kpi', standards('    要求 接通率 "15秒即时接通率" >= 90%\n'));
        expect(messages(ws, 'targets.kpi', 'target/below-standard')).toEqual([expect.stringContaining('≥90%')]);
    });

    it('adding and removing an indicator that links a clause updates contract/untracked-clause in the contract file', async () => {
        const ws = await hotline();
        const contractDoc = ws.documents.get('contract.kpi');
        expect(messages(ws, 'contract.kpi', 'contract/untracked-clause')).toEqual([expect.stringContaining('质检率')]);

        await ws.edit('targets.kpi', targets('                质检率 "录音质检率" >= 5% 依据 服务合同.质检率\n'));
        expect(messages(ws, 'contract.kpi', 'contract/untracked-clause')).toEqual([]);
        expect(ws.documents.get('contract.kpi')).toBe(contractDoc);

        await ws.edit('targets.kpi', targets());
        expect(messages(ws, 'contract.kpi', 'contract/untracked-clause')).toEqual([expect.stringContaining('质检率')]);
    });

    it('deleting the contract file leaves an unresolved 依据 in the targets file, and restoring it resolves again', async () => {
        const ws = await hotline();
        await ws.remove('contract.kpi');
        expect(messages(ws, 'targets.kpi', 'reference/unresolved')).toEqual([expect.stringContaining('服务合同.接通率')]);
        expect(messages(ws, 'targets.kpi', 'target/below-contract')).toEqual([]);

        await ws.edit('contract.kpi', contract('95%'));
        expect(messages(ws, 'targets.kpi', 'reference/unresolved')).toEqual([]);
        expect(messages(ws, 'targets.kpi', 'target/below-contract')).toEqual([expect.stringContaining('≥95%')]);
    });
});
