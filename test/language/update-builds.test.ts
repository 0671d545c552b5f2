import { join } from 'node:path';
import { Cancellation, DocumentState, type BuildOptions, type LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, readFolder, uriOf, type TestWorkspace } from '../support/workspace.js';

/*
 * KpiDocumentBuilder.update finds the documents to rebuild from those reset or built since
 * they were last built completely, not by asking every document of the workspace as Langium
 * does. Each build of an update must take exactly the documents Langium's test picks among all
 * of them (not validated, not completely built, or validated with fewer checks than updates
 * run), asked here of every document as Langium asks.
 */

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

interface BuilderState {
    buildState: Map<string, { completed: boolean }>;
    updateBuildOptions: BuildOptions;
    resultsAreIncomplete(document: LangiumDocument, options: BuildOptions): boolean;
}

/** Every build's documents next to those Langium's test picked as it began. */
function recordBuilds(ws: TestWorkspace): Array<{ picked: string[]; built: string[] }> {
    const { DocumentBuilder: builder, LangiumDocuments: documents } = ws.services.shared.workspace;
    const state = builder as unknown as BuilderState;
    const builds: Array<{ picked: string[]; built: string[] }> = [];
    const names = (docs: Iterable<LangiumDocument>) => [...docs].map(d => d.uri.path).sort();
    builder.onUpdate(() => {
        const picked = documents.all.filter(d => d.state < DocumentState.Validated
            || !state.buildState.get(d.uri.toString())?.completed
            || state.resultsAreIncomplete(d, state.updateBuildOptions));
        builds.push({ picked: names(picked), built: [] });
    });
    builder.onBuildPhase(DocumentState.Validated, built => {
        builds.at(-1)!.built = names(built);
    });
    return builds;
}

/** The hotline example, and a project that links to none of it and that none of it links to. */
async function hotline(): Promise<TestWorkspace> {
    return buildWorkspace({ ...readFolder(join(EXAMPLES, 'hotline-12345')), 'other.kpi': '项目 其他 "其他项目" {}' });
}

function expectLangiumsChoice(builds: Array<{ picked: string[]; built: string[] }>): void {
    expect(builds.length).toBeGreaterThan(0);
    for (const build of builds) expect(build.built).toEqual(build.picked);
}

describe('the documents an update builds', () => {
    it('are those Langium picks, after edits that relink, re-validate and rename', async () => {
        const ws = await hotline();
        const builds = recordBuilds(ws);
        const files = [...ws.documents.keys()];
        const contract = files.find(f => /contract|合同/.test(f))!;
        const text = (file: string) => ws.documents.get(file)!.textDocument.getText();

        await ws.edit(contract, text(contract).replace(/95/g, '99'));
        await ws.edit(contract, text(contract).replace(/^(合同 )(\S+)/m, '$1$2改'));
        for (const file of files) await ws.edit(file, `${text(file)}\n// 已核对`);

        expectLangiumsChoice(builds);
        // Edits of a contract reach the files that link to it, not only the contract.
        expect(builds.some(b => b.built.length > 1)).toBe(true);
    });

    it('include the documents of a cancelled build, and a document added without a build', async () => {
        const ws = await hotline();
        const builds = recordBuilds(ws);
        const { DocumentBuilder: builder, LangiumDocuments: documents, LangiumDocumentFactory: factory } = ws.services.shared.workspace;
        const first = [...ws.documents.keys()][0]!;
        const second = 'other.kpi';

        // A build asked for a validation category the document missed, cancelled before it
        // validates, after an update that found nothing owed by the document.
        await ws.edit(first, `${ws.documents.get(first)!.textDocument.getText()}\n`);
        await ws.edit(second, `${ws.documents.get(second)!.textDocument.getText()}\n`);
        expect(builds.at(-1)!.built).not.toContain(uriOf(first).path);
        const cancelled = Cancellation.CancellationToken.Cancelled;
        await expect(builder.build([ws.documents.get(first)!], { validation: { categories: ['slow'] } }, cancelled)).rejects.toBeDefined();
        expect(ws.documents.get(first)!.state).toBeLessThan(DocumentState.Validated);
        // That build never finished: nothing to compare.
        builds.pop();

        await ws.edit(second, `${ws.documents.get(second)!.textDocument.getText()}\n`);
        expect(builds.at(-1)!.built).toContain(uriOf(first).path);
        expect(ws.documents.get(first)!.state).toBe(DocumentState.Validated);

        const added = factory.fromString('项目 新增 "新增项目" {}', uriOf('added.kpi'));
        documents.addDocument(added);
        await ws.edit(second, `${ws.documents.get(second)!.textDocument.getText()}\n`);
        expect(builds.at(-1)!.built).toContain(added.uri.path);
        expect(added.state).toBe(DocumentState.Validated);
        expectLangiumsChoice(builds);
    });

    it('leave the files an update cancelled mid-build concerns (names it now exports, names it shares) to the next update', async () => {
        const ws = await buildWorkspace({ 'a.kpi': '项目 甲 "甲项目" {\n    适用 养老标准\n}\n', 'b.kpi': '项目 乙 "乙项目" {}\n', 'c.kpi': '项目 丙 "丙项目" {}\n' });
        const codes = (file: string) => ws.diagnostics(file).map(d => d.code);
        expect(codes('a.kpi')).toContain('reference/unresolved');
        const builder = ws.services.shared.workspace.DocumentBuilder;
        const textDocuments = ws.services.shared.workspace.TextDocuments!;
        // b.kpi comes to define the standard a.kpi applies and the project c.kpi defines; its
        // build is cancelled once it is parsed, as a write queued meanwhile cancels it.
        const cancel = new Cancellation.CancellationTokenSource();
        const parsed = builder.onBuildPhase(DocumentState.ComputedScopes, () => cancel.cancel());
        textDocuments.set(TextDocument.create(uriOf('b.kpi').toString(), 'kpi', 1, '项目 丙 "丙项目" {}\n标准 养老标准 "养老服务标准" {}\n'));
        await expect(builder.update([uriOf('b.kpi')], [], cancel.token)).rejects.toBeDefined();
        parsed.dispose();
        // The next update, of another file, finds them.
        await ws.edit('c.kpi', '项目 丙 "丙项目" {}\n// 已核对\n');
        expect(codes('a.kpi')).not.toContain('reference/unresolved');
        expect(codes('b.kpi')).toContain('name/duplicate');
        expect(codes('c.kpi')).toContain('name/duplicate');
    });
});
