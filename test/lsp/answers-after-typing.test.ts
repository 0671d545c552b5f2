import { Cancellation, DocumentState } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, CompletionParams, Connection, HoverParams } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { answerAfterTyping } from '../../packages/language/src/lsp/answers-after-typing.js';
import { buildWorkspace, uriOf } from '../support/workspace.js';

/*
 * The language server's connection writes a notification on the event loop's next turn. After
 * a keystroke, the edited file's diagnostics must go out before the build goes on with the
 * files that depend on it and before the completion and hover sent with the keystroke run.
 */
/** A workspace of these files, its workspace manager started as the server starts it (requests wait for that). */
async function workspace(files: Record<string, string>) {
    const ws = await buildWorkspace(files);
    await ws.services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    return ws;
}

const contract = (rate: string) => `合同 服务合同 "热线服务合同" 对象 热线 {\n    条款 接通率 "15秒接通率" >= ${rate}\n}\n`;
const targets = '项目 热线 "热线服务" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                接通率 "15秒内接通率" >= 80% 依据 服务合同.接通率\n            }\n        }\n    }\n}\n';

describe('answers after typing', () => {
    it("writes the edited file's diagnostics, then the answers sent with the keystroke, then goes on with the build", async () => {
        const ws = await workspace({ 'contract.kpi': contract('95%'), 'targets.kpi': targets });
        const { shared } = ws.services;
        const events: string[] = [];
        // As Langium's diagnostics handler, registered before: hands the diagnostics to the connection.
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            setImmediate(() => events.push(`written ${document.uri.path}`));
        });
        let completion: ((params: CompletionParams, token: Cancellation.CancellationToken) => Promise<unknown>) | undefined;
        const connection = { onCompletion: (handler: typeof completion) => { completion = handler; }, onHover: () => undefined } as unknown as Connection;
        answerAfterTyping(connection, shared);
        // What runs after: the next document's validation.
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            events.push(`went on after ${document.uri.path}`);
        });

        const provider = ws.services.lsp.CompletionProvider!;
        const getCompletion = provider.getCompletion.bind(provider);
        provider.getCompletion = (...args) => {
            events.push('completing');
            return getCompletion(...args);
        };

        const edited = ws.edit('contract.kpi', contract('99%'));
        // Sent with the keystroke; the connection writes the answer on the next turn too.
        const answer = completion!({ textDocument: { uri: uriOf('contract.kpi').toString() }, position: { line: 1, character: 4 } }, Cancellation.CancellationToken.None)
            .then(list => setImmediate(() => events.push(`answered with ${(list as CompletionList).items.length > 0 ? 'items' : 'nothing'}`)));
        await Promise.all([edited, answer]);
        await new Promise(resolve => setImmediate(resolve));

        expect(events.slice(0, 4)).toEqual(['written /ws/contract.kpi', 'completing', 'answered with items', 'went on after /ws/contract.kpi']);
        // A file validated again because the edited one changed waits for nothing.
        expect(events.indexOf('went on after /ws/targets.kpi')).toBeLessThan(events.indexOf('written /ws/targets.kpi'));
    });

    it('answers a request the editor cancels while the document is being built', async () => {
        const ws = await workspace({ 'contract.kpi': contract('95%') });
        let hover: ((params: HoverParams, token: Cancellation.CancellationToken) => Promise<unknown>) | undefined;
        const connection = { onCompletion: () => undefined, onHover: (handler: typeof hover) => { hover = handler; } } as unknown as Connection;
        answerAfterTyping(connection, ws.services.shared);
        // Typed in, and not built yet.
        ws.services.shared.workspace.TextDocuments!.set(TextDocument.create(uriOf('contract.kpi').toString(), 'kpi', 2, contract('90%')));
        const source = new Cancellation.CancellationTokenSource();
        const answered = hover!({ textDocument: { uri: uriOf('contract.kpi').toString() }, position: { line: 1, character: 10 } }, source.token);
        source.cancel();
        await expect(answered).resolves.toBeDefined();
    });
});
