import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import type { FormattingOptions, Range } from 'vscode-languageserver-protocol';
import { describe, expect, it } from 'vitest';
import { createKpiServices } from '../../packages/language/src/index.js';

const { shared, kpi } = createKpiServices(EmptyFileSystem);
const SPACES: FormattingOptions = { tabSize: 4, insertSpaces: true };
let counter = 0;

function parse(text: string): LangiumDocument {
    return shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///formatter/${counter++}.kpi`));
}

async function format(text: string, options: FormattingOptions = SPACES, range?: Range): Promise<string> {
    const document = parse(text);
    const formatter = kpi.lsp.Formatter!;
    const params = { textDocument: { uri: document.uri.toString() }, options };
    const edits = range ? await formatter.formatDocumentRange(document, { ...params, range }) : await formatter.formatDocument(document, params);
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** The lexer's view of a text: every token and comment, whitespace aside. */
function tokens(text: string): string[] {
    const result = kpi.parser.Lexer.tokenize(text);
    return [...result.tokens, ...result.hidden ?? []]
        .sort((a, b) => a.startOffset - b.startOffset)
        .map(t => `${t.tokenType.name}:${t.image}`);
}

function parsesCleanly(text: string): boolean {
    const { lexerErrors, parserErrors } = parse(text).parseResult;
    return lexerErrors.length === 0 && parserErrors.length === 0;
}

function kpiFiles(dir: string): string[] {
    return readdirSync(dir).flatMap(e => {
        const full = join(dir, e);
        return statSync(full).isDirectory() ? kpiFiles(full) : e.endsWith('.kpi') ? [full] : [];
    });
}

const ROOT = join(import.meta.dirname, '..', '..');
const CORPUS = [...kpiFiles(join(ROOT, 'examples')), ...kpiFiles(join(ROOT, 'test', 'fixtures', 'rules'))]
    .filter(f => parsesCleanly(readFileSync(f, 'utf8')));

describe('formatter', () => {
    it('keeps an inner block the author wrote on one line around one row on its line', async () => {
        const compact = [
            '项目 P "x" {',
            '    绩效指标 {',
            '        产出指标 {',
            '            数量指标 {   "管网长度"  >= 80 公里 来源 "验收" }',
            '            质量指标 { "合格率" = 100% }',
            '        }',
            '        效益指标 { 社会效益 { "受益人口" >= 2 万人 } }',
            '    }',
            '}',
            '',
        ].join('\n');
        const formatted = await format(compact);
        expect(formatted).toContain('            数量指标 { "管网长度" >= 80 公里 来源 "验收" }\n            质量指标 { "合格率" = 100% }\n');
        // A block holding a block is laid out; so is one of two rows, or a top-level one.
        expect(formatted).toContain('        效益指标 {\n            社会效益 { "受益人口" >= 2 万人 }\n        }\n');
        expect(await format(formatted)).toBe(formatted);
    });

    it('lays out a messy file: rows on their lines, depth indentation, single spaces, comments kept', async () => {
        const messy = `// head
项目   P "x"
{ 预算 10   万元 // budget
  适用 A ,B
  /* block */ 绩效指标 { 产出指标 { 数量指标 { 甲 "t" >=95 % 依据 合 . 条, 标.要
  来源 "s" } } }



  // before the brace
}
合同 合 "c" 对象 P { 条款 条 "t" >= 1 元 / 通 违约 "p" }`;
        expect(await format(messy)).toBe(`// head
项目 P "x" {
    预算 10 万元 // budget
    适用 A, B
    /* block */
    绩效指标 {
        产出指标 {
            数量指标 {
                甲 "t" >= 95% 依据 合.条, 标.要
                    来源 "s"
            }
        }
    }

    // before the brace
}

合同 合 "c" 对象 P {
    条款 条 "t" >= 1 元/通 违约 "p"
}
`);
    });

    it('keeps wrapped clauses on their continuation line and joins other tokens back onto the row', async () => {
        const text = `合同 C "c" {
    条款 A "a"
            >= 95%
      违约 "p"
    条款 B "b" >= 90% 违约 "q"
}
`;
        expect(await format(text)).toBe(`合同 C "c" {
    条款 A "a" >= 95%
        违约 "p"
    条款 B "b" >= 90% 违约 "q"
}
`);
    });

    it('spaces a comparator in words as a sign, and keeps a bound glued to its value, as forms print it', async () => {
        const text = '合同 C "c" {\n    条款 A "a" 不低于95% 违约 "p"\n    条款 B "b" 1800 人  以上\n    条款 D "d" 30秒以内（含）\n    条款 E "e" 2023年6月30日 前\n}\n';
        const formatted = await format(text);
        expect(formatted).toBe('合同 C "c" {\n    条款 A "a" 不低于 95% 违约 "p"\n    条款 B "b" 1800 人以上\n    条款 D "d" 30 秒以内（含）\n    条款 E "e" 2023年6月30日前\n}\n');
        expect(tokens(formatted)).toEqual(tokens(text));
    });

    it('keeps a colon after a label, a comma between clauses and a full stop at a line\'s end where they stand, spaces the rest of the row and glues the enumeration comma', async () => {
        const text = '自评 A "a" 对象 P {\n  预算执行 全年预算：260 万元    全年执行: 198 万元\n      其中：财政拨款 全年预算 220 万元 全年执行 170 万元\n  指标 X   实际：89.19%，分值: 30。\n  问题 "p" 涉及 X 、 Y\n}\n';
        expect(await format(text)).toBe('自评 A "a" 对象 P {\n    预算执行 全年预算：260 万元 全年执行: 198 万元\n        其中：财政拨款 全年预算 220 万元 全年执行 170 万元\n    指标 X 实际：89.19%，分值: 30。\n    问题 "p" 涉及 X、Y\n}\n');
    });

    it('breaks a line where a comma between two clauses stood, and the comma goes: at the end of a line it would be no clause\'s comma', async () => {
        const text = '项目 P "p" {\n    主管部门 "区民政局"，实施单位 "区养老服务指导中心"， 实施期 2024-01 至 2024-12\n    预算 300 万元\n}\n';
        const formatted = await format(text);
        expect(formatted).toBe('项目 P "p" {\n    主管部门 "区民政局"\n    实施单位 "区养老服务指导中心"\n    实施期 2024-01 至 2024-12\n    预算 300 万元\n}\n');
        expect(parsesCleanly(text)).toBe(true);
        expect(parsesCleanly(formatted)).toBe(true);
        expect(tokens(formatted)).toEqual(tokens(text));
    });

    it('keeps the unit 分 glued to a score\'s points where it stands', async () => {
        const text = '自评 A "a" 对象 P {\n    指标 X 实际 89%   分值 30分  得分 27分\n}\n';
        expect(await format(text)).toBe('自评 A "a" 对象 P {\n    指标 X 实际 89% 分值 30分 得分 27分\n}\n');
    });

    it('glues a remark in brackets to its value, as forms print it, and spaces what follows', async () => {
        const text = '自评 A "a" 对象 P {\n    指标 X 实际 89%  （全部办结）分值 30 得分 27\n    指标 Y 实际 2023-06-30 (已验收) 分值 10 得分 10\n}\n';
        expect(await format(text)).toBe('自评 A "a" 对象 P {\n    指标 X 实际 89%（全部办结） 分值 30 得分 27\n    指标 Y 实际 2023-06-30(已验收) 分值 10 得分 10\n}\n');
        expect(tokens(text)).toContain('REMARK:（全部办结）');
    });

    it('writes one space between the words of an English comparator or bound, and lines up the columns after it', async () => {
        const text = 'contract C "c" {\n    clause A "a" no  more  than 20 s\n    clause B "b" 95%\tor\u3000more\n}\n';
        expect(await format(text)).toBe('contract C "c" {\n    clause A "a" no more than 20 s\n    clause B "b" 95% or more\n}\n');
        expect(tokens(text)).toContain('SIGN:no  more  than');
        // Lined up as written with single spaces: the column after the comparator where it will be.
        const table = 'contract C "c" {\n    clause A   "a"  at   least 95% penalty "p"\n    clause Bee "bb" >= 90%           penalty "q"\n}\n';
        expect(await format(table)).toBe('contract C "c" {\n    clause A   "a"  at least 95% penalty "p"\n    clause Bee "bb" >= 90%       penalty "q"\n}\n');
    });

    it('glues the names of a list to a full-width comma and spaces them after a half-width one, as each is printed', async () => {
        const text = '自评 A "a" 对象 P {\n    问题 "p" 涉及 X ， Y\n    问题 "q" 涉及 X ,Y\n}\n';
        expect(await format(text)).toBe('自评 A "a" 对象 P {\n    问题 "p" 涉及 X，Y\n    问题 "q" 涉及 X, Y\n}\n');
    });

    it('continues a row after a line comment one level deeper, as the comment forces the break', async () => {
        const text = '合同 C "c" {\n    条款 A "a" // why\n >= 95%\n}\n';
        expect(await format(text)).toBe('合同 C "c" {\n    条款 A "a" // why\n        >= 95%\n}\n');
    });

    // Three examples are the specification's reference cases as its authors lined them up
    // (reference-cases.test.ts keeps them unchanged copies); the formatter lines those columns up
    // again, to the widest cell. Every other example is as the formatter leaves it.
    const SPEC_LAYOUT = ['forms/assessment.kpi', 'framework/project.kpi', 'hotline-12345/assessment.kpi'];

    it('leaves formatted files alone: every example the project wrote', async () => {
        const examples = kpiFiles(join(ROOT, 'examples')).filter(f => !SPEC_LAYOUT.some(s => f.endsWith(join('examples', s))));
        expect(examples.length).toBe(20);
        for (const file of examples) {
            const text = readFileSync(file, 'utf8');
            expect(await format(text), relative(ROOT, file)).toBe(text);
        }
    });

    it('follows the editor\'s indentation options and keeps CRLF line ends', async () => {
        const text = '标准 S "s" {\r\n要求 R "r" >= 90% 必设\r\n}';
        expect(await format(text)).toBe('标准 S "s" {\r\n    要求 R "r" >= 90% 必设\r\n}\r\n');
        expect(await format(text, { tabSize: 2, insertSpaces: false })).toBe('标准 S "s" {\r\n\t要求 R "r" >= 90% 必设\r\n}\r\n');
    });

    it('keeps lone CR line ends, and the comment lines they separate (found by the fuzz test)', async () => {
        const text = '// 第一行\r// 第二行\r标准 S "s" {\r要求 R "r" >= 90% 必设 // 末尾\r}';
        expect(await format(text)).toBe('// 第一行\r// 第二行\r标准 S "s" {\r    要求 R "r" >= 90% 必设 // 末尾\r}\r');
    });

    it('keeps a byte order mark', async () => {
        expect(await format('\uFEFF标准 S "s" {\n}')).toBe('\uFEFF标准 S "s" {\n}\n');
        expect(await format('\uFEFF  // c\n标准 S "s" {\n}\n')).toBe('\uFEFF// c\n标准 S "s" {\n}\n');
    });

    it('formats only the requested range', async () => {
        const text = '标准 S "s" {\n  要求 A "a"   >= 90%\n  要求 B "b"   >= 90%\n}\n';
        const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 20 } };
        expect(await format(text, SPACES, range)).toBe('标准 S "s" {\n  要求 A "a"   >= 90%\n    要求 B "b" >= 90%\n}\n');
    });

    describe('tables', () => {
        it('lines up again a table its author lined up, after an edit, wide characters counting two columns', async () => {
            // A row added with single spaces to a table padded by hand.
            const typed = `自评 A "a" 对象 P {
    指标 接通率     实际 89.19% 分值 30 得分 30
    指标 及时转办率 实际 96.5%  分值 10 得分 10
    指标 单位成本 实际 12.52 元/通 分值 10 得分 10
}
`;
            const table = `自评 A "a" 对象 P {
    指标 接通率     实际 89.19%      分值 30 得分 30
    指标 及时转办率 实际 96.5%       分值 10 得分 10
    指标 单位成本   实际 12.52 元/通 分值 10 得分 10
}
`;
            expect(await format(typed)).toBe(table);
            // Fields, not keywords, make the columns: an English row lines up with Chinese ones.
            expect(await format(table.replace('指标 单位成本 ', 'indicator Cost ').replace('实际 12.52 元/通 分值 10 得分', 'actual 12.52 元/通 weight 10 score'))).toBe(`自评 A "a" 对象 P {
    指标 接通率     实际 89.19%        分值 30   得分 30
    指标 及时转办率 实际 96.5%         分值 10   得分 10
    indicator Cost  actual 12.52 元/通 weight 10 score 10
}
`);
        });

        it('lines up rows pasted from a spreadsheet, their cells separated by tabs', async () => {
            const pasted = '自评 A "a" 对象 P {\n\t指标 接通率\t实际 89.19%\t分值 30\t得分 30\n\t指标 及时转办率\t实际 96.5%\t分值 10\t得分 10\n}\n';
            expect(await format(pasted)).toBe('自评 A "a" 对象 P {\n    指标 接通率     实际 89.19% 分值 30 得分 30\n    指标 及时转办率 实际 96.5%  分值 10 得分 10\n}\n');
        });

        it('keeps single spaces in a table written without padding', async () => {
            const plain = '合同 C "c" {\n    条款 接通率 "15秒内接通率" >= 95%\n    条款 时长 "平均等待时长" <= 20 秒 违约 "扣减"\n}\n';
            expect(await format(plain)).toBe(plain);
        });

        it('puts each field in its own column: a missing one leaves its place empty, alternatives share one', async () => {
            const review = `履约考核 R "r" 对象 C {
    条款 接通率 实际 89.19% 结论 未达标
    条款 平均等待时长  未考核 结论 达标
    条款 质检率 结论 未达标
}
`;
            expect(await format(review)).toBe(`履约考核 R "r" 对象 C {
    条款 接通率       实际 89.19% 结论 未达标
    条款 平均等待时长 未考核      结论 达标
    条款 质检率                   结论 未达标
}
`);
        });

        it('gives a clause written twice in a row a column of its own', async () => {
            const group = (rows: string) => `项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n${rows}            }\n        }\n    }\n}\n`;
            expect(await format(group('                "a"  >= 1 来源 "x" 来源 "y"\n                "bbb" >= 2 来源 "zzz" 来源 "w"\n'))).toBe(group(
                '                "a"   >= 1 来源 "x"   来源 "y"\n                "bbb" >= 2 来源 "zzz" 来源 "w"\n'));
        });

        it('lets a much longer cell run past its column instead of pushing the column out', async () => {
            const text = `自评 A "a" 对象 P {
    指标 "助餐服务人数"  实际 1850 分值 10 得分 10
    指标 "上门服务人数" 实际 512 分值 10 得分 10
    指标 "服务投诉次数" 实际 不适用 "全年未建立投诉次数统计" 分值 0 得分 0
    指标 "助餐点数量" 实际 16 个 分值 10 得分 8
}
`;
            expect(await format(text)).toBe(`自评 A "a" 对象 P {
    指标 "助餐服务人数" 实际 1850  分值 10 得分 10
    指标 "上门服务人数" 实际 512   分值 10 得分 10
    指标 "服务投诉次数" 实际 不适用 "全年未建立投诉次数统计" 分值 0 得分 0
    指标 "助餐点数量"   实际 16 个 分值 10 得分 8
}
`);
        });

        it('goes on across comment lines and a row\'s continuation line, and ends at a blank line or another kind of row', async () => {
            const text = `自评 A "a" 对象 P {
    指标 服务人次  实际 12.6 万人次 分值 20 得分 20
    // 故意示例
    指标 回访率 实际 85% 分值 10 得分 10
        偏差 "部分老人不满意"
    指标 服务满意度 实际 88% 分值 10 得分 9.78

    指标 照护负担  实际 达成 分值 30 得分 30
    指标 上门响应时长 实际 10 小时 分值 10 得分 10
    问题 "成本偏高"   涉及 回访率
}
`;
            expect(await format(text)).toBe(`自评 A "a" 对象 P {
    指标 服务人次   实际 12.6 万人次 分值 20 得分 20
    // 故意示例
    指标 回访率     实际 85%         分值 10 得分 10
        偏差 "部分老人不满意"
    指标 服务满意度 实际 88%         分值 10 得分 9.78

    指标 照护负担     实际 达成    分值 30 得分 30
    指标 上门响应时长 实际 10 小时 分值 10 得分 10
    问题 "成本偏高" 涉及 回访率
}
`);
        });

        it('lines up a range as the whole document does', async () => {
            const text = '项目 P "p" {\n    测算 {\n        "助餐补贴"  120 万元 = 2000 人 × 50 元/人*月 × 12 月\n        "上门服务补贴" 150 万元\n        "服务评估" 30 万元\n    }\n}\n';
            const whole = await format(text);
            expect(whole).toContain('\n        "服务评估"     30 万元\n');
            const range = { start: { line: 4, character: 0 }, end: { line: 4, character: 20 } };
            expect((await format(text, SPACES, range)).split('\n')[4]).toBe('        "服务评估"     30 万元');
        });
    });

    it('does not touch a file with syntax errors', async () => {
        const broken = '合同 C "c" {\n      条款 A "a"\n}\n';
        expect(parsesCleanly(broken)).toBe(false);
        expect(await format(broken)).toBe(broken);
    });

    it('is idempotent and changes only whitespace on every example and fixture', async () => {
        expect(CORPUS.length).toBeGreaterThan(10);
        for (const file of CORPUS) {
            const text = readFileSync(file, 'utf8');
            const once = await format(text);
            const name = relative(ROOT, file);
            expect(tokens(once), name).toEqual(tokens(text));
            expect(await format(once), name).toBe(once);
            expect(parsesCleanly(once), name).toBe(true);
        }
    });

    it('is idempotent and changes only whitespace when the whitespace between tokens is scrambled', async () => {
        let random = 20240601;
        const next = () => (random = (random * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
        const GAPS = [' ', '   ', '\t', '\n', '\n\n\n', ' \n\t ', '\u3000'];
        // Tokens the lexer reads by what stands before them on their line: a unit, a bound (以上), a qualitative
        // target's word, the value after a comparator word (不低于); a line break before them makes another row.
        const SAME_LINE = new Set(['UNIT', 'BOUND', 'PRINTED_TEXT']);
        const SAME_LINE_GAPS = [' ', '   ', '\t', '\u3000'];
        let checked = 0;
        for (const file of CORPUS) {
            const text = readFileSync(file, 'utf8');
            const lexed = kpi.parser.Lexer.tokenize(text);
            const all = [...lexed.tokens, ...lexed.hidden ?? []].sort((a, b) => a.startOffset - b.startOffset);
            for (let variant = 0; variant < 4; variant++) {
                let scrambled = '';
                all.forEach((t, i) => {
                    const previous = all[i - 1];
                    // A line comment ends at the line break; any other gap may become anything.
                    const gaps = SAME_LINE.has(t.tokenType.name) || previous?.tokenType.name === 'SIGN' ? SAME_LINE_GAPS : GAPS;
                    const gap = previous?.tokenType.name === 'SL_COMMENT' ? '\n' : gaps[Math.floor(next() * gaps.length)]!;
                    scrambled += (i === 0 ? '' : gap) + t.image;
                });
                if (!parsesCleanly(scrambled)) continue;
                const once = await format(scrambled);
                expect(tokens(once), relative(ROOT, file)).toEqual(tokens(scrambled));
                expect(await format(once), relative(ROOT, file)).toBe(once);
                checked++;
            }
        }
        // Most variants parse: the gaps above keep each row on its line.
        expect(checked).toBeGreaterThan(CORPUS.length * 3);
    });
});
