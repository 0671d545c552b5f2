import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { ValueConverter } from 'langium';
import { describe, expect, it } from 'vitest';
import { interner, scanFile, type FileScan } from '../../packages/cli/src/units/scan.js';
import { withNatives } from '../support/natives.js';

/*
 * `kpispec lint` groups files into units by a scan of each file's names (units/scan.ts), read
 * character by character. The grammar's own terminals, as regular expressions, are the oracle:
 * comments, strings (closed on their line, with escapes) and names (ID), and braces.
 */
const TERMINALS = /(\/\/[^\n\r]*|\/\*[\s\S]*?\*\/)|("(?:\\.|[^"\\\r\n])*")|([_a-zA-Z\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF][\w\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]*)|([{}])/g;
const OPENERS: Record<string, string> = { 项目: 'project', project: 'project', 标准: 'standard', standard: 'standard', 合同: 'block', 自评: 'block', compliance: 'block' };

function byTerminals(text: string): FileScan {
    const blocks: string[] = [];
    const mentions = new Set<string>();
    let depth = 0;
    let opening: string | undefined;
    for (const [, comment, string, word, brace] of text.matchAll(TERMINALS)) {
        if (comment) continue;
        if (brace) {
            depth += brace === '{' ? 1 : depth > 0 ? -1 : 0;
            opening = undefined;
            continue;
        }
        const name = string ? ValueConverter.convertString(string) : word!;
        if (opening) blocks.push(`${opening} ${name}`);
        opening = depth === 0 && word ? OPENERS[word] : undefined;
        mentions.add(name);
    }
    return { blocks, mentions: [...mentions] };
}

const scan = (text: string) => scanFile(text, interner());

describe('the scan of a file', () => {
    it('finds the blocks and names of a whole file, not those in comments', () => {
        const text = readFileSync(new URL('../../examples/hotline-12345/targets.kpi', import.meta.url), 'utf8');
        const result = scan(text);
        expect(result).toEqual(byTerminals(text));
        expect(result.blocks).toEqual(['project 热线二期']);
        expect(scan('// 项目 甲 {\n/* 标准 乙 */ 合同 "丙 丁" { 条款 a }').blocks).toEqual(['block 丙 丁']);
    });

    it('reads any text as the grammar\'s terminals do: unclosed strings and comments, escapes, line ends, CJK names', () => {
        const pieces = fc.constantFrom(
            '项目', '标准', 'standard', '合同', ' ', '\n', '\r', '\u2028', '{', '}', '"', '\\', '\\"', '\\\u2028', '\\\r', '"x\\', '/', '*', '//', '/*', '*/',
            'a', 'Z9', '_', '9', '名称', '\u3400', '\uF900', '\uFAFF', '\u4DC0', '·', '.', '依据',
        );
        fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }).map(p => p.join('')), text => {
            expect(scan(text)).toEqual(byTerminals(text));
        }), { numRuns: 3000 });
    });

    it('holds each name as a string of its own, never a slice that keeps the whole file alive', async () => {
        // V8 cuts a substring of 13 characters or more as a slice of the string it was cut from.
        const printed = await withNatives(`
            const text = '项目 P "' + '补助村(社区)数量与服务对象满意度'.repeat(2) + '" { 指标 村社区综合服务中心覆盖率指标 >= 95% 名 }';
            const { mentions } = units.scanFile(text, units.interner());
            for (const name of mentions) if (name.length >= 13) %DebugPrint(name);
        `, { units: 'packages/cli/dist/units/scan.js' });
        const kinds = [...printed.matchAll(/- type: (\w+)/g)].map(m => m[1]);
        expect(kinds).toHaveLength(2);
        expect(kinds.filter(kind => kind!.includes('SLICED'))).toEqual([]);
    });
});
