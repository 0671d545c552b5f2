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

    it('continues a row after a line comment one level deeper, as the comment forces the break', async () => {
        const text = '合同 C "c" {\n    条款 A "a" // why\n >= 95%\n}\n';
        expect(await format(text)).toBe('合同 C "c" {\n    条款 A "a" // why\n        >= 95%\n}\n');
    });

    it('leaves formatted files alone, the reference cases among them', async () => {
        for (const file of ['hotline-12345/targets.kpi', 'hotline-12345/contract.kpi', 'hotline-12345/standards.kpi', 'english/hotline.kpi']) {
            const text = readFileSync(join(ROOT, 'examples', file), 'utf8');
            expect(await format(text), file).toBe(text);
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
                    const gap = previous?.tokenType.name === 'SL_COMMENT' ? '\n' : GAPS[Math.floor(next() * GAPS.length)]!;
                    scrambled += (i === 0 ? '' : gap) + t.image;
                });
                if (!parsesCleanly(scrambled)) continue;
                const once = await format(scrambled);
                expect(tokens(once), relative(ROOT, file)).toEqual(tokens(scrambled));
                expect(await format(once), relative(ROOT, file)).toBe(once);
                checked++;
            }
        }
        expect(checked).toBeGreaterThan(CORPUS.length);
    });
});
