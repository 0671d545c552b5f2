import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterAll, describe, expect, it } from 'vitest';
import { createKpiServices, findKpiFilesIn } from '../../packages/language/src/index.js';
import { Utf8FileSystemProvider } from '../../packages/language/src/server/utf8-file-system.js';

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

    it('follows links where the file system resolves them (the server\'s, as the CLI\'s), each file once; a link to nothing is passed over', async () => {
        const linked = join(root, 'linked');
        mkdirSync(join(linked, 'common'), { recursive: true });
        mkdirSync(join(linked, 'proj'));
        writeFileSync(join(linked, 'common', 'standards.kpi'), '');
        writeFileSync(join(linked, 'proj', 'targets.kpi'), '');
        symlinkSync('../common/standards.kpi', join(linked, 'proj', 'standards.kpi'));
        symlinkSync('../common', join(linked, 'proj', 'shared'));
        symlinkSync('..', join(linked, 'proj', 'up'));
        symlinkSync('gone.kpi', join(linked, 'proj', 'broken.kpi'));
        const { kpi } = createKpiServices(EmptyFileSystem);
        const found = (folder: string) => findKpiFilesIn(URI.file(join(linked, folder)), {
            configuration: kpi.kpi.Configuration, fileSystem: new Utf8FileSystemProvider(), onUnreadableFolder: () => undefined,
        }).then(uris => uris.map(uri => uri.fsPath.slice(linked.length + 1)));
        // The standards once, reached by two links: under the first path; proj/up is not searched again.
        expect(await found('proj')).toEqual(['proj/shared/standards.kpi', 'proj/targets.kpi']);
        // Reached by a link and without one: under the path without.
        expect(await found('.')).toEqual(['common/standards.kpi', 'proj/targets.kpi']);
    });
});
