import { join } from 'node:path';
import { AstUtils, MultiMapScope, type Scope } from 'langium';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../support/parse.js';
import { buildWorkspace, readFolder, type TestWorkspace } from '../support/workspace.js';

/*
 * A global name is looked up in the index as it is at that moment (KpiScopeProvider.getGlobalScope),
 * not in a scope of all names that Langium rebuilds after every edit. The answers must be
 * Langium's: the first description of the name in the order of `allElements`, where an edited
 * or new document goes last.
 */

/** Every reference type the workspace's references ask for. */
function referenceTypes(ws: TestWorkspace): Set<string> {
    const reflection = ws.services.shared.AstReflection;
    const types = new Set<string>();
    for (const document of ws.documents.values()) {
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            AstUtils.streamReferences(node).forEach(info => types.add(reflection.getReferenceType(info)));
        }
    }
    return types;
}

function expectLangiumsAnswers(ws: TestWorkspace): number {
    const index = ws.services.shared.workspace.IndexManager;
    const provider = ws.services.references.ScopeProvider as unknown as { getGlobalScope(type: string): Scope };
    const names = [...new Set(index.allElements().map(d => d.name)), '没有这个名字'];
    let compared = 0;
    for (const type of referenceTypes(ws)) {
        const ours = provider.getGlobalScope(type);
        const langiums = new MultiMapScope(index.allElements(type));
        for (const name of names) {
            expect(ours.getElement(name), `${type} ${name}`).toBe(langiums.getElement(name));
            expect(ours.getElements(name).toArray()).toEqual(langiums.getElements(name).toArray());
            compared++;
        }
        expect(ours.getAllElements().toArray()).toEqual(langiums.getAllElements().toArray());
    }
    return compared;
}

const DUPLICATE = (title: string) => `标准 通用标准 "${title}" {\n    要求 服务人次 "服务人次" >= 900 人次\n}\n`;

describe('global names', () => {
    it("resolve as Langium's scope of all names does, duplicates first-come, through edits, additions and removals", async () => {
        const ws = await buildWorkspace({
            ...readFolder(join(EXAMPLES, 'hotline-12345')),
            'std/a.kpi': DUPLICATE('甲'),
            'std/b.kpi': DUPLICATE('乙'),
        });
        expect(expectLangiumsAnswers(ws)).toBeGreaterThan(50);
        const first = () => ws.services.shared.workspace.IndexManager.allElements('Standard').filter(d => d.name === '通用标准').head()!;

        expect(first().documentUri.path).toBe('/ws/std/a.kpi');
        // An edit indexes std/a.kpi again, after the others: std/b.kpi's standard now comes first.
        await ws.edit('std/a.kpi', DUPLICATE('甲（改）'));
        expectLangiumsAnswers(ws);
        expect(first().documentUri.path).toBe('/ws/std/b.kpi');

        // Removed and added again, it goes last as well.
        await ws.remove('std/a.kpi');
        expectLangiumsAnswers(ws);
        expect(first().documentUri.path).toBe('/ws/std/b.kpi');
        await ws.edit('std/a.kpi', DUPLICATE('甲（又来）'));
        expectLangiumsAnswers(ws);
        expect(first().documentUri.path).toBe('/ws/std/b.kpi');

        // Indexed again without being removed first (no edit does that; the index allows it), std/b.kpi keeps its place.
        await ws.services.shared.workspace.IndexManager.updateContent(ws.documents.get('std/b.kpi')!);
        expectLangiumsAnswers(ws);
        expect(first().documentUri.path).toBe('/ws/std/b.kpi');

        // A name that stops being defined is no longer found.
        await ws.edit('std/b.kpi', '标准 另一标准 "丙" {\n}\n');
        expectLangiumsAnswers(ws);
        expect(first().documentUri.path).toBe('/ws/std/a.kpi');
    });
});
