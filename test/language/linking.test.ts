import { DocumentState, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { targetOf } from '../support/parse.js';
import { buildWorkspace, type TestWorkspace } from '../support/workspace.js';

/*
 * A workspace of five files, one per block kind, as an officer would keep them. Every link
 * kind crosses a file: 适用 and 依据 (targets → standards, contract), 对象 (contract → targets,
 * assessment → targets, compliance → contract), assessment lines (→ the project's goals,
 * indicators, milestones) and compliance lines (→ the contract's clauses).
 */
const FILES = {
    'targets.kpi': `
项目 热线二期 "热线二期" {
    适用 广东两建办
    总体目标 { 接通能力 "市民来电及时接通" }
    绩效指标 {
        产出指标 {
            质量指标 { 接通率 "15秒内接通率" >= 80% 依据 热线服务合同.接通率, 广东两建办.即时接通率 }
            成本指标 { 单位成本 "单位服务成本" <= 12.52 元/通 依据 广州热线.单位服务成本 }
        }
    }
    里程碑 { 统一接听 "统一接听服务" 计划 2018-04-30 }
}`,
    'contract.kpi': `
合同 热线服务合同 "热线接听服务合同" 对象 热线二期 {
    条款 接通率 "15秒接通率" >= 95% 违约 "扣减服务费"
    条款 质检率 "录音质检率" >= 5% 违约 "扣减服务费"
}`,
    'standards.kpi': `
标准 广东两建办 "两建办要求" {
    要求 即时接通率 "15秒即时接通率" >= 90%
}
标准 广州热线 "广州同期水平" {
    基准 单位服务成本 "单位服务成本" 9.93 元/通
}`,
    'assessment.kpi': `
自评 热线二期自评 "自评" 对象 热线二期 {
    总体目标 接通能力 "接通率89.19%"
    指标 接通率 实际 89.19%
    问题 "服务质量有待提升" 涉及 接通率, 单位成本
    里程碑 统一接听 完成 2018-05-02
}`,
    'compliance.kpi': `
履约考核 热线二期履约 "履约考核" 对象 热线服务合同 {
    条款 接通率 实际 89.19% 结论 未达标
    条款 质检率 未考核 结论 未考核
}`,
};

function fileOf(document: LangiumDocument | undefined): string {
    return document?.uri.path.split('/').pop() ?? '?';
}

/** Each reference of a file as `text → Type in file` (or `text → ✗`), in document order. */
function links(ws: TestWorkspace, file: string): string[] {
    return ws.documents.get(file)!.references.map(r => {
        const target = targetOf(r);
        if (!target) return `${r.$refText} → ✗`;
        let root = target;
        while (root.$container) root = root.$container;
        return `${r.$refText} → ${target.$type} in ${fileOf(root.$document)}`;
    });
}

/** Syntax, reference and name diagnostics of a file as `line rule: message`. */
function core(ws: TestWorkspace, file: string): string[] {
    return ws.diagnostics(file)
        .filter(d => /^(syntax|reference|name)\//.test(String(d.code)))
        .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
        .map(d => `${d.range.start.line + 1} ${String(d.code)}: ${d.message}`);
}

function allCore(ws: TestWorkspace): string[] {
    return [...ws.documents.keys()].flatMap(f => core(ws, f).map(d => `${f}:${d}`));
}

describe('cross-file references', () => {
    it('resolve every kind of link to its declaration in another file', async () => {
        const ws = await buildWorkspace(FILES);
        expect(allCore(ws)).toEqual([]);
        expect(links(ws, 'targets.kpi')).toEqual([
            '广东两建办 → Standard in standards.kpi',
            '热线服务合同.接通率 → Clause in contract.kpi',
            '广东两建办.即时接通率 → Requirement in standards.kpi',
            '广州热线.单位服务成本 → Baseline in standards.kpi',
        ]);
        expect(links(ws, 'contract.kpi')).toEqual(['热线二期 → Project in targets.kpi']);
        expect(links(ws, 'assessment.kpi')).toEqual([
            '热线二期 → Project in targets.kpi',
            '接通能力 → Goal in targets.kpi',
            '接通率 → Indicator in targets.kpi',
            '接通率 → Indicator in targets.kpi',
            '单位成本 → Indicator in targets.kpi',
            '统一接听 → Milestone in targets.kpi',
        ]);
        expect(links(ws, 'compliance.kpi')).toEqual([
            '热线服务合同 → Contract in contract.kpi',
            '接通率 → Clause in contract.kpi',
            '质检率 → Clause in contract.kpi',
        ]);
    });

    it('resolve assessment lines in the assessed project and compliance lines in the reviewed contract only', async () => {
        const ws = await buildWorkspace({
            ...FILES,
            'other.kpi': `
项目 其他项目 {
    绩效指标 { 产出指标 { 质量指标 { 接通率 "另一个接通率" >= 90% 回访率 "回访率" >= 90% } } }
}
合同 其他合同 对象 其他项目 { 条款 回访率 "回访率" >= 90% }
自评 其他自评 对象 其他项目 {
    指标 接通率 实际 95%
    指标 单位成本 实际 10 元/通
}
履约考核 其他履约 对象 其他合同 {
    条款 回访率 实际 95%
    条款 质检率 实际 6%
}`,
        });
        expect(links(ws, 'other.kpi')).toEqual([
            '其他项目 → Project in other.kpi',
            '其他项目 → Project in other.kpi',
            '接通率 → Indicator in other.kpi',
            '单位成本 → ✗',
            '其他合同 → Contract in other.kpi',
            '回访率 → Clause in other.kpi',
            '质检率 → ✗',
        ]);
        expect(links(ws, 'assessment.kpi')).toContain('接通率 → Indicator in targets.kpi');
        expect(core(ws, 'other.kpi')).toEqual([
            '8 reference/unresolved: 找不到「单位成本」；可用的有：回访率、接通率',
            '12 reference/unresolved: 找不到「质检率」；可用的有：回访率',
        ]);
    });

    it('resolve 适用, 对象 and 依据 only to blocks and entries of the right kind', async () => {
        const ws = await buildWorkspace({
            ...FILES,
            'wrong.kpi': `
项目 错误项目 {
    适用 热线服务合同
    绩效指标 { 产出指标 { 质量指标 { 甲 "甲" >= 1 依据 接通率, 热线二期.接通率, 广州热线.即时接通率 } } }
}
自评 错误自评 对象 热线服务合同 { }
履约考核 错误履约 对象 热线二期 { }`,
        });
        expect(links(ws, 'wrong.kpi')).toEqual([
            '热线服务合同 → ✗', '接通率 → ✗', '热线二期.接通率 → ✗', '广州热线.即时接通率 → ✗', '热线服务合同 → ✗', '热线二期 → ✗',
        ]);
        const messages = core(ws, 'wrong.kpi');
        expect(messages).toHaveLength(6);
        // Candidates are the names of the right kind, closest first.
        expect(messages[0]).toMatch(/^3 reference\/unresolved: 找不到「热线服务合同」；可用的有：.*广东两建办/);
        expect(messages[1]).toContain('可用的有：热线服务合同.接通率');
        expect(messages[3]).toContain('广东两建办.即时接通率');
        expect(messages[4]).toMatch(/找不到「热线服务合同」；可用的有：.*热线二期/);
    });
});

describe('printed titles with brackets as names', () => {
    // 三级指标 as printed, typed without quotes: the name is the title, as "补助村(社区)数量" would be.
    it('name rows, clauses and links where a name stands, and every link to them resolves', async () => {
        const ws = await buildWorkspace({
            'targets.kpi': '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n'
                + '                补助村(社区)数量 = 8 个 来源 "乡镇财政台账" 依据 C.补助村(社区)数量\n'
                + '                受益人口（户籍） >= 2 万人 来源 "统计"\n'
                + '                新增绿化面积（㎡） >= 2 万㎡ 来源 "验收报告"\n            }\n        }\n    }\n}\n',
            'contract.kpi': '合同 C "c" 对象 P {\n    条款 补助村(社区)数量 "补助村数" >= 8 个\n}\n',
            'assessment.kpi': '自评 A "a" 对象 P {\n    指标 补助村(社区)数量 实际 8\n    指标 "受益人口（户籍）" 实际 2\n    问题 "进度偏慢" 涉及 受益人口（户籍），补助村(社区)数量\n    指标 新增绿化面积（㎡） 实际 2.1 万㎡\n}\n',
        });
        for (const file of ['targets.kpi', 'contract.kpi', 'assessment.kpi']) {
            expect(ws.diagnostics(file).filter(d => /^(syntax|reference)\//.test(String(d.code))), file).toEqual([]);
        }
        const problem = (ws.documents.get('assessment.kpi')!.parseResult.value as unknown as { blocks: Array<{ items: Array<{ $type: string; concerns?: Array<{ ref?: { name: string } }> }> }> })
            .blocks[0]!.items.find(i => i.$type === 'ProblemStatement')!;
        expect(problem.concerns!.map(c => c.ref?.name)).toEqual(['受益人口（户籍）', '补助村(社区)数量']);
    });
});

describe('titles with escaped quotes as names', () => {
    it('keep their quotes, and links to them resolve', async () => {
        const ws = await buildWorkspace({
            'targets.kpi': '项目 P "p" {\n    绩效指标 { 产出指标 { 数量指标 {\n        "助餐\\"服务\\"人数" >= 1800 人 来源 "s" 依据 C."签约\\"助餐\\"人数"\n    } } }\n}\n',
            'contract.kpi': '合同 C "c" 对象 P {\n    条款 "签约\\"助餐\\"人数" >= 1800 人\n}\n',
            'assessment.kpi': '自评 A "a" 对象 P {\n    指标 "助餐\\"服务\\"人数" 实际 1900 人\n}\n',
        });
        for (const file of ['targets.kpi', 'contract.kpi', 'assessment.kpi']) {
            expect(ws.diagnostics(file).filter(d => /^(syntax|reference)\//.test(String(d.code))), file).toEqual([]);
        }
        const row = (ws.documents.get('assessment.kpi')!.parseResult.value as unknown as { blocks: Array<{ items: Array<{ indicator?: { ref?: { name: string } } }> }> }).blocks[0]!.items[0]!;
        expect(row.indicator!.ref!.name).toBe('助餐"服务"人数');
    });
});

describe('reference/unresolved', () => {
    it('names the reference and the candidates in scope, in the configured language', async () => {
        const files = { ...FILES, 'assessment.kpi': FILES['assessment.kpi'].replace('指标 接通率 实际', '指标 接通律 实际') };
        const zh = await buildWorkspace(files);
        expect(core(zh, 'assessment.kpi')).toEqual(['4 reference/unresolved: 找不到「接通律」；可用的有：接通率、单位成本']);
        const en = await buildWorkspace(files, 'en');
        expect(core(en, 'assessment.kpi')).toEqual(["4 reference/unresolved: Cannot resolve '接通律'; in scope: 接通率, 单位成本"]);
    });

    it('says when nothing is in scope: the assessed project is unknown', async () => {
        const ws = await buildWorkspace({ 'a.kpi': '自评 S 对象 不存在 {\n    指标 接通率 实际 90%\n}' });
        expect(core(ws, 'a.kpi')).toEqual([
            '1 reference/unresolved: 找不到「不存在」；当前范围内没有可引用的名称',
            '2 reference/unresolved: 找不到「接通率」；当前范围内没有可引用的名称',
        ]);
    });

    it('lists the closest names for the first 100 of a file, then only names what was not found', async () => {
        const links = Array.from({ length: 130 }, (_, i) => `热线服务合约${i}.接通率`).join(', ');
        const files = { ...FILES, 'pasted.kpi': `项目 粘贴 "粘贴" {\n    绩效指标 { 产出指标 { 数量指标 { 甲 "受理量" >= 1 万件 依据 ${links} } } }\n}\n` };
        const messages = (await buildWorkspace(files)).diagnostics('pasted.kpi').filter(d => d.code === 'reference/unresolved').map(d => d.message);
        expect(messages).toHaveLength(130);
        const listed = '；可用的有：热线服务合同.接通率、热线服务合同.质检率、广东两建办.即时接通率、广州热线.单位服务成本';
        expect(messages[0]).toBe(`找不到「热线服务合约0.接通率」${listed}`);
        expect(messages[99]).toBe(`找不到「热线服务合约99.接通率」${listed}`);
        expect(messages.slice(100)).toEqual(Array.from({ length: 30 }, (_, i) => `找不到「热线服务合约${100 + i}.接通率」`));
    });

    it('lists no names for a name of over 100 characters (a pasted paragraph): comparing two took 37 s', async () => {
        const long = '很长的标题'.repeat(20_000);
        const files = {
            ...FILES,
            'targets.kpi': FILES['targets.kpi'].replace('接通率 "15秒内接通率"', `接通率 "${long}"`),
            'assessment.kpi': FILES['assessment.kpi'].replace('指标 接通率 实际', `指标 "${long}X" 实际`),
        };
        const messages = (await buildWorkspace(files)).diagnostics('assessment.kpi').filter(d => d.code === 'reference/unresolved').map(d => d.message);
        expect(messages).toEqual([`找不到「${long}X」`]);
    });
});

describe('name/duplicate', () => {
    it('reports duplicate names within a file: blocks, indicators, goals, milestones, clauses, entries', async () => {
        const ws = await buildWorkspace({
            'a.kpi': `
项目 P {
    总体目标 { G "g" G "g" }
    绩效指标 { 产出指标 { 数量指标 { A "a" >= 1 } 质量指标 { A "a" >= 1 } } }
    里程碑 { M "m" 计划 2020-01-01 M "m" 计划 2020-01-01 }
}
合同 C 对象 P { 条款 K "k" >= 1 条款 K "k" >= 1 }
标准 S { 要求 R "r" 基准 R "r" 1 }
标准 P { }`,
        });
        expect(core(ws, 'a.kpi').map(d => d.split(':')[0])).toEqual([
            '3 name/duplicate', '4 name/duplicate', '5 name/duplicate', '7 name/duplicate', '8 name/duplicate', '9 name/duplicate',
        ]);
    });

    it('reports a top-level name defined in two files in both, naming the other file', async () => {
        const ws = await buildWorkspace({ 'a.kpi': '标准 共用 { }', 'b.kpi': '\n合同 共用 { }' });
        expect(core(ws, 'a.kpi')).toEqual(['1 name/duplicate: 名称「共用」已在 b.kpi 中定义']);
        expect(core(ws, 'b.kpi')).toEqual(['2 name/duplicate: 名称「共用」已在 a.kpi 中定义']);
    });

    it('names the other file by its way from this file\'s folder when it lies in another: each project folder may hold a targets.kpi', async () => {
        const ws = await buildWorkspace({
            'p1/targets.kpi': '项目 共用 { }', 'p2/targets.kpi': '项目 共用 { }', 'shared/standards/s.kpi': '标准 共用 { }', 'top.kpi': '标准 共用 { }',
        });
        expect(core(ws, 'p1/targets.kpi')).toEqual(['1 name/duplicate: 名称「共用」已在 ../p2/targets.kpi 中定义']);
        expect(core(ws, 'p2/targets.kpi')).toEqual(['1 name/duplicate: 名称「共用」已在 ../p1/targets.kpi 中定义']);
        expect(core(ws, 'shared/standards/s.kpi')).toEqual(['1 name/duplicate: 名称「共用」已在 ../../p1/targets.kpi 中定义']);
        expect(core(ws, 'top.kpi')).toEqual(['1 name/duplicate: 名称「共用」已在 p1/targets.kpi 中定义']);
    });

    it('allows the same member name in different blocks, and a block named like a member', async () => {
        const ws = await buildWorkspace({
            'a.kpi': '合同 C1 { 条款 K "k" >= 1 } 合同 C2 { 条款 K "k" >= 1 } 标准 S { 要求 K "k" }',
            'b.kpi': '项目 P1 { 绩效指标 { 产出指标 { 数量指标 { K "k" >= 1 } } } } 项目 K { }',
        });
        expect(allCore(ws)).toEqual([]);
    });
});

describe('editing and deleting files', () => {
    it('a renamed clause breaks the links to it, and renaming it back repairs them', async () => {
        const ws = await buildWorkspace(FILES);
        await ws.edit('contract.kpi', FILES['contract.kpi'].replace('条款 接通率', '条款 接通比率'));
        expect(core(ws, 'targets.kpi')).toEqual([
            '7 reference/unresolved: 找不到「热线服务合同.接通率」；可用的有：热线服务合同.接通比率、热线服务合同.质检率、广东两建办.即时接通率、广州热线.单位服务成本',
        ]);
        expect(core(ws, 'compliance.kpi')).toEqual(['3 reference/unresolved: 找不到「接通率」；可用的有：接通比率、质检率']);
        await ws.edit('contract.kpi', FILES['contract.kpi']);
        expect(allCore(ws)).toEqual([]);
        expect(links(ws, 'targets.kpi')[1]).toBe('热线服务合同.接通率 → Clause in contract.kpi');
    });

    it('a deleted file leaves its references unresolved, and adding it again resolves them', async () => {
        const ws = await buildWorkspace(FILES);
        await ws.remove('standards.kpi');
        expect(core(ws, 'targets.kpi').map(d => d.split('；')[0])).toEqual([
            '3 reference/unresolved: 找不到「广东两建办」',
            '7 reference/unresolved: 找不到「广东两建办.即时接通率」',
            '8 reference/unresolved: 找不到「广州热线.单位服务成本」',
        ]);
        await ws.remove('targets.kpi');
        expect(core(ws, 'assessment.kpi')).toEqual([
            '2 reference/unresolved: 找不到「热线二期」；当前范围内没有可引用的名称',
            '3 reference/unresolved: 找不到「接通能力」；当前范围内没有可引用的名称',
            '4 reference/unresolved: 找不到「接通率」；当前范围内没有可引用的名称',
            '5 reference/unresolved: 找不到「接通率」；当前范围内没有可引用的名称',
            '5 reference/unresolved: 找不到「单位成本」；当前范围内没有可引用的名称',
            '6 reference/unresolved: 找不到「统一接听」；当前范围内没有可引用的名称',
        ]);
        expect(core(ws, 'contract.kpi')).toEqual(['2 reference/unresolved: 找不到「热线二期」；当前范围内没有可引用的名称']);
        await ws.edit('standards.kpi', FILES['standards.kpi']);
        await ws.edit('targets.kpi', FILES['targets.kpi']);
        expect(allCore(ws)).toEqual([]);
    });

    it('a file added later resolves a dangling reference', async () => {
        const ws = await buildWorkspace({ 'a.kpi': '项目 P {\n    适用 S\n}' });
        expect(core(ws, 'a.kpi')).toHaveLength(1);
        await ws.edit('s.kpi', '标准 S { }');
        expect(core(ws, 'a.kpi')).toEqual([]);
        expect(links(ws, 'a.kpi')).toEqual(['S → Standard in s.kpi']);
    });

    it('an edit re-validates the files that reach it through a chain of links (assessment → targets → contract)', async () => {
        const ws = await buildWorkspace(FILES);
        const belowContract = () => ws.diagnostics('assessment.kpi').filter(d => d.code === 'assessment/below-contract').length;
        // 89.19% meets the target (>= 80%) but not the clause the indicator links to (>= 95%).
        expect(belowContract()).toBe(1);
        const validated: string[] = [];
        ws.services.shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, docs => {
            validated.push(...docs.map(fileOf));
        });
        await ws.edit('contract.kpi', FILES['contract.kpi'].replace('>= 95%', '>= 85%'));
        // standards.kpi links nothing that changed: it is left alone.
        expect(validated.sort()).toEqual(['assessment.kpi', 'compliance.kpi', 'contract.kpi', 'targets.kpi']);
        expect(belowContract()).toBe(0);
    });

    it('a duplicate disappears from file A when file B is renamed or deleted, and returns with B', async () => {
        const ws = await buildWorkspace({ 'a.kpi': '标准 共用 { }', 'b.kpi': '合同 共用 { }', 'c.kpi': '标准 其他 { }' });
        expect(core(ws, 'a.kpi')).toHaveLength(1);
        await ws.edit('b.kpi', '合同 改名 { }');
        expect(allCore(ws)).toEqual([]);
        await ws.edit('b.kpi', '合同 共用 { }');
        expect(core(ws, 'a.kpi')).toEqual(['1 name/duplicate: 名称「共用」已在 b.kpi 中定义']);
        await ws.remove('b.kpi');
        expect(allCore(ws)).toEqual([]);
        await ws.edit('c.kpi', '标准 其他 { }\n标准 共用 { }');
        expect(core(ws, 'a.kpi')).toEqual(['1 name/duplicate: 名称「共用」已在 c.kpi 中定义']);
        expect(core(ws, 'c.kpi')).toEqual(['2 name/duplicate: 名称「共用」已在 a.kpi 中定义']);
    });
});
