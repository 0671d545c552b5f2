import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_EXTENDS_DEPTH } from '../../packages/language/src/config/config-file.js';
import { CLEAN, type Run, runCli, tempDir } from './run-cli.js';

/*
 * A kpispec.json is input like any other: one found in a downloaded folder may point `extends`
 * at a device, a pipe, a huge file or a secret. The CLI answers each with one line (exit 2),
 * promptly, and quotes nothing from a file it refused to read.
 */
const dir = tempDir();

/** A workspace folder under `dir` with one clean .kpi file and this kpispec.json. */
function workspace(name: string, config: unknown): string {
    const folder = join(dir, name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'a.kpi'), CLEAN);
    writeFileSync(join(folder, 'kpispec.json'), JSON.stringify(config));
    return folder;
}

const lint = (folder: string, ...args: string[]) => runCli(['lint', '.', ...args], { cwd: folder });

function expectOneLine(run: Run, text: RegExp): void {
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toMatch(text);
}

describe('a hostile kpispec.json', () => {
    it('"extends": "/dev/zero" or "/dev/urandom" is refused, not read', async () => {
        for (const device of ['/dev/zero', '/dev/urandom']) {
            expectOneLine(await lint(workspace('device', { extends: device })), new RegExp(`kpispec\\.json:1:12: "extends": ${device} is outside .*; only files inside the repository or workspace are read`));
        }
    });

    it('a link inside the workspace to a device is outside too', async () => {
        const folder = workspace('link', { extends: './zero.json' });
        symlinkSync('/dev/zero', join(folder, 'zero.json'));
        expectOneLine(await lint(folder), /"extends": \.\/zero\.json is outside/);
    });

    it('a named pipe and a file over 1 MB are not read', async () => {
        const folder = workspace('pipe', { extends: ['./pipe.json'] });
        execFileSync('mkfifo', [join(folder, 'pipe.json')]);
        expectOneLine(await lint(folder), /kpispec\.json:1:13: "extends": cannot read \.\/pipe\.json \(not a regular file\)$/m);
        expectOneLine(await lint(folder, '--config', 'pipe.json'), /pipe\.json:1:1: cannot read the file \(not a regular file\)$/m);

        const huge = workspace('huge', { extends: './huge.json' });
        writeFileSync(join(huge, 'huge.json'), `{ "ignore": [${'"x", '.repeat(300_000)}"y"] }`);
        expectOneLine(await lint(huge), /"extends": cannot read \.\/huge\.json \(larger than 1 MB\)$/m);
    });

    it('files outside the workspace are refused without quoting them', async () => {
        writeFileSync(join(dir, 'secret.json'), JSON.stringify({ profile: 'TOP-SECRET-VALUE', rules: { 'not-a-rule': 'x' } }));
        const outside = await lint(workspace('inner/ws', { extends: '../../secret.json' }));
        expectOneLine(outside, /"extends": \.\.\/\.\.\/secret\.json is outside /);
        expect(outside.stderr).not.toMatch(/TOP-SECRET|not-a-rule/);

        const passwd = await lint(workspace('passwd', { extends: '/etc/passwd' }));
        expectOneLine(passwd, /"extends": \/etc\/passwd is outside /);
        expect(passwd.stderr).not.toMatch(/root|unexpected/);
    });

    it('a file inside the workspace may still be extended from a subfolder', async () => {
        writeFileSync(join(dir, 'shared.json'), JSON.stringify({ rules: { 'contract/no-penalty': 'error' }, ignore: ['skip/**'] }));
        workspace('uses-shared', { extends: '../shared.json' });
        const run = await runCli(['lint', 'uses-shared'], { cwd: dir });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);
    });

    it('a diamond of extends thirty levels deep loads each file once, and deeper chains are refused', async () => {
        // Level i has two files, each extending both files of level i + 1: 2^30 paths, 60 files.
        const levels = MAX_EXTENDS_DEPTH - 2;
        const folder = workspace('diamond', { extends: ['./l1-a.json', './l1-b.json'] });
        for (let i = 1; i <= levels; i++) {
            for (const side of ['a', 'b']) {
                const next = i < levels ? { extends: [`./l${i + 1}-a.json`, `./l${i + 1}-b.json`] } : { rules: { 'contract/no-penalty': 'off' } };
                writeFileSync(join(folder, `l${i}-${side}.json`), JSON.stringify(next));
            }
        }
        const run = await lint(folder);
        expect(run.stderr).toBe('');
        expect(run.code).toBe(0);

        const deep = workspace('deep', { extends: './d1.json' });
        for (let i = 1; i <= MAX_EXTENDS_DEPTH + 5; i++) writeFileSync(join(deep, `d${i}.json`), JSON.stringify({ extends: `./d${i + 1}.json` }));
        expectOneLine(await lint(deep), new RegExp(`d${MAX_EXTENDS_DEPTH - 1}\\.json:1:12: "extends" goes more than ${MAX_EXTENDS_DEPTH} files deep`));
    }, 60_000);
});
