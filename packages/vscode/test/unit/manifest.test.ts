import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../../../../test/support/workspace.js';

/** What the extension contributes must exist, be translated, and (snippets) be valid KPI Spec. */
const root = join(import.meta.dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
const manifest = readJson('package.json') as {
    contributes: {
        languages: Array<{ configuration: string; icon: { light: string; dark: string } }>;
        grammars: Array<{ path: string }>;
        snippets: Array<{ path: string }>;
        configuration: { properties: Record<string, unknown> };
        configurationDefaults: Record<string, Record<string, unknown>>;
    };
};

describe('package.json localisation', () => {
    const placeholders = [...readFileSync(join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)].map(m => m[1]);

    it('has every %placeholder% in English and Chinese', () => {
        for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
            const keys = Object.keys(readJson(file) as object);
            expect(placeholders.filter(p => !keys.includes(p)), file).toEqual([]);
            expect(keys.filter(k => !placeholders.includes(k)), `${file}: unused keys`).toEqual([]);
        }
    });

    it('translates every l10n.t string of the client into Chinese', () => {
        const sources = readdirSync(join(root, 'src')).map(f => readFileSync(join(root, 'src', f), 'utf8')).join('\n');
        const strings = [...sources.matchAll(/l10n\.t\(\s*'([^']+)'/g)].map(m => m[1]);
        expect(strings.length).toBeGreaterThan(0);
        const zh = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;
        expect(Object.keys(zh).sort()).toEqual([...new Set(strings)].sort());
        expect(Object.keys(readJson('l10n/bundle.l10n.json') as object).sort(), 'run npm run l10n:export').toEqual(Object.keys(zh).sort());
    });
});

describe('contributions', () => {
    it('point at files that exist', () => {
        const { languages, grammars, snippets } = manifest.contributes;
        const files = [
            ...languages.flatMap(l => [l.configuration, l.icon.light, l.icon.dark]),
            ...grammars.map(g => g.path),
            ...snippets.map(s => s.path),
            'images/icon.png',
        ];
        expect(files.filter(f => !existsSync(join(root, f)))).toEqual([]);
    });

    it('declare the settings the server reads', () => {
        expect(Object.keys(manifest.contributes.configuration.properties).sort())
            .toEqual(['kpispec.completion.keywordLanguage', 'kpispec.locale', 'kpispec.scoring.profile', 'kpispec.trace.server']);
    });

    it('turn off the boxes VS Code draws around Chinese punctuation (，：（）) in .kpi files', () => {
        const defaults = manifest.contributes.configurationDefaults;
        expect(defaults['[kpi]']).toMatchObject({ 'editor.unicodeHighlight.ambiguousCharacters': false, 'editor.semanticHighlighting.enabled': true });
    });

    it('auto-close and surround Chinese quotes and brackets', () => {
        const config = readJson('language-configuration.json') as {
            autoClosingPairs: Array<{ open: string; close: string }>;
            surroundingPairs: string[][];
            wordPattern: { pattern: string; flags: string };
        };
        for (const [open, close] of [['“', '”'], ['「', '」'], ['（', '）'], ['"', '"'], ['{', '}']]) {
            expect(config.autoClosingPairs).toContainEqual(expect.objectContaining({ open, close }));
            expect(config.surroundingPairs).toContainEqual([open, close]);
        }
        // Completion and word commands take whole Chinese names, numbers and hyphenated keywords as words.
        const word = new RegExp(config.wordPattern.pattern, config.wordPattern.flags + 'g');
        expect('依据 热线服务合同.接通率 >= 95.5% as-of'.match(word)).toEqual(['依据', '热线服务合同', '接通率', '95.5', 'as-of']);
    });
});

interface Snippet {
    prefix: string;
    body: string[];
}

/** The text a snippet inserts when every placeholder keeps its default (a choice its first option). */
function expand(snippet: Snippet): string {
    return snippet.body.join('\n')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1')
        .replace(/\$\d+/g, '');
}

describe('snippets', () => {
    const snippets = Object.values(readJson('snippets/kpi.json') as Record<string, Snippet>);
    const byPrefix = new Map(snippets.map(s => [s.prefix, s]));

    it('have distinct prefixes', () => {
        expect(byPrefix.size).toBe(snippets.length);
    });

    /** Inserts `line` into `block` after the first line containing `anchor` (or before its closing brace). */
    function insert(block: string, line: string, anchor?: string): string {
        const lines = block.split('\n');
        const at = anchor ? lines.findIndex(l => l.includes(anchor)) + 1 : lines.length - 1;
        expect(at, `anchor ${anchor}`).toBeGreaterThan(0);
        return [...lines.slice(0, at), line, ...lines.slice(at)].join('\n');
    }

    // The block snippets of one language, expanded with their defaults and with the line
    // snippets inserted where they belong (after the first line containing an anchor, else
    // before the closing brace), form a workspace whose references (对象, 依据, 指标, 总体目标)
    // resolve: a user who tabs through the defaults gets valid, linked files.
    const layouts: Array<[language: string, blocks: Record<string, Array<[line: string, anchor?: string]>>]> = [
        ['Chinese', { 项目: [['指标行', '数量指标 {'], ['里程碑']], 合同: [['条款']], 标准: [], 自评: [['自评指标', '指标 ']], 履约考核: [] }],
        ['English', { project: [['row', 'quantity {'], ['milestones']], contract: [['clause']], standard: [], assessment: [['indicator', 'indicator ']], compliance: [] }],
    ];

    it('are all covered by the parse check below', () => {
        const covered = layouts.flatMap(([, blocks]) => Object.entries(blocks).flatMap(([block, lines]) => [block, ...lines.map(([line]) => line)]));
        expect(covered.sort()).toEqual([...byPrefix.keys()].sort());
    });

    for (const [language, blocks] of layouts) {
        it(`for every block and line in ${language} parse and link`, async () => {
            const snippetText = (prefix: string): string => {
                const snippet = byPrefix.get(prefix);
                expect(snippet, prefix).toBeDefined();
                return expand(snippet!);
            };
            const files = Object.fromEntries(Object.entries(blocks).map(([block, lines]) => [
                `${block}.kpi`,
                lines.reduce((text, [line, anchor]) => insert(text, snippetText(line), anchor), snippetText(block)),
            ]));
            const ws = await buildWorkspace(files);
            const broken = Object.keys(files).flatMap(file => ws.diagnostics(file)
                .filter(d => /^(syntax|reference|name)\//.test(String(d.code)) || d.code === undefined)
                .map(d => `${file}:${d.range.start.line + 1} ${String(d.code)} ${d.message}`));
            expect(broken).toEqual([]);
        });
    }
});
