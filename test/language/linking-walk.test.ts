import { join } from 'node:path';
import { AstUtils, DefaultLinker, DefaultReferenceDescriptionProvider, isReference, type AstNode, type AstReflection, type ReferenceDescription, type ReferenceInfo } from 'langium';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../support/parse.js';
import { buildWorkspace, readFolder, type TestWorkspace } from '../support/workspace.js';
import { ReferenceWalk } from '../../packages/language/src/workspace/reference-walk.js';

/*
 * KpiLinker and KpiReferenceDescriptionProvider find references with a ReferenceWalk instead of
 * Langium's streams: they must link the same references to the same nodes, in the same order,
 * and index the same references as Langium's own classes.
 */

const files = () => ({
    ...readFolder(join(EXAMPLES, 'hotline-12345')),
    ...readFolder(join(EXAMPLES, 'complete-forms'), 'forms/'),
    // A half-typed link and one to nothing: unresolved references are linked (to an error) too.
    'broken.kpi': '项目 半成品 "半成品" {\n  绩效指标 { 产出指标 { 数量指标 {\n    甲 "甲" >= 1 个 依据 热线服务合同.不存在, 没有的合同.\n  } } }\n}\n',
});

function links(ws: TestWorkspace): string[] {
    const describe = (node: AstNode | undefined) => node ? `${node.$type} ${(node as { name?: string }).name ?? ''}` : 'unresolved';
    return [...ws.documents].flatMap(([name, document]) => document.references.map(r =>
        `${name} ${r.$refText} → ${isReference(r) ? describe(r.ref) : r.items.map(i => describe(i.ref)).join(',')}`));
}

function diagnostics(ws: TestWorkspace): string[] {
    return [...ws.documents].flatMap(([name, document]) => (document.diagnostics ?? []).map(d => `${name}:${d.range.start.line} ${d.code} ${d.message}`));
}

describe('finding references without streams', () => {
    it("links every reference as Langium's linker does, with the same diagnostics", async () => {
        const ours = await buildWorkspace(files());
        const langiums = await buildWorkspace(files(), 'zh-CN', { references: { Linker: services => new DefaultLinker(services) } });
        expect(links(ours).length).toBeGreaterThan(30);
        expect(links(ours).filter(l => l.endsWith('unresolved'))).toHaveLength(2);
        expect(links(ours)).toEqual(links(langiums));
        expect(diagnostics(ours)).toEqual(diagnostics(langiums));
    });

    it("indexes the same references, in the same order, as Langium's reference descriptions", async () => {
        const ws = await buildWorkspace(files());
        const langium = new DefaultReferenceDescriptionProvider(ws.services);
        // Ours work out their path and segment when asked: compared field by field.
        const fields = (descriptions: ReferenceDescription[]) => descriptions.map(d => ({
            sourceUri: d.sourceUri.toString(), sourcePath: d.sourcePath, targetUri: d.targetUri.toString(), targetPath: d.targetPath, segment: d.segment, local: d.local,
        }));
        let described = 0;
        for (const document of ws.documents.values()) {
            const ours = fields(await ws.services.workspace.ReferenceDescriptionProvider.createDescriptions(document));
            expect(ours).toEqual(fields(await langium.createDescriptions(document)));
            described += ours.length;
        }
        expect(described).toBeGreaterThan(30);
    });

    it("keeps Langium's order on a node with two reference properties (none in today's grammar)", async () => {
        // The type lists `first` before `second`; the node holds them the other way round.
        const reflection = { getTypeMetaData: () => ({ name: 'Pair', properties: { first: { name: 'first', referenceType: 'X' }, second: { name: 'second', referenceType: 'X' } } }) } as unknown as AstReflection;
        const reference = (text: string) => ({ $refText: text, ref: undefined });
        const node = { $type: 'Pair', second: [reference('b1'), reference('b2')], first: reference('a') } as unknown as AstNode;
        const seen: string[] = [];
        await new ReferenceWalk(reflection).forEach(node, (info: ReferenceInfo) => seen.push(`${info.property}${info.index ?? ''} ${info.reference.$refText}`));
        expect(seen).toEqual(['second0 b1', 'second1 b2', 'first a']);
        expect(AstUtils.streamReferences(node).map(info => `${info.property}${info.index ?? ''} ${info.reference.$refText}`).toArray()).toEqual(seen);
    });
});
