import { OperationCancelled } from 'langium';
import { CancellationTokenSource } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { hotline, textDocument } from './support.js';

/*
 * Completion replays the tokens after the last parsable point against the grammar. A title
 * repeated on one row made those paths double every few tokens: 70 copies overflowed the stack
 * after seconds, 5,001 froze the whole server.
 */
async function completeAfterRepeatedTitle(copies: number, where: 'after-row' | 'inside-row') {
    const ws = await hotline();
    const original = ws.documents.get('targets.kpi')!.textDocument.getText();
    const text = original.replace('接通率 "15秒内接通率"', `接通率 ${'"15秒内接通率" '.repeat(copies)}`);
    await ws.edit('targets.kpi', text);
    const doc = ws.documents.get('targets.kpi')!;
    const offset = where === 'after-row' ? text.indexOf('>= 80%') + '>= 80'.length : text.indexOf('"15秒内接通率"') + 3 * '"15秒内接通率" '.length;
    return ws.services.lsp.CompletionProvider!.getCompletion(doc, { textDocument: textDocument('targets.kpi'), position: doc.textDocument.positionAt(offset) });
}

describe('completion on a row whose title is repeated', () => {
    for (const copies of [70, 5_001]) {
        it(`answers with ${copies} copies, after the row and inside it`, async () => {
            // Each copy may now begin a row named by its title (past 100 syntax errors completion
            // offers nothing); either way an answer comes instead of a stack overflow or a freeze.
            for (const where of ['after-row', 'inside-row'] as const) {
                const list = await completeAfterRepeatedTitle(copies, where);
                expect(Array.isArray(list?.items ?? [])).toBe(true);
            }
        });
    }

    it('still completes where a few tokens follow the last parsable point', async () => {
        const list = await completeAfterRepeatedTitle(2, 'after-row');
        expect(list?.items.map(i => i.label)).toContain('万元');
    });
});

describe('completion and cancellation', () => {
    it('a cancelled request stops with OperationCancelled instead of computing', async () => {
        const ws = await hotline();
        const doc = ws.documents.get('targets.kpi')!;
        const source = new CancellationTokenSource();
        source.cancel();
        const position = doc.textDocument.positionAt(doc.textDocument.getText().indexOf('依据'));
        await expect(ws.services.lsp.CompletionProvider!.getCompletion(doc, { textDocument: textDocument('targets.kpi'), position }, source.token)).rejects.toBe(OperationCancelled);
    });
});
