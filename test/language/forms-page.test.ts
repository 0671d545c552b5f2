import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../support/workspace.js';

/**
 * docs/forms.md maps every column of the printed 自评表 and 申报表 onto the language. The forms it
 * shows are typed exactly as printed: each must give no error or warning.
 */
const page = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'forms.md'), 'utf8');
const blocks = [...page.matchAll(/```kpi\n([\s\S]*?)```/g)].map(m => m[1]!);

describe('docs/forms.md', () => {
    it('shows a typed 自评表 and a typed 申报表', () => {
        expect(blocks.some(b => b.includes('自评 '))).toBe(true);
        expect(blocks.some(b => b.includes('资金 {') && b.includes('测算 {'))).toBe(true);
    });

    it.each(blocks.map((b, i) => [i + 1, b] as const))('form %i gives no error or warning', async (_, text) => {
        const ws = await buildWorkspace({ 'form.kpi': text });
        const problems = ws.diagnostics('form.kpi').filter(d => (d.severity ?? 1) <= 2)
            .map(d => `${d.range.start.line + 1} ${String(d.code)} ${d.message}`);
        expect(problems).toEqual([]);
    });
});

describe('docs/language.md', () => {
    const reference = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'language.md'), 'utf8');
    const examples = [...reference.matchAll(/```kpi\n([\s\S]*?)```/g)].map(m => m[1]!);

    it.each(examples.map((b, i) => [i + 1, b] as const))('example %i parses without a syntax error', async (_, text) => {
        const ws = await buildWorkspace({ 'example.kpi': text });
        expect(ws.diagnostics('example.kpi').filter(d => String(d.code).startsWith('syntax/')).map(d => d.message)).toEqual([]);
    });
});
