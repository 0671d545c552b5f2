import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import { createKpiServices, type Model } from '../../packages/language/src/index.js';
import { commentsOf } from '../../packages/language/src/parser/comments.js';
import { EXAMPLES } from '../support/parse.js';

const { kpi } = createKpiServices(EmptyFileSystem);
const parse = parseHelper<Model>(kpi);
const at = (line: number, character: number) => ({ line, character });

/** The comments the lexer finds in a text: what the syntax tree must hold, broken or not. */
function lexedComments(text: string): Array<[number, string]> {
    return kpi.parser.Lexer.tokenize(text).hidden
        .filter(t => t.tokenType.name === 'SL_COMMENT' || t.tokenType.name === 'ML_COMMENT')
        .map(t => [t.startOffset, t.image]);
}

async function comments(text: string) {
    return commentsOf(await parse(text));
}

describe('the comments of a document', () => {
    it('are the // and /* */ comments in text order, without the markers, and none inside a string', async () => {
        const found = await comments('// 来源：合同\n合同 C "// 不是注释 /* 也不是 */" { /* 条款\n 待补 */ 条款 A "a" >= 95% // 行尾\n}\n');
        expect(found.map(c => [c.block, c.body])).toEqual([[false, ' 来源：合同'], [true, ' 条款\n 待补 '], [false, ' 行尾']]);
        expect(found.map(c => c.range)).toEqual([
            { start: at(0, 0), end: at(0, 8) },
            { start: at(1, 27), end: at(2, 6) },
            { start: at(2, 23), end: at(2, 28) },
        ]);
    });

    it('are placed on the right lines whatever ends them: \\n, \\r\\n or a lone \\r', async () => {
        for (const eol of ['\n', '\r\n', '\r']) {
            const found = await comments(['合同 C "c" {', '    // 一', '    条款 A "a" >= 95% /* 二 */', '}', '// 三', ''].join(eol));
            expect(found.map(c => [c.range.start, c.range.end]), JSON.stringify(eol)).toEqual([
                [at(1, 4), at(1, 8)], [at(2, 20), at(2, 27)], [at(4, 0), at(4, 4)],
            ]);
        }
    });

    it('are all found in a file with syntax errors, also around what the parser skipped', async () => {
        const broken = [
            '合同 C "c" {\n    条款 A "a" >= // 未写完\n    ??? /* 乱码 */ 条款 B "b" <= 3 秒\n}\n// 文末\n',
            '// 开头\n项目 P "p" { 绩效指标 { 产出指标 { /* 一 */ 数量指标 { A "a" >= 5 个 来源 // 二\n',
            '}}} // 多余的括号\n自评 S "s" 对象 { 指标 /* 缺名 */ 实际 5 // 三\n',
            '/* 未闭合的注释 // 里面\n合同 C "c" {}\n',
        ];
        for (const text of broken) {
            const document = await parse(text);
            expect(document.parseResult.parserErrors.length + document.parseResult.lexerErrors.length, text).toBeGreaterThan(0);
            expect(commentsOf(document).map(c => [c.offset, text.slice(c.offset, c.end)]), text).toEqual(lexedComments(text));
        }
    });

    it('are all found in every example cut short or with a line dropped', async () => {
        const files = readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.kpi')).sort();
        let compared = 0;
        for (const file of files) {
            const text = readFileSync(join(EXAMPLES, file), 'utf8');
            if (!/\/\/|\/\*/.test(text)) continue;
            const lines = text.split('\n');
            const variants = [
                text.slice(0, Math.floor(text.length / 3)),
                text.slice(0, Math.floor(text.length * 2 / 3)),
                ...[1, 3, 7].map(k => lines.filter((_, i) => i % k !== 0 || i === 0).join('\n')),
            ];
            for (const variant of variants) {
                const document = await parse(variant, { documentUri: URI.file(`/ws/${compared}.kpi`).toString() });
                expect(commentsOf(document).map(c => [c.offset, variant.slice(c.offset, c.end)]), file).toEqual(lexedComments(variant));
                compared++;
            }
        }
        expect(compared).toBeGreaterThan(20);
    });
});
