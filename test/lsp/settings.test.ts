import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { FileChangeType } from 'vscode-languageserver';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createKpiServices, type KpiServices } from '../../packages/language/src/index.js';
import type { KpiConfigurationProvider } from '../../packages/language/src/lsp/configuration-provider.js';
import { HOTLINE, hotline } from './support.js';

const rules = (diagnostics: LangiumDocument['diagnostics']) => (diagnostics ?? []).map(d => String(d.code));

/** What the language server does on start: listen for outside changes, build the workspace. */
async function startLikeTheServer(services: KpiServices): Promise<void> {
    void services.shared.lsp.DocumentUpdateHandler;
    await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
}

describe('editor settings', () => {
    it('kpispec.scoring.profile overrides the scoring profile and re-validates', async () => {
        const ws = await hotline();
        await startLikeTheServer(ws.services);
        expect(rules(ws.diagnostics('assessment.kpi'))).not.toContain('score/profile-weights');
        const settings = ws.services.shared.workspace.ConfigurationProvider as KpiConfigurationProvider;
        settings.updateConfiguration({ settings: { kpispec: { scoring: { profile: 'hubei-2020' } } } });
        expect(ws.services.kpi.Configuration.get(ws.documents.get('assessment.kpi')!.uri).profile).toBe('hubei-2020');
        // Execution 10 and 满意度 10 do not match Hubei's 20 / 40 / 40.
        await vi.waitFor(() => expect(rules(ws.documents.get('assessment.kpi')!.diagnostics)).toContain('score/profile-weights'));
        settings.updateConfiguration({ settings: { kpispec: { scoring: { profile: '' } } } });
        await vi.waitFor(() => expect(rules(ws.documents.get('assessment.kpi')!.diagnostics)).not.toContain('score/profile-weights'));
    });

    it('kpispec.locale sets every file\'s message language and re-validates; auto returns to the file\'s keywords', async () => {
        const ws = await hotline();
        ws.services.kpi.Settings.chosenLocale = undefined;
        ws.services.kpi.Settings.environmentLocale = 'en';
        await startLikeTheServer(ws.services);
        const firstMessage = () => String(ws.documents.get('contract.kpi')!.diagnostics?.[0]?.message);
        const settings = ws.services.shared.workspace.ConfigurationProvider as KpiConfigurationProvider;
        settings.updateConfiguration({ settings: { kpispec: { locale: 'en' } } });
        await vi.waitFor(() => expect(firstMessage()).toMatch(/^[A-Z][a-z]+ /));
        // The display language (here English) does not count for a file with Chinese keywords.
        settings.updateConfiguration({ settings: { kpispec: { locale: 'auto' } } });
        await vi.waitFor(() => expect(firstMessage()).toMatch(/^[\u4e00-\u9fff]/));
    });

    it('kpispec.completion.keywordLanguage is read from the kpispec section', async () => {
        const ws = await hotline();
        const settings = ws.services.shared.workspace.ConfigurationProvider as KpiConfigurationProvider;
        expect(settings.editorSettings.keywordLanguage).toBe('auto');
        settings.updateConfiguration({ settings: { kpispec: { completion: { keywordLanguage: 'en' } } } });
        expect(settings.editorSettings.keywordLanguage).toBe('en');
        settings.updateConfiguration({ settings: { kpispec: { completion: { keywordLanguage: 'klingon' } } } });
        expect(settings.editorSettings.keywordLanguage).toBe('auto');
    });
});

describe('kpispec.json changes', () => {
    const folder = mkdtempSync(join(tmpdir(), 'kpispec-ws-'));
    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('re-validate every file with the new configuration', async () => {
        for (const [file, text] of Object.entries(HOTLINE)) writeFileSync(join(folder, file), text);
        const { kpi } = createKpiServices(NodeFileSystem);
        const documents = kpi.shared.workspace.LangiumDocuments;
        const docs = await Promise.all(Object.keys(HOTLINE).map(f => documents.getOrCreateDocument(URI.file(join(folder, f)))));
        await kpi.shared.workspace.DocumentBuilder.build(docs, { validation: true });
        await startLikeTheServer(kpi);
        const assessment = () => documents.getDocument(URI.file(join(folder, 'assessment.kpi')))!;
        expect(rules(assessment().diagnostics)).toContain('milestone/late');

        const config = join(folder, 'kpispec.json');
        writeFileSync(config, JSON.stringify({ rules: { 'milestone/late': 'off' } }));
        kpi.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({ changes: [{ uri: URI.file(config).toString(), type: FileChangeType.Created }] });
        // Both at once: while the file is re-validated its diagnostics are briefly empty.
        await vi.waitFor(() => {
            expect(rules(assessment().diagnostics)).not.toContain('milestone/late');
            expect(rules(assessment().diagnostics)).toContain('milestone/overdue');
        });

        rmSync(config);
        kpi.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({ changes: [{ uri: URI.file(config).toString(), type: FileChangeType.Deleted }] });
        await vi.waitFor(() => expect(rules(assessment().diagnostics)).toContain('milestone/late'));
    });
});
