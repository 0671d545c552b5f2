import { createCompletionParser } from 'langium';
import { expectCompletion } from 'langium/test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { describe, expect, it, vi } from 'vitest';
import type { KpiConfigurationProvider } from '../../packages/language/src/lsp/configuration-provider.js';
import { join } from 'node:path';
import { buildWorkspace, readFolder } from '../support/workspace.js';
import { HOTLINE, hotline, servicesWith, textDocument, without, WS } from './support.js';
import { uriOf } from '../support/workspace.js';

const labels = (list: CompletionList) => list.items.map(i => i.label);
const snippets = (items: readonly CompletionItem[]) => items.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label);

/** Completion at `<|>` in `text`, with the hotline files (except `replacing`) in the workspace. */
async function complete(text: string, options: { replacing?: string; files?: Record<string, string>; locale?: 'zh-CN' | 'en' } = {}): Promise<CompletionItem[]> {
    const files = options.files ?? (options.replacing ? without(HOTLINE, options.replacing) : HOTLINE);
    const services = await servicesWith(files, options.locale);
    let items: CompletionItem[] = [];
    await expectCompletion(services)({
        text, index: 0, assert: list => { items = list.items; },
        parseOptions: options.replacing ? { documentUri: `${WS}${options.replacing}` } : undefined, disposeAfterCheck: true,
    });
    return items;
}

const PROJECT = (body: string) => `项目 P "p" {\n    ${body}\n}`;

describe('completion', () => {
    it('offers keywords in the file\'s keyword language', async () => {
        const zh = (await complete(PROJECT('<|>'), { files: {} })).map(i => i.label);
        expect(zh).toEqual(expect.arrayContaining(['总体目标', '绩效指标', '里程碑', '适用']));
        expect(zh).not.toContain('goals');
        const en = (await complete('project P "p" {\n    <|>\n}', { files: {} })).map(i => i.label);
        expect(en).toEqual(expect.arrayContaining(['goals', 'indicators', 'milestones', 'applies']));
        expect(en).not.toContain('总体目标');
    });

    it('offers the blocks in the display language in an empty file, or as the setting says', async () => {
        expect((await complete('<|>', { files: {} })).map(i => i.label)).toEqual(expect.arrayContaining(['项目', '合同', '标准', '自评', '履约考核']));
        expect((await complete('<|>', { files: {}, locale: 'en' })).map(i => i.label)).toEqual(expect.arrayContaining(['project', 'contract', 'standard', 'assessment', 'compliance']));
        const services = await servicesWith({});
        (services.shared.workspace.ConfigurationProvider as KpiConfigurationProvider).updateConfiguration({ settings: { kpispec: { completion: { keywordLanguage: 'en' } } } });
        let items: string[] = [];
        await expectCompletion(services)({ text: '<|>', index: 0, assert: list => { items = labels(list); }, disposeAfterCheck: true });
        expect(items).toContain('project');
        expect(items).not.toContain('项目');
    });

    it('offers qualified clauses and standard entries after 依据, this project\'s contract first', async () => {
        // Through the workspace (not the helper), so the contract's 对象 resolves to this project.
        const ws = await hotline();
        const text = HOTLINE['targets.kpi']!.replace('依据 热线服务合同.接通率, 广东两建办.即时接通率', '依据 ');
        await ws.edit('targets.kpi', text);
        const doc = ws.documents.get('targets.kpi')!;
        const list = await ws.services.lsp.CompletionProvider!.getCompletion(doc, {
            textDocument: textDocument('targets.kpi'), position: doc.textDocument.positionAt(text.indexOf('依据 ') + 3),
        });
        const items = list?.items ?? [];
        expect(items.map(i => i.label)).toEqual(expect.arrayContaining(['热线服务合同.接通率', '热线服务合同.平均等待时长', '广东两建办.即时接通率', '广州热线.单位服务成本']));
        const clause = items.find(i => i.label === '热线服务合同.接通率')!;
        expect(clause.detail).toBe('≥95% · 15秒接通率');
        // The entry named as the indicator (接通率) in this project's contract comes first.
        expect(clause.sortText).toBe('0');
        expect(items.find(i => i.label === '广东两建办.即时接通率')!.sortText).toBe('1');
        expect(items.find(i => i.label === '广州热线.单位服务成本')!.sortText).toBe('3');
    });

    it('offers at most 100 links in a large workspace, nearest first, and narrows as the officer types', async () => {
        // 150 other projects' contracts: 300 clauses that are never this project's.
        const others = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [
            `other${i}.kpi`, `合同 其他合同${i} "x" {\n    条款 接通率 "15秒接通率" >= 90%\n    条款 质检率 "录音质检率" >= 3%\n}\n`,
        ]));
        const ws = await buildWorkspace({ ...HOTLINE, ...others });
        const complete = async (typed: string) => {
            const text = HOTLINE['targets.kpi']!.replace('依据 热线服务合同.接通率, 广东两建办.即时接通率', `依据 ${typed}`);
            await ws.edit('targets.kpi', text);
            const doc = ws.documents.get('targets.kpi')!;
            const position = doc.textDocument.positionAt(text.indexOf('依据 ') + 3 + typed.length);
            return (await ws.services.lsp.CompletionProvider!.getCompletion(doc, { textDocument: textDocument('targets.kpi'), position }))!;
        };
        const list = await complete('');
        expect(list.isIncomplete).toBe(true);
        expect(list.items).toHaveLength(100);
        const rank = (label: string) => list.items.find(i => i.label === label)?.sortText;
        // This project's contract and applied standards (the same-named entry first), then entries
        // named as the indicator elsewhere, then other standards, then other contracts.
        expect(rank('热线服务合同.接通率')).toBe('0');
        expect(rank('广东两建办.即时接通率')).toBe('1');
        expect(rank('其他合同0.接通率')).toBe('2');
        expect(list.items.filter(i => i.sortText === '2').length).toBeGreaterThan(50);
        expect(rank('其他合同0.质检率')).toBeUndefined();
        expect(labels(list)).not.toContain('其他合同149.质检率');
        const typed = await complete('其他合同149.质');
        expect(labels(typed)).toEqual(['其他合同149.质检率']);
    });

    it('opens by itself after 依据, 对象 and their English spellings, and stays quiet after other spaces', async () => {
        const ws = await hotline();
        const ask = async (file: string, text: string, at: string) => {
            await ws.edit(file, text);
            const doc = ws.documents.get(file)!;
            const position = doc.textDocument.positionAt(text.indexOf(at) + at.length);
            return ws.services.lsp.CompletionProvider!.getCompletion(doc, {
                textDocument: textDocument(file), position, context: { triggerKind: 2, triggerCharacter: ' ' },
            });
        };
        const targets = HOTLINE['targets.kpi']!.replace('依据 热线服务合同.接通率, 广东两建办.即时接通率', '依据 ');
        expect(labels((await ask('targets.kpi', targets, '依据 '))!)).toContain('热线服务合同.接通率');
        const assessment = HOTLINE['assessment.kpi']!.replace(/对象 \S+/, '对象 ');
        expect(labels((await ask('assessment.kpi', assessment, '对象 '))!)).toContain('热线二期');
        expect(await ask('targets.kpi', targets, '来源 ')).toBeUndefined();
    });

    it('opens by itself after a separator in a list of links, standards or indicators, and offers what the list has not got', async () => {
        const ws = await hotline();
        const ask = async (file: string, text: string, at: string, triggerCharacter: string) => {
            await ws.edit(file, text);
            const doc = ws.documents.get(file)!;
            const position = doc.textDocument.positionAt(text.indexOf(at) + at.length);
            const list = await ws.services.lsp.CompletionProvider!.getCompletion(doc, { textDocument: textDocument(file), position, context: { triggerKind: 2, triggerCharacter } });
            return list && labels(list);
        };
        const links = '依据 热线服务合同.接通率, 广东两建办.即时接通率';
        for (const [separator, trigger] of [[', ', ' '], ['，', '，'], ['、', '、']] as const) {
            const items = await ask('targets.kpi', HOTLINE['targets.kpi']!.replace(links, links + separator), links + separator, trigger);
            expect(items).toContain('热线服务合同.平均等待时长');
            expect(items).not.toContain('热线服务合同.接通率');
            expect(items).not.toContain('广东两建办.即时接通率');
        }
        const applies = '适用 广东两建办, 热线运营规范';
        expect(await ask('targets.kpi', HOTLINE['targets.kpi']!.replace(applies, `${applies}, `), `${applies}, `, ' ')).toEqual(['广州热线']);
        const concerns = '涉及 接通率';
        const problem = await ask('assessment.kpi', HOTLINE['assessment.kpi']!.replace(concerns, `${concerns}，`), `${concerns}，`, '，');
        expect(problem).toContain('及时转办率');
        expect(problem).not.toContain('接通率');
        // A comma in a title or after a value opens nothing.
        expect(await ask('targets.kpi', HOTLINE['targets.kpi']!.replace('"15秒内接通率"', '"15秒内，接通率"'), '"15秒内，', '，')).toBeUndefined();
    });

    it('completes the clause part after a contract name and a dot', async () => {
        const text = HOTLINE['targets.kpi']!.replace('依据 热线服务合同.接通率, 广东两建办.即时接通率', '依据 热线服务合同.<|>');
        const items = await complete(text, { replacing: 'targets.kpi' });
        expect(items.map(i => i.label).sort()).toEqual(['热线服务合同.平均等待时长', '热线服务合同.接通率', '热线服务合同.质检率']);
    });

    it('offers the assessed project\'s indicators, goals and milestones in an assessment', async () => {
        const base = HOTLINE['assessment.kpi']!;
        const indicators = await complete(base.replace('指标 受理满意度', '指标 <|>'), { replacing: 'assessment.kpi' });
        expect(indicators.map(i => i.label).sort()).toEqual(['单位成本', '即接即办率', '及时转办率', '受理满意度', '接通率']);
        const goals = await complete(base.replace('总体目标 接通能力', '总体目标 <|>'), { replacing: 'assessment.kpi' });
        expect(goals.map(i => i.label).sort()).toEqual(['互联互通', '便捷性', '全面性', '接通能力']);
        const milestones = await complete(base.replace('里程碑 统一服务场地', '里程碑 <|>'), { replacing: 'assessment.kpi' });
        expect(milestones.map(i => i.label).sort()).toEqual(['统一信息系统', '统一接听服务', '统一服务场地']);
    });

    it('offers what a self-assessment or compliance review still lacks first, in the project\'s order, and marks what it has', async () => {
        const inOrder = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map(i => i.label);
        const base = HOTLINE['assessment.kpi']!;
        // 接通能力 is assessed already; the other goals follow the order of targets.kpi, not of their names.
        const goals = await complete(base.replace('\n\n    指标 接通率', '\n    总体目标 <|>\n\n    指标 接通率'), { replacing: 'assessment.kpi' });
        expect(inOrder(goals)).toEqual(['全面性', '便捷性', '互联互通', '接通能力']);
        expect(goals.find(i => i.label === '接通能力')?.detail).toContain('本表已有');
        expect(goals.find(i => i.label === '全面性')?.detail).not.toContain('本表已有');
        // The row being typed does not count as written.
        const indicators = await complete(base.replace('指标 受理满意度', '指标 <|>'), { replacing: 'assessment.kpi' });
        expect(inOrder(indicators)).toEqual(['受理满意度', '接通率', '及时转办率', '单位成本', '即接即办率']);
        const reviews = await complete(HOTLINE['compliance.kpi']!.replace('条款 质检率', '条款 <|>'), { replacing: 'compliance.kpi' });
        expect(inOrder(reviews)).toEqual(['质检率', '接通率', '平均等待时长']);
        // A breakdown line's components, with their planned amounts.
        const forms = readFolder(join(import.meta.dirname, '..', '..', 'examples', 'complete-forms'));
        const components = await complete(forms['assessment.kpi']!.replace('测算 "服务评估"', '测算 <|>'), { files: without(forms, 'assessment.kpi'), replacing: 'assessment.kpi' });
        expect(components.map(i => [i.label, i.detail])).toEqual([['助餐补贴', '120 万元 · 本表已有'], ['上门服务补贴', '150 万元 · 本表已有'], ['服务评估', '30 万元']]);
    });

    // Each clause of a row may be written once: choosing one the row has would be a syntax error.
    it('does not offer a clause the row already has, and still offers the next row\'s keyword', async () => {
        const keywords = (items: CompletionItem[]) => items.filter(i => i.kind === CompletionItemKind.Keyword).map(i => i.label);
        const row = await complete(HOTLINE['assessment.kpi']!.replace('指标 接通率     实际 89.19% 分值 30 得分 30', '指标 接通率 实际 89.19% 分值 30 <|>'), { replacing: 'assessment.kpi' });
        expect(keywords(row)).toEqual(expect.arrayContaining(['得分', '口径', '偏差', '指标', '问题']));
        expect(keywords(row)).not.toContain('实际');
        expect(keywords(row)).not.toContain('分值');
        const nextLine = await complete(HOTLINE['targets.kpi']!.replace('来源 "工单系统"', '来源 "工单系统"\n                    <|>'), { replacing: 'targets.kpi' });
        expect(keywords(nextLine)).toEqual(['依据', '说明', '上年']);
        const english = await complete('assessment A "a" for P {\n    indicator X actual 97% weight 10 <|>\n}', { files: {} });
        expect(keywords(english)).toContain('score');
        expect(keywords(english)).not.toContain('actual');
        expect(keywords(english)).not.toContain('weight');
    });

    it('does not offer a line the self-assessment holds once and already has (预算执行, 合计, 等级, 评价日)', async () => {
        const keywords = (items: CompletionItem[]) => items.filter(i => i.kind === CompletionItemKind.Keyword).map(i => i.label);
        const hotline = HOTLINE['assessment.kpi']!;
        expect(hotline).toMatch(/预算执行[\s\S]*评价日[\s\S]*合计[\s\S]*等级/);
        const lineStart = await complete(hotline.replace('    评价日 2021-03-31', '    <|>\n    评价日 2021-03-31'), { replacing: 'assessment.kpi' });
        expect(keywords(lineStart)).toEqual(expect.arrayContaining(['问题', '改进', '指标', '总体目标']));
        for (const once of ['预算执行', '评价日', '合计', '等级']) expect(keywords(lineStart)).not.toContain(once);
        // Where it is not yet written, it is offered.
        const fresh = await complete('自评 A "a" 对象 P {\n    指标 X 实际 90%\n    <|>\n}', { files: {} });
        expect(keywords(fresh)).toEqual(expect.arrayContaining(['预算执行', '评价日', '合计', '等级']));
    });

    it('describes keywords and blocks in the file\'s language, a block by its title', async () => {
        const rows = await complete(HOTLINE['assessment.kpi']!.replace('    评价日 2021-03-31', '    <|>\n    评价日 2021-03-31'), { replacing: 'assessment.kpi' });
        expect(rows.find(i => i.label === '问题')?.detail).toBe('关键字');
        const project = await complete(HOTLINE['assessment.kpi']!.replace('对象 热线二期', '对象 <|>'), { replacing: 'assessment.kpi' });
        expect(project.map(i => [i.label, i.detail])).toEqual([['热线二期', '深圳市12345热线接听购买服务二期项目']]);
        const untitled = await complete('自评 A 对象 <|>', { files: { 'p.kpi': '项目 P {\n}\n' } });
        expect(untitled.map(i => [i.label, i.detail])).toEqual([['P', '项目']]);
        const english = await complete('assessment A for <|>', { files: { 'p.kpi': 'project P {\n}\n' }, locale: 'en' });
        expect(english.map(i => [i.label, i.detail])).toEqual([['P', 'project']]);
        expect((await complete('project P "p" {\n    <|>\n}', { files: {}, locale: 'en' })).find(i => i.label === 'goals')?.detail).toBe('keyword');
    });

    it('offers only the families allowed at each level of the indicator tree', async () => {
        const level1 = await complete(PROJECT('绩效指标 {\n        <|>\n    }'), { files: {} });
        expect(level1.map(i => i.label).sort()).toEqual(['产出指标', '成本指标', '效益指标', '满意度指标', '项目决策', '项目管理'].sort());
        // The 项目决策 / 项目管理 families of county evaluation frameworks come after the schemes' own.
        const sorted = [...level1].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map(i => i.label);
        expect(sorted.slice(-2).sort()).toEqual(['项目决策', '项目管理'].sort());
        const level2 = await complete(PROJECT('绩效指标 {\n        效益指标 {\n            <|>\n        }\n    }'), { files: {} });
        // Rows may stand directly under a level-1 family too: the row snippet is offered there.
        expect(snippets(level2)).toEqual(['指标行']);
        expect(level2.filter(i => i.kind !== CompletionItemKind.Snippet).map(i => i.label).sort()).toEqual(['可持续影响', '生态效益', '社会效益', '经济效益'].sort());
        const english = await complete('project P "p" {\n    indicators {\n        output {\n            <|>\n        }\n    }\n}', { files: {} });
        expect(english.map(i => i.label).sort()).toEqual(['cost', 'quality', 'quantity', 'row', 'timeliness']);
    });

    it('offers a keyword once, not its synonyms, while every value of a list stays', async () => {
        const header = (await complete(PROJECT('<|>'), { files: {} })).filter(i => i.kind === CompletionItemKind.Keyword).map(i => i.label);
        expect(header).toContain('实施期');
        expect(header).not.toContain('期间');
        const files = { 'p.kpi': 'project P "p" {\n    milestones {\n        M "m" planned 2023-06-30\n    }\n}\n' };
        const line = (await complete('assessment A "a" for P {\n    <|>\n}', { files, locale: 'en' })).filter(i => i.kind === CompletionItemKind.Keyword).map(i => i.label);
        expect(line).toContain('milestones');
        expect(line).not.toContain('milestone');
        const sources = (await complete(PROJECT('资金 {\n        其中 <|>\n    }'), { files: {} })).map(i => i.label);
        expect(sources).toEqual(expect.arrayContaining(['财政拨款', '上年结转', '其他资金']));
    });

    it('offers the families in a group whose } is not typed yet, as an editor that does not close braces leaves it', async () => {
        const level1 = await complete('项目 P "p" {\n    绩效指标 {\n        <|>', { files: {} });
        expect(level1.map(i => i.label).sort()).toEqual(['产出指标', '成本指标', '效益指标', '满意度指标', '项目决策', '项目管理'].sort());
        const level2 = await complete('项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            数量指标 { "助餐人数" >= 10 人 }\n            <|>', { files: {} });
        expect(level2.filter(i => i.kind !== CompletionItemKind.Snippet).map(i => i.label).sort()).toEqual(['成本指标', '数量指标', '时效指标', '质量指标'].sort());
        // Past a closed group, the one around it counts again.
        const closed = await complete('project P "p" {\n    indicators {\n        output { quantity { Meals "meals" >= 10 人 } }\n        <|>', { files: {} });
        expect(closed.map(i => i.label).sort()).toEqual(['benefit', 'cost', 'decision', 'output', 'process', 'satisfaction']);
    });

    it('offers the word being typed in a line already written: a group\'s family, a line held once, a hyphenated English keyword', async () => {
        const labels = (items: CompletionItem[]) => items.filter(i => i.kind !== CompletionItemKind.Snippet).map(i => i.label);
        const tree = (row: string) => PROJECT(`绩效指标 {\n        ${row} {\n            "立项依据" 定性 "依据充分"\n        }\n    }`);
        // The group's own keyword is a family of the level above, at its end and inside it.
        expect(labels(await complete(tree('产出指标<|>'), { files: {} }))).toEqual(['产出指标']);
        expect(labels(await complete(tree('产<|>出指标'), { files: {} }))).toEqual(['产出指标']);
        expect(labels(await complete(tree('项目<|>决策'), { files: {} })).sort()).toEqual(['项目决策', '项目管理'].sort());
        // The 预算执行 line being typed is not the one the assessment already has.
        const files = { 'p.kpi': '项目 P "p" {\n    预算 10 万元\n}\n' };
        expect(labels(await complete('自评 A "a" 对象 P {\n    预算执行<|> 全年预算 10 万元 全年执行 9 万元\n}', { files }))).toContain('预算执行');
        expect(labels(await complete('自评 A "a" 对象 P {\n    预算执行<|>\n}', { files }))).toContain('预算执行');
        expect(labels(await complete('assessment A "a" for P {\n    exec<|>ution budgeted 10 万元 spent 9 万元\n}', { files, locale: 'en' }))).toContain('execution');
        // A hyphenated keyword typed up to or past its hyphen, replaced as a whole.
        const english = { 'p.kpi': 'project P "p" {\n    budget 10 万元\n}\n' };
        for (const typed of ['of-', 'of-w']) {
            const items = await complete(`project Q "q" {\n    funds {\n        annual 10 万元\n        ${typed}<|>\n    }\n}`, { files: english, locale: 'en' });
            const item = items.find(i => i.label === 'of-which');
            expect(item).toBeDefined();
            expect((item!.textEdit as { range: { start: { character: number } } }).range.start.character).toBe(8);
        }
        expect(labels(await complete('project Q "q" {\n    funds {\n        medium-<|>\n    }\n}', { files: english, locale: 'en' }))).toContain('medium-term');
        expect(labels(await complete('assessment A "a" for P {\n    as-<|>\n}', { files: english, locale: 'en' }))).toContain('as-of');
    });

    it('offers n/a while its slash is typed, replacing what is typed, as 不适用 is offered from its first character', async () => {
        const files = { 'p.kpi': 'project P "p" {\n    indicators {\n        output {\n            quantity {\n                X >= 90%\n            }\n        }\n    }\n}\n' };
        for (const typed of ['n', 'n/']) {
            const items = await complete(`assessment A "a" for P {\n    indicator X actual ${typed}<|>\n}`, { files, locale: 'en' });
            const item = items.find(i => i.label === 'n/a');
            expect(item, typed).toBeDefined();
            expect((item!.textEdit as { range: { start: { character: number } } }).range.start.character).toBe('    indicator X actual '.length);
        }
        expect((await complete('自评 A "a" 对象 P {\n    指标 X 实际 不<|>\n}', { files: {} })).map(i => i.label)).toContain('不适用');
        // A unit typed up to its slash after a number is still two words: the unit after `/` is offered.
        expect((await complete('assessment A "a" for P {\n    indicator X actual 90 km/<|>\n}', { files, locale: 'en' })).map(i => i.label)).toContain('人');
    });

    it('offers no keyword where a new name is typed, only the row snippet', async () => {
        const items = await complete(PROJECT('绩效指标 {\n        产出指标 {\n            质量指标 {\n                <|>\n            }\n        }\n    }'), { files: {} });
        expect(items.map(i => i.label)).toEqual(['指标行']);
        expect(items[0]).toMatchObject({ kind: CompletionItemKind.Snippet, insertTextFormat: InsertTextFormat.Snippet });
        expect(items[0]!.textEdit?.newText).toMatch(/^\$\{1:及时率\} "\$\{2:指标名称\}" .* 依据 /);
    });

    it('offers snippets where a block or row may start, in the file\'s keyword language', async () => {
        expect(snippets(await complete('<|>', { files: {} }))).toEqual(['项目', '合同', '标准', '自评', '履约考核']);
        expect(snippets(await complete('<|>', { files: {}, locale: 'en' }))).toEqual(['project', 'contract', 'standard', 'assessment', 'compliance']);
        expect(snippets(await complete(PROJECT('<|>'), { files: {} }))).toEqual(['里程碑']);
        expect(snippets(await complete('合同 C "c" {\n    <|>\n}', { files: {} }))).toEqual(['条款']);
        // 条款 also starts a line of a compliance review, which the contract's clause snippet is not.
        expect(snippets(await complete('履约考核 R "r" 对象 C {\n    <|>\n}', { files: {} }))).toEqual([]);
        expect(snippets(await complete('project P "p" {\n    indicators {\n        output {\n            quality {\n                <|>\n            }\n        }\n    }\n}', { files: {} }))).toEqual(['row']);
    });

    it('offers no snippet where a reference is expected (依据, 对象, 适用 and their English spellings)', async () => {
        const targets = HOTLINE['targets.kpi']!;
        const at = (text: string) => complete(text, { replacing: 'targets.kpi' });
        const cases = [
            targets.replace('依据 热线服务合同.接通率, 广东两建办.即时接通率', '依据 <|>'),
            targets.replace('依据 热线服务合同.接通率, 广东两建办.即时接通率', '依据 热<|>'),
            targets.replace(/适用 .*/, '适用 <|>'),
        ];
        for (const text of cases) {
            const items = await at(text);
            expect(items.length, text.slice(text.indexOf('<|>') - 10, text.indexOf('<|>'))).toBeGreaterThan(0);
            expect(snippets(items)).toEqual([]);
        }
        // `合` begins the 合同 snippet's prefix, and no link's name.
        expect(snippets(await at(targets.replace('依据 热线服务合同.接通率, 广东两建办.即时接通率', '依据 合<|>')))).toEqual([]);
        const assessment = HOTLINE['assessment.kpi']!.replace(/对象 \S+/, '对象 <|>');
        expect(snippets(await complete(assessment, { replacing: 'assessment.kpi' }))).toEqual([]);
        const row = (links: string) => `project Q "q" {\n    indicators {\n        output {\n            quality {\n                R "r" >= 1% ${links}\n            }\n        }\n    }\n}\n`;
        const english = ['project P "p" {\n    applies <|>\n}\n', 'contract C "c" for <|> {\n}\n', row('per <|>'), row('per C<|>')];
        for (const text of english) expect(snippets(await complete(text, { files: {} })), text).toEqual([]);
    });

    it('offers nothing past a hundred syntax errors, where re-parsing for completion would take seconds', async () => {
        const mess = '绩效指标 {\n'.repeat(150);
        const before = await complete(`${PROJECT('<|>')}\n项目 乱 "x" {\n${mess}`, { files: {} });
        expect(before.map(i => i.label)).toContain('绩效指标');
        const after = await complete(`项目 乱 "x" {\n${mess}}\n${PROJECT('<|>')}`, { files: {} });
        expect(after).toEqual([]);
    });

    it('logs no error where broken text puts a reference on the wrong node (found by the fuzz test)', async () => {
        const logged = vi.spyOn(console, 'error');
        const text = '履约考核 R "r" 对象 热线服务合同 {\n    条款 接通率 实际 96% 结论 达标\n    条款 }<|>质检率 实际 未统计 结论 未达标\n}\n';
        const items = await complete(text, { files: { 'contract.kpi': HOTLINE['contract.kpi']! } });
        // The `}` closed the block: what may start there is a new block, and no clause names.
        expect(items.filter(i => i.kind === CompletionItemKind.Keyword).map(i => i.label)).toEqual(['项目', '合同', '标准', '自评', '履约考核']);
        expect(items.filter(i => i.kind !== CompletionItemKind.Keyword).map(i => i.label)).toEqual(snippets(items));
        expect(logged).not.toHaveBeenCalled();
        logged.mockRestore();
    });

    it('offers units after a number, the file\'s own first', async () => {
        const text = HOTLINE['targets.kpi']!.replace('>= 95% 来源 "工单系统"', '>= 95<|>');
        const items = await complete(text, { replacing: 'targets.kpi' });
        const units = items.filter(i => i.detail === '单位').map(i => i.label);
        expect(units).toEqual(expect.arrayContaining(['%', '万元', '元/通', '秒', '个']));
        expect(items.find(i => i.label === '元/通')!.sortText).toBe('1');
        expect(items.find(i => i.label === '秒')!.sortText).toBe('2');
    });

    it('does not offer a 资金 block\'s 中期 or 年度 line once written (only the first is read), and still offers 其中', async () => {
        const keywords = (items: CompletionItem[]) => items.filter(i => i.kind === CompletionItemKind.Keyword).map(i => i.label);
        const funds = (lines: string) => PROJECT(`预算 300 万元\n    资金 {\n${lines}\n    }`);
        expect(keywords(await complete(funds('        中期 900 万元\n        年度 300 万元\n        <|>'), { files: {} }))).toEqual(['其中']);
        expect(keywords(await complete(funds('        年度 300 万元\n        <|>'), { files: {} }))).toEqual(['中期', '其中']);
        // The line being typed is not one already written.
        expect(keywords(await complete(funds('        年<|>'), { files: {} }))).toContain('年度');
        const english = await complete('project P "p" {\n    funds {\n        annual 300 万元\n        <|>\n    }\n}', { files: {}, locale: 'en' });
        expect(keywords(english)).toEqual(['medium-term', 'of-which']);
    });

    it('offers first, after a number, the unit it is read against: its row\'s target, a component\'s plan, the execution line\'s', async () => {
        const forms = readFolder(join(import.meta.dirname, '..', 'fixtures', 'reference', 'forms'));
        const first = async (row: string, typed: string) => {
            const text = forms['assessment.kpi']!.replace(row, typed);
            const units = (await complete(text, { replacing: 'assessment.kpi', files: without(forms, 'assessment.kpi') })).filter(i => i.detail === '单位');
            return units.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '') || a.label.localeCompare(b.label))[0]?.label;
        };
        expect(await first('实际 1850 ', '实际 1850 <|>')).toBe('人');
        expect(await first('实际 100 ', '实际 100 <|>')).toBe('%');
        expect(await first('"人均助餐补贴"       实际 48 ', '"人均助餐补贴"       实际 48 <|>')).toBe('元/人*月');
        expect(await first('测算 "服务评估" 实际 20 万元', '测算 "服务评估" 实际 20 <|>')).toBe('万元');
        expect(await first('全年执行 28 万元', '全年执行 28 <|>')).toBe('万元');
    });

    it('offers the ratings (达成 …) as an actual only where the target is qualitative', async () => {
        const framework = readFolder(join(import.meta.dirname, '..', 'fixtures', 'reference', 'framework'));
        const actualOf = async (row: string) => {
            const text = framework['project.kpi']!.replace(new RegExp(`(指标 "${row}" +实际 )\\S+`), '$1<|>');
            return (await complete(text, { replacing: 'project.kpi', files: {} })).map(i => i.label);
        };
        expect(await actualOf('立项依据')).toEqual(expect.arrayContaining(['达成', '部分达成', '未达成', '未统计', '不适用']));
        const value = await actualOf('资金到位率');
        expect(value).toEqual(expect.arrayContaining(['未统计', '不适用']));
        expect(value).not.toContain('达成');
        expect(value).not.toContain('部分达成');
    });

    // The completion parser reads the text before the cursor with Chevrotain, remembering what
    // KpiParser remembers of broken text (parser/parser.ts): it must find what Langium's finds.
    it('offers in broken and pasted text what Langium\'s own completion parser offers', async () => {
        const targets = HOTLINE['targets.kpi']!;
        const pasted = targets.replaceAll('\n', '\u2028');
        const broken = `合同 C "c" {\n${Array.from({ length: 300 }, (_, i) => `    条款 坏${i} "a" <= 2023-06-30 <= 5 而且`).join('\n')}\n    条款 好 "b" >= 95% `;
        const files = { 'pasted.kpi': pasted, 'broken.kpi': broken, 'typed.kpi': targets.slice(0, targets.indexOf('来源')) };
        const ours = await buildWorkspace(files);
        const langiums = await buildWorkspace(files, 'zh-CN', { parser: { CompletionParser: services => createCompletionParser(services) } });
        const at = (file: string) => [Math.floor(files[file as keyof typeof files].length / 2), files[file as keyof typeof files].length];
        let offered = 0;
        for (const file of Object.keys(files)) {
            for (const offset of at(file)) {
                const labelsOf = async (ws: typeof ours) => {
                    const document = ws.documents.get(file)!;
                    const list = await ws.services.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: uriOf(file).toString() }, position: document.textDocument.positionAt(offset) });
                    return (list?.items ?? []).map(i => i.label);
                };
                const expected = await labelsOf(langiums);
                expect(await labelsOf(ours), `${file} at ${offset}`).toEqual(expected);
                offered += expected.length;
            }
        }
        expect(offered).toBeGreaterThan(20);
    });
});
