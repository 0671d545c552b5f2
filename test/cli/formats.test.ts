import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../packages/cli/src/formatters/github.js';
import { plural } from '../../packages/cli/src/formatters/plural.js';
import { FIXTURES, runBuiltCli, tempDir } from './run-cli.js';

/**
 * Every report format of the built CLI on one workspace: hotline.kpi (errors, warnings and an
 * info; messages with `%` and `:`) and `odd,name.kpi` (a syntax error whose message spans lines,
 * and a warning), copied next to a file whose name needs escaping in GitHub commands.
 */
const SOURCE = join(FIXTURES, 'formats');
const dir = tempDir();
/** A file with a clause given twice and nothing else to report, linted alone. */
const twice = tempDir();
const FILES = ['hotline.kpi', 'odd,name.kpi'];

beforeAll(() => {
    for (const f of FILES) copyFileSync(join(SOURCE, f), join(dir, f));
    // Not committed: a colon in a file name breaks checkouts on Windows.
    copyFileSync(join(SOURCE, 'odd,name.kpi'), join(dir, 'colon:name.kpi'));
});

const lint = (...args: string[]) => runBuiltCli(['lint', '.', '--locale', 'en', ...args], { cwd: dir });

interface JsonResult { filePath: string; messages: Array<{ ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number; fatal?: true; related?: Array<{ filePath: string; line: number; message: string }> }>; errorCount: number; warningCount: number; infoCount: number; fatalErrorCount: number }

/** The JSON report is the reference the other formats are checked against (the rules' wording is not this test's business). */
let json: JsonResult[];
let all: Array<JsonResult['messages'][number] & { file: string }>;
const count = (severity: number) => all.filter(m => m.severity === severity).length;
const contractFinding = () => all.find(m => m.file === 'hotline.kpi' && m.ruleId === 'target/below-contract')!;

beforeAll(async () => {
    const run = await lint('-f', 'json');
    expect(run.code).toBe(1);
    json = JSON.parse(run.stdout) as JsonResult[];
    all = json.flatMap(r => r.messages.map(m => ({ ...m, file: r.filePath.slice(dir.length + 1) })));
});

describe('kpispec lint formats', () => {
    it('json: ESLint\'s shape with absolute paths, 1-based positions and counts', () => {
        expect(json.map(r => r.filePath)).toEqual(['colon:name.kpi', 'hotline.kpi', 'odd,name.kpi'].map(f => join(dir, f)));
        for (const r of json) {
            expect(r.errorCount).toBe(r.messages.filter(m => m.severity === 2).length);
            expect(r.warningCount).toBe(r.messages.filter(m => m.severity === 1).length);
            expect(r.infoCount).toBe(r.messages.filter(m => m.severity === 0).length);
        }
        expect(contractFinding()).toMatchObject({ severity: 2, line: 16, column: 57 });
        expect(contractFinding().message).toContain('≥95%');
        expect(json.map(r => r.fatalErrorCount)).toEqual([1, 0, 1]);
        // As ESLint marks them: the messages of text the parser could not read.
        expect(all.filter(m => m.fatal).map(m => `${m.file} ${m.ruleId}`)).toEqual(['colon:name.kpi syntax/parsing', 'odd,name.kpi syntax/parsing']);
        expect([count(2), count(1), count(0)].every(n => n > 0)).toBe(true);
    });

    it('json: a clause given twice is a syntax error the parser read, not a fatal one', async () => {
        writeFileSync(join(twice, 'a.kpi'), '自评 甲自评 "自评" 对象 甲 {\n    指标 接通率 实际 89% 分值 30 得分 30 得分 25\n}\n');
        const run = await runBuiltCli(['lint', '.', '-f', 'json', '--locale', 'en'], { cwd: twice });
        const [result] = JSON.parse(run.stdout) as JsonResult[];
        const parsing = result!.messages.filter(m => m.ruleId === 'syntax/parsing');
        expect(parsing.map(m => m.message)).toEqual(["'得分' is given twice, 30 and 25: only the last counts; remove one"]);
        expect(parsing[0]!.fatal).toBeUndefined();
        expect(result!.fatalErrorCount).toBe(0);
    });

    it('stylish: grouped by file, a summary line, colours only when asked', async () => {
        const run = await lint();
        expect(run.code).toBe(1);
        expect(run.stdout).toMatch(/^colon:name\.kpi\n/);
        expect(run.stdout).toContain('\nhotline.kpi\n');
        const f = contractFinding();
        expect(run.stdout).toMatch(new RegExp(`\\n  ${f.line}:${f.column} +error +${f.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} +target/below-contract\\n`));
        expect(run.stdout).toContain(`✖ ${all.length} problems (${count(2)} errors, ${count(1)} warnings, ${count(0)} info)`);
        expect(run.stdout).not.toContain('\u001b[');
        const colored = await runBuiltCli(['lint', '.', '--locale', 'en'], { cwd: dir, env: { FORCE_COLOR: '1' } });
        expect(colored.stdout).toContain('\u001b[31merror  \u001b[0m');
    });

    describe('sarif', () => {
        let log: { runs: Array<{ tool: { driver: { rules: Array<Record<string, any>> } }; results: Array<Record<string, any>>; originalUriBaseIds: Record<string, { uri: string }> }> };
        beforeAll(async () => {
            const run = await lint('-f', 'sarif', '--docs-base-url', 'https://docs.example.org/kpispec/rules');
            expect(run.code).toBe(1);
            log = JSON.parse(run.stdout);
        });

        it('validates against the official SARIF 2.1.0 schema', () => {
            // The schema is draft-04, which Ajv 8 does not load; it uses nothing else that differs, so drop its `$schema` and `id`.
            const { $schema: _, id: __, ...schema } = JSON.parse(readFileSync(join(FIXTURES, 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
            const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
            expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
            expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ message: 'not an object' }] }] })).toBe(false);
        });

        it('describes every rule with help and a link to its page', () => {
            const rules = log.runs[0]!.tool.driver.rules;
            expect(rules.length).toBeGreaterThan(40);
            const rule = rules.find(r => r['id'] === 'target/below-contract')!;
            expect(rule['shortDescription'].text).toBe('Target weaker than the contract');
            expect(rule['fullDescription'].text).toBe('目标值弱于合同约定 / Target weaker than the contract');
            expect(rule['helpUri']).toBe('https://docs.example.org/kpispec/rules/target/below-contract.md');
            expect(rule['help'].markdown).toContain('](https://docs.example.org/kpispec/rules/target/below-contract.md)');
            expect(rule['defaultConfiguration']).toEqual({ level: 'error' });
            expect(rule['help'].text).toMatch(/^Target weaker than the contract\. https:\/\/docs\.example\.org\/kpispec\/rules\/target\/below-contract\.md\n/);
        });

        it('writes a rule\'s help in Chinese, punctuated in Chinese, for --locale zh-CN', async () => {
            const run = await runBuiltCli(['lint', '.', '--locale', 'zh-CN', '-f', 'sarif'], { cwd: dir });
            const rules = (JSON.parse(run.stdout) as typeof log).runs[0]!.tool.driver.rules;
            const rule = rules.find(r => r['id'] === 'target/below-contract')!;
            expect(rule['shortDescription'].text).toBe('目标值弱于合同约定');
            expect(rule['help'].text).toMatch(/^目标值弱于合同约定。https:\/\/\S+\/target\/below-contract\.md\n/);
            expect(rule['help'].markdown).toContain('[规则说明](');
        });

        it('offers in a rule\'s help only what kpispec.json and a suppression comment accept', () => {
            const help = (id: string) => log.runs[0]!.tool.driver.rules.find(r => r['id'] === id)!['help'] as { text: string; markdown: string };
            expect(help('target/below-contract').text).toContain('kpispec.json: { "rules": { "target/below-contract": "off" } }; // kpispec-disable-next-line target/below-contract -- <reason>');
            // A suppression comment's own findings come after the comments are applied: only kpispec.json turns them off.
            expect(help('suppression/unused').markdown).toMatch(/`kpispec\.json: \{ "rules": \{ "suppression\/unused": "off" \} \}`$/);
            for (const id of ['syntax/lexing', 'syntax/parsing']) {
                for (const text of Object.values(help(id))) {
                    expect(text).toMatch(new RegExp(`\n${id}: parse errors cannot be switched off, lowered or suppressed$`));
                    expect(text).not.toMatch(/kpispec\.json|kpispec-disable/);
                }
            }
        });

        it('gives repository-relative locations, regions and fingerprints', () => {
            const [sarifRun] = log.runs;
            expect(sarifRun!.results).toHaveLength(all.length);
            const result = sarifRun!.results.find(r => r['ruleId'] === 'target/below-contract')!;
            const location = result['locations'][0].physicalLocation;
            const f = contractFinding();
            expect(location.artifactLocation).toEqual({ uri: 'hotline.kpi', uriBaseId: '%SRCROOT%' });
            expect(location.region).toEqual({ startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn });
            expect(sarifRun!.originalUriBaseIds['%SRCROOT%']!.uri).toBe(pathToFileURL(dir).href + '/');
            expect(sarifRun!.tool.driver.rules[result['ruleIndex']]!['id']).toBe('target/below-contract');
            const fingerprints = sarifRun!.results.map(r => `${r['locations'][0].physicalLocation.artifactLocation.uri} ${r['partialFingerprints']['kpispecLineHash/v1']}`);
            expect(new Set(fingerprints).size).toBe(fingerprints.length);
            expect(new Set(sarifRun!.results.map(r => r['level']))).toEqual(new Set(['error', 'warning', 'note']));
        });

        it('points from a finding to what it names elsewhere (relatedLocations)', () => {
            const result = log.runs[0]!.results.find(r => r['ruleId'] === 'target/below-contract')!;
            const lines = readFileSync(join(dir, 'hotline.kpi'), 'utf8').split('\n');
            const clauseLine = lines.findIndex(l => /^\s*clause AnswerRate /.test(l)) + 1;
            expect(result['relatedLocations']).toEqual([{
                id: 1,
                physicalLocation: { artifactLocation: { uri: 'hotline.kpi', uriBaseId: '%SRCROOT%' }, region: { startLine: clauseLine, startColumn: lines[clauseLine - 1]!.indexOf('AnswerRate') + 1, endLine: clauseLine, endColumn: lines[clauseLine - 1]!.indexOf('AnswerRate') + 11 } },
                message: { text: "clause 'AnswerRate' of contract 'HotlineContract'" },
            }]);
            // A finding about its own line names nothing elsewhere.
            expect(log.runs[0]!.results.find(r => r['ruleId'] === 'syntax/parsing')!['relatedLocations']).toBeUndefined();
        });
    });

    it('github: one escaped workflow command per problem, and a job summary', async () => {
        const summary = join(dir, 'summary.md');
        const run = await runBuiltCli(['lint', '.', '--locale', 'en', '-f', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
        expect(run.code).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines).toHaveLength(all.length);
        for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^:,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:,]+::[^\r\n]+$/);
        const f = contractFinding();
        expect(f.message).toContain('%');
        // The clause it is weaker than, on a line of its own (`%0A`).
        const [clause] = f.related!;
        expect(lines).toContain(`::error file=hotline.kpi,line=${f.line},col=${f.column},endLine=${f.endLine},endColumn=${f.endColumn},title=target/below-contract::${f.message.replace(/%/g, '%25')}%0A→ hotline.kpi:${clause!.line} ${clause!.message}`);
        expect(lines.filter(l => l.startsWith('::error file=odd%2Cname.kpi,line=3,col=40,'))).toHaveLength(1);
        expect(lines.filter(l => l.startsWith('::error file=colon%3Aname.kpi,line=3,col=40,'))).toHaveLength(1);
        const syntax = lines.find(l => l.includes('title=syntax/parsing') && l.includes('odd%2Cname'))!;
        expect(syntax).toContain("::'}' is not understood here; this place can take: a comparator in words (at least, 不低于), a number");
        expect(lines.filter(l => l.startsWith('::notice '))).toHaveLength(count(0));

        const table = readFileSync(summary, 'utf8');
        expect(table).toContain(`### KPI Spec: ${plural(count(2), 'error')}, ${plural(count(1), 'warning')}, ${count(0)} info`);
        expect(table).toContain(`| hotline.kpi | ${f.line} | error | [target/below-contract](https://github.com/kpispec/kpispec/blob/main/docs/rules/target/below-contract.md) | ${f.message}<br>→ hotline.kpi\\:${clause!.line} ${clause!.message} |`);
        // Escaped Markdown: the message renders as written.
        expect(table).toContain("'\\}' is not understood here; this place can take\\: a comparator in words (at least, 不低于), a number");
    });

    it('junit: well-formed XML, a suite per file, a failure per error or warning', async () => {
        const report = join(dir, 'reports', 'junit.xml');
        const run = await lint('-f', 'junit', '-o', report);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        const xml = readFileSync(report, 'utf8');
        expect(XMLValidator.validate(xml)).toBe(true);
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as { testsuites: { failures: string; tests: string; testsuite: Array<{ name: string; failures: string }> } };
        expect(doc.testsuites.failures).toBe(String(count(2) + count(1)));
        expect(doc.testsuites.tests).toBe(String(all.length));
        expect(doc.testsuites.testsuite.map(s => [s.name, Number(s.failures)])).toEqual(json.map(r => [r.filePath.slice(dir.length + 1), r.errorCount + r.warningCount]));
    });
});

describe('github escaping', () => {
    it('encodes %, CR and LF in data, and also : and , in properties', () => {
        expect(escapeData('100% done\r\nnext: a, b')).toBe('100%25 done%0D%0Anext: a, b');
        expect(escapeProperty('dir:a,b%.kpi\n')).toBe('dir%3Aa%2Cb%25.kpi%0A');
    });
});
