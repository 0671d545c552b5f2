import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileUri, startServer } from '../../bench/lib/lsp-client.mjs';
import { tempDir } from '../cli/run-cli.js';

/*
 * The server's own view of the workspace: files appearing later follow the same `ignore` globs
 * as the first search, and a hostile kpispec.json is reported on itself while every file is
 * still checked with the defaults. Needs the built server.
 */
const NO_PENALTY = '合同 甲 "c" {\n    条款 接通率 "15秒接通率" >= 95%\n}\n';

function write(folder: string, file: string, text: string): void {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), text);
}

describe('the language server', () => {
    it('leaves out a file created in an ignored folder, and takes one created elsewhere', async () => {
        const folder = tempDir();
        write(folder, 'kpispec.json', JSON.stringify({ ignore: ['drafts/**'] }));
        write(folder, 'a.kpi', NO_PENALTY);
        write(folder, 'drafts/old.kpi', '这不是合法的内容');
        const client = await startServer(folder);
        try {
            await client.until(() => client.validations.length > 0, 60_000);
            expect(client.validations[0]).toEqual([fileUri(join(folder, 'a.kpi'))]);
            write(folder, 'drafts/new.kpi', '也不是');
            write(folder, 'b.kpi', NO_PENALTY.replace('甲', '乙'));
            const created = ['drafts/new.kpi', 'b.kpi'].map(f => ({ uri: fileUri(join(folder, f)), type: 1 }));
            client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: created });
            await client.until(() => client.validations.some(v => v.includes(created[1]!.uri)), 60_000);
            expect(client.published.map(p => p.uri)).not.toContain(created[0]!.uri);
            expect(client.validations.flat()).not.toContain(created[0]!.uri);
        } finally {
            await client.stop();
        }
    }, 120_000);

    it('checks every readable file when one cannot be read or is a link to nothing, with one finding on each of those (workbooks too)', async () => {
        const folder = tempDir();
        write(folder, 'a.kpi', NO_PENALTY);
        write(folder, 'locked.kpi', NO_PENALTY.replace('甲', '乙'));
        chmodSync(join(folder, 'locked.kpi'), 0o000);
        symlinkSync('gone.kpi', join(folder, 'link.kpi'));
        write(folder, 'sealed.xlsx', 'never read');
        chmodSync(join(folder, 'sealed.xlsx'), 0o000);
        // Root reads any file (CI runs as root), so then the server runs as `nobody`.
        const asRoot = process.getuid?.() === 0;
        if (asRoot) chmodSync(folder, 0o755);
        const client = await startServer(folder, asRoot ? { uid: 65534 } : {});
        try {
            await client.until(() => client.validations.length > 0, 60_000);
            const latest = (file: string) => client.published.filter(p => p.uri === fileUri(join(folder, file))).at(-1)?.diagnostics;
            expect(latest('a.kpi')!.map(d => d.code)).toEqual(['contract/no-penalty']);
            expect(latest('locked.kpi')!.map(d => [d.code, d.message])).toEqual([['syntax/lexing', '无法读取 locked.kpi：EACCES（没有读取权限）']]);
            expect(latest('link.kpi')!.map(d => [d.code, d.message])).toEqual([['syntax/lexing', '无法读取 link.kpi：ENOENT（文件不存在，链接指向的文件已不在？）']]);
            await client.until(() => latest('sealed.xlsx'), 60_000);
            expect(latest('sealed.xlsx')!.map(d => d.message)).toEqual(['无法读取 sealed.xlsx：EACCES（没有读取权限）']);
            // In the client's log once per file, however often the file is read.
            const logged = (line: string) => client.logs.filter(l => l.message === line).length;
            const locked = `Cannot read ${join(folder, 'locked.kpi')}: EACCES (permission denied)`;
            expect(logged(locked)).toBe(1);
            expect(logged(`Cannot read ${join(folder, 'link.kpi')}: ENOENT (no such file: a link to a file that is gone?)`)).toBe(1);
            // Read again (the editor says it changed), it is still one line.
            for (let i = 0; i < 3; i++) {
                const before = client.validations.length;
                client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(folder, 'locked.kpi')), type: 2 }, { uri: fileUri(join(folder, 'link.kpi')), type: 2 }] });
                await client.until(() => client.validations.length > before, 60_000);
            }
            expect(logged(locked)).toBe(1);

            // A link made later to a file elsewhere is followed like one found at the start.
            const elsewhere = tempDir();
            if (asRoot) chmodSync(elsewhere, 0o755);
            write(elsewhere, 'b.kpi', NO_PENALTY.replace('甲', '丙'));
            symlinkSync(join(elsewhere, 'b.kpi'), join(folder, 'later.kpi'));
            client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(folder, 'later.kpi')), type: 1 }] });
            await client.until(() => client.validations.some(v => v.includes(fileUri(join(folder, 'later.kpi')))), 60_000);
            expect(latest('later.kpi')!.map(d => d.code)).toEqual(['contract/no-penalty']);
            // And one made later to nothing gets the finding one found at the start gets.
            symlinkSync('nowhere.kpi', join(folder, 'dangling.kpi'));
            client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(folder, 'dangling.kpi')), type: 1 }] });
            await client.until(() => latest('dangling.kpi'), 60_000);
            expect(latest('dangling.kpi')!.map(d => [d.code, d.message])).toEqual([['syntax/lexing', '无法读取 dangling.kpi：ENOENT（文件不存在，链接指向的文件已不在？）']]);
        } finally {
            await client.stop();
        }
    }, 120_000);

    it('reports "extends": "/dev/zero" on kpispec.json and checks the files with the defaults', async () => {
        const folder = tempDir();
        write(folder, 'kpispec.json', JSON.stringify({ extends: '/dev/zero', rules: { 'contract/no-penalty': 'off' } }));
        write(folder, 'a.kpi', NO_PENALTY);
        const client = await startServer(folder, { locale: 'en' });
        try {
            await client.until(() => client.validations.length > 0, 60_000);
            const latest = (file: string) => client.published.filter(p => p.uri === fileUri(join(folder, file))).at(-1)?.diagnostics;
            const config = latest('kpispec.json')!;
            expect(config).toHaveLength(1);
            expect(config[0]!.message).toMatch(/^"extends": \/dev\/zero is outside /);
            // The broken file's "off" does not apply: the defaults do.
            expect(latest('a.kpi')!.map(d => d.code)).toContain('contract/no-penalty');
        } finally {
            await client.stop();
        }
    }, 120_000);
});
