import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, SPEC, targetOf } from '../support/parse.js';
import { buildWorkspace, readFolder } from '../support/workspace.js';

/**
 * The reference cases (LANGUAGE.md: "every file in both folders must parse, link and produce
 * exactly the diagnostics listed in expected.json"). Here: no syntax, reference or name
 * diagnostic; the rule diagnostics are the rule fixtures' and the CLI's business.
 */
const CORE_RULES = /^(syntax|reference|name)\//;

/** Each folder beside expected.json is one workspace. */
const cases = existsSync(SPEC) ? readdirSync(SPEC).filter(e => statSync(join(SPEC, e)).isDirectory()) : [];

describe.skipIf(cases.length === 0)(`reference cases in ${SPEC}`, () => {
    it.each(cases)('%s parses and links without syntax, reference or name diagnostics', async folder => {
        const files = readFolder(join(SPEC, folder));
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

    it.each(cases)('examples/%s is an unchanged copy', folder => {
        expect(readFolder(join(EXAMPLES, folder))).toEqual(readFolder(join(SPEC, folder)));
    });
});
