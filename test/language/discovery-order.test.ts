import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, describe, expect, it } from 'vitest';
import { createKpiServices, findKpiFilesIn } from '../../packages/language/src/index.js';

describe('finding the .kpi files of a folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'kpi-discovery-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('lists each folder in the order of localeCompare, subfolders in place', async () => {
        const names = ['b.kpi', 'A.kpi', 'a.kpi', '项目.kpi', '10.kpi', '9.kpi', 'é.kpi', 'e.kpi', 'Z', 'y'];
        for (const name of names) {
            if (name.endsWith('.kpi')) writeFileSync(join(root, name), '');
            else {
                mkdirSync(join(root, name));
                writeFileSync(join(root, name, 'x.kpi'), '');
            }
        }
        const { kpi } = createKpiServices(EmptyFileSystem);
        const found = await findKpiFilesIn(URI.file(root), {
            configuration: kpi.kpi.Configuration, fileSystem: NodeFileSystem.fileSystemProvider(), onUnreadableFolder: () => undefined,
        });
        const expected = [...names].sort((x, y) => x.localeCompare(y)).map(name => (name.endsWith('.kpi') ? name : `${name}/x.kpi`));
        expect(found.map(uri => uri.fsPath.slice(root.length + 1))).toEqual(expected);
    });
});
