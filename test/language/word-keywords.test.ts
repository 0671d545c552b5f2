import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DefaultLexer, DefaultTokenBuilder, EmptyFileSystem, type Lexer } from 'langium';
import { describe, expect, it } from 'vitest';
import { createKpiServices } from '../../packages/language/src/index.js';
import { PRINTED_TEXT, UNIT, wordKeywordTest } from '../../packages/language/src/parser/token-builder.js';

/*
 * Word keywords (项目, indicator) are not among Chevrotain's patterns: KpiLexer gives an ID
 * token whose text is one the keyword's type (parser/token-builder.ts). The tokens must be the
 * ones Chevrotain makes when it tries every keyword, longest first, with a longer ID winning.
 */

const { kpi } = createKpiServices(EmptyFileSystem);
const lexer = kpi.parser.Lexer;

/** Langium's lexer: Chevrotain with every keyword as a pattern (and a UNIT pattern that matches nothing). */
const reference = createKpiServices(EmptyFileSystem, {
    parser: { TokenBuilder: () => new DefaultTokenBuilder(), Lexer: services => new DefaultLexer(services) },
}).kpi.parser.Lexer;

/**
 * Tokens as text: kind, span and position; a unit, a qualitative target's word and a rating or grade
 * as printed (a keyword's type with its own text, `优秀`) are IDs here (KpiLexer's other business).
 */
function tokens(list: ReturnType<Lexer['tokenize']>['tokens']): string[] {
    const asId = (t: (typeof list)[number]) => t.tokenType.name === UNIT || t.tokenType.name === PRINTED_TEXT
        || (typeof t.tokenType.PATTERN === 'string' && t.tokenType.PATTERN !== t.image);
    return list.map(t => `${asId(t) ? 'ID' : t.tokenType.name}@${t.startOffset}-${t.endOffset} ${t.startLine}:${t.startColumn}-${t.endLine}:${t.endColumn}`);
}

function sameAsReference(text: string): void {
    const ours = lexer.tokenize(text);
    const theirs = reference.tokenize(text);
    expect(tokens(ours.tokens), JSON.stringify(text)).toEqual(tokens(theirs.tokens));
    expect(ours.errors.map(e => [e.offset, e.length])).toEqual(theirs.errors.map(e => [e.offset, e.length]));
    expect(ours.hidden.map(t => [t.tokenType.name, t.startOffset])).toEqual(theirs.hidden.map(t => [t.tokenType.name, t.startOffset]));
}

/** The example and fixture files; not `printed.kpi`, whose values as forms print them KpiLexer joins or splits (parsing.test.ts). */
function kpiFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter(entry => entry.isFile() && entry.name.endsWith('.kpi') && entry.name !== 'printed.kpi')
        .map(entry => join(entry.parentPath, entry.name));
}

const keywords = Object.values(lexer.definition).map(t => t.PATTERN).filter((p): p is string => typeof p === 'string');

describe('word keywords', () => {
    it('are most of the keywords, in both languages', () => {
        const words = Object.values(lexer.definition).filter(t => typeof t.PATTERN === 'string' && !t.LONGER_ALT && /^[\p{L}_][\p{L}\p{N}_]*$/u.test(t.PATTERN));
        expect(words.map(t => t.name)).toEqual(expect.arrayContaining(['项目', '指标', 'project', 'indicator', '部分达成']));
        expect(words.length).toBeGreaterThan(150);
    });

    it("leave the other keywords the longer alternatives Langium's token builder gives them", () => {
        const longer = (tokens: ReadonlyArray<{ name: string; LONGER_ALT?: unknown }>) => new Map(tokens.map(t => [t.name, [t.LONGER_ALT ?? []].flat().map(alt => (alt as { name: string }).name)]));
        const langium = longer(new DefaultTokenBuilder().buildTokens(kpi.Grammar) as Array<{ name: string }>);
        const isWord = wordKeywordTest(lexer.definition['ID']!);
        const others = Object.values(lexer.definition).filter(t => typeof t.PATTERN === 'string' && !isWord(t));
        expect(others.map(t => t.name)).toEqual(expect.arrayContaining(['>=', '%', 'n/a', 'as-of']));
        expect(longer(others)).toEqual(new Map(others.map(t => [t.name, langium.get(t.name)])));
        // A `/` may begin a comment.
        expect(longer(others).get('/')).toEqual(['ML_COMMENT', 'SL_COMMENT']);
    });

    it('lex as Chevrotain lexes them, in every example and fixture', () => {
        const files = [...kpiFiles('examples'), ...kpiFiles('test/fixtures')];
        expect(files.length).toBeGreaterThan(50);
        for (const file of files) sameAsReference(readFileSync(file, 'utf8'));
    });

    it('lex as Chevrotain lexes them, next to names, numbers, units and punctuation', () => {
        const piece = fc.oneof(
            fc.constantFrom(...keywords),
            fc.constantFrom('名', 'x', '_', '2', '12.5', '-', '2021-03', '"t"', ' ', '\n', '\u3000', '/', '*', '·', '%', '>=', '/* c */', '// c\n', '（', '#', '万元'),
            fc.string({ unit: fc.constantFrom(...'指标项目率达成部分名abcnp/ -_0'), maxLength: 4 }),
        );
        fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), pieces => {
            const text = pieces.join('');
            // A month, a dash and a digit is a printed period, whose dash KpiLexer reads as 至 (parsing.test.ts); found by this test.
            fc.pre(!/\d{4}-\d{1,2}[ \u3000]*-[ \u3000]*\d/.test(text));
            // A slash standing alone after a clause's keyword is a cell printed empty: the clause is not given (syntax-messages.test.ts).
            fc.pre(!/(?:^|\s)\/(?=\s|$)/.test(text));
            // A comma glued to a clause's end before the next clause's keyword is read as a space (parsing.test.ts).
            fc.pre(!/\S[,，]/.test(text));
            // A date printed with dots or slashes (2222/2, 2222.2.2) is one token (parsing.test.ts).
            fc.pre(!/\d{4}(?:\.\d{1,2}\.\d|\/\d)/.test(text));
            // 至 (or 到) between dates printed without blanks is split out of the name Chevrotain reads (parsing.test.ts).
            fc.pre(!/[至到]\d{4}|\d[ \t\u3000]*[至到]/.test(text));
            // Years joined by a dash, 至 or 到 are a period (parsing.test.ts).
            fc.pre(!/\d{4}[ \t\u3000]*年?[ \t\u3000]*[至到\-—–～~－][ \t\u3000]*\d{4}[ \t\u3000]*年/.test(text));
            // A word alone after 实际 is the actual's text (parsing.test.ts).
            fc.pre(!/(?:实际|actual)\S*[ \t\u3000]+[\p{L}_]/u.test(text));
            // A word glued to a percent sign or a date is a lexing error, not a name (syntax-messages.test.ts).
            fc.pre(!/(?:[%％‰]|\d{4}-\d{1,2})[\p{L}_]/u.test(text));
            // 达标, 完成, 优 … after a row's title are its qualitative target, not keywords (parsing.test.ts).
            fc.pre(!/"[ \t\u3000]*(?:达标|完成|达成|优|良|中|差|无)(?![\p{L}\p{N}_])/u.test(text));
            sameAsReference(text);
        }), { numRuns: 2000 });
    });

    it('are keywords, and a longer word that begins with one is a name', () => {
        const kinds = (text: string) => lexer.tokenize(text).tokens.map(t => `${t.tokenType.name}:${t.image}`);
        expect(kinds('指标 指标名 项目P project projects 10 万元')).toEqual(['指标:指标', 'ID:指标名', 'ID:项目P', 'project:project', 'ID:projects', 'NUMBER:10', 'UNIT:万元']);
    });
});
