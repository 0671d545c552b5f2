import { join } from 'node:path';
import { AstUtils, DefaultAstNodeDescriptionProvider, isReference, type AstNodeDescription } from 'langium';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../support/parse.js';
import { buildWorkspace, readFolder } from '../support/workspace.js';

/** What go-to-definition, workspace symbols and find-references read of a description. */
function seen(description: AstNodeDescription) {
    const { name, type, documentUri, path, nameSegment, selectionSegment } = description;
    return { name, type, documentUri: documentUri.toString(), path, nameSegment, selectionSegment };
}

describe('descriptions of named nodes', () => {
    it('give the same names, paths and text segments as Langium worked out eagerly, for exports and resolved links', async () => {
        const ws = await buildWorkspace({ ...readFolder(join(EXAMPLES, 'hotline-12345')), ...readFolder(join(EXAMPLES, 'blocks'), 'blocks/') });
        const eager = new DefaultAstNodeDescriptionProvider(ws.services);
        const exported = ws.services.shared.workspace.IndexManager.allElements().toArray();
        const linked = [...ws.documents.values()].flatMap(d => d.references)
            .map(r => (isReference(r) ? r.$nodeDescription : undefined))
            .filter(d => d !== undefined);
        expect(exported.length).toBeGreaterThan(20);
        expect(linked.some(d => d.type === 'Indicator')).toBe(true);
        for (const description of [...exported, ...linked]) {
            const again = eager.createDescription(description.node!, description.name, AstUtils.getDocument(description.node!));
            expect(seen(description)).toEqual(seen(again));
        }
    });
});
