import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AstUtils, createParser, EmptyFileSystem, GrammarAST, GrammarUtils, isCompositeCstNode, isReference, LangiumParser, type CstNode } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';
import { describe, expect, it, vi } from 'vitest';
import { generate } from '../../bench/generate.mjs';
import type { Model, Project } from '../../packages/language/src/generated/ast.js';
import { createKpiServices } from '../../packages/language/src/index.js';
import { GrammarLookahead } from '../../packages/language/src/parser/lookahead.js';
import { defineRules } from '../../packages/language/src/parser/parser-builder.js';
import { createLangiumsParser } from '../support/parse.js';

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
        // KpiParser has Chevrotain analyse the grammar before the first file Chevrotain parses.
        kpi.parser.LangiumParser.finalize();
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

/** Counts the files KpiParser hands to Chevrotain (after its direct parse gave up). */
function chevrotainParses(parser: LangiumParser): { readonly count: number } {
    const spy = vi.spyOn(Reflect.get(parser, 'wrapper') as { rule(rule: unknown): unknown }, 'rule');
    return { get count() { return spy.mock.calls.length; } };
}

// KpiParser (parser/parser.ts) parses a file directly, and hands it to Chevrotain only where
// that fails; it also consumes tokens and completes nodes itself, with what Langium looks up
// per token and per node worked out once: the trees must be Langium's.
describe("KPI Spec's parser", () => {
    const ours = createKpiServices(EmptyFileSystem).kpi.parser.LangiumParser;
    const langium = createLangiumsParser();
    const chevrotain = chevrotainParses(ours);

    /** Compares the parses of a text; whether it had no syntax error (and so was parsed directly). */
    function sameAsLangium(text: string, where: string): boolean {
        const before = chevrotain.count;
        expect(parsed(ours, text), where).toBe(parsed(langium, text));
        // Chevrotain parses exactly the texts with syntax errors, once.
        const errors = langium.parse(text).parserErrors.length;
        expect(chevrotain.count - before, where).toBe(errors > 0 ? 1 : 0);
        return errors === 0;
    }

    it("builds the AST, the CST and the errors Langium's parser builds, of whole and of cut files", () => {
        const files = [...kpiFiles('examples'), ...kpiFiles('test/fixtures')];
        expect(files.length).toBeGreaterThan(50);
        let compared = 0;
        let direct = 0;
        for (const file of files) {
            const text = readFileSync(file, 'utf8');
            // Half-typed files too: each cut at a few places, and with a few characters taken out there.
            const cuts = [0.2, 0.45, 0.7, 0.9].map(share => Math.floor(text.length * share));
            const variants = [text, ...cuts.flatMap(at => [text.slice(0, at), text.slice(0, at) + text.slice(at + 7)])];
            for (const variant of variants) {
                if (sameAsLangium(variant, `${file} (${variant.length} of ${text.length} characters)`)) direct++;
                compared++;
            }
        }
        expect(compared).toBe(files.length * 9);
        expect(direct).toBeGreaterThan(files.length);
    });

    it("builds Langium's trees of the benchmark's generated projects, in both languages, with their faults", () => {
        const dir = mkdtempSync(join(tmpdir(), 'kpi-parse-'));
        try {
            generate(40, dir);
            const files = kpiFiles(dir);
            expect(files.length).toBeGreaterThan(160);
            const direct = files.filter(file => sameAsLangium(readFileSync(file, 'utf8'), file)).length;
            expect(direct).toBeGreaterThan(files.length * 0.9);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe('the direct parse', () => {
    it('tries ways only at the decisions where one token cannot tell them apart', () => {
        const { kpi } = createKpiServices(EmptyFileSystem);
        const tokens = kpi.parser.Lexer.definition;
        const names = new Map(Object.values(tokens).map(token => [token.tokenTypeIdx, token.name]));
        const rules = GrammarUtils.getAllReachableRules(kpi.Grammar, false);
        const lookahead = new GrammarLookahead(rules, name => tokens[name]!, Object.values(tokens));
        const shared: string[] = [];
        for (const rule of rules) {
            if (!GrammarAST.isParserRule(rule)) continue;
            for (const element of [rule.definition, ...AstUtils.streamAllContents(rule.definition)]) {
                if (!GrammarAST.isAbstractElement(element)) continue;
                const decision = GrammarAST.isAlternatives(element) && element.elements.length > 1 ? lookahead.alternatives(element)
                    : element.cardinality ? lookahead.repetition(element) : undefined;
                const on = [...decision?.shared ?? []].flatMap((member, slot) => member === 1 ? [names.get(slot)] : []);
                if (on.length > 0) shared.push(`${rule.name} ${element.$type}: ${on.join(' ')}`);
            }
        }
        // Another unit word (`元/人*月`) or a product's next factor (`2000 人 * 600 元/人`); a
        // labelled group (`"资金管理" {`) or a row under a level-1 family (`"立项依据" 定性 …`).
        // A grammar change that adds one should be looked at: the first way that reads to its
        // end must be the one Chevrotain's ALL(*) lookahead predicts.
        expect(shared.sort()).toEqual(['Level1Group Alternatives: STRING ID', 'Unit Group: *']);
    });

    it('finds what may follow a rule wherever it is called, a rule that is one call included', async () => {
        // Sub is called only as the whole of Item: what follows Item (another Item, or the last ID) follows Sub's names.
        const services = await createServicesForGrammar({
            grammar: `grammar G
                entry Model: items+=Item* last=ID;
                Item: Sub;
                Sub: 'x' names+=ID*;
                hidden terminal WS: /\\s+/;
                terminal ID: /[a-z]+/;`,
        });
        const tokens = services.parser.Lexer.definition;
        const rules = GrammarUtils.getAllReachableRules(services.Grammar, false);
        const lookahead = new GrammarLookahead(rules, name => tokens[name]!, Object.values(tokens));
        const sub = services.Grammar.rules.find(rule => rule.name === 'Sub') as GrammarAST.ParserRule;
        const names = AstUtils.streamAllContents(sub.definition).find(e => GrammarAST.isAssignment(e) && e.cardinality === '*') as GrammarAST.Assignment;
        const { shared } = lookahead.repetition(names);
        expect(shared[tokens['ID']!.tokenTypeIdx!]).toBe(1);
        expect(shared[tokens['x']!.tokenTypeIdx!]).toBe(0);
    });

    it("has Chevrotain analyse the grammar only before the first file it parses, once", () => {
        const parser = createKpiServices(EmptyFileSystem).kpi.parser.LangiumParser;
        const analysis = vi.spyOn(Reflect.get(parser, 'wrapper') as { wrapSelfAnalysis(): void }, 'wrapSelfAnalysis');
        expect(parser.parse('项目 p { 预算 10 万元 }').parserErrors).toEqual([]);
        expect(analysis).not.toHaveBeenCalled();
        expect(parser.parse('项目 p { 预算 }').parserErrors).not.toEqual([]);
        expect(parser.parse('项目 q { 预算 万元 }').parserErrors).not.toEqual([]);
        expect(analysis).toHaveBeenCalledOnce();
    });

    it("works out what a decision expected once, however many errors meet it, with Langium's messages", () => {
        const ours = createKpiServices(EmptyFileSystem).kpi.parser;
        const langium = createLangiumsParser();
        const expected = vi.spyOn(ours.ParserErrorMessageProvider, 'buildNoViableAltMessage');
        // A pasted row of one word, over and over: an error at the same decision each time.
        for (const text of [`project P "p" {\n${'    project\n'.repeat(200)}}\n`, `自评 A "a" 对象 P {\n${'    指标 x 实际\n'.repeat(100)}}\n`]) {
            const errors = (parser: LangiumParser) => parser.parse(text).parserErrors.map(e => [e.name, e.message, e.token.startOffset]);
            const mine = errors(ours.LangiumParser);
            expect(mine.filter(([name]) => name === 'NoViableAltException').length).toBeGreaterThanOrEqual(100);
            expect(mine).toEqual(errors(langium));
        }
        expect(expected.mock.calls.length).toBeLessThanOrEqual(2);
    });

    it("has Chevrotain build a decision's lookahead when a parse first meets it, not all of them in its analysis", () => {
        const strategyOf = (parser: LangiumParser) => Reflect.get(Reflect.get(parser, 'wrapper') as object, 'lookaheadStrategy') as object;
        const prototype = Object.getPrototypeOf(strategyOf(createKpiServices(EmptyFileSystem).kpi.parser.LangiumParser)) as Record<string, () => unknown>;
        const builds = ['buildLookaheadForAlternation', 'buildLookaheadForOptional'].map(name => vi.spyOn(prototype, name));
        const built = () => builds.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
        try {
            // Langium's own parser builds every decision's in its analysis.
            createLangiumsParser().finalize();
            const decisions = built();
            expect(decisions).toBeGreaterThan(100);
            const parser = createKpiServices(EmptyFileSystem).kpi.parser.LangiumParser;
            const before = built();
            expect(parser.parse('项目 p { 预算 }').parserErrors).not.toEqual([]);
            const first = built() - before;
            expect(first).toBeGreaterThan(0);
            expect(first).toBeLessThan(decisions / 4);
            // A text that reaches more of the grammar builds more; a decision met again is not built again.
            const form = readFileSync(kpiFiles('examples')[0]!, 'utf8');
            expect(parser.parse(`${form}\n项目 q { 预算 }`).parserErrors).not.toEqual([]);
            const second = built() - before;
            expect(second).toBeGreaterThan(first);
            parser.parse(`${form}\n项目 q { 预算 }`);
            expect(built() - before).toBe(second);
        } finally {
            for (const spy of builds) spy.mockRestore();
        }
    });

    it('takes the way that reads on where one token cannot decide, as Chevrotain does', () => {
        const ours = createKpiServices(EmptyFileSystem).kpi.parser.LangiumParser;
        const langium = createLangiumsParser();
        const chevrotain = chevrotainParses(ours);
        const text = `项目 p {
            测算 { 康复补贴 120 万元 = 2000 人 * 600 元/人*月 * 12 月 }
            绩效指标 {
                项目决策 {
                    "立项依据" 定性 "依据充分"
                    "资金管理" { "资金到位率" >= 95% }
                    资金使用 { 合规率 = 100% }
                    "绩效目标合理性" 定性 "目标明确"
                }
            }
        }`;
        const tree = parsed(ours, text);
        expect(tree).toBe(parsed(langium, text));
        expect(chevrotain.count).toBe(0);
        const project = (ours.parse(text).value as Model).blocks[0] as Project;
        expect(project.breakdowns[0]!.components[0]!.formula!.factors.map(f => `${f.value} ${f.unit}`)).toEqual(['2000 人', '600 元/人*月', '12 月']);
        const level1 = project.indicatorSections[0]!.groups[0]!;
        expect(level1.groups.map(g => g.label)).toEqual(['资金管理', '资金使用']);
        expect(level1.indicators.map(i => i.name)).toEqual(['立项依据', '绩效目标合理性']);
    });
});
