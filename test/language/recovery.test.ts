import { AstUtils, EmptyFileSystem, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { createKpiServices, type Model } from '../../packages/language/src/index.js';
import { createLangiumsParser, targetOf } from '../support/parse.js';
import { buildWorkspace, type TestWorkspace } from '../support/workspace.js';

/*
 * While an officer types, the file is broken most of the time. The parser must keep the rest of
 * it analysable: later rows and blocks stay in the AST (the outline), their links still resolve,
 * and the other files of the workspace are not disturbed.
 */
const TARGETS = `
项目 热线二期 "热线二期" {
    总体目标 { 接通能力 "市民来电及时接通" }
    绩效指标 {
        产出指标 {
            数量指标 {
                接听量 "年接听量" >= 500 万通

                回访量 "回访量" >= 10 万通
                办结量 "办结量" >= 100 万件
            }
            质量指标 {
                接通率 "15秒内接通率" >= 80% 依据 热线服务合同.接通率
            }
        }
    }
    里程碑 { 统一接听 "统一接听服务" 计划 2018-04-30 }
}
标准 广东两建办 "两建办要求" { 要求 回复率 "回复率" = 100% }
`;

const OTHERS = {
    'contract.kpi': '合同 热线服务合同 对象 热线二期 {\n    条款 接通率 "15秒接通率" >= 95% 违约 "扣费"\n}',
    'assessment.kpi': `自评 热线二期自评 对象 热线二期 {
    总体目标 接通能力 "接通率89.19%"
    指标 接听量 实际 520 万通
    指标 回访量 实际 12 万通
    指标 办结量 实际 120 万件
    指标 接通率 实际 89.19%
    里程碑 统一接听 完成 2018-05-02
}`,
    'compliance.kpi': '履约考核 热线二期履约 对象 热线服务合同 {\n    条款 接通率 实际 89.19% 结论 未达标\n}',
};

const ALL_NAMES = ['热线二期', '接通能力', '接听量', '回访量', '办结量', '接通率', '统一接听', '广东两建办', '回复率'];

/** Names declared in a file, in document order: what the outline shows. */
function declaredNames(ws: TestWorkspace, file: string): string[] {
    const root = ws.documents.get(file)!.parseResult.value;
    return AstUtils.streamAst(root).map(n => (n as AstNode & { name?: unknown }).name).filter((n): n is string => typeof n === 'string').toArray();
}

function lines(ws: TestWorkspace, file: string, rule: RegExp): number[] {
    return ws.diagnostics(file).filter(d => rule.test(String(d.code))).map(d => d.range.start.line + 1);
}

function unresolved(ws: TestWorkspace): string[] {
    return [...ws.documents].flatMap(([file, doc]) => doc.references.filter(r => !targetOf(r)).map(r => `${file}: ${r.$refText}`));
}

interface Case {
    /** The broken targets.kpi. */
    text: string;
    /** Lines of targets.kpi with a syntax error: where the parser notices, often the next row; a keyword or comparator left without its value, its own line. */
    errors: number[];
    /** Names that the broken text swallows, and references left unresolved because of it. */
    lost?: string[];
    unresolved?: string[];
}

/** TARGETS with `text` on line 8, between the rows 接听量 (7) and 回访量 (9). */
const insert = (text: string) => TARGETS.replace('万通\n\n', `万通\n${text}\n`);

const CASES: Record<string, Case> = {
    'a row without its target': { text: insert('                即办率 "即办率"'), errors: [9] },
    'a row with only its name': { text: insert('                即办率'), errors: [9] },
    'a row with a dangling comparator': { text: insert('                即办率 "即办率" >='), errors: [8] },
    // One error: the parser's, at the word after the lone `"`, is what the lexing error explains.
    'a row with an unterminated string': { text: insert('                即办率 "即办率 >= 95%'), errors: [8] },
    'a row with a half-typed keyword': { text: insert('                即办率 "即办率" >= 95% 依'), errors: [9] },
    'stray characters in a row': { text: insert('                即办率 "即办率" >= 95% @@@ ？'), errors: [8, 8] },
    'a group missing its }': { text: TARGETS.replace('万件\n            }', '万件'), errors: [11] },
    'a group missing its {': { text: TARGETS.replace('质量指标 {', '质量指标'), errors: [13] },
    // Said at the keyword without its name, not at the next line's.
    'a half-typed block above the project': { text: `合同${TARGETS}`, errors: [1] },
    'a half-typed block header above the project': { text: `合同 新合同 对象${TARGETS}`, errors: [1] },
    // Known limit: a link is a name, and names may stand on the next line, so the next row's
    // name completes the link; its title then names a row of its own, so the row stays findable.
    'a half-typed link': {
        text: insert('                即办率 "即办率" >= 95% 依据 热线服务合同.'), errors: [],
        unresolved: ['targets.kpi: 热线服务合同.回访量'],
    },
    'a project missing its final }': { text: TARGETS.replace('}\n标准', '\n标准'), errors: [19] },
};

describe('error recovery', () => {
    it.each(Object.entries(CASES))('%s keeps the rest of the workspace analysable', async (_, c) => {
        const ws = await buildWorkspace({ 'targets.kpi': c.text, ...OTHERS });
        expect(lines(ws, 'targets.kpi', /^syntax\//)).toEqual(c.errors);
        const expectedNames = ALL_NAMES.filter(n => !c.lost?.includes(n));
        expect(declaredNames(ws, 'targets.kpi').filter(n => ALL_NAMES.includes(n))).toEqual(expectedNames);
        expect(unresolved(ws)).toEqual(c.unresolved ?? []);
        for (const file of Object.keys(OTHERS)) expect(lines(ws, file, /^(syntax|name)\//), file).toEqual([]);
    });

    it('a file cut off in the middle keeps what was written', async () => {
        const ws = await buildWorkspace({ 'targets.kpi': TARGETS.slice(0, TARGETS.indexOf('质量指标')), ...OTHERS });
        expect(lines(ws, 'targets.kpi', /^syntax\//)).toHaveLength(1);
        expect(declaredNames(ws, 'targets.kpi')).toEqual(['热线二期', '接通能力', '接听量', '回访量', '办结量']);
        expect(unresolved(ws)).toEqual(['assessment.kpi: 接通率', 'assessment.kpi: 统一接听']);
    });

    it.each([
        ['指标', '自评 S 对象 热线二期 {\n    指标\n    指标 接听量 实际 520 万通\n}'],
        ['indicator', 'assessment S for 热线二期 {\n    indicator\n    indicator 接听量 actual 520 万通\n}'],
        ['条款', '履约考核 R 对象 热线服务合同 {\n    条款\n    条款 接通率 实际 89%\n}'],
        ['里程碑', '自评 S 对象 热线二期 {\n    里程碑\n    里程碑 统一接听 完成 2018-05-02\n}'],
    ])('a half-typed %s line keeps the next line', async (_, text) => {
        const ws = await buildWorkspace({ 'targets.kpi': TARGETS, ...OTHERS, 'half.kpi': text });
        // At the keyword left without its name.
        expect(lines(ws, 'half.kpi', /^syntax\//)).toEqual([2]);
        const doc = ws.documents.get('half.kpi')!;
        expect(doc.references.map(r => [r.$refText, targetOf(r) !== undefined])).toContainEqual([text.split('\n')[2]!.trim().split(' ')[1], true]);
    });

    // Chevrotain re-syncs a repetition at the next token that starts a row, and re-enters the
    // repetition from inside its recovery: words and rows in turn, 5,000 times (a pasted line
    // whose quotes came apart, found by the fuzzer), nested 5,000 deep, took 7 s and overflowed
    // the stack of `kpispec lint` and the server; a bound on the nesting then lost the rest. Now
    // the line is one stray row: the re-sync waits for the head of the next line (resyncRowsOnTheirOwnLines).
    it('a line of 5,000 stray words, each before a row start: one error, and the rows and blocks after it are read', async () => {
        const strays = Array.from({ length: 5_000 }, () => '服务 质量 改进 "有待提升"').join(' ');
        const text = `自评 S 对象 热线二期 {\n    问题 "开头"\n${strays}\n    合计 分值 100 得分 90\n}\n\n合同 后面的合同 "后面的合同" 对象 热线二期 {\n    条款 时限 "24小时内办结" >= 95% 违约 "扣款"\n}\n`;
        const ws = await buildWorkspace({ 'targets.kpi': TARGETS, ...OTHERS, 'pasted.kpi': text });
        // Not again after the line's first row start (`改进 "有待提升"`): rows begin lines.
        expect(lines(ws, 'pasted.kpi', /^syntax\//)).toEqual([3]);
        const assessment = (ws.documents.get('pasted.kpi')!.parseResult.value as Model).blocks[0] as AstNode & { items: Array<{ $type: string; score?: number }> };
        expect(assessment.items.find(item => item.$type === 'Total')?.score).toBe(90);
        expect(declaredNames(ws, 'pasted.kpi')).toContain('后面的合同');
    });

    // A line that begins with what may follow the block (`绩效指标`, `项目`) is skipped with the stray
    // line before it: re-entered, Chevrotain would close the block there.
    it('a stray line after another, beginning with a word that may begin the next section: an error of its own, and the rows after it read', async () => {
        for (const head of ['绩效指标 甲 乙', '项目 甲 乙', '总体目标 甲']) {
            const text = `项目 P "p" {\n    绩效指标 { 产出指标 { 数量指标 {\n        甲 "甲" >= 3 个 来源 "s"\n        合计 >= 1 个 来源 "台账"\n        ${head}\n        乙 "乙" >= 5 个 来源 "s"\n    } } }\n}\n`;
            const ws = await buildWorkspace({ 'pasted.kpi': text });
            expect(lines(ws, 'pasted.kpi', /^syntax\//)).toEqual([4, 5]);
            expect(declaredNames(ws, 'pasted.kpi')).toEqual(expect.arrayContaining(['甲', '乙']));
        }
    });

    // A clause's keyword may also be a row's name: the re-sync took `来源 "系统"` for a row of its
    // own, broken again where the block closed.
    it('a stray token after a complete row: one error, and the rest of its line is not read as a row', async () => {
        const text = '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                回访率 "回访率" >= 90%、来源 "系统"\n                满意度 "满意度" >= 90%\n            }\n        }\n    }\n}\n';
        const ws = await buildWorkspace({ 'pasted.kpi': text });
        expect(lines(ws, 'pasted.kpi', /^syntax\//)).toEqual([5]);
        expect(declaredNames(ws, 'pasted.kpi')).toContain('满意度');
        expect(declaredNames(ws, 'pasted.kpi')).not.toContain('来源');
        // A block opened on the stray token's line still reads the row after it.
        const oneLine = '项目 Q "q" {\n    绩效指标 { 产出指标 { 数量指标 { @@ 管网 "管网长度" >= 80 公里 } } }\n}\n';
        expect(declaredNames(await buildWorkspace({ 'q.kpi': oneLine }), 'q.kpi')).toContain('管网');
    });

    // Found by the fuzzer (seed 3048): the re-sync looked for a token where no such token stood
    // where it may be given up at, and skipped the end of the file forever.
    it('blocks left open before a stray row at the end of the file: the recovery ends at the end of the file', async () => {
        const text = '项目 P "p" {\n    总体目标 {\n    绩效指标 {\n            质量指标 {\n            质量指标 {\n            }\n            成本指标 {\n                至 "a"';
        const ws = await buildWorkspace({ 'open.kpi': text });
        expect(lines(ws, 'open.kpi', /^syntax\//)).toContain(8);
    });

    it('a block of 5,000 broken rows, each before a good one: one error per broken row, and every good row read and checked', async () => {
        const ROWS = 5_000;
        const rows = Array.from({ length: ROWS }, (_, i) => `    条款 坏${i} "a" <= 2023-06-30 <= 5\n    条款 好${i} "b" >= 95% 违约 "p"`);
        const text = `合同 长合同 "长合同" 对象 热线二期 {\n${rows.join('\n')}\n    条款 好${ROWS} "b" >= 95%\n}\n`;
        const ws = await buildWorkspace({ 'targets.kpi': TARGETS, ...OTHERS, 'pasted.kpi': text });
        expect(lines(ws, 'pasted.kpi', /^syntax\//)).toEqual(Array.from({ length: ROWS }, (_, i) => 2 + 2 * i));
        const names = new Set(declaredNames(ws, 'pasted.kpi'));
        expect(Array.from({ length: ROWS + 1 }, (_, i) => `好${i}`).filter(name => !names.has(name))).toEqual([]);
        // The last row, after all of them, still gets its finding (a clause without 违约).
        expect(ws.diagnostics('pasted.kpi').filter(d => !String(d.code).startsWith('syntax/')).map(d => d.range.start.line + 1)).toContain(2 + 2 * ROWS);
    });
});

describe("KPI Spec's parser", () => {
    // It remembers which tokens may follow a grammar path (Chevrotain worked that out again at
    // every stray token: 2 s of a row with 20,000 of them) and where to re-sync, and recovers in
    // a repetition in turn instead of nested: every parse must still be Langium's.
    const ours = createKpiServices(EmptyFileSystem).kpi.parser.LangiumParser;
    const langiums = createLangiumsParser();
    const outcome = (parser: typeof ours, text: string) => {
        const result = parser.parse(text);
        return {
            lexer: result.lexerErrors.map(e => `${e.line}:${e.column} ${e.message}`),
            parser: result.parserErrors.map(e => `${e.token.startOffset} ${e.message}`),
            tree: AstUtils.streamAst(result.value).map(n => n.$type).toArray().join(' '),
        };
    };
    const texts = [
        ...Object.values(CASES).map(c => c.text),
        Array.from({ length: 40 }, (_, i) => `    指标${i} "第${i}项 >= ${i}\n    }}} 项目 合同 @@ ${i}\n    指标${i} >= {`).join('\n'),
        `项目 P "p" {\n  绩效指标 { 产出指标 { 数量指标 {\n    甲 "x" >= 500 人 × 300 元/人 ${'人 = '.repeat(2_000)}\n    乙 "y" >= 1 个\n  } } }\n}\n`,
        // 300 re-syncs in one block, which Langium's parser nests 300 deep.
        `合同 C "c" {\n${Array.from({ length: 300 }, (_, i) => `    条款 坏${i} "a" <= 2023-06-30 <= 5\n    条款 好${i} "b" >= 95%`).join('\n')}\n}\n`,
        // Strays before clause keywords, which re-sync on the next line; one block opened on a stray's line.
        `项目 P "p" {\n  绩效指标 { 产出指标 { 质量指标 {\n${Array.from({ length: 100 }, (_, i) => `    回访${i} "r" >= 90%、来源 "系统" 依据 C.c${i % 9 === 0 ? ' }' : ''}`).join('\n')}\n  } } }\n  里程碑 { @@ 甲 "a" 计划 2023-01-01 }\n}\n`,
    ];

    it('recovers from hundreds of syntax errors in these texts', () => {
        expect(texts.reduce((sum, text) => sum + outcome(langiums, text).parser.length, 0)).toBeGreaterThan(400);
    });

    it.each(texts.map((text, i) => [i, text]))('parses broken text %i as Langium parses it', (_, text) => {
        const expected = outcome(langiums, text);
        expect(outcome(ours, text)).toEqual(expected);
        // Again, with what it remembered from the first time.
        expect(outcome(ours, text)).toEqual(expected);
    });
});

describe('large files', () => {
    const ROWS = 50_000;
    const services = createKpiServices(EmptyFileSystem).kpi;

    function time<T>(label: string, action: () => T): T {
        const start = performance.now();
        const result = action();
        console.log(`${label}: ${Math.round(performance.now() - start)} ms`);
        return result;
    }

    /** Twenty-five lines holding every block, with names of their own for each copy. */
    const chunk = (i: number) => `项目 项目${i} "项目" {
    实施期 2019-07 至 2020-06
    预算 10666 万元
    适用 标准${i}
    总体目标 { 目标${i} "目标" }
    绩效指标 {
        产出指标 {
            数量指标 {
                接听量 "年接听量" >= 500 万通 依据 合同${i}.接通率
                单位成本 "单位成本" <= 12.52 元/通 依据 标准${i}.成本 来源 "报表"
            }
        }
    }
    里程碑 { 上线${i} "上线" 计划 2020-01-01 }
}
合同 合同${i} 对象 项目${i} { 金额 10666 万元 条款 接通率 "接通率" >= 95% 违约 "扣费" }
标准 标准${i} { 要求 回复率 "回复率" = 100% 必设 基准 成本 "成本" 9.93 元/通 }
自评 自评${i} 对象 项目${i} {
    预算执行 全年预算 10666 万元 全年执行 10000 万元 分值 10 得分 9
    指标 接听量 实际 520 万通 分值 50 得分 50
    问题 "成本偏高" 涉及 单位成本
    里程碑 上线${i} 完成 2020-02-01
    合计 分值 100 得分 90
}
履约考核 履约${i} 对象 合同${i} { 条款 接通率 实际 96% 结论 达标 }`;

    it(`parses a valid file of ${ROWS} lines`, () => {
        const text = Array.from({ length: ROWS / 25 }, (_, i) => chunk(i)).join('\n');
        expect(text.split('\n')).toHaveLength(ROWS);
        const result = time(`valid, ${ROWS} lines`, () => services.parser.LangiumParser.parse<Model>(text));
        expect(result.lexerErrors).toEqual([]);
        expect(result.parserErrors).toEqual([]);
        expect(result.value.blocks).toHaveLength(ROWS / 25 * 5);
    });

    it(`parses a file of ${ROWS} lines full of errors`, () => {
        const broken = [
            (i: number) => `    指标${i} "第${i}项 >= ${i}`,
            (i: number) => `    指标${i} >= {`,
            (i: number) => `    指标${i} "x" >= ${i} 万元 依据 `,
            (i: number) => `    }}} 项目 合同 @@ ${i}`,
            (i: number) => `    指标${i} "x" 定性`,
        ];
        const lines = Array.from({ length: ROWS }, (_, i) => broken[i % broken.length]!(i));
        const text = `项目 大项目 {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n${lines.join('\n')}\n`;
        const result = time(`broken, ${ROWS} lines`, () => services.parser.LangiumParser.parse(text));
        expect(result.parserErrors.length).toBeGreaterThan(ROWS / broken.length);
    });
});
