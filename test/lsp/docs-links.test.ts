import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { afterAll, describe, expect, it } from 'vitest';
import { docsLinker, findDocsRoot, publishDiagnosticsWithDocsLinks, withDocsLinks } from '../../packages/language/src/lsp/docs-links.js';

/** An extension as shipped: dist/server.cjs beside docs/rules/**. */
const extension = mkdtempSync(join(tmpdir(), 'kpispec-ext-'));
mkdirSync(join(extension, 'dist'));
mkdirSync(join(extension, 'docs', 'rules', 'target'), { recursive: true });
writeFileSync(join(extension, 'docs', 'rules', 'target', 'below-contract.md'), '# target/below-contract\n');
afterAll(() => rmSync(extension, { recursive: true, force: true }));

const diagnostic = (code: string) => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'm', code });

describe('links from diagnostics to rule pages', () => {
    it('find the shipped docs by walking up from the server file', () => {
        expect(findDocsRoot(join(extension, 'dist', 'server.cjs'))).toBe(extension);
        expect(findDocsRoot(join(tmpdir(), 'nowhere', 'server.cjs'))).toBeUndefined();
        // In the repository the server runs from packages/language/dist/server/main.js.
        expect(findDocsRoot(join(import.meta.dirname, '..', '..', 'packages', 'language', 'dist', 'server', 'main.js'))).toBe(join(import.meta.dirname, '..', '..'));
    });

    it('link to the local page when it is shipped, else to the web page, and never for unknown codes', () => {
        const link = docsLinker(extension);
        expect(link('target/below-contract')).toBe(pathToFileURL(join(extension, 'docs', 'rules', 'target', 'below-contract.md')).href);
        expect(link('contract/no-penalty')).toBe(`https://github.com/kpispec/kpispec/blob/main/docs/rules/contract/no-penalty.md`);
        expect(docsLinker(undefined)('target/below-contract')).toBe(`https://github.com/kpispec/kpispec/blob/main/docs/rules/target/below-contract.md`);
        expect(link('no/such-rule')).toBeUndefined();
    });

    it('add a codeDescription to published diagnostics', () => {
        const sent: PublishDiagnosticsParams[] = [];
        const connection = { sendDiagnostics: async (p: PublishDiagnosticsParams) => { sent.push(p); } } as unknown as Connection;
        publishDiagnosticsWithDocsLinks(connection, docsLinker(extension));
        void connection.sendDiagnostics({ uri: 'file:///a.kpi', diagnostics: [diagnostic('target/below-contract'), diagnostic('x')] });
        expect(sent[0]!.diagnostics[0]!.codeDescription?.href).toMatch(/^file:.*below-contract\.md$/);
        expect(sent[0]!.diagnostics[1]!.codeDescription).toBeUndefined();
        expect(withDocsLinks([diagnostic('score/off-rule')], docsLinker(undefined))[0]!.codeDescription?.href).toBe(`https://github.com/kpispec/kpispec/blob/main/docs/rules/score/off-rule.md`);
    });
});
