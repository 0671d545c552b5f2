import { DocumentState } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { answerAfterTyping } from '../../packages/language/src/lsp/answers-after-typing.js';
import { buildWorkspace } from '../support/workspace.js';

/*
 * The language server's connection writes a notification on the event loop's next turn. After
 * a keystroke, the edited file's diagnostics must go out before the build goes on with the
 * files that depend on it and before the completion and hover sent with the keystroke run.
 */
const contract = (rate: string) => `合同 服务合同 "热线服务合同" 对象 热线 {\n    条款 接通率 "15秒接通率" >= ${rate}\n}\n`;
const targets = '项目 热线 "热线服务" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                接通率 "15秒内接通率" >= 80% 依据 服务合同.接通率\n            }\n        }\n    }\n}\n';

describe('answers after typing', () => {
    it("lets the edited file's diagnostics be written before the build goes on", async () => {
        const ws = await buildWorkspace({ 'contract.kpi': contract('95%'), 'targets.kpi': targets });
        const { shared } = ws.services;
        const events: string[] = [];
        // As Langium's diagnostics handler, registered before: hands the diagnostics to the connection.
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            setImmediate(() => events.push(`written ${document.uri.path}`));
        });
        const connection = { onCompletion: () => undefined, onHover: () => undefined } as unknown as Connection;
        answerAfterTyping(connection, shared);
        // What runs after: the answers waiting for the document, the next document's validation.
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => {
            events.push(`went on after ${document.uri.path}`);
        });

        await ws.edit('contract.kpi', contract('99%'));
        await new Promise(resolve => setImmediate(resolve));

        expect(events.slice(0, 2)).toEqual(['written /ws/contract.kpi', 'went on after /ws/contract.kpi']);
        // A file validated again because the edited one changed waits for nothing.
        expect(events.indexOf('went on after /ws/targets.kpi')).toBeLessThan(events.indexOf('written /ws/targets.kpi'));
    });
});
