import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLangiumParser, createParser, EmptyFileSystem, isCompositeCstNode, isReference, LangiumParser, type CstNode } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';
import { describe, expect, it } from 'vitest';
import { createKpiServices } from '../../packages/language/src/index.js';
import { defineRules } from '../../packages/language/src/parser/parser-builder.js';

/*
 * KPI Spec defines its parser's rules itself (parser/parser-builder.ts) so that parsing does
 * not allocate at every decision. Chevrotain analyses the grammar by recording each rule: the
 * recording must be the same as with Langium's builder, or lookahead and recovery change.
 */

interface Production {
    constructor: { name: string };
    idx?: number;
    definition?: Production[];
    terminalType?: { name: string };
    nonTerminalName?: string;
}

/** A rule as Chevrotain recorded it: kinds, occurrence indices, tokens and called rules. */
function recorded(production: Production): unknown {
    return [
        production.constructor.name, production.idx, production.terminalType?.name, production.nonTerminalName,
        production.definition?.map(recorded),
    ];
}

function recordedRules(parser: LangiumParser): Record<string, unknown> {
    const wrapper = Reflect.get(parser, 'wrapper') as { getGAstProductions(): Record<string, Production> };
    return Object.fromEntries(Object.entries(wrapper.getGAstProductions()).map(([name, rule]) => [name, recorded(rule)]));
}

describe('the parser builder', () => {
    it("records every rule as Langium's createParser does", () => {
        const { kpi } = createKpiServices(EmptyFileSystem);
        const langium = createParser(kpi.Grammar, new LangiumParser(kpi), kpi.parser.Lexer.definition);
        langium.finalize();
        const mine = recordedRules(kpi.parser.LangiumParser);
        expect(Object.keys(mine).length).toBeGreaterThan(50);
        expect(mine).toEqual(recordedRules(langium));
    });

    it("records every construct it builds as Langium does, '+' included (KPI Spec's grammar has none)", async () => {
        const grammar = `grammar G
            entry Model: items+=Item+ ('end' last=[Item:ID])?;
            Item: {infer Item} 'item' name=ID Tail* | Other;
            Other: 'other' name=ID ref=[Item];
            fragment Tail: ',' tags+=Tag;
            Tag returns string: ID | 'tag';
            hidden terminal WS: /\\s+/;
            terminal ID: /[a-z]+/;`;
        const services = await createServicesForGrammar({ grammar });
        const definition = services.parser.Lexer.definition;
        const langium = createParser(services.Grammar, new LangiumParser(services), definition);
        langium.finalize();
        const mine = new LangiumParser(services);
        defineRules(services.Grammar, mine, definition);
        mine.finalize();
        expect(recordedRules(mine)).toEqual(recordedRules(langium));
    });

    it('refuses grammar constructs it does not build, naming them', async () => {
        const guarded = `grammar G
            entry Model<strict>: (<strict> 'a' | 'b') name=ID;
            hidden terminal WS: /\\s+/;
            terminal ID: /[a-z]+/;`;
        const services = await createServicesForGrammar({ grammar: guarded });
        expect(() => defineRules(services.Grammar, new LangiumParser(services), services.parser.Lexer.definition))
            .toThrow("KPI Spec's parser builder does not support rule parameters (in rule Model)");
    });
});

/** Every `.kpi` file under a folder of this repository. */
function kpiFiles(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter(entry => entry.isFile() && entry.name.endsWith('.kpi'))
        .map(entry => join(entry.parentPath, entry.name))
        .sort();
}

/** A parse as text: the AST without its links to containers and documents, every CST node's span and kind, and the errors. */
function parsed(parser: LangiumParser, text: string): string {
    const result = parser.parse(text);
    const cst: string[] = [];
    const walk = (node: CstNode): void => {
        cst.push(`${node.offset}+${node.length}${node.hidden ? 'h' : ''}:${node.grammarSource?.$type}`);
        if (isCompositeCstNode(node)) node.content.forEach(walk);
    };
    walk(result.value.$cstNode!);
    const ast = JSON.stringify(result.value, (key, value: unknown) => {
        if (key === '$container' || key === '$document') return undefined;
        if (key === '$cstNode') return (value as CstNode | undefined) && `${(value as CstNode).offset}+${(value as CstNode).length}`;
        if (isReference(value)) return { $refText: value.$refText, at: value.$refNode?.offset };
        return value;
    });
    return [ast, cst.join(' '), ...result.lexerErrors.map(e => e.message), ...result.parserErrors.map(e => e.message)].join('\n');
}

// KpiParser (parser/parser.ts) also consumes tokens and completes nodes itself, with what
// Langium looks up per token and per node worked out once: the trees must be Langium's.
describe("KPI Spec's parser", () => {
    it("builds the AST, the CST and the errors Langium's parser builds, of whole and of cut files", () => {
        const ours = createKpiServices(EmptyFileSystem).kpi.parser.LangiumParser;
        const langium = createKpiServices(EmptyFileSystem, { parser: { LangiumParser: services => createLangiumParser(services) } }).kpi.parser.LangiumParser;
        const files = [...kpiFiles('examples'), ...kpiFiles('test/fixtures')];
        expect(files.length).toBeGreaterThan(50);
        let compared = 0;
        for (const file of files) {
            const text = readFileSync(file, 'utf8');
            // Half-typed files too: each cut at a few places, and with a few characters taken out there.
            const cuts = [0.2, 0.45, 0.7, 0.9].map(share => Math.floor(text.length * share));
            const variants = [text, ...cuts.flatMap(at => [text.slice(0, at), text.slice(0, at) + text.slice(at + 7)])];
            for (const variant of variants) {
                expect(parsed(ours, variant), `${file} (${variant.length} of ${text.length} characters)`).toBe(parsed(langium, variant));
                compared++;
            }
        }
        expect(compared).toBe(files.length * 9);
    });
});
