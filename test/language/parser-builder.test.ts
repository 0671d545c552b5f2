import { createParser, EmptyFileSystem, LangiumParser } from 'langium';
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
