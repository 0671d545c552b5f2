import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AstUtils, EmptyFileSystem, GrammarAST, TextDocument, URI, type AstNode } from 'langium';
import { expectCompletion, expectSemanticToken, highlightHelper } from 'langium/test';
import { SemanticTokenTypes } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { createKpiServices } from '../../packages/language/src/index.js';
import { PRINTED_LABELS, isPrintedLabel, keywordOfLabel, withPrintedLabels } from '../../packages/language/src/parser/printed-labels.js';
import { buildWorkspace, messageOf } from '../support/workspace.js';
import { KEYWORD_VALUE_RULES } from '../../packages/language/src/parser/value-converter.js';
import { servicesWith } from '../lsp/support.js';

/*
 * The labels printed forms give clauses (实际完成值, 全年预算数, 自评等级) are aliases of the clause's
 * keyword where it stands (parser/printed-labels.ts). Each parses to the tree its keyword gives
 * (parsing.test.ts, VARIANTS); here: the grammar and the table agree, a self-assessment pasted with
 * the labels is checked as one typed with the keywords, and the tool offers and writes keywords only.
 */

const { kpi } = createKpiServices(EmptyFileSystem);
const grammar = kpi.Grammar;
const keywords = AstUtils.streamAllContents(grammar).filter(GrammarAST.isKeyword).toArray();
const LABELS = Object.keys(PRINTED_LABELS);

/** The keywords of the alternation a keyword is written in (itself alone outside one). */
function alternationOf(keyword: GrammarAST.Keyword): string[] {
    const alternatives: AstNode | undefined = keyword.$container;
    return GrammarAST.isAlternatives(alternatives) ? alternatives.elements.filter(GrammarAST.isKeyword).map(k => k.value) : [keyword.value];
}

/** The keywords a name may be (the grammar's NameKeyword rule). */
const nameKeywords = new Set(AstUtils.streamAllContents(grammar.rules.find(r => r.name === 'NameKeyword')!).filter(GrammarAST.isKeyword).map(k => k.value));
const inNameKeyword = (keyword: GrammarAST.Keyword) => AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name === 'NameKeyword';

describe('printed labels in the grammar', () => {
    it('each stands beside its keyword, in every alternation it is written in, and introduces a clause', () => {
        for (const label of LABELS) {
            const written = keywords.filter(k => k.value === label && !inNameKeyword(k));
            expect(written.length, label).toBeGreaterThan(0);
            for (const keyword of written) {
                expect(alternationOf(keyword), label).toContain(PRINTED_LABELS[label]);
                // A keyword in a row's sequence, never a value the tree keeps (a grade, a family, a funds
                // source: a data type rule's alternatives, or an assignment's), but where the converter writes the keyword.
                const around: AstNode | undefined = keyword.$container?.$container;
                const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)!.name;
                expect(GrammarAST.isGroup(around) || KEYWORD_VALUE_RULES.has(rule), label).toBe(true);
            }
        }
    });

    it('each is a name where its keyword is one, and reserved where its keyword is', () => {
        for (const label of LABELS) expect(nameKeywords.has(label), label).toBe(nameKeywords.has(PRINTED_LABELS[label]!));
    });

    it('share their alternation with their keyword, its English spelling and other labels of it only', () => {
        for (const keyword of keywords.filter(k => isPrintedLabel(k.value) && !inNameKeyword(k))) {
            const chinese = alternationOf(keyword).filter(k => /[\u4e00-\u9fff]/.test(k));
            expect(chinese.map(keywordOfLabel), keyword.value).toEqual(chinese.map(() => PRINTED_LABELS[keyword.value]));
        }
    });

    it('stand for their keywords', () => {
        expect(keywordOfLabel('实际完成值')).toBe('实际');
        expect(keywordOfLabel('实际')).toBe('实际');
        expect(withPrintedLabels(['等级', 'grade'])).toEqual(['等级', 'grade', '自评等级', '评价等级']);
    });

    it('are listed in docs/forms.md', () => {
        const page = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'forms.md'), 'utf8');
        expect(LABELS.filter(label => !page.includes(label))).toEqual([]);
    });
});

const PROJECT = `项目 养老服务 "社区居家养老服务补贴项目" {
    预算 300 万元
    总体目标 { 助餐 "为2000名老年人提供助餐服务" }
    绩效指标 {
        产出指标 {
            数量指标 {
                "助餐服务人数" >= 2000 人 上年 1900 人 来源 "助餐服务系统" 说明 "按月统计"
                "上门服务人数" >= 500 人 来源 "服务记录"
            }
            质量指标 { "服务投诉办结率" = 100% 来源 "投诉台账" }
        }
        效益指标 { 社会效益 { "失能老人照护覆盖率" >= 60% 来源 "民政统计" } }
        满意度指标 { 服务对象满意度 { "老年人助餐满意度" >= 90% 来源 "问卷调查" } }
    }
}
`;

/** A 自评表 typed as printed: its column heads and row labels before each value, a colon after some. */
const PASTED = `自评 养老服务自评 "2023年度绩效自评" 对象 养老服务 {
    预算执行 年初预算数 300 万元 全年预算数 260 万元 全年执行数 198 万元 执行率 76.15% 分值 10 得分 7.6
        其中 财政拨款 年初预算数 260 万元 全年预算数 220 万元 全年执行数 170 万元
        其中 其他资金 年初预算数 40 万元 预算数 40 万元 执行数 20 万元
    总体目标 助餐 "为1850名老年人提供助餐服务"
    指标 "助餐服务人数"       实际完成值：1850 指标分值 20 自评得分 20
    指标 "上门服务人数"       实际完成值：510  指标分值 20 指标得分 20
    指标 "服务投诉办结率"     实际完成值：92.3% 指标分值 20 指标得分 20
    指标 "失能老人照护覆盖率" 实际完成值：58  指标分值 20 指标得分 18 偏差原因分析及改进措施 "部分街道未覆盖"
    指标 "老年人助餐满意度"   全年实际值 95 指标分值 10 指标得分 10
    存在问题 "上门服务人员流动较大" 涉及 "上门服务人数"
    改进措施 "建立培训和激励机制"
    评价结论 "项目基本完成年度绩效目标"
    评价日期 2024-03-31
    总分 分值 100 得分 95.6
    自评等级 优
}
`;

/** The same text with each printed label as its keyword. */
function withKeywords(text: string): string {
    const longestFirst = [...LABELS].sort((a, b) => b.length - a.length);
    return longestFirst.reduce((t, label) => t.replace(new RegExp(`(?<=\\s)${label}(?=[\\s:：])`, 'g'), PRINTED_LABELS[label]!), text);
}

describe('a self-assessment pasted with the printed labels', () => {
    it('is the text with the keywords, label for label', () => {
        const typed = withKeywords(PASTED);
        expect(typed).toContain('预算执行 年初预算 300 万元 全年预算 260 万元 全年执行 198 万元');
        expect(typed).toContain('其中 其他资金 年初预算 40 万元 全年预算 40 万元 全年执行 20 万元');
        expect(typed).toContain('实际：1850 分值 20 得分 20');
        expect(typed).toContain('偏差 "部分街道未覆盖"');
        expect(typed).toMatch(/\n {4}问题 .*\n {4}改进 .*\n {4}结论 .*\n {4}评价日 .*\n {4}合计 .*\n {4}等级 优/);
        expect(LABELS.filter(label => typed.includes(` ${label} `))).toEqual([]);
    });

    it('gives the findings the short keywords give, on the same lines', async () => {
        const findings = async (assessment: string) => {
            const ws = await buildWorkspace({ 'targets.kpi': PROJECT, 'assessment.kpi': assessment });
            return ws.diagnostics('assessment.kpi').map(d => `${d.range.start.line + 1} ${String(d.code)} ${messageOf(d)}`).sort();
        };
        const pasted = await findings(PASTED);
        expect(pasted.filter(f => f.includes('syntax/'))).toEqual([]);
        // Findings to compare: low execution, an unexplained adjustment, the funds that do not add up, a missed target, a score off its rule.
        expect(pasted.map(f => f.split(' ')[1])).toEqual(expect.arrayContaining([
            'funds/adjusted-no-reason', 'funds/low-execution-no-reason', 'funds/sources-total', 'assessment/missing-deviation', 'score/off-rule',
        ]));
        expect(pasted).toEqual(await findings(withKeywords(PASTED)));
    });

    it('keeps its labels when formatted, its table lined up by clause as with the keywords', async () => {
        const { shared, kpi: services } = createKpiServices(EmptyFileSystem);
        const format = async (text: string) => {
            const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///labels/${text.length}.kpi`));
            const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
            return TextDocument.applyEdits(document.textDocument, edits);
        };
        const text = '自评 A "a" 对象 P {\n  指标 甲 实际完成值 96 分值 10  得分 10\n  指标 乙乙乙 实际 90 指标分值 10 自评得分 9\n}\n';
        const formatted = await format(text);
        expect(formatted).toBe('自评 A "a" 对象 P {\n    指标 甲     实际完成值 96 分值 10     得分 10\n    指标 乙乙乙 实际 90       指标分值 10 自评得分 9\n}\n');
        expect(await format(formatted)).toBe(formatted);
    });
});

describe('a project pasted with the 项目资金 heads', () => {
    it('reads 中期资金总额 and 年度资金总额 as 中期 and 年度, and checks them as those', async () => {
        const project = (medium: string, annual: string) => PROJECT.replace('    预算 300 万元\n', `    预算 300 万元\n    资金 {\n        ${medium} 200 万元\n        ${annual} 300 万元\n    }\n`);
        const findings = async (text: string) => {
            const ws = await buildWorkspace({ 'targets.kpi': text });
            return ws.diagnostics('targets.kpi').map(d => `${d.range.start.line + 1} ${String(d.code)} ${messageOf(d)}`);
        };
        const pasted = await findings(project('中期资金总额', '年度资金总额'));
        expect(pasted).toContain('4 funds/medium-term-below-annual 中期资金总额 200 万元少于年度资金总额 300 万元');
        expect(pasted).toEqual(await findings(project('中期', '年度')));
    });
});

describe('the editor', () => {
    it('highlights a label as the keyword it stands for', async () => {
        const services = await servicesWith({});
        const text = '自评 A "a" 对象 P {\n    指标 X <|实际完成值|>：<|92.3|>% <|指标得分|> 28\n    <|自评等级|> 良\n}\n';
        const tokens = await highlightHelper(services)(text, { documentUri: 'file:///ws/a.kpi' });
        const expected = [SemanticTokenTypes.keyword, SemanticTokenTypes.number, SemanticTokenTypes.keyword, SemanticTokenTypes.keyword];
        expect(tokens.ranges).toHaveLength(expected.length);
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));
    });
});

describe('the tool offers and writes keywords, not labels', () => {
    it('completion offers the keyword where a label may stand', async () => {
        const services = await servicesWith({});
        let offered: string[] = [];
        await expectCompletion(services)({
            text: '自评 A "a" 对象 P {\n    指标 X 实际 8 <|>\n}\n', index: 0, disposeAfterCheck: true,
            assert: list => { offered = list.items.map(i => i.label); },
        });
        expect(offered).toEqual(expect.arrayContaining(['分值', '得分', '偏差', '口径']));
        expect(offered.filter(isPrintedLabel)).toEqual([]);
        await expectCompletion(services)({
            text: '自评 A "a" 对象 P {\n    <|>\n}\n', index: 0, disposeAfterCheck: true,
            assert: list => { offered = list.items.map(i => i.label); },
        });
        expect(offered).toEqual(expect.arrayContaining(['预算执行', '问题', '改进', '结论', '评价日', '合计', '等级']));
        expect(offered.filter(isPrintedLabel)).toEqual([]);
    });

    it('a syntax error lists the keywords that may stand there, not their labels', async () => {
        const ws = await buildWorkspace({ 'a.kpi': '自评 A "a" 对象 P {\n    指标 X 实际完成 92% 指标分值 30\n    预算执行 年初 300 万元 全年预算数 260 万元 全年执行数 198 万元\n}\n' });
        const messages = ws.diagnostics('a.kpi').filter(d => String(d.code).startsWith('syntax/')).map(messageOf);
        expect(messages).toEqual([
            '这一行不认识「实际完成」；此处可以写：实际、口径、分值、得分、偏差、「}」（结束这一块）',
            // The optional clause before the one the parser expected (年初预算) is among what may stand there.
            '这一行不认识「年初」；此处可以写：年初预算、全年预算',
        ]);
    });
});

describe('after a label, the value as the form prints it', () => {
    // A rating or a grade as printed (达成预期指标, 优秀) is read after the labels as after 实际 and 等级 (KpiLexer's actualKeywords, gradeKeywords).
    it('reads a rating after 实际完成值 and a grade after 自评等级 and 评价等级', async () => {
        const text = '自评 A "a" 对象 P {\n    指标 X 实际完成值 达成预期指标\n    指标 Y 实际完成值：已完成\n    自评等级 优秀\n}\n自评 B "b" 对象 P {\n    评价等级：良好\n}\n';
        const ws = await buildWorkspace({ 'a.kpi': text });
        expect(ws.diagnostics('a.kpi').filter(d => String(d.code).startsWith('syntax/')).map(messageOf)).toEqual([]);
    });
});
