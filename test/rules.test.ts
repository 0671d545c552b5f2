import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExpectations, type Expectation } from './support/fixtures.js';
import { buildWorkspace, messageOf, readFolder } from './support/workspace.js';

/**
 * Every folder under test/fixtures/rules/<group>/<name>/ is one workspace testing the rule
 * <group>/<name>: its files say inline which lines must report which rules (see fixtures.ts).
 */
const root = join(import.meta.dirname, 'fixtures', 'rules');

function fixtureFolders(dir: string): string[] {
    if (!existsSync(dir)) return [];
    const kids = readdirSync(dir).map(e => join(dir, e)).filter(p => statSync(p).isDirectory());
    const leaf = readdirSync(dir).some(e => e.endsWith('.kpi'));
    return [...(leaf ? [dir] : []), ...kids.flatMap(fixtureFolders)];
}

const ALWAYS_CHECKED = ['syntax/lexing', 'syntax/parsing', 'reference/unresolved', 'name/duplicate'];

describe('rule fixtures', () => {
    for (const folder of fixtureFolders(root)) {
        const ruleId = relative(root, folder).split(/[\\/]/).slice(0, 2).join('/');
        it(relative(root, folder), async () => {
            const files = readFolder(folder);
            const expectations: Expectation[] = Object.entries(files).flatMap(([f, t]) => parseExpectations(f, t));
            const rules = new Set([ruleId, ...ALWAYS_CHECKED, ...expectations.map(e => e.rule)]);
            const ws = await buildWorkspace(files);
            const actual: string[] = [];
            const problems: string[] = [];
            for (const file of Object.keys(files)) {
                for (const d of ws.diagnostics(file)) {
                    if (!rules.has(String(d.code))) continue;
                    actual.push(`${file}:${d.range.start.line + 1} ${String(d.code)}`);
                    const e = expectations.find(x => x.file === file && x.line === d.range.start.line + 1 && x.rule === d.code);
                    for (const text of e?.texts ?? []) {
                        if (!messageOf(d).includes(text)) problems.push(`${file}:${e!.line} ${e!.rule}: message «${messageOf(d)}» lacks «${text}»`);
                    }
                }
            }
            const expected = expectations.flatMap(e => Array.from({ length: e.count }, () => `${e.file}:${e.line} ${e.rule}`));
            expect(actual.sort()).toEqual(expected.sort());
            expect(problems).toEqual([]);
        });
    }
});
