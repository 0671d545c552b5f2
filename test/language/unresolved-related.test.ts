import { describe, expect, it } from 'vitest';
import { HOTLINE } from '../lsp/support.js';
import { buildWorkspace, messageOf, uriOf, type TestWorkspace } from '../support/workspace.js';

/*
 * reference/unresolved names the closest names in scope; each has a related place, where the
 * element it names is defined, so that a reviewer goes from the typo to the element meant (as
 * from target/below-contract to the clause).
 */

/** The unresolved references of a file: their message, and each related place as `file line:column message`. */
function unresolved(ws: TestWorkspace, file: string): Array<{ message: string; related: string[] }> {
    return ws.diagnostics(file).filter(d => d.code === 'reference/unresolved').map(d => ({
        message: messageOf(d),
        related: (d.relatedInformation ?? []).map(r => {
            const name = r.location.uri.slice(uriOf('').toString().length);
            return `${name} ${r.location.range.start.line + 1}:${r.location.range.start.character + 1} ${r.message}`;
        }),
    }));
}

/** Where `name` stands after `keyword ` in a file, as `file line:column`. */
function at(files: Record<string, string>, file: string, keyword: string, name: string): string {
    const lines = files[file]!.split('\n');
    const line = lines.findIndex(l => l.includes(`${keyword} ${name}`));
    return `${file} ${line + 1}:${lines[line]!.indexOf(`${keyword} ${name}`) + keyword.length + 2}`;
}

/** The reference case with a misspelt contract name in a 依据 link and after 对象, and a misspelt clause in the review. */
const MISSPELT = {
    ...HOTLINE,
    'targets.kpi': HOTLINE['targets.kpi']!.replace('依据 热线服务合同.接通率', '依据 热线服务合约.接通率'),
    'compliance.kpi': HOTLINE['compliance.kpi']!.replace('对象 热线服务合同', '对象 热线服务合约'),
    'review.kpi': '履约考核 热线复核 "复核" 对象 热线服务合同 {\n    条款 接通律 实际 96% 结论 达标\n}\n',
};

describe('reference/unresolved', () => {
    it('points from a misspelt contract name to the clause and the contract meant', async () => {
        const ws = await buildWorkspace(MISSPELT);
        const [link] = unresolved(ws, 'targets.kpi');
        expect(link!.message).toMatch(/^找不到「热线服务合约\.接通率」；可用的有：热线服务合同\.接通率、/);
        // One place per name offered, the closest first.
        expect(link!.related).toHaveLength(link!.message.split('、').length);
        expect(link!.related[0]).toBe(`${at(MISSPELT, 'contract.kpi', '条款', '接通率')} 合同「热线服务合同」条款「接通率」`);
        expect(link!.related).toContain(`${at(MISSPELT, 'standards.kpi', '要求', '回访率')} 标准「热线运营规范」要求「回访率」`);
        expect(unresolved(ws, 'compliance.kpi')[0]!.related[0]).toBe(`${at(MISSPELT, 'contract.kpi', '合同', '热线服务合同')} 合同「热线服务合同」`);
    });

    it('points from a misspelt clause of a review to the clause of the reviewed contract', async () => {
        const ws = await buildWorkspace(MISSPELT);
        expect(unresolved(ws, 'review.kpi')).toEqual([{
            message: '找不到「接通律」；可用的有：接通率、质检率、平均等待时长',
            related: [
                `${at(MISSPELT, 'contract.kpi', '条款', '接通率')} 合同「热线服务合同」条款「接通率」`,
                `${at(MISSPELT, 'contract.kpi', '条款', '质检率')} 合同「热线服务合同」条款「质检率」`,
                `${at(MISSPELT, 'contract.kpi', '条款', '平均等待时长')} 合同「热线服务合同」条款「平均等待时长」`,
            ],
        }]);
    });

    it('speaks the file\'s language', async () => {
        const ws = await buildWorkspace(MISSPELT, 'en');
        expect(unresolved(ws, 'review.kpi')[0]!.related[0]).toBe(`${at(MISSPELT, 'contract.kpi', '条款', '接通率')} clause '接通率' of contract '热线服务合同'`);
        expect(unresolved(ws, 'compliance.kpi')[0]!.related[0]).toBe(`${at(MISSPELT, 'contract.kpi', '合同', '热线服务合同')} contract '热线服务合同'`);
    });

    it('points into the same file when the name meant is defined there, and names projects and indicators', async () => {
        const files = {
            'p.kpi': '项目 热线二期 "热线" {\n    绩效指标 { 产出指标 { 数量指标 {\n        接通率 "15秒接通率" >= 95%\n    } } }\n}\n'
                + '自评 热线自评 对象 热线二其 {\n}\n'
                + '自评 热线自评二 对象 热线二期 {\n    指标 接通律 实际 96%\n}\n',
        };
        const ws = await buildWorkspace(files);
        expect(unresolved(ws, 'p.kpi').map(u => u.related)).toEqual([
            [`${at(files, 'p.kpi', '项目', '热线二期')} 项目「热线二期」`],
            ['p.kpi 3:9 指标「接通率」（15秒接通率）'],
        ]);
    });

    it('places nothing when nothing is in scope, or past the references that list names', async () => {
        const ws = await buildWorkspace({ 'a.kpi': '自评 S 对象 不存在 {\n    指标 接通率 实际 90%\n}' });
        expect(unresolved(ws, 'a.kpi').map(u => u.related)).toEqual([[], []]);
        const links = Array.from({ length: 101 }, (_, i) => `热线服务合约${i}.接通率`).join(', ');
        const pasted = await buildWorkspace({ ...HOTLINE, 'pasted.kpi': `项目 粘贴 "粘贴" {\n    绩效指标 { 产出指标 { 数量指标 { 甲 "受理量" >= 1 万件 依据 ${links} } } }\n}\n` });
        const found = unresolved(pasted, 'pasted.kpi');
        expect(found[0]!.related.length).toBeGreaterThan(0);
        expect(found[100]!.related).toEqual([]);
    });
});
