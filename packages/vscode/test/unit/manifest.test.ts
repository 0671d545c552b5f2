import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** What the extension contributes must exist and be translated. */
const root = join(import.meta.dirname, '..', '..');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
const manifest = readJson('package.json') as {
    activationEvents: string[];
    contributes: {
        languages: Array<{ configuration: string; icon: { light: string; dark: string } }>;
        grammars: Array<{ path: string }>;
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
        const { languages, grammars } = manifest.contributes;
        const files = [
            ...languages.flatMap(l => [l.configuration, l.icon.light, l.icon.dark]),
            ...grammars.map(g => g.path),
            'images/icon.png',
        ];
        expect(files.filter(f => !existsSync(join(root, f)))).toEqual([]);
    });

    it('start the extension in a folder of .kpi files, a kpispec.json or only submitted workbooks', () => {
        expect(manifest.activationEvents).toEqual(expect.arrayContaining(['workspaceContains:**/*.kpi', 'workspaceContains:**/kpispec.json', 'workspaceContains:**/*.{xlsx,xls}']));
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
