import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { EmptyFileSystem, URI, ValueConverter } from 'langium';
import { describe, expect, it } from 'vitest';
import { interner, scanFile, type FileScan } from '../../packages/cli/src/units/scan.js';
import { createKpiServices } from '../../packages/language/src/kpi-module.js';
import { NAME_PART, NAME_START } from '../../packages/language/src/parser/name-characters.js';
import { withNatives } from '../support/natives.js';
import { EXAMPLES } from '../support/parse.js';

/*
 * `kpispec lint` groups files into units by a scan of each file's names (units/scan.ts), read
 * character by character. The grammar's own terminals, as regular expressions, are the oracle:
 * comments, strings (closed on their line, with escapes) and names (ID), and braces.
 */
const TERMINALS = new RegExp(String.raw`(\/\/[^\n\r]*|\/\*[\s\S]*?\*\/)|("(?:\\.|[^"\\\r\n])*")|([${NAME_START}][${NAME_PART}０-９]*)|([{}])`, 'g');
const OPENERS: Record<string, [string, string]> = {
    项目: ['project', 'Project'], project: ['project', 'Project'], 标准: ['standard', 'Standard'], standard: ['standard', 'Standard'],
    合同: ['block', 'Contract'], 自评: ['block', 'Assessment'], compliance: ['block', 'Compliance'],
};
const MEMBERS: Record<string, Record<string, string>> = { Contract: { 条款: 'Clause', clause: 'Clause' }, Standard: { 要求: 'Requirement', baseline: 'Baseline' } };

function byTerminals(text: string): FileScan {
    const blocks: string[] = [];
    const mentions = new Set<string>();
    const exports: Array<[string, string]> = [];
    let depth = 0;
    let opening: [string, string] | undefined;
    let block: [string, string] | undefined;
    let member: string | undefined;
    let end = 0;
    for (const match of text.matchAll(TERMINALS)) {
        const [whole, comment, string, word, brace] = match;
        // Only spaces and colons between a member's keyword and its name.
        if (/[^ \t\n\r\u3000:：]/.test(text.slice(end, match.index))) member = undefined;
        end = match.index + whole.length;
        if (comment) continue;
        if (brace) {
            depth += brace === '{' ? 1 : depth > 0 ? -1 : 0;
            opening = member = undefined;
            if (depth === 0) block = undefined;
            continue;
        }
        // The lexer reads full-width digits as half-width.
        const name = string ? ValueConverter.convertString(string) : word!.replace(/[０-９]/g, d => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
        if (opening) {
            blocks.push(`${opening[0]} ${name}`);
            exports.push([name, opening[1]]);
            block = [name, opening[1]];
        } else if (member) {
            exports.push([`${block![0]}.${name}`, member]);
        }
        opening = depth === 0 && word ? OPENERS[word] : undefined;
        member = depth === 1 && word && block ? MEMBERS[block[1]]?.[word] : undefined;
        mentions.add(name);
    }
    return { blocks, mentions: [...mentions], exports };
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
            'a', 'Z9', '_', '9', '名称', '\u3400', '\uF900', '\uFAFF', '\u4DC0', '·', '.', '依据', '条款', '要求', 'baseline', '：', '>=', '１', '９５', '㎡', '²', 'm³', '℃',
        );
        fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }).map(p => p.join('')), text => {
            expect(scan(text)).toEqual(byTerminals(text));
        }), { numRuns: 3000 });
    });

    it('reads a name before an unclosed bracket, however long, at once', () => {
        const name = '管理指标total分'.repeat(2_000);
        expect(scan(`项目 P { ${name}（ >= 1 个 }`).mentions).toEqual(['项目', 'P', name, '个']);
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

    describe('exports what the parser exports, for the closest names offered in other shards', () => {
        const kpi = createKpiServices(EmptyFileSystem).kpi;
        const parsedExports = async (text: string) => {
            const document = kpi.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/scan/test.kpi'));
            return (await kpi.references.ScopeComputation.collectExportedSymbols(document)).map(d => [d.name, d.type]);
        };
        const kpiFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true, recursive: true })
            .filter(e => e.isFile() && e.name.endsWith('.kpi')).map(e => join(e.parentPath, e.name));

        it('in every example and test fixture', async () => {
            const files = [...kpiFiles(EXAMPLES), ...kpiFiles(join(import.meta.dirname, '..', 'fixtures'))];
            let members = 0;
            for (const file of files) {
                const text = readFileSync(file, 'utf8');
                const { exports } = scan(text);
                expect(exports, file).toEqual(await parsedExports(text));
                members += exports.filter(([name]) => name.includes('.')).length;
            }
            expect(files.length).toBeGreaterThan(50);
            expect(members).toBeGreaterThan(50);
        });

        it.each([
            ['合同 C "标题" 对象 P {\n  甲方 "局"\n  条款 接通率 "15秒内接通率" >= 95% 违约 "扣款"\n  条款 "质检 率" >= 90%\n}', [['C', 'Contract'], ['C.接通率', 'Clause'], ['C.质检 率', 'Clause']]],
            ['standard S {\n  requirement r1 >= 1\n  baseline b1 95%\n  基准：b2 90%\n}', [['S', 'Standard'], ['S.r1', 'Requirement'], ['S.b1', 'Baseline'], ['S.b2', 'Baseline']]],
            ['合同 C {\n  条款 >= 95% 违约 "x"\n  条款 // 名称\n  a >= 1\n}', [['C', 'Contract'], ['C.a', 'Clause']]],
            ['项目 P {\n  条款 a >= 1\n}\n自评 A 对象 P {\n}', [['P', 'Project'], ['A', 'Assessment']]],
            ['合同 合同２ {\n  条款 批次１ "１５秒" >= ９５％\n}', [['合同2', 'Contract'], ['合同2.批次1', 'Clause']]],
            ['合同 C(一期) {\n  条款 补助村(社区)数量 >= 8 个\n  条款 受益人口（户籍） >= 2 万人（户籍）\n}', [['C(一期)', 'Contract'], ['C(一期).补助村(社区)数量', 'Clause'], ['C(一期).受益人口（户籍）', 'Clause']]],
        ])('in %j', async (text, expected) => {
            expect(scan(text).exports).toEqual(expected);
            expect(await parsedExports(text)).toEqual(expected);
        });
    });
});
