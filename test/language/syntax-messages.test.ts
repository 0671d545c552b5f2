import { AstUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../packages/language/src/index.js';
import { isIndicator, type Model } from '../../packages/language/src/generated/ast.js';
import { commentsOf } from '../../packages/language/src/parser/comments.js';
import type { CodeAction } from 'vscode-languageserver';
import { buildWorkspace, messageOf, type TestWorkspace } from '../support/workspace.js';
import { applyWorkspaceEdit, textDocument } from '../lsp/support.js';

/*
 * A syntax error as an officer reads it: the text found and what may stand there, in the
 * message language, with keywords of the file's own keyword language, never the parser's
 * token names (NUMBER, EOF, "Expecting token of type").
 */
/** Each of the first `count` rows of p.kpi (from its third line), as the preferred fix of its syntax error writes it. */
async function preferredFixedRows(ws: TestWorkspace, count: number): Promise<string[]> {
    const lines: string[] = [];
    for (let i = 0; i < count; i++) {
        const d = ws.diagnostics('p.kpi').find(x => String(x.code).startsWith('syntax/') && x.range.start.line === 2 + i)!;
        const fixes = await ws.services.lsp.CodeActionProvider!.getCodeActions(ws.documents.get('p.kpi')!, { textDocument: textDocument('p.kpi'), range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        lines.push(applyWorkspaceEdit(ws, fixes.find(a => a.isPreferred)!.edit)['p.kpi']!.split('\n')[2 + i]!.trim());
    }
    return lines;
}

async function syntaxMessages(text: string, locale: Locale): Promise<string[]> {
    const ws = await buildWorkspace({ 'a.kpi': text }, locale);
    return ws.diagnostics('a.kpi').filter(d => String(d.code).startsWith('syntax/')).map(messageOf);
}

const JARGON = /NUMBER|STRING|\bID\b|EOF|Expecting|token|Token/;
const HAN = /[\u4e00-\u9fff]/;

const ZH_EXECUTION = '自评 热线二期自评 "绩效自评" 对象 热线二期 {\n    预算执行 年度预算 10666 万元 全年执行 10666 万元 分值 10 得分 10\n}\n';
const EN_CLAUSE = 'contract C "c" for P {\n    clause A "a" >=\n}\n';

describe('syntax errors', () => {
    it('say what was found and which keyword of the file may stand there (Chinese file)', async () => {
        const [zh] = await syntaxMessages(ZH_EXECUTION, 'zh-CN');
        expect(zh).toMatch(/^这一行不认识「年度预算」；此处可以写：(.+、)*全年预算/);
        expect(zh).not.toMatch(/[a-z]/i);
        // English messages still offer the file's keywords.
        const [en] = await syntaxMessages(ZH_EXECUTION, 'en');
        expect(en).toMatch(/^'年度预算' is not understood here; this place can take: (.+, )*全年预算/);
        expect(en).not.toMatch(/budgeted/);
        // And an English file gets English keywords.
        const [english] = await syntaxMessages('assessment A "a" for P {\n    execution planned 10666 万元 spent 10666 万元 weight 10 score 10\n}\n', 'zh-CN');
        expect(english).toMatch(/^这一行不认识「planned」；此处可以写：(.+、)*budgeted/);
        expect(english).not.toMatch(/全年预算/);
    });

    it('say that a string takes " when Chinese quotation marks or an open quote stand for one', async () => {
        const text = '项目 P “热线” {\n    预算 100 万元\n}\n项目 Q "第一行\n第二行" {\n}\n';
        const zh = await syntaxMessages(text, 'zh-CN');
        expect(zh).toContain('中文引号「“」不能作字符串的引号：字符串写作 "…"，中文引号只能写在字符串里面');
        expect(zh).toContain('中文引号「”」不能作字符串的引号：字符串写作 "…"，中文引号只能写在字符串里面');
        // A string closed on the next line is one broken across lines (below).
        expect(zh).toContain('引号中的文字换了行：字符串须写在同一行内，请去掉文字中的换行');
        expect(await syntaxMessages(text.replace('第二行"', '第二行'), 'en')).toContain('The string is not closed on this line: a string ends with " on the same line');
        // Chinese quotes inside a string are text.
        expect(await syntaxMessages('项目 P "实现“一号接入”" {\n}\n', 'zh-CN')).toEqual([]);
    });

    it('say that a cell\'s text pasted with its line break is one string broken across lines, once, and read the rows after it', async () => {
        const text = '项目 P "p" {\n    绩效指标 { 产出指标 { 数量指标 {\n        A "a" >= 3 个 说明 "第一行\n第二行" 来源 "s"\n        B "b" >= 5 个 来源 "s"\n    } } }\n}\n';
        expect(await syntaxMessages(text, 'zh-CN')).toEqual(['引号中的文字换了行：字符串须写在同一行内，请去掉文字中的换行']);
        expect(await syntaxMessages(text, 'en')).toEqual(['The quoted text breaks across lines: a string stands on one line; take the line break out']);
        const ws = await buildWorkspace({ 'a.kpi': text }, 'zh-CN');
        const rows = AstUtils.streamAst(ws.documents.get('a.kpi')!.parseResult.value as Model).filter(isIndicator).map(i => i.name).toArray();
        expect(rows).toEqual(['A', 'B']);
        // An open quote with no closing one on the next line is still said to be open.
        expect(await syntaxMessages(text.replace('第二行"', '第二行'), 'zh-CN')).toContain('字符串没有在本行结束：「"」须在同一行内再写一个「"」结束字符串');
    });

    it('join a cell\'s text broken across lines when a comment ends the closing line, and keep that comment, not one inside the text', async () => {
        const text = '项目 P "p" {\n    绩效指标 { 产出指标 { 数量指标 {\n        A "a" >= 3 个 说明 "第一行 // 不是注释\n第二行" 来源 "s" // 备注 "x"\n        B "b" >= 5 个 来源 "s"\n    } } }\n}\n';
        expect(await syntaxMessages(text, 'zh-CN')).toEqual(['引号中的文字换了行：字符串须写在同一行内，请去掉文字中的换行']);
        const ws = await buildWorkspace({ 'a.kpi': text }, 'zh-CN');
        const document = ws.documents.get('a.kpi')!;
        const rows = AstUtils.streamAst(document.parseResult.value as Model).filter(isIndicator).map(i => i.name).toArray();
        expect(rows).toEqual(['A', 'B']);
        expect(commentsOf(document).map(c => c.body)).toEqual([' 备注 "x"']);
    });

    it('say how full-width signs are written, and what a form\'s empty-cell dash means where no clause takes it', async () => {
        const project = (target: string) => `项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "接通率" ${target} 来源 "s"\n            }\n        }\n    }\n}\n`;
        // Full-width digits are read as digits; a full-width quotation mark is not a string's.
        expect(await syntaxMessages(project('>= ９５．５％'), 'zh-CN')).toEqual([]);
        // One error each: not also the parser's at what follows (`95%`), which the lexing error explains.
        expect(await syntaxMessages(project('＊ 95%'), 'zh-CN')).toEqual(['全角字符「＊」：数字和符号请用半角，写作「*」']);
        expect(await syntaxMessages(project('＊ 95%'), 'en')).toEqual(["Full-width characters '＊': write numbers and signs half-width, '*'"]);
        // The target's cell printed empty: no clause is left out there, the row needs its target.
        expect(await syntaxMessages(project('—'), 'zh-CN')).toContain('「—」不是数值：表中的“—”表示未填写。实际值写作 未统计（应统计而未统计）或 不适用 "理由"（无须统计）；其他各项未填写时删去该项');
    });

    it('offer half-width forms only where the language has a use for them', async () => {
        const messages = await syntaxMessages('项目 P "p" ｛\n    预算 10～20 万元\n｝\n', 'zh-CN');
        // ～ between two values is a range's (below).
        expect(messages).toEqual(['全角字符「｛」：数字和符号请用半角，写作「{」', '「10～20 万元」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 <= 20 万元），下限可写在说明里', '全角字符「｝」：数字和符号请用半角，写作「}」']);
        expect(await syntaxMessages('项目 P "p" {\n    主管部门 "d" ～\n}\n', 'zh-CN')).toContain('无法识别的字符「～」');
    });

    it('say where brackets may stand, where neither a name nor a remark after a value stands (a printed title with brackets names a row as it is)', async () => {
        const text = '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n                补助村(社区)数量 = 8 个 来源 "s"\n                受益人口（户籍） >= 2 万人（户籍） 来源 "s" （ ）\n            }\n        }\n    }\n}\n';
        expect(await syntaxMessages(text, 'zh-CN')).toEqual(['括号「（」只能写在名称里、引号中的文字里或值后的备注里', '括号「）」只能写在名称里、引号中的文字里或值后的备注里']);
        expect((await syntaxMessages(text, 'en'))[0]).toBe("Brackets ('（') may stand only in a name, in quoted text or in a remark after a value");
        // A value glued to its unit and a remark is no name, after a header's keyword either.
        expect(await syntaxMessages('项目 P "p" {\n    预算 300万元(含上年结转)\n}\n', 'zh-CN')).toEqual([]);
        // An unclosed bracket after a long run of name characters: the title is looked for in one pass (found by word-keywords.test.ts).
        const pasted = `项目 P "p" {\n    ${'管理指标total分'.repeat(2_000)}（ >= 1 个\n}\n`;
        expect(await syntaxMessages(pasted, 'zh-CN')).toContain('括号「（」只能写在名称里、引号中的文字里或值后的备注里');
        // A line of closing brackets after a value: each is looked at once.
        const closing = `项目 P "p" {\n    绩效指标 { 产出指标 { 数量指标 {\n        A "a" >= 1 个 ${'）'.repeat(20_000)}\n    } } }\n}\n`;
        expect(await syntaxMessages(closing, 'zh-CN')).toContain(`括号「${'）'.repeat(20_000)}」只能写在名称里、引号中的文字里或值后的备注里`);
    });

    it('say that a value printed as a range is one, and what to write instead, whatever joins its ends', async () => {
        const rows = ['A "a" 95%-100% 来源 "s"', 'B "b" 3～5 个 来源 "s"', 'C "c" 10 至 20 万元', 'D "d" >= 3—5 个'];
        const text = `项目 P "p" {\n    绩效指标 { 产出指标 { 数量指标 {\n${rows.map(r => `        ${r}\n`).join('')}    } } }\n}\n`;
        // Lexing errors (～, —) come first.
        expect(await syntaxMessages(text, 'zh-CN')).toEqual([
            '「3～5 个」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 >= 3 个），上限可写在说明里',
            '「3—5 个」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 >= 3 个），上限可写在说明里',
            '「95%-100%」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 >= 95%），上限可写在说明里',
            // An amount of money is a cost: its upper end.
            '「10 至 20 万元」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 <= 20 万元），下限可写在说明里',
        ]);
        // 至 glued to both values, as a cell prints it: not a word after the first value.
        expect(await syntaxMessages(text.replace('10 至 20 万元', '80%至90%'), 'zh-CN')).toContain('「80%至90%」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 >= 80%），上限可写在说明里');
        // Under 成本指标 every range is a cost, money or not (as target/no-comparator reads a bare value there).
        expect(await syntaxMessages(text.replace('数量指标', '成本指标'), 'zh-CN')).toContain('「3～5 个」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 <= 5 个），下限可写在说明里');
        expect((await syntaxMessages(text, 'en'))[2]).toBe("'95%-100%' is a range: write one value here, a target as one comparator and one value (such as >= 95%); an upper limit can go in the note");
        // A dash with no value before it is a form's empty cell, and one between a value and a keyword no range.
        const assessment = '项目 P "p" {\n    绩效指标 { 产出指标 { 数量指标 { A "a" >= 1 个 } } }\n}\n自评 Z 对象 P {\n    指标 A 实际 — 分值 10 得分 10 -3\n}\n';
        const messages = await syntaxMessages(assessment, 'zh-CN');
        expect(messages.some(m => m.includes('区间'))).toBe(false);
    });

    it('say that a two-sided bound is a range, once per row, and read no row from its second bound', async () => {
        const rows = [
            'A "a" 不低于80%且不高于90% 来源 "s"', 'B "b" 不低于80%、不高于90% 来源 "s"', 'C "c" 大于等于80%且小于等于90% 来源 "s"',
            'D "d" ≥80%，≤90% 来源 "s"', 'E "e" 不高于90%且不低于80% 来源 "s"', 'F "f" 不低于 80% 且 不高于 90% 来源 "s"', 'G "g" 不少于10人次且不多于20人次 来源 "s"',
        ];
        const text = `项目 P "p" {\n    绩效指标 { 产出指标 { 质量指标 {\n${rows.map(r => `        ${r}\n`).join('')}    } } }\n}\n`;
        const range = (printed: string, target: string, other = '上限') => `「${printed}」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 ${target}），${other}可写在说明里`;
        // Lexing errors (a join word) come before parsing errors (a comma).
        expect((await syntaxMessages(text, 'zh-CN')).sort()).toEqual([
            range('不低于80%且不高于90%', '>= 80%'), range('不低于80%、不高于90%', '>= 80%'), range('大于等于80%且小于等于90%', '>= 80%'),
            range('≥80%，≤90%', '>= 80%'), range('不高于90%且不低于80%', '>= 80%'), range('不低于 80% 且 不高于 90%', '>= 80%'), range('不少于10人次且不多于20人次', '>= 10 人次'),
        ].sort());
        const ws = await buildWorkspace({ 'a.kpi': text }, 'zh-CN');
        expect(AstUtils.streamAst(ws.documents.get('a.kpi')!.parseResult.value as Model).filter(isIndicator).map(i => i.name).toArray()).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
        // A cost's upper end; in English.
        expect(await syntaxMessages(text.replace('质量指标', '成本指标'), 'zh-CN')).toContain(range('不少于10人次且不多于20人次', '<= 20 人次', '下限'));
        expect((await syntaxMessages(text, 'en'))[0]).toBe("'不低于80%且不高于90%' is a range: write one value here, a target as one comparator and one value (such as >= 80%); an upper limit can go in the note");
        // Two bounds the same way are no range.
        expect((await syntaxMessages(text.replace('不高于90%', '不低于90%'), 'zh-CN'))[0]).not.toContain('区间');
    });

    it('offer to write a two-sided bound as one bound, the other end kept as a remark, as a printed range', async () => {
        const rows = ['A "a" 不低于80%且不高于90% 来源 "s"', 'B "b" 不低于80%、不高于90% 来源 "s"', 'C "c" >= 10 元 且 <= 20 元 来源 "s"'];
        const text = `项目 P "p" {\n    绩效指标 { 产出指标 { 成本指标 {\n${rows.map(r => `        ${r}\n`).join('')}    } } }\n}\n`;
        const ws = await buildWorkspace({ 'p.kpi': text });
        const lines = await preferredFixedRows(ws, rows.length);
        // Under 成本指标: the upper end.
        expect(lines).toEqual(['A "a" <= 90%（下限 80%） 来源 "s"', 'B "b" <= 90%（下限 80%） 来源 "s"', 'C "c" <= 20 元（下限 10 元） 来源 "s"']);
    });

    it('say that a period printed as a target is one, whose deadline is its end, whatever joins its dates', async () => {
        const rows = [
            'A "a" 2023-03-01至2023-06-30 来源 "s"', 'B "b" 2023-03-01 至 2023-06-30 来源 "s"', 'C "c" 2023-03-01~2023-06-30 来源 "s"',
            'D "d" 2023年3月1日至2023年6月30日 来源 "s"', 'E "e" 不早于2023-03-01且不晚于2023-06-30 来源 "s"', 'F "f" >= 2023-03-01且<= 2023-06-30 来源 "s"',
        ];
        const text = `项目 P "p" {\n    绩效指标 { 产出指标 { 时效指标 {\n${rows.map(r => `        ${r}\n`).join('')}    } } }\n}\n`;
        const period = (printed: string, end = '2023-06-30') => `「${printed}」是时间段：此处只写一个日期，期限目标写作一个比较符和一个日期（如 <= ${end}），开始日期可写在说明里`;
        expect((await syntaxMessages(text, 'zh-CN')).sort()).toEqual([
            period('2023-03-01至2023-06-30'), period('2023-03-01 至 2023-06-30'), period('2023-03-01~2023-06-30'),
            period('2023年3月1日至2023年6月30日', '2023年6月30日'), period('不早于2023-03-01且不晚于2023-06-30'), period('>= 2023-03-01且<= 2023-06-30'),
        ].sort());
        expect(await syntaxMessages(text, 'en')).toContain("'2023-03-01至2023-06-30' is a period: write one date here, a deadline as one comparator and one date (such as <= 2023-06-30); the start date can go in the note");
        // The fix writes the deadline, the start kept as a remark.
        const ws = await buildWorkspace({ 'p.kpi': text });
        const lines = await preferredFixedRows(ws, rows.length);
        expect(lines).toEqual(rows.map((r, i) => `${r.slice(0, 6)}${i === 3 ? '<= 2023年6月30日（开始 2023年3月1日）' : '<= 2023-06-30（开始 2023-03-01）'} 来源 "s"`));
        const fixed = await buildWorkspace({ 'p.kpi': lines.reduce((t, line, i) => t.replace(rows[i]!, line), text) });
        expect(fixed.diagnostics('p.kpi').filter(x => String(x.code).startsWith('syntax/'))).toEqual([]);
        // Its year printed once: no 2023 of a unit 年3月1日至6月30日, read silently, but the year to write, then the period's message.
        const once = text.replace(rows[0]!, 'A "a" 2023年3月1日至6月30日 来源 "s"');
        expect(await syntaxMessages(once, 'zh-CN')).toContain('「2023年3月1日至6月30日」至后的日期没有写年份：写作 2023年3月1日至2023年6月30日');
        const yearOnce = await buildWorkspace({ 'p.kpi': once });
        const d = yearOnce.diagnostics('p.kpi').find(x => x.code === 'syntax/lexing' && x.range.start.line === 2)!;
        const [second] = await yearOnce.services.lsp.CodeActionProvider!.getCodeActions(yearOnce.documents.get('p.kpi')!, { textDocument: textDocument('p.kpi'), range: d.range, context: { diagnostics: [d] } }) as CodeAction[];
        expect(second!.title).toBe('写作「2023年3月1日至2023年6月30日」');
        expect(await syntaxMessages(applyWorkspaceEdit(yearOnce, second!.edit)['p.kpi']!, 'zh-CN')).toContain(period('2023年3月1日至2023年6月30日', '2023年6月30日'));
        // A period where one stands is none of this.
        expect(await syntaxMessages('项目 P "p" {\n    实施期 2023-01-01 至 2023-12-31\n    预算 10 万元\n}\n', 'zh-CN')).toEqual([]);
    });

    it('say that an English two-sided bound is a range, in English, and offer to write it as one bound, reading no row from its second bound', async () => {
        const rows = [
            'A "a" at least 80% and at most 90% source "s"', 'B "b" no less than 80% and no more than 90% source "s"',
            'C "c" >= 80% and <= 90% source "s"', 'D "d" at most 90% and at least 80% source "s"', 'E "e" at least 80%, at most 90% source "s"',
        ];
        const text = `project P "p" {\n    indicators { output { quality {\n${rows.map(r => `        ${r}\n`).join('')}    } } }\n}\n`;
        const range = (printed: string) => `'${printed}' is a range: write one value here, a target as one comparator and one value (such as >= 80%); an upper limit can go in the note`;
        expect(await syntaxMessages(text, 'en')).toEqual([
            range('at least 80% and at most 90%'), range('no less than 80% and no more t…'), range('>= 80% and <= 90%'),
            range('at most 90% and at least 80%'), range('at least 80%, at most 90%'),
        ]);
        expect((await syntaxMessages(text, 'zh-CN'))[0]).toBe('「at least 80% and at most 90%」是区间：此处只写一个值，目标值写作一个比较符和一个值（如 >= 80%），上限可写在说明里');
        const ws = await buildWorkspace({ 'p.kpi': text });
        expect(AstUtils.streamAst(ws.documents.get('p.kpi')!.parseResult.value as Model).filter(isIndicator).map(i => i.name).toArray()).toEqual(['A', 'B', 'C', 'D', 'E']);
        const lines = await preferredFixedRows(ws, rows.length);
        expect(lines).toEqual(rows.map(r => `${r.slice(0, 6)}>= 80% (upper limit 90%) source "s"`));
    });

    it('say that a word glued to a percentage or a date is no unit, and read the rest of the row', async () => {
        const text = '项目 P "p" {\n    绩效指标 { 产出指标 { 数量指标 {\n        A "a" 100%覆盖 来源 "s"\n        B "b" >= 95%的\n        C "c" >= 95%以上 来源 "s"\n        D "d" <= 2023-12-31止 来源 "s"\n    } } }\n}\n';
        expect(await syntaxMessages(text, 'zh-CN')).toEqual([
            '值 100% 后的「覆盖」不是单位，也不是以上、以下、前之类的词：文字可写在括号里作备注（100%（覆盖）），或写进说明',
            '值 95% 后的「的」不是单位，也不是以上、以下、前之类的词：文字可写在括号里作备注（95%（的）），或写进说明',
            '值 2023-12-31 后的「止」不是单位，也不是以上、以下、前之类的词：文字可写在括号里作备注（2023-12-31（止）），或写进说明',
        ]);
        expect(await syntaxMessages(text.replace('覆盖', 'coverage'), 'en')).toContain("'coverage' after the value 100% is neither a unit nor a word such as or more: words can go in brackets as a remark (100%(coverage)) or in the note");
        // Not read as the name of a row of its own: the rows after it are B, C and D, and A and D keep their 来源.
        const ws = await buildWorkspace({ 'a.kpi': text });
        const model = ws.documents.get('a.kpi')!.parseResult.value as Model;
        const indicators = AstUtils.streamAllContents(model).filter(isIndicator).toArray();
        expect(indicators.map(i => [i.name, i.source])).toEqual([['A', 's'], ['B', undefined], ['C', 's'], ['D', 's']]);
    });

    it('say that a period printed with its year once needs it twice', async () => {
        const messages = await syntaxMessages('项目 P "p" {\n    实施期 2023年1月至12月\n    预算 10 万元\n}\n', 'zh-CN');
        expect(messages).toEqual(['「2023年1月至12月」至后的日期没有写年份：写作 2023年1月至2023年12月']);
        // Months printed with a dot: each says how it is written.
        const dotted = await syntaxMessages('项目 P "p" {\n    实施期 2024.01 至 2024.12\n    预算 10 万元\n}\n', 'zh-CN');
        expect(dotted[0]).toBe('「2024.01」是年月：写作 2024-01');
    });

    it('say that a target printed relative to last year is to be written as its value, last year\'s actual in 上年', async () => {
        const text = '项目 P "p" {\n    绩效指标 { 效益指标 { 社会效益 {\n        A "a" 较上年提高5% 来源 "s"\n        B "b" 同比增长 10 个百分点\n    } } }\n}\n';
        // One message a row: not another at the `%` the relative target ends with.
        expect(await syntaxMessages(text, 'zh-CN')).toEqual([
            '「较上年提高5%」是相对上年的目标：请写出目标值本身（如上年 90% 时写 >= 94.5%），上年的实际值写在「上年」里',
            '「同比增长 10 个百分点」是相对上年的目标：请写出目标值本身（如上年 90% 时写 >= 94.5%），上年的实际值写在「上年」里',
        ]);
        // Glued to its points (one word), against a named year, a fall (a target from above); the row's 来源 is read.
        const more = '项目 P "p" {\n    绩效指标 { 效益指标 { 社会效益 {\n        A "a" 较上年提高1个百分点 来源 "s"\n        B "b" 较2022年提高5%\n        C "c" 比上年减少10% 来源 "s"\n    } } }\n}\n';
        expect(await syntaxMessages(more, 'zh-CN')).toEqual([
            '「较上年提高1个百分点」是相对上年的目标：请写出目标值本身（如上年 90% 时写 >= 94.5%），上年的实际值写在「上年」里',
            '「较2022年提高5%」是相对上年的目标：请写出目标值本身（如上年 90% 时写 >= 94.5%），上年的实际值写在「上年」里',
            '「比上年减少10%」是相对上年的目标：请写出目标值本身（如上年 90% 时写 <= 85.5%），上年的实际值写在「上年」里',
        ]);
        const ws = await buildWorkspace({ 'a.kpi': more });
        const model = ws.documents.get('a.kpi')!.parseResult.value as Model;
        expect(AstUtils.streamAllContents(model).filter(isIndicator).map(i => [i.name, i.source]).toArray()).toEqual([['A', 's'], ['B', undefined], ['C', 's']]);
        expect((await syntaxMessages(text, 'en'))[0]).toBe("'较上年提高5%' is a target relative to last year: write the target value itself (>= 94.5% after 90% last year) and last year's actual in the 'last-year' clause");
    });

    it('say that a unit after a value takes no brackets, over both of them', async () => {
        const text = '项目 P "p" {\n    绩效指标 { 产出指标 { 数量指标 {\n        A "a" >= 200（万元） 来源 "s"\n        B "b" >= 96.5 (%)\n    } } }\n}\n';
        expect(await syntaxMessages(text, 'zh-CN')).toEqual(['单位不加括号：「（万元）」写作「万元」', '单位不加括号：「(%)」写作「%」']);
        expect((await syntaxMessages(text, 'en'))[0]).toBe("A unit takes no brackets: write '（万元）' as '万元'");
    });

    // A cell printed empty after a clause's keyword is the clause not given, as in a workbook.
    it('read a cell printed empty (—, /, ／) after a clause\'s keyword as the clause not given, and not after a unit', async () => {
        const project = '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "成本" <= 40 元／通 来源 "s"\n            }\n        }\n    }\n}\n';
        const ws = await buildWorkspace({ 'a.kpi': `${project}自评 Z 对象 P {\n    指标 A 实际 / 分值 20 得分 20\n    指标 A 实际 ／ 分值 20 得分 —\n}\n` }, 'zh-CN');
        // The lexer's one finding: the full-width ／ of the unit.
        expect(ws.diagnostics('a.kpi').filter(d => String(d.code).startsWith('syntax/')).map(messageOf)).toEqual(['全角字符「／」：数字和符号请用半角，写作「/」']);
        const found = ws.diagnostics('a.kpi').map(d => `${d.range.start.line + 1}:${String(d.code)}`);
        expect(found).toEqual(expect.arrayContaining(['11:assessment/no-actual', '12:assessment/no-actual', '12:score/missing']));
    });

    it('name values in words, not token types (English file)', async () => {
        const [en] = await syntaxMessages(EN_CLAUSE, 'en');
        // A comparator left without its value: said at the comparator, not at the `}` where the parser noticed.
        expect(en).toBe("Nothing follows '>='; expected: a number, a date (2021-03-31), a month (2019-07)");
        const [zh] = await syntaxMessages(EN_CLAUSE, 'zh-CN');
        expect(zh).toBe('「>=」后没有写值；此处应写：数字、日期（如 2021-03-31）、年月（如 2019-07）');
    });

    // A printed label became a keyword (总分 is 合计); as a name it takes quotes, as any keyword does.
    it('say that a keyword where a name stands needs quotes, and that a half-typed row has no name yet, at the row', async () => {
        const standard = (rows: string) => `标准 S "s" {\n${rows}    要求 B "b" 必设\n}\n`;
        expect(await syntaxMessages(standard('    要求 总分 "总分" >= 90%\n'), 'zh-CN')).toEqual(['「总分」是关键字，不能直接作名称：作名称时加引号，写作 "总分"']);
        expect(await syntaxMessages(standard('    要求 total "t" >= 90%\n'), 'en')).toEqual(['\'total\' is a keyword and cannot stand as a name: in quotes it can, "total"']);
        // Quoted, it is a name.
        expect(await syntaxMessages(standard('    要求 "总分" "总分" >= 90%\n'), 'zh-CN')).toEqual([]);
        // A row's keyword alone on its line: said there, not at the next row's keyword.
        const ws = await buildWorkspace({ 'a.kpi': standard('    要求\n') }, 'zh-CN');
        const [half] = ws.diagnostics('a.kpi').filter(d => String(d.code).startsWith('syntax/'));
        expect([messageOf(half!), half!.range.start.line]).toEqual(['「要求」后没有写名称', 1]);
        expect(await syntaxMessages(standard('    要求\n'), 'en')).toEqual(["'要求' is not followed by a name"]);
    });

    // Where Chevrotain skips a stray row it records the row's last skipped token as the one before
    // the error: a keyword heading a row was said to lack its value, at a token after it.
    it('say that a keyword heading a row, or naming an assessment line, needs quotes, wherever the name stands', async () => {
        const group = (rows: string) => `项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n${rows}            }\n        }\n    }\n}\n`;
        const quote = (k: string) => `「${k}」是关键字，不能直接作名称：作名称时加引号，写作 "${k}"`;
        const ws = await buildWorkspace({ 'a.kpi': group('                合计 "合计数" >= 1 个\n                指标 >= 2 个 来源 "s"\n') }, 'zh-CN');
        const found = ws.diagnostics('a.kpi').filter(d => String(d.code).startsWith('syntax/'));
        expect(found.map(d => [d.range.start.line, d.range.start.character, messageOf(d), (d.data as Record<string, unknown>).asName])).toEqual([
            [4, 16, quote('合计'), '合计'], [5, 16, quote('指标'), '指标'],
        ]);
        expect(await syntaxMessages(group('                合计 "合计数" >= 1 个\n'), 'en')).toEqual([`'合计' is a keyword and cannot stand as a name: in quotes it can, "合计"`]);
        // A goal, a milestone and a breakdown line are rows named as indicators are.
        const project = '项目 P "p" {\n    总体目标 {\n        指标 "为2000名老年人提供助餐服务"\n    }\n    里程碑 {\n        合计 "验收" 计划 2024-01-01\n    }\n}\n';
        expect(await syntaxMessages(project, 'zh-CN')).toEqual(expect.arrayContaining([quote('指标'), quote('合计')]));
        // An assessment's line naming a keyword, alone or before its clauses: once, not again for the rest of the line.
        const assessment = '自评 A "a" 对象 P {\n    指标 指标\n    指标 合计 实际 5 分值 1 得分 1\n}\n';
        expect(await syntaxMessages(assessment, 'zh-CN')).toEqual([quote('指标'), quote('合计')]);
        // Not where no name may stand (the project's own lines), nor for a clause of the row after a link left out, nor a block's head.
        const header = await syntaxMessages('项目 P "p" {\n    预算 100 万元\n    指标 指标\n}\n', 'zh-CN');
        expect(header).toEqual([expect.stringMatching(/^这一行不认识「指标」；此处可以写：适用、总体目标、绩效指标/)]);
        expect(await syntaxMessages(group('                A "a" >= 1 个 依据 来源 "s"\n'), 'zh-CN')).toEqual(['「依据」后没有写名称']);
        expect((await syntaxMessages(group('                里程碑 {\n                }\n'), 'zh-CN')).join()).not.toContain('是关键字');
    });

    it('say that a value printed in Chinese numerals is one, and how it is written in digits, once per row', async () => {
        const project = (target: string) => `项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                A "准确率" ${target} 来源 "s"\n            }\n        }\n    }\n}\n`;
        expect(await syntaxMessages(project('百分之九十五以上'), 'zh-CN')).toEqual(['「百分之九十五以上」是用汉字写的数值：数值用数字写，写作 >= 95%']);
        expect(await syntaxMessages(project('不少于二十个'), 'en')).toEqual(["'不少于二十个' is a number in words: write numbers in digits, >= 20 个"]);
        // Digits and place words mixed, as forms print them: not 3 of a unit 万5千人.
        expect(await syntaxMessages(project('>= 3万5千人'), 'zh-CN')).toEqual(['「3万5千人」是用汉字写的数值：数值用数字写，写作 35000 人']);
        expect(await syntaxMessages(project('不少于2万5人'), 'en')).toEqual(["'2万5人' is a number in words: write numbers in digits, 25000 人"]);
        expect(await syntaxMessages(project('>= 3万人'), 'zh-CN')).toEqual([]);
        // After a comparator, a sign or its words, the same message, and nothing at 来源.
        expect(await syntaxMessages(project('>= 百分之九十五'), 'zh-CN')).toEqual(['「百分之九十五」是用汉字写的数值：数值用数字写，写作 95%']);
        expect(await syntaxMessages(project('≥ 三万五千人'), 'en')).toEqual(["'三万五千人' is a number in words: write numbers in digits, 35000 人"]);
        expect(await syntaxMessages(project('不低于 九成'), 'zh-CN')).toEqual(['「九成」是用汉字写的数值：数值用数字写，写作 90%']);
        expect(await syntaxMessages(project('>= 百分之九十五以上'), 'zh-CN')).toEqual(['「百分之九十五以上」是用汉字写的数值：数值用数字写，写作 95%']);
        // A value in words and its unit printed apart: one message over both, not another at 来源.
        expect(await syntaxMessages(project('3万5千 人'), 'zh-CN')).toEqual(['「3万5千 人」是用汉字写的数值：数值用数字写，写作 35000 人']);
        expect(await syntaxMessages(project('>= 3万 人'), 'zh-CN')).toEqual(['「3万 人」是用汉字写的数值：数值用数字写，写作 30000 人']);
        // Words that begin with a numeral and go on in words are a qualitative target.
        expect(await syntaxMessages(project('十分满意'), 'zh-CN')).toEqual([]);
        // An actual too: not a text where the target is a percentage.
        const assessment = '自评 S "s" 对象 P {\n    指标 A 实际 百分之九十六 分值 10 得分 10\n}\n';
        expect(await syntaxMessages(assessment, 'zh-CN')).toEqual(['「百分之九十六」是用汉字写的数值：数值用数字写，写作 96%']);
    });

    it('report a stray comma between two rows on one line once, not again at the end of the file the recovery reached', async () => {
        const text = (closing: string) => `项目 丙 "丙" {\n    预算 5 万元\n    绩效指标 { 产出指标 { 数量指标 { 人数 "人数" >= 95% 来源 "台账"， 次数 "次数" >= 3 次 ${closing}\n}\n`;
        expect(await syntaxMessages(text('} } }'), 'zh-CN')).toEqual(['这一行不认识「，」；此处可以写：依据、说明、上年、「}」（结束这一块）']);
        // A brace missing in the text is still reported.
        expect(await syntaxMessages(text('} }'), 'zh-CN')).toEqual([
            '这一行不认识「，」；此处可以写：依据、说明、上年、「}」（结束这一块）', '文件在此处提前结束；此处还应写：「}」（结束这一块）',
        ]);
    });

    it('offer block keywords in the language of the file after its last block', async () => {
        const [zh] = await syntaxMessages('合同 甲 "c" {\n    条款 接通率 "15秒接通率" >= 95%\n        违约 "x"\n}\n年度预算 100\n', 'zh-CN');
        expect(zh).toMatch(/^这一行不认识「年度预算」；此处可以写：(.+、)*合同、/);
        expect(zh).not.toMatch(/contract|project/);
        const [en] = await syntaxMessages('contract C "c" {\n    clause A "a" >= 95%\n        penalty "x"\n}\nbudget 100\n', 'en');
        expect(en).toMatch(/^'budget' is not understood here; this place can take: (.+, )*contract, /);
        expect(en).not.toMatch(HAN);
    });

    // Where a row is complete the parser expects the block's end (`}`), and said only that; the
    // officer needs what the row may still take, or what may start the next row.
    it('after a complete row, offer what the row may still take on its line, and what may start a row on the next', async () => {
        const contract = '合同 C "c" {\n    条款 B "b" >= 95% <= 5\n    条款 D "d" >= 95% 违约 "p" 而且\n    条款 E "e" >= 90%\n    而且\n}\n';
        expect(await syntaxMessages(contract, 'zh-CN')).toEqual([
            '这一行不认识「<=」；此处可以写：以上、以下等、违约、「/」、「*」、「·」、「}」（结束这一块）',
            '这一行不认识「而且」；此处可以写：条款、「}」（结束这一块）',
            '这一行不认识「而且」；此处可以写：条款、「}」（结束这一块）',
        ]);
        const [inRow, nextRow] = await syntaxMessages('自评 S 对象 P {\n    指标 甲 实际 95% 分值 10 而且\n    指标 乙 实际 90%\n    而且\n}\n', 'zh-CN');
        // 实际 and 分值 are given already, and each is given once.
        expect(inRow).toBe('这一行不认识「而且」；此处可以写：口径、得分、偏差、「}」（结束这一块）');
        expect(nextRow).toMatch(/^这一行不认识「而且」；此处可以写：预算执行、总体目标、指标、(.+、)*「}」（结束这一块）$/);
        expect(nextRow).not.toMatch(/实际|得分/);
        expect(await syntaxMessages('assessment S for P {\n    indicator a actual 95% weight 10 furthermore\n}\n', 'en'))
            .toEqual(["'furthermore' is not understood here; this place can take: measured-as, score, deviation, '}' (to close the block)"]);
    });

    // Where no keyword of an alternation stands (`全年预算`), the parser names its keywords only; an
    // optional clause left out before it (`年初预算`) may stand there too.
    it('where a keyword is missing, offer the optional clauses before it too', async () => {
        expect(await syntaxMessages('自评 S 对象 P {\n    预算执行 年初 300 万元 全年预算 260 万元 全年执行 198 万元\n}\n', 'zh-CN'))
            .toEqual(['这一行不认识「年初」；此处可以写：年初预算、全年预算']);
        expect(await syntaxMessages('assessment S for P {\n    execution start 300 万元 budgeted 260 万元 spent 198 万元\n}\n', 'en'))
            .toEqual(["'start' is not understood here; this place can take: initial, budgeted"]);
        expect(await syntaxMessages('自评 S X 对象 P {\n}\n', 'zh-CN')).toEqual(['这一行不认识「X」；此处可以写：带引号的文字（"…"）、对象']);
    });

    it('after a block\'s header, offer what the header may still take as well as its `{`', async () => {
        const [zh] = await syntaxMessages('合同 C "c"\n    条款 B "b" >= 95%\n}\n', 'zh-CN');
        expect(zh).toMatch(/^这一行不认识「条款」；此处可以写：(.+、)*对象、(.+、)*「{」（开始一块）$/);
    });

    it('an unfinished block and characters the lexer cannot read', async () => {
        expect(await syntaxMessages('合同 甲 "c" {\n    条款 接通率 "15秒接通率" >= 95%\n', 'zh-CN')).toEqual(['文件在此处提前结束；此处还应写：「}」（结束这一块）']);
        expect(await syntaxMessages('contract C "c" {\n    clause A "a" >= 95%\n', 'en')).toEqual(["The file ends too early; expected here: '}' (to close the block)"]);
        expect(await syntaxMessages('合同 甲 "c" {\n    条款 接通率 "15秒接通率" >= 95% @@ 违约 "x"\n}\n', 'zh-CN')).toContain('无法识别的字符「@@」');
    });

    it('say so when the text holds characters an editor could not read as UTF-8 (a GBK file opened as UTF-8)', async () => {
        // "合同 甲" in GBK, read as UTF-8: each byte that is no UTF-8 becomes U+FFFD.
        const misread = new TextDecoder('utf-8').decode(Uint8Array.from([0xba, 0xcf, 0xcd, 0xac, 0x20, 0xbc, 0xd7]));
        expect(misread).toContain('\ufffd');
        const zh = await syntaxMessages(`${misread} "c" {\n}\n`, 'zh-CN');
        expect(zh[0]).toMatch(/^无法识别的字符「[^」]*\ufffd[^」]*」：文件没有按 UTF-8 读入（例如 GBK 文件）；请按其编码重新打开，再另存为 UTF-8$/);
        const en = await syntaxMessages(`${misread} "c" {\n}\n`, 'en');
        expect(en[0]).toMatch(/^Unrecognised characters '[^']*\ufffd[^']*': the file was not read as UTF-8 \(a GBK file, say\); reopen it with its encoding and save it as UTF-8$/);
    });

    it('say that a bound contradicts the comparator before the value, and read the rest of the row', async () => {
        const text = '项目 P "p" {\n    绩效指标 { 产出指标 { 数量指标 {\n        A "a" <= 95%以上 来源 "s"\n        B "b" >= 3 个以下\n    } } }\n}\n';
        expect(await syntaxMessages(text, 'zh-CN')).toEqual([
            '「以上」即 ≥，与值前的比较符矛盾：两者只写一个',
            '「以下」即 ≤，与值前的比较符矛盾：两者只写一个',
        ]);
        expect((await syntaxMessages(text, 'en'))[0]).toBe("'以上' means ≥ and contradicts the comparator before the value: write one of them");
        // The same words agreeing with the comparator are fine.
        expect(await syntaxMessages(text.replace('<=', '>=').replace('>= 3', '<= 3'), 'zh-CN')).toEqual([]);
        // A note printed before the bound is part of it: one message for the three, not one per bracket.
        const noted = text.replace('95%以上', '95%（含）以上').replace('3 个以下', '3 个（不含）以下');
        expect(await syntaxMessages(noted, 'zh-CN')).toEqual([
            '「（含）以上」即 ≥，与值前的比较符矛盾：两者只写一个',
            '「（不含）以下」即 <，与值前的比较符矛盾：两者只写一个',
        ]);
        expect(await syntaxMessages(noted.replace('<=', '>=').replace('>= 3', '< 3'), 'zh-CN')).toEqual([]);
        // A note alone after the value says whether the value is in, as the comparator does.
        const alone = text.replace('95%以上', '95%（不含）').replace('3 个以下', '3 个（含）');
        expect(await syntaxMessages(alone, 'zh-CN')).toEqual([
            '「（不含）」即不含该值，与值前的比较符矛盾：两者只写一个',
        ]);
        expect((await syntaxMessages(alone.replace('<=', '>='), 'en'))[0]).toBe("'（不含）' leaves the value out and contradicts the comparator before the value: write one of them");
        expect(await syntaxMessages(alone.replace('<=', '<'), 'zh-CN')).toEqual([]);
    });

    it('say that a deadline printed without its year does not say which year, and keep 3月以内 a bound of months', async () => {
        const text = '项目 P "p" {\n    绩效指标 { 产出指标 { 时效指标 {\n        A "a" 12月底前 来源 "s"\n        B "b" <= 6月30日前\n        C "c" <= 3月以内\n    } } }\n}\n';
        expect(await syntaxMessages(text, 'zh-CN')).toEqual([
            '「12月底前」没有写年份：请在月份前写明是哪一年',
            '「6月30日前」没有写年份：请在月份前写明是哪一年',
        ]);
        expect((await syntaxMessages(text, 'en'))[0]).toBe("'12月底前' does not say which year: write the year before the month");
        expect(await syntaxMessages(text.replace('12月底前', '2023年12月底前').replace('6月30日前', '2023年6月30日前'), 'zh-CN')).toEqual([]);
        // The error covers the whole of what was printed; the rest of the row is read.
        const ws = await buildWorkspace({ 'a.kpi': text }, 'zh-CN');
        const lines = text.split('\n');
        expect(ws.diagnostics('a.kpi').filter(d => d.code === 'syntax/lexing').map(d => lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character))).toEqual(['12月底前', '6月30日前']);
        // A year said in words (次年, 当年) is no year either, and the month inside the word no qualitative target's text.
        const relative = '项目 P "p" {\n    绩效指标 { 产出指标 { 时效指标 {\n        A "a" 次年3月底前 来源 "s"\n        B "b" 当年12月31日前\n    } } }\n}\n';
        expect(await syntaxMessages(relative, 'zh-CN')).toEqual(['「次年3月底前」没有写年份：请在月份前写明是哪一年', '「当年12月31日前」没有写年份：请在月份前写明是哪一年']);
    });

    it('say that an assessment\'s indicator line states no target, where a 自评表 row copied as printed has one', async () => {
        const text = '自评 A "a" 对象 P {\n    指标 X ≥2000人 实际 2050 分值 15 得分 15\n    指标 Y 95% 实际 96%\n}\n';
        const messages = await syntaxMessages(text, 'zh-CN');
        expect(messages[0]).toMatch(/^自评的指标行不写指标值：「≥」起的目标值写在项目的绩效指标里；此处可以写：.*实际.*口径/);
        expect(messages[1]).toMatch(/^自评的指标行不写指标值：「95」起的目标值写在项目的绩效指标里/);
        expect((await syntaxMessages(text, 'en'))[0]).toMatch(/^An assessment's indicator line states no target: the target at '≥' belongs to the project's indicators; this place can take: /);
        // Elsewhere a comparator out of place says only that.
        expect((await syntaxMessages('合同 C "c" {\n    条款 A "a" >= 95% >= 3\n}\n', 'zh-CN'))[0]).toMatch(/^这一行不认识「>=」/);
        expect((await syntaxMessages('项目 P "p" {\n    绩效指标 { 产出指标 { 质量指标 { = 100% 来源 "台账" } } }\n}\n', 'zh-CN'))[0]).toMatch(/^这一行不认识「=」/);
    });

    it('say which group above may have lost its }, by the indentation of the } after it', async () => {
        const text = '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                "办结率" = 100% 来源 "台账"\n        }\n        效益指标 {\n            社会效益 { "覆盖率" >= 60% 来源 "统计" }\n        }\n    }\n}\n';
        expect(await syntaxMessages(text, 'zh-CN')).toEqual(['这里不能写「社会效益 {」：第 4 行的「质量指标 {」可能少了一个「}」（其后的「}」按缩进是外层的）']);
        expect((await syntaxMessages(text, 'en'))[0]).toBe("'社会效益 {' cannot stand here: the '质量指标 {' on line 4 may be missing its '}' (the '}' after it lines up with an outer block)");
        // Without indentation to go by, the message says what it found.
        expect((await syntaxMessages(text.replace(/^ +/gm, ''), 'zh-CN'))[0]).toMatch(/^这一行不认识「\{」/);
    });

    it('say that a date names no day, and read the rest of its row', async () => {
        const text = '项目 P "p" {\n    实施期 2023-13 至 2023-12\n    绩效指标 { 产出指标 { 时效指标 {\n        A "a" <= 2023-02-29 来源 "s"\n        B "b" <= 2023年4月31日\n        C "c" <= 2024-02-29 来源 "s"\n    } } }\n}\n';
        expect(await syntaxMessages(text, 'zh-CN')).toEqual([
            '「2023-13」不是有效日期：月份应为 1～12',
            '「2023-02-29」不是有效日期：2023年2月只有 28 天',
            '「2023年4月31日」不是有效日期：2023年4月只有 30 天',
        ]);
        expect((await syntaxMessages(text, 'en'))[1]).toBe("'2023-02-29' is not a date: 2023-02 has 28 days");
        const ws = await buildWorkspace({ 'a.kpi': text });
        const model = ws.documents.get('a.kpi')!.parseResult.value as Model;
        expect(AstUtils.streamAllContents(model).filter(isIndicator).map(i => [i.name, i.source]).toArray()).toEqual([['A', 's'], ['B', undefined], ['C', 's']]);
    });

    it('say that 前 after a month does not say which day', async () => {
        const text = '项目 P "p" {\n    绩效指标 { 产出指标 { 时效指标 {\n        A "a" 2023年6月前 来源 "s"\n        B "b" 2023-06 前\n        C "c" 2023.6月前\n    } } }\n}\n';
        expect(await syntaxMessages(text, 'zh-CN')).toEqual(Array(3).fill('「2023年6月前」说不清是哪一天：写明日期，如 2023年6月底前（即 2023年6月的最后一天）或 2023-06-01 前'));
        expect(await syntaxMessages(text.replace('2023年6月前', '2023年6月底前').replace('2023-06 前', '2023-06-30 前').replace('2023.6月前', '2023.6月底前'), 'zh-CN')).toEqual([]);
    });

    it('say that 前 after a quarter does not say whether its start or its end', async () => {
        const text = '项目 P "p" {\n    绩效指标 { 产出指标 { 时效指标 {\n        A "a" 2023年第四季度前 来源 "s"\n    } } }\n}\n';
        expect(await syntaxMessages(text, 'zh-CN')).toEqual(['「2023年第四季度前」说不清是季度初还是季度末：写明日期，如 2023年第四季度末前（即 2023年12月的最后一天）或 2023-10-01 前']);
        expect(await syntaxMessages(text, 'en')).toEqual(["'前' after the quarter 2023年第四季度 does not say whether its start or its end: write the day, e.g. 2023年第四季度末前 (the last day of 2023-12) or 2023-10-01 前"]);
        expect(await syntaxMessages(text.replace('季度前', '季度末前'), 'zh-CN')).toEqual([]);
    });

    it('never show the parser\'s token names, whatever the input', async () => {
        const broken = ['项目', 'project P', '合同 甲 "c" { 条款 }', '自评 A "a" 对象 B { 指标 x 实际 }', 'standard S "s" { requirement R "r" >= }', '"', '}}}'];
        for (const text of broken) {
            for (const locale of ['zh-CN', 'en'] as const) {
                const messages = await syntaxMessages(text, locale);
                expect(messages.length, text).toBeGreaterThan(0);
                for (const m of messages) expect(m, text).not.toMatch(JARGON);
            }
        }
    });
});
