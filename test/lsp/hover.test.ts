import { expectHover } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildWorkspace, readFolder } from '../support/workspace.js';
import { ENGLISH, HOTLINE, hotline, mark, positionOf, servicesWith, textDocument, without, WS } from './support.js';

/** Hover over the reference case (targets.kpi parsed by the helper, the other files in the workspace). */
async function hoverTargets(needle: string, at: number, hover: RegExp) {
    const services = await servicesWith(without(HOTLINE, 'targets.kpi'));
    await expectHover(services)({ text: mark(HOTLINE['targets.kpi']!, needle, at), index: 0, hover, parseOptions: { documentUri: `${WS}targets.kpi` }, disposeAfterCheck: true });
}

describe('hover', () => {
    it('shows an indicator\'s target, what it is held to and that it is weaker', async () => {
        await hoverTargets('接通率 "15秒内', 1, /目标：≥80%[\s\S]*合同「热线服务合同」条款「接通率」 \| ≥95% \| ⚠ 目标弱于此值[\s\S]*标准「广东两建办」要求「即时接通率」 \| ≥90% \| ⚠ 目标弱于此值/);
    });

    it('shows the ratio to a linked baseline', async () => {
        await hoverTargets('单位成本 "', 1, /目标：≤12\.52 元\/通[\s\S]*9\.93 元\/通 \| ⚠ 为基准的 126\.08%，劣于基准/);
    });

    it('describes the contract on the owner part of a qualified link and the clause on its member part', async () => {
        await hoverTargets('热线服务合同.接通率', 1, /^\*\*合同 热线服务合同\*\*[\s\S]*金额：10666 万元/);
        await hoverTargets('热线服务合同.接通率', 8, /^\*\*条款 接通率\*\*[\s\S]*约定：≥95%[\s\S]*违约：每低于约定值1个百分点[\s\S]*\| 热线二期\.接通率 \| ≥80% \| ⚠ 目标弱于此值 \|/);
    });

    it('says when a target is not weaker and when units cannot be compared', async () => {
        const services = await servicesWith({ 'c.kpi': '合同 C "c" { 条款 T "t" >= 95% 条款 U "u" <= 20 秒 }' });
        const text = '项目 P "p" { 绩效指标 { 产出指标 { 质量指标 {\n A "a" >= 96% 依据 C.T\n B "b" >= 3 个 依据 C.U\n } } } }';
        await expectHover(services)({ text: mark(text, 'A "a"'), index: 0, hover: /✓ 目标不弱于此值/ });
        await expectHover(services)({ text: mark(text, 'B "b"'), index: 0, hover: /单位无法比较/ });
    });

    it('speaks the hovered file\'s language, as its diagnostics do, whatever the editor\'s display language', async () => {
        const ws = await hotline();
        ws.services.kpi.Settings.chosenLocale = undefined;
        ws.services.kpi.Settings.environmentLocale = 'en';
        const doc = ws.documents.get('assessment.kpi')!;
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(doc, { textDocument: textDocument('assessment.kpi'), position: positionOf(ws, 'assessment.kpi', '接通率     实际') });
        expect((hover?.contents as { value: string }).value).toContain('达成率：111.49%');
        ws.services.kpi.Settings.chosenLocale = 'en';
        const english = await ws.services.lsp.HoverProvider!.getHoverContent(doc, { textDocument: textDocument('assessment.kpi'), position: positionOf(ws, 'assessment.kpi', '接通率     实际') });
        expect((english?.contents as { value: string }).value).toContain('Achievement: 111.49%');
    });

    it('shows an assessment row\'s achievement, rule score and the linked values against the actual', async () => {
        const ws = await hotline();
        const doc = ws.documents.get('assessment.kpi')!;
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(doc, { textDocument: textDocument('assessment.kpi'), position: positionOf(ws, 'assessment.kpi', '接通率     实际') });
        const value = (hover?.contents as { value: string }).value;
        expect(value).toContain('实际：89.19%');
        expect(value).toContain('达成率：111.49%');
        expect(value).toContain('规则得分 **30 / 30**（自评 30）');
        expect(value).toMatch(/合同「热线服务合同」条款「接通率」 \| ≥95% \| ⚠ 实际未达到/);
    });

    it('shows budget execution and the total by the rule', async () => {
        const services = await servicesWith(without(HOTLINE, 'assessment.kpi'));
        const text = HOTLINE['assessment.kpi']!;
        await expectHover(services)({ text: mark(text, '预算执行'), index: 0, hover: /执行率：100%[\s\S]*规则得分 \*\*10 \/ 10\*\*/, parseOptions: { documentUri: `${WS}assessment.kpi` }, disposeAfterCheck: true });
        await expectHover(services)({ text: mark(text, '合计'), index: 0, hover: /规则得分 \*\*100 \/ 100\*\*（自评 100）[\s\S]*按规则的等级：优/, parseOptions: { documentUri: `${WS}assessment.kpi` }, disposeAfterCheck: true });
        // The 等级 line: the grade written beside the rule's and the claimed total's.
        const graded = text.replace('    等级 优', '    等级 良');
        expect(graded).not.toBe(text);
        await expectHover(services)({
            text: mark(graded, '等级 良'), index: 0, hover: /^\*\*等级\*\* 良\n\n规则得分 \*\*100 \/ 100\*\*（自评 100）\n\n按规则的等级：优\n\n自评合计的等级：优$/,
            parseOptions: { documentUri: `${WS}assessment.kpi` }, disposeAfterCheck: true,
        });
    });

    it('shows the amounts the 预算执行 line is checked on, the project\'s 预算 and what is checked against it, and the milestones 评价日 finds overdue', async () => {
        const services = await servicesWith(without(HOTLINE, 'assessment.kpi'));
        const text = HOTLINE['assessment.kpi']!;
        const options = { parseOptions: { documentUri: `${WS}assessment.kpi` }, disposeAfterCheck: true };
        await expectHover(services)({ text: mark(text, '预算执行'), index: 0, hover: /^\*\*预算执行\*\*\n\n全年预算：10666 万元\n\n全年执行：10666 万元\n\n项目预算：10666 万元\n\n执行率：100%/, ...options });
        await expectHover(services)({
            text: mark(text, '评价日', 1), index: 0, ...options,
            hover: /^\*\*评价日\*\* 2021-03-31\n\n未完成的里程碑按此日判断是否逾期（未写评价日时按今日）\n\n\| 逾期的里程碑 \| 计划 \| 截至评价日 \|\n\|---\|---\|---\|\n\| 统一接听服务 \| 2018-04-30 \| 逾期 1066 天（约35个月） \|\n\| 统一信息系统 \|/,
        });
        // Milestones done or planned after 评价日 are not overdue.
        const done = text.replace('统一接听服务 未完成', '统一接听服务 完成 2018-03-01').replace('统一信息系统 未完成', '统一信息系统 完成 2019-01-01');
        await expectHover(services)({ text: mark(done, '评价日', 1), index: 0, hover: /^\*\*评价日\*\* 2021-03-31\n\n未完成的里程碑按此日判断是否逾期（未写评价日时按今日）$/, ...options });

        const forms = readFolder(join(import.meta.dirname, '..', 'fixtures', 'reference', 'forms'));
        // The assessment is checked against the project: both files are in the workspace.
        const ws = await buildWorkspace(forms);
        const budget = /^\*\*预算\*\* 300 万元\n\n项目预算：资金的年度资金总额、无合计时的测算各项、自评的年初预算都与之核对\n\n\| 与预算核对 \| 金额 \| 比较 \|\n\|---\|---\|---\|\n\| 资金 年度 \| 300 万元 \| ✓ 与预算一致 \|\n\| 自评「养老补贴自评」年初预算 \| 300 万元 \| ✓ 与预算一致 \|$/;
        for (const at of [0, 4]) {
            const hover = await ws.services.lsp.HoverProvider!.getHoverContent(ws.documents.get('targets.kpi')!, { textDocument: textDocument('targets.kpi'), position: positionOf(ws, 'targets.kpi', '预算 300', at) });
            expect((hover?.contents as { value: string }).value).toMatch(budget);
        }
        // Without 合计 the breakdown's components are read against the budget; a 资金 line has its own hover.
        const english = await servicesWith({}, 'en');
        const project = 'project P "p" {\n budget 300 万元\n funds { annual 280 万元 }\n breakdown { Meals "meals" 120 万元 Visits "visits" 150 万元 }\n}';
        await expectHover(english)({ text: mark(project, 'budget', 1), index: 0, hover: /^\*\*Budget\*\* 300 万元\n\n[^\n]*\n\n\| Checked against it \| Amount \| Comparison \|\n\|---\|---\|---\|\n\| Funds, annual \| 280 万元 \| ⚠ differs from the budget \|\n\| Breakdown components \| 270 万元 \| ⚠ differs from the budget \|$/ });
        await expectHover(english)({ text: mark(project, 'annual', 1), index: 0, hover: /^\*\*Annual funds\*\* 280 万元\n\n[\s\S]*\| Project budget \| 300 万元 \| ⚠ differs from the annual funds \|$/ });
    });

    it('shows on a 资金 line, a 测算 row and its 合计 the amounts checked against them', async () => {
        const forms = readFolder(join(import.meta.dirname, '..', 'fixtures', 'reference', 'forms'));
        const services = await servicesWith({});
        const text = forms['targets.kpi']!;
        const table = (rows: string[]) => `\\| 与之核对 \\| 金额 \\| 比较 \\|\\n\\|---\\|---\\|---\\|\\n${rows.join('\\n')}$`;
        await expectHover(services)({ text: mark(text, '年度 300', 1), index: 0, hover: new RegExp(`^\\*\\*年度资金总额\\*\\* 300 万元\\n\\n${table(['\\| 其中各行合计 \\| 290 万元 \\| ⚠ 与年度资金总额不符 \\|', '\\| 项目预算 \\| 300 万元 \\| ✓ 与年度资金总额一致 \\|'])}`) });
        // A 其中 row: its share of 年度, and all the rows against 年度.
        await expectHover(services)({ text: mark(text, '其中 财政拨款', 1), index: 0, hover: new RegExp(`^\\*\\*资金 · 其中 财政拨款\\*\\* 260 万元\\n\\n占年度资金总额：86\\.67%\\n\\n${table(['\\| 其中各行合计 \\| 290 万元 \\| ⚠ 与年度资金总额不符 \\|'])}`) });
        await expectHover(services)({ text: mark(text, '中期 900', 4), index: 0, hover: new RegExp(`^\\*\\*中期资金总额\\*\\* 900 万元\\n\\n${table(['\\| 年度资金总额 \\| 300 万元 \\| ✓ 不超过中期资金总额 \\|'])}`) });
        await expectHover(services)({ text: mark(text, '合计 300', 4), index: 0, hover: new RegExp(`^\\*\\*测算合计\\*\\* 300 万元\\n\\n${table(['\\| 测算各项合计 \\| 290 万元 \\| ⚠ 与合计不符 \\|'])}`) });
        // The whole row of a component describes it, with what its product comes to.
        await expectHover(services)({ text: mark(text, '150 万元 = 500', 1), index: 0, hover: /^\*\*测算 上门服务补贴\*\*\n\n计划：150 万元\n\n计算：500 人 × 300 元\/人\\\*月 × 12 月\n\n乘积：180 万元（⚠ 与计划不符）$/ });
        const english = await servicesWith({}, 'en');
        await expectHover(english)({ text: mark('project P "p" {\n breakdown {\n  Meals "meals" 120 万元 = 2000 人 × 50 元/人*月 × 12 月\n }\n}', '120', 1), index: 0, hover: /Product: 120 万元 \(✓ equals the plan\)$/ });
    });

    it('writes a bare actual in its target\'s unit, as the score sheet and the messages do', async () => {
        // The printed 自评表 gives the unit once, with the target (`实际 97` against `≥95%`).
        const forms = readFolder(join(import.meta.dirname, '..', '..', 'examples', 'complete-forms'));
        const services = await servicesWith(without(forms, 'assessment.kpi'));
        const options = { parseOptions: { documentUri: `${WS}assessment.kpi` }, disposeAfterCheck: true };
        await expectHover(services)({ text: mark(forms['assessment.kpi']!, '"补贴发放及时率"', 1), index: 0, hover: /目标：≥95%\n\n实际：97%\n/, ...options });
        await expectHover(services)({ text: mark(forms['assessment.kpi']!, '"助餐服务人数"', 1), index: 0, hover: /实际：2050 人\n/, ...options });
        const contract = await servicesWith({ 'c.kpi': '合同 C "c" { 条款 T "t" >= 95% }' });
        await expectHover(contract)({ text: mark('履约考核 R "r" 对象 C {\n 条款 T 实际 96 结论 达标\n}', '96'), index: 0, hover: /实际：96%\n/ });
    });

    it('names a rated actual in the hover\'s language, as its explanation does', async () => {
        const project = '项目 P "p" { 绩效指标 { 产出指标 { 质量指标 { Q "服务规范" 定性 "规范" } } } }';
        const assessment = '自评 A "a" 对象 P {\n 指标 Q 实际 部分达成 分值 10 得分 8\n}';
        await expectHover(await servicesWith({ 'p.kpi': project }, 'en'))({ text: mark(assessment, '指标 Q', 1), index: 0, hover: /Actual: partly\n/ });
        await expectHover(await servicesWith({ 'p.kpi': project }))({ text: mark(assessment, '指标 Q', 1), index: 0, hover: /实际：部分达成\n/ });
    });

    it('shows a 其中 row\'s own amounts and execution rate', async () => {
        const forms = readFolder(join(import.meta.dirname, '..', '..', 'examples', 'complete-forms'));
        const services = await servicesWith(without(forms, 'assessment.kpi'));
        await expectHover(services)({
            text: mark(forms['assessment.kpi']!, '其中 其他资金'), index: 0,
            // Its bare numbers take the 万元 of the 预算执行 line; 35 ÷ 40.
            hover: /^\*\*预算执行 · 其中 其他资金\*\*\n\n年初预算：40 万元\n\n全年预算：40 万元\n\n全年执行：35 万元\n\n执行率：87\.5%$/,
            parseOptions: { documentUri: `${WS}assessment.kpi` }, disposeAfterCheck: true,
        });
        // Half-typed, without its source (found by the fuzz test: the hover threw).
        await expectHover(services)({
            text: mark(forms['assessment.kpi']!.replace('其中 其他资金', '其中 其中'), '其中 其中', 4), index: 0,
            hover: /^\*\*预算执行 · 其中 \*\*/,
            parseOptions: { documentUri: `${WS}assessment.kpi` }, disposeAfterCheck: true,
        });
    });

    it('shows a goal line\'s plan beside what was achieved, a milestone line\'s delay and a problem\'s scored rows', async () => {
        const services = await servicesWith(without(HOTLINE, 'assessment.kpi'));
        const text = HOTLINE['assessment.kpi']!;
        const options = { parseOptions: { documentUri: `${WS}assessment.kpi` }, disposeAfterCheck: true };
        await expectHover(services)({ text: mark(text, '"接听能力大幅提升', 1), index: 0, hover: /^\*\*总体目标 接通能力\*\*\n\n目标：提升热线接听能力，市民来电及时接通\n\n完成情况：接听能力大幅提升/, ...options });
        await expectHover(services)({ text: mark(text, '统一服务场地 完成', 8), index: 0, hover: /计划：2018-07-31\n\n完成：2020-05-31\n\n滞后 670 天（约22个月）$/, ...options });
        await expectHover(services)({ text: mark(text, '里程碑 统一接听服务'), index: 0, hover: /完成：未完成\n\n截至 2021-03-31 逾期 1066 天（约35个月）$/, ...options });
        await expectHover(services)({ text: mark(text, '问题 "热线服务质量'), index: 0, hover: /^\*\*问题\*\* 热线服务质量有待提升[\s\S]*\| 接通率 \| 30 \| 30 \|/, ...options });
    });

    it('shows a remark printed after a value with the value, and on the remark says that nothing reads it', async () => {
        const services = await servicesWith({ 'c.kpi': '合同 C "c" { 条款 T "t" >= 95%（全市） }' });
        const text = '项目 P "p" { 绩效指标 { 产出指标 { 数量指标 {\n A "a" >= 2 万人（户籍）\n B "b" >= 96%（含预约） 依据 C.T\n } } }\n 里程碑 { M "m" 计划 2023-06-30（暂定） } }';
        await expectHover(services)({ text: mark(text, 'A "a"'), index: 0, hover: /目标：≥2 万人（户籍）/ });
        // The clause's remark in the table of what the target is held to.
        await expectHover(services)({ text: mark(text, 'B "b"'), index: 0, hover: /目标：≥96%（含预约）[\s\S]*\| ≥95%（全市） \| ✓ 目标不弱于此值/ });
        await expectHover(services)({ text: mark(text, 'M "m"'), index: 0, hover: /计划：2023-06-30（暂定）/ });
        await expectHover(services)({ text: mark(text, '（户籍）', 1), index: 0, hover: /^\*\*备注\*\* （户籍）：说明文字，比较和计分时不读\n\n\*\*指标 A\*\* · a/ });
        const english = await servicesWith({}, 'en');
        await expectHover(english)({ text: mark('project P "p" { indicators { output { quantity {\n A "a" >= 2 (registered)\n } } } }', '(registered', 1), index: 0, hover: /^\*\*Remark\*\* \(registered\): a note, not read when comparing or scoring/ });
    });

    it('says on a 资金 or 测算 block\'s keyword what its 年度 or 合计 line says', async () => {
        for (const [folder, locale, funds, annual, breakdown, total] of [
            ['complete-forms', 'zh-CN', '资金 {', '年度 300', '测算 {', '合计 300'],
            ['complete-forms-en', 'en', 'funds {', 'annual 300', 'breakdown {', 'total 300'],
        ] as const) {
            const ws = await buildWorkspace(readFolder(join(import.meta.dirname, '..', '..', 'examples', folder)), locale);
            const hover = async (needle: string) => ((await ws.services.lsp.HoverProvider!.getHoverContent(ws.documents.get('targets.kpi')!, { textDocument: textDocument('targets.kpi'), position: positionOf(ws, 'targets.kpi', needle, 1) }))?.contents as { value: string } | undefined)?.value;
            expect(await hover(funds)).toMatch(locale === 'en' ? /^\*\*Annual funds\*\* 300 万元/ : /^\*\*年度资金总额\*\* 300 万元/);
            expect(await hover(funds)).toBe(await hover(annual));
            expect(await hover(breakdown)).toMatch(locale === 'en' ? /^\*\*Breakdown total\*\* 300 万元/ : /^\*\*测算合计\*\* 300 万元/);
            expect(await hover(breakdown)).toBe(await hover(total));
        }
    });

    it('says on a 一级/二级指标 line where it stands, how many rows it holds and what each assessment weights and scores them', async () => {
        const framework = await buildWorkspace(readFolder(join(import.meta.dirname, '..', '..', 'examples', 'framework')));
        const hover = async (needle: string, at = 1) => ((await framework.services.lsp.HoverProvider!.getHoverContent(framework.documents.get('project.kpi')!, { textDocument: textDocument('project.kpi'), position: positionOf(framework, 'project.kpi', needle, at) }))?.contents as { value: string } | undefined)?.value;
        expect(await hover('项目决策 {')).toBe('**一级指标** 项目决策\n\n指标：2 项\n\n| 自评 | 分值合计 | 规则得分合计 |\n|---|---|---|\n| 饮水工程自评 | 2 | 2 |');
        // A framework's own level-2 label, and the level-1 sums over its level-2 groups (部分达成 scores 3.2 of 4 by the rule).
        expect(await hover('资金管理 {')).toBe('**二级指标** 资金管理\n\n项目管理 › 资金管理\n\n指标：2 项\n\n| 自评 | 分值合计 | 规则得分合计 |\n|---|---|---|\n| 饮水工程自评 | 9 | 9 |');
        expect(await hover('项目管理 {')).toMatch(/指标：3 项[\s\S]*\| 饮水工程自评 \| 13 \| 12.2 \|$/);
        // Its braces say nothing.
        expect(await hover('项目决策 {', 5)).toBeUndefined();

        const english = await buildWorkspace(readFolder(join(import.meta.dirname, '..', '..', 'examples', 'complete-forms-en')), 'en');
        const inEnglish = async (needle: string) => ((await english.services.lsp.HoverProvider!.getHoverContent(english.documents.get('targets.kpi')!, { textDocument: textDocument('targets.kpi'), position: positionOf(english, 'targets.kpi', needle, 1) }))?.contents as { value: string }).value;
        expect(await inEnglish('quantity {')).toBe('**Level-2 indicator** quantity\n\noutput › quantity\n\nIndicators: 2\n\n| Assessment | Weights | Rule scores |\n|---|---|---|\n| ElderCareReview | 30 | 30 |');
    });

    it('says on a project\'s 主管部门 and 实施单位 what the form\'s field means, and on its 实施期 how long it lasts and whether each assessment\'s year lies in it', async () => {
        const ws = await buildWorkspace(readFolder(join(import.meta.dirname, '..', 'fixtures', 'reference', 'forms')));
        const hover = async (needle: string, at: number) => ((await ws.services.lsp.HoverProvider!.getHoverContent(ws.documents.get('targets.kpi')!, { textDocument: textDocument('targets.kpi'), position: positionOf(ws, 'targets.kpi', needle, at) }))?.contents as { value: string } | undefined)?.value;
        const department = /^\*\*主管部门\*\* 某市民政局\n\n表头「主管部门」栏：项目预算所属的主管预算部门。申报表和自评表都填此栏，自评沿用所评项目的$/;
        // On the keyword and on the value.
        expect(await hover('主管部门', 1)).toMatch(department);
        expect(await hover('"某市民政局"', 2)).toMatch(department);
        expect(await hover('"某市养老服务指导中心"', 2)).toMatch(/^\*\*实施单位\*\* 某市养老服务指导中心\n\n表头「实施单位」栏：具体实施项目、使用项目资金的单位。/);
        const period = /^\*\*实施期\*\* 2023-01 至 2023-12\n\n表头「项目期」栏：项目实施的起止时间\n\n时长：12 个月\n\n\| 自评 \| 评价年度 \| 与实施期 \|\n\|---\|---\|---\|\n\| 养老补贴自评 \| 2023 \| ✓ 全年在实施期内 \|$/;
        for (const [needle, at] of [['实施期', 1], ['2023-01 至', 3], ['至 2023-12', 0], ['至 2023-12', 5]] as const) expect(await hover(needle, at)).toMatch(period);

        // The year as the assessment's title names it, partly or not in the period; a period given by days; one that ends before it starts.
        const project = (period: string) => `项目 P "p" {\n    主管部门\n    实施期 ${period}\n}\n`;
        // B's title names two years: its 评价日 places it; D's tells nothing, and the hover says so.
        const assessments = '自评 A "P项目2024年度绩效自评" 对象 P {}\n自评 B "P项目绩效自评（2023-07至2024-06）" 对象 P {\n    评价日 2024-03-15\n}\n'
            + '自评 C "P项目2023年度绩效自评" 对象 P {}\n自评 D "P项目绩效自评（2023-07至2024-06）" 对象 P {}\n';
        const other = await buildWorkspace({ 'p.kpi': project('2023-07-01 至 2024-03-31'), 'a.kpi': assessments });
        const at = async (needle: string, offset = 1) => ((await other.services.lsp.HoverProvider!.getHoverContent(other.documents.get('p.kpi')!, { textDocument: textDocument('p.kpi'), position: positionOf(other, 'p.kpi', needle, offset) }))?.contents as { value: string }).value;
        expect(await at('实施期')).toMatch(/\n\n时长：275 天（约9个月）\n\n[\s\S]*\| A \| 2024 \| 部分在实施期内 \|\n\| B \| 评价日 2024-03-15 \| ✓ 评价日在实施期内 \|\n\| C \| 2023 \| 部分在实施期内 \|\n\| D \| — \| 标题未写评价年度，也未写评价日 \|$/);
        // The keyword typed alone says what the field means.
        expect(await at('主管部门')).toMatch(/^\*\*主管部门\*\* \n\n表头「主管部门」栏/);
        await other.edit('p.kpi', project('2024-01 至 2024-12'));
        expect(await at('实施期')).toMatch(/时长：12 个月[\s\S]*\| A \| 2024 \| ✓ 全年在实施期内 \|\n\| B \| 评价日 2024-03-15 \| ✓ 评价日在实施期内 \|\n\| C \| 2023 \| ⚠ 不在实施期内 \|\n\| D \| — \| 标题未写评价年度，也未写评价日 \|$/);
        await other.edit('p.kpi', project('2022-01 至 2023-12'));
        expect(await at('实施期')).toMatch(/\| B \| 评价日 2024-03-15 \| 评价日在实施期结束之后 \|/);
        await other.edit('p.kpi', project('2024-06 至 2025-05'));
        expect(await at('实施期')).toMatch(/\| B \| 评价日 2024-03-15 \| ⚠ 评价日早于实施期开始 \|/);
        const en = await buildWorkspace({ 'p.kpi': 'project P "p" {\n    period 2024-01 to 2024-12\n}\n', 'a.kpi': 'assessment B "review 2023-07 to 2024-06" for P {\n    as-of 2024-03-15\n}\nassessment D "review 2023-07 to 2024-06" for P {}\n' }, 'en');
        const enHover = ((await en.services.lsp.HoverProvider!.getHoverContent(en.documents.get('p.kpi')!, { textDocument: textDocument('p.kpi'), position: positionOf(en, 'p.kpi', 'period', 1) }))?.contents as { value: string }).value;
        expect(enHover).toMatch(/\| B \| as of 2024-03-15 \| ✓ its as-of date lies in the period \|\n\| D \| — \| its title names no year and it has no as-of date \|$/);
        await other.edit('p.kpi', project('2024-12 至 2024-01'));
        expect(await at('实施期')).toMatch(/项目实施的起止时间\n\n⚠ 结束早于开始$/);

        const english = await buildWorkspace(readFolder(join(import.meta.dirname, '..', '..', 'examples', 'complete-forms-en')), 'en');
        const inEnglish = async (needle: string) => ((await english.services.lsp.HoverProvider!.getHoverContent(english.documents.get('targets.kpi')!, { textDocument: textDocument('targets.kpi'), position: positionOf(english, 'targets.kpi', needle, 1) }))?.contents as { value: string }).value;
        expect(await inEnglish('period')).toMatch(/^\*\*Period\*\* 2023-01 to 2023-12\n\n[^\n]*\n\nLength: 12 months\n\n\| Assessment \| Year assessed \| Against the period \|\n\|---\|---\|---\|\n\| ElderCareReview \| 2023 \| ✓ the whole year lies in the period \|$/);
        expect(await inEnglish('implementer')).toMatch(/^\*\*Implementer\*\* 某市养老服务指导中心\n\nThe form header's 实施单位\\: the unit that carries out the project and spends its funds/);
    });

    it('shows on the 完成情况 line the goals beside their lines, on 改进 the problems and deviations it should answer, and on 结论 the total and grade by the rule, none of them scored', async () => {
        const forms = readFolder(join(import.meta.dirname, '..', 'fixtures', 'reference', 'forms'));
        const services = await servicesWith(without(forms, 'assessment.kpi'));
        const text = forms['assessment.kpi']!;
        const options = { parseOptions: { documentUri: `${WS}assessment.kpi` }, disposeAfterCheck: true };
        await expectHover(services)({
            text: mark(text, '完成情况', 1), index: 0, ...options,
            hover: /^\*\*完成情况\*\* 对照年度目标，说明相关任务目标的完成情况（100字以内）\n\n表样「实际完成情况」栏：年度总体目标的完成情况。不计分，得分只由预算执行和各指标行计算\n\n\| 总体目标 \| 预期目标 \| 本自评的总体目标行 \|\n\|---\|---\|---\|\n\| 助餐 \| 为2000名老年人提供助餐服务 \| 全年为1850名老年人提供助餐服务 \|\n\| 上门 \| 为500名失能老人提供上门服务 \| 为512名失能老人提供上门服务 \|$/,
        });
        await expectHover(services)({
            text: mark(text, '"加快助餐点', 2), index: 0, ...options,
            hover: /^\*\*改进\*\* 加快助餐点建设进度\n\n表样「改进措施」栏：应针对存在问题和各行说明的偏差。不计分\n\n\| 应针对 \| 内容 \| 自评得分 \|\n\|---\|---\|---\|\n\| 指标 助餐点数量 \| 两处助餐点选址调整，延至2024年建成 \| 8 \/ 10 \|\n\| 测算 上门服务补贴 \| 上门服务费按月结算，12月费用结转下年 \| — \|\n\| 存在问题 \| 无（本项目运转正常，暂无问题） \| — \|$/,
        });
        // The conclusion says the year's targets were met; the rule gives 95.62 where 85.6 is claimed.
        await expectHover(services)({
            text: mark(text, '结论'), index: 0, ...options,
            hover: /^\*\*结论\*\* 项目总体完成年度目标\n\n表样「评价结论」栏：不计分，应与按规则的合计和等级相符\n\n规则得分 \*\*95\.62 \/ 100\*\*（自评 85\.6）\n\n按规则的等级：优\n\n自评等级：良$/,
        });
        // Without scores (no 分值) there is no total to agree with; half-typed, the keyword alone.
        const plain = await servicesWith({ 'p.kpi': '项目 P "p" { 总体目标 { G "g" } }' });
        await expectHover(plain)({ text: mark('自评 A "a" 对象 P {\n 结论 "完成"\n 完成情况\n}', '结论'), index: 0, hover: /^\*\*结论\*\* 完成\n\n表样「评价结论」栏：不计分$/ });
        await expectHover(plain)({ text: mark('自评 A "a" 对象 P {\n 结论 "完成"\n 完成情况\n}', '完成情况'), index: 0, hover: /^\*\*完成情况\*\* \n\n[^\n]*\n\n\| 总体目标 \| 预期目标 \| 本自评的总体目标行 \|\n\|---\|---\|---\|\n\| G \| g \| — \|$/ });
        const english = await servicesWith({ 'p.kpi': 'project P "p" { goals { G "g" } }' }, 'en');
        await expectHover(english)({ text: mark('assessment A "a" for P {\n goals G "done"\n improvement "train staff"\n}', 'improvement'), index: 0, hover: /^\*\*Improvement\*\* train staff\n\nThe form's 改进措施\\: they should answer the problems and the deviations the rows explain\. Not scored$/ });
    });

    it('speaks English when the editor does', async () => {
        const services = await servicesWith({}, 'en');
        const text = ENGLISH['hotline.kpi']!;
        await expectHover(services)({ text: mark(text, 'AnswerRate "Answered'), index: 0, hover: /Target: ≥80%[\s\S]*clause 'AnswerRate' of contract 'HotlineContract' \| ≥95% \| ⚠ target is weaker/ });
    });

    it('stays silent on keywords and whitespace', async () => {
        const services = await servicesWith(without(HOTLINE, 'targets.kpi'));
        const text = HOTLINE['targets.kpi']!;
        await expectHover(services)({ text: mark(text, '项目 热线二期'), index: 0, hover: undefined, parseOptions: { documentUri: `${WS}targets.kpi` }, disposeAfterCheck: true });
        await expectHover(services)({ text: mark(text, '    绩效指标'), index: 0, hover: undefined, parseOptions: { documentUri: `${WS}targets.kpi` }, disposeAfterCheck: true });
    });
});
