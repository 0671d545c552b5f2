import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'langium-cli';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The generated parser, AST types and TextMate grammar are committed. Regenerating them from
 * the grammar into a temporary folder must reproduce the committed files exactly.
 */
const root = join(import.meta.dirname, '..', '..');
const config = JSON.parse(readFileSync(join(root, 'langium-config.json'), 'utf8')) as {
    languages: Array<{ grammar: string; textMate?: { out: string } }>;
    out: string;
};
const temp = mkdtempSync(join(tmpdir(), 'kpispec-generated-'));
// langium generate asks before writing into a folder that holds other files: keep `out` apart.
const out = join(temp, 'out');

/** Committed file → file regenerated into the temporary folder. */
const files = new Map<string, string>([
    ...['ast.ts', 'grammar.ts', 'module.ts'].map(f => [join(config.out, f), join(out, f)] as [string, string]),
    ...config.languages.flatMap((l, i) => l.textMate ? [[l.textMate.out, join(temp, `textmate-${i}.json`)] as [string, string]] : []),
]);

afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('generated code', () => {
    it('is what langium generate makes of the grammar', async () => {
        const tempConfig = join(temp, 'langium-config.json');
        writeFileSync(tempConfig, JSON.stringify({
            ...config,
            out,
            languages: config.languages.map((l, i) => ({
                ...l,
                grammar: join(root, l.grammar),
                ...(l.textMate ? { textMate: { ...l.textMate, out: join(temp, `textmate-${i}.json`) } } : {}),
            })),
        }));
        expect(await generate({ file: tempConfig }), 'langium generate failed: the grammar has errors').toBe(true);
        const stale = [...files].filter(([committed, fresh]) =>
            readFileSync(join(root, committed), 'utf8') !== readFileSync(fresh, 'utf8')).map(([committed]) => committed);
        expect(stale, `generated files are out of date with grammars/: run npm run langium:generate and commit ${stale.join(', ')}`).toEqual([]);
    });
});
