import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.js';
import { EXAMPLES, REFERENCE, targetOf } from '../support/parse.js';
import { buildWorkspace, readFolder } from '../support/workspace.js';

/**
 * The reference cases (test/fixtures/reference, a copy of the language specification's cases):
 * every folder parses and links, and `kpispec lint -f json` reports exactly the errors and
 * warnings expected.json lists for it (file, rule, the text that starts the line, count), and no
 * other error or warning.
 */
const CORE_RULES = /^(syntax|reference|name)\//;

interface Expected { file: string; rule: string; line: string; count: number }
const expected = JSON.parse(readFileSync(join(REFERENCE, 'expected.json'), 'utf8')) as Record<string, Expected[] | string>;
const cases = readdirSync(REFERENCE).filter(e => statSync(join(REFERENCE, e)).isDirectory());

describe('reference cases', () => {
    it('cover every folder of expected.json', () => {
        expect(cases.sort()).toEqual(Object.keys(expected).filter(k => k !== 'about').sort());
    });

    for (const folder of cases) {
        it(`${folder} parses and links without syntax, reference or name diagnostics`, async () => {
            const files = readFolder(join(REFERENCE, folder));
            expect(Object.keys(files).length).toBeGreaterThan(0);
            const ws = await buildWorkspace(files);
            const found = Object.keys(files).flatMap(file => ws.diagnostics(file)
                .filter(d => CORE_RULES.test(String(d.code)))
                .map(d => `${file}:${d.range.start.line + 1} ${String(d.code)} ${d.message}`));
            expect(found).toEqual([]);
            for (const doc of ws.documents.values()) {
                expect(doc.references.filter(r => !targetOf(r)).map(r => r.$refText), doc.uri.path).toEqual([]);
            }
        });

        it(`kpispec lint ${folder} reports what expected.json lists, and no other error or warning`, async () => {
            const dir = join(REFERENCE, folder);
            const run = await runCli(['lint', dir, '--format', 'json']);
            const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number; line: number }> }>;
            const got: string[] = results.flatMap(r => r.messages.filter(m => m.severity >= 1)
                .map(m => `${r.filePath.split(/[\\/]/).pop()}:${m.line} ${m.ruleId}`));
            const lineOf = (file: string, start: string) =>
                readFileSync(join(dir, file), 'utf8').split(/\r?\n/).findIndex(l => l.trimStart().startsWith(start)) + 1;
            const want = (expected[folder] as Expected[]).flatMap(e =>
                Array.from({ length: e.count }, () => `${e.file}:${lineOf(e.file, e.line)} ${e.rule}`));
            expect(got.sort()).toEqual(want.sort());
        });

        it(`examples/${folder} is an unchanged copy`, () => {
            expect(readFolder(join(EXAMPLES, folder))).toEqual(readFolder(join(REFERENCE, folder)));
        });
    }
});
