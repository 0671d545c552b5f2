import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { afterAll, describe, expect, it } from 'vitest';
import { CliFileSystemProvider } from '../../packages/cli/src/file-system.js';

/* The CLI lists folders in its own thread; what it answers is what Langium's provider answers. */
describe("the CLI's file system", () => {
    const root = mkdtempSync(join(tmpdir(), 'kpi-fs-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'p0001'));
    writeFileSync(join(root, 'p0001', 'targets.kpi'), '');
    writeFileSync(join(root, 'kpispec.json'), '{}');
    const cli = new CliFileSystemProvider();
    const langium = new NodeFileSystemProvider();
    const shape = (nodes: Array<{ uri: URI; isFile: boolean; isDirectory: boolean }>) =>
        nodes.map(n => ({ uri: n.uri.toString(), isFile: n.isFile, isDirectory: n.isDirectory })).sort((a, b) => a.uri.localeCompare(b.uri));

    it('lists a folder and takes stats as Langium does', async () => {
        const folder = URI.file(root);
        expect(shape(await cli.readDirectory(folder))).toEqual(shape(await langium.readDirectory(folder)));
        const file = URI.file(join(root, 'p0001', 'targets.kpi'));
        expect(shape([await cli.stat(file)])).toEqual(shape([await langium.stat(file)]));
    });

    it('answers a folder it cannot list with a rejected promise, not an exception where it is called', async () => {
        const missing = URI.file(join(root, 'missing'));
        let answer: Promise<unknown> | undefined;
        expect(() => { answer = cli.readDirectory(missing); }).not.toThrow();
        await expect(answer).rejects.toMatchObject({ code: 'ENOENT' });
        await expect(cli.stat(missing)).rejects.toMatchObject({ code: 'ENOENT' });
    });
});
