import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXES, ROW_FIXES } from '../packages/language/src/lsp/code-action-provider.js';
import { RULES, ruleDocsPath, type RuleId } from '../packages/language/src/rules/catalog.js';

/**
 * The catalog is the single source of truth about a rule: from its id a maintainer finds the
 * check (the id is a typed literal at the report), the docs page, the fixtures and the fix. This
 * holds the pages, the fixtures and the fixes to the catalog.
 */
const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');

/** Rules without a fixture folder, and where they are tested instead. */
const NO_FIXTURE: Partial<Record<RuleId, string>> = {
    'syntax/lexing': 'test/language/syntax-messages.test.ts: needs text that does not lex, not a workspace',
    'syntax/parsing': 'test/language/syntax-messages.test.ts, recovery.test.ts and repeated-clauses.test.ts',
    'reference/unresolved': 'test/language/linking.test.ts',
    'excel/unreadable-cell': 'test/excel: reported on workbooks, which fixtures of .kpi files cannot hold',
    'suppression/unused': 'test/cli/suppressions.test.ts: suppressions are comments, which the fixture markers also are',
    'suppression/no-reason': 'test/cli/suppressions.test.ts',
};

function kpiTexts(dir: string): string[] {
    return readdirSync(dir).flatMap(entry => {
        const path = join(dir, entry);
        return statSync(path).isDirectory() ? kpiTexts(path) : entry.endsWith('.kpi') ? [readFileSync(path, 'utf8')] : [];
    });
}

describe('the rule catalog', () => {
    it.each(RULES.map(r => [r.id, r] as const))('%s has a docs page with its titles and default severity', (_, rule) => {
        const page = readFileSync(join(ROOT, ruleDocsPath(rule.id)), 'utf8');
        expect(page.split('\n')[0]).toBe(`# ${rule.id} — ${rule.title.zh} / ${rule.title.en}`);
        expect(page).toContain(`Default severity: **${rule.severity}**`);
    });

    it.each(RULES.map(r => [r.id] as const))('%s has a fixture folder where it fires (or is tested elsewhere, with the reason)', id => {
        const folder = join(FIXTURES, id);
        if (!existsSync(folder)) {
            expect(NO_FIXTURE[id], `${id} has no fixture folder and no reason`).toBeDefined();
            return;
        }
        expect(NO_FIXTURE[id]).toBeUndefined();
        // The fixture test compares every line: lines without a marker are lines where it must not fire.
        const texts = kpiTexts(folder);
        expect(texts.some(t => t.includes(`@expect ${id}`))).toBe(true);
        expect(texts.join('\n').split('\n').filter(l => /\S/.test(l) && !l.includes('@expect')).length).toBeGreaterThan(0);
    });

    it('marks as fixable exactly the rules the editor fixes', () => {
        const fixedExplicitly = new Set(Object.keys(FIXES));
        for (const rule of RULES) {
            const fixed = fixedExplicitly.has(rule.id) || rule.id in ROW_FIXES || rule.id.startsWith('score/');
            if (rule.fixable) expect(fixed, `${rule.id} is marked fixable but has no fix`).toBe(true);
            if (fixedExplicitly.has(rule.id) || rule.id in ROW_FIXES) expect(rule.fixable, `${rule.id} has a fix but is not marked fixable`).toBe(true);
        }
    });

    it('names a source for every rule that checks the substance of a form', () => {
        const housekeeping = /^(syntax|reference|name|suppression|excel)\//;
        expect(RULES.filter(r => !housekeeping.test(r.id) && !r.source).map(r => r.id)).toEqual([]);
    });
});
