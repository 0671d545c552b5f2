import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, closeSync, constants, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLEAN, ERROR, expectFatal, NODE, REPO, type Run, runCli, tempDir, writeFileIn } from './run-cli.js';

/*
 * Where outputs go (CLI audit): `-o` onto a device, a named pipe or /dev/stdout replaced it with
 * a regular file (as root, the real /dev/full), or failed to make its temporary file in /dev;
 * `import -o /proc/x` and `init /proc/x` spun at 100% CPU in Node's recursive mkdir.
 *
 * No test here writes to a real device or to /dev/stdout as root: with the old code that would
 * replace it. Devices are made with mknod in a temporary folder (root only), /dev/stdout is
 * written by a child running as `nobody` when the tests run as root, and descriptors are named
 * as /dev/fd/N of files and pipes in a temporary folder.
 */
const dir = tempDir();
const write = (file: string, text: string | Uint8Array) => writeFileIn(dir, file, text);
chmodSync(dir, 0o755);

write('clean/a.kpi', CLEAN);
write('error/a.kpi', ERROR);

/**
 * A reader of the named pipe, started before the write. Once the writer is done, `text` ends the
 * read without a clock: the reader gets its end of file from a writer that opens and closes the
 * pipe (after everything written), or, where the pipe was replaced (the fault tested), is stopped.
 */
function readPipe(pipe: string): { text: () => Promise<string> } {
    const cat = spawn('cat', [pipe], { stdio: ['ignore', 'pipe', 'ignore'] });
    let read = '';
    cat.stdout.on('data', chunk => void (read += chunk));
    const closed = new Promise<string>(resolve => cat.on('close', () => resolve(read)));
    return {
        text: () => {
            if (cat.exitCode === null && lstatSync(pipe).isFIFO()) {
                try {
                    closeSync(openSync(pipe, constants.O_WRONLY | constants.O_NONBLOCK));
                } catch {
                    // ENXIO: the reader has closed the pipe already.
                }
            } else if (cat.exitCode === null) {
                cat.kill('SIGKILL');
            }
            return closed;
        },
    };
}

/**
 * The CLI from its TypeScript sources in a child process (Node 24 strips the types; a resolve
 * hook finds `x.ts` for `./x.js`), so that a run that hangs is killed after `timeout` ms
 * rather than hanging the tests: `signal` says whether it was.
 */
function runSourceCli(args: string[], options: { cwd: string; timeout?: number; uid?: number }): Promise<Run & { signal: NodeJS.Signals | null }> {
    const resolveHook = `
        import { existsSync } from 'node:fs';
        import { fileURLToPath } from 'node:url';
        export async function resolve(specifier, context, next) {
            try {
                return await next(specifier, context);
            } catch (e) {
                if (specifier.endsWith('.js') && context.parentURL?.startsWith('file:')) {
                    const ts = new URL(specifier.replace(/\\.js$/, '.ts'), context.parentURL);
                    if (existsSync(fileURLToPath(ts))) return next(ts.href, context);
                }
                throw e;
            }
        }`;
    const register = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(resolveHook)}`)});`;
    const main = `const { main } = await import(${JSON.stringify(new URL(`file://${join(REPO, 'packages', 'cli', 'src', 'main.ts')}`).href)}); process.exitCode = await main(process.argv.slice(1));`;
    return new Promise(resolve => {
        execFile(NODE, ['--experimental-transform-types', '--no-warnings', '--import', `data:text/javascript,${encodeURIComponent(register)}`, '--input-type=module', '-e', main, ...args], {
            cwd: options.cwd,
            env: { PATH: process.env['PATH'], LANG: 'en_US.UTF-8' },
            timeout: options.timeout ?? 20_000,
            killSignal: 'SIGKILL',
            ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
        }, (error, stdout, stderr) => {
            const failed = error as (Error & { code?: number; signal?: NodeJS.Signals | null }) | null;
            resolve({ code: failed ? (typeof failed.code === 'number' ? failed.code : -1) : 0, signal: failed?.signal ?? null, stdout, stderr });
        });
    });
}

const HOTLINE = join(REPO, 'examples', 'hotline-12345');
const asRoot = process.getuid?.() === 0;
const linux = process.platform === 'linux';

describe('-o onto what is not a regular file writes into it', () => {
    it.skipIf(process.platform === 'win32')('a named pipe: its reader gets the report, and it stays a pipe', async () => {
        const pipe = join(dir, 'report.fifo');
        execFileSync('mkfifo', [pipe]);
        const read = readPipe(pipe);
        const run = await runCli(['lint', 'error', '-f', 'json', '-o', pipe], { cwd: dir });
        expect(run.code).toBe(1);
        expect(run.stderr).toBe('');
        const text = await read.text();
        expect(JSON.parse(text)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('name/duplicate');
        expect(lstatSync(pipe).isFIFO()).toBe(true);
        expect(readdirSync(dir).filter(f => f.endsWith('.tmp'))).toEqual([]);
    });

    it.skipIf(process.platform === 'win32')('export and import write into a named pipe too (the shared writer)', async () => {
        const pipe = join(dir, 'forms.xlsx');
        execFileSync('mkfifo', [pipe]);
        const read = readPipe(pipe);
        const exported = await runCli(['export', HOTLINE, '-o', 'forms.xlsx'], { cwd: dir });
        expect(exported.code).toBe(0);
        // The line that names what was written stays out of the pipe's stream: on stderr.
        expect(exported.stdout).toBe('');
        expect(exported.stderr).toBe('forms.xlsx: 热线二期申报表, 热线二期自评表\n');
        // A workbook is a zip: PK.
        expect((await read.text()).slice(0, 2)).toBe('PK');
        expect(lstatSync(pipe).isFIFO()).toBe(true);

        const workbook = join(REPO, 'test', 'fixtures', 'excel', 'layout-b', '一体化导出.xlsx');
        mkdirSync(join(dir, 'imported'));
        const kpi = join(dir, 'imported', '一体化导出.kpi');
        execFileSync('mkfifo', [kpi]);
        const imported = readPipe(kpi);
        const run = await runCli(['import', workbook, '-o', 'imported', '--force'], { cwd: dir });
        expect(run.code).toBe(0);
        expect(await imported.text()).toMatch(/^\/\/|项目|自评/m);
        expect(lstatSync(kpi).isFIFO()).toBe(true);
    });

    it.skipIf(!linux)('/dev/fd/N of a file open for appending: appended to, the same file (not replaced)', async () => {
        const file = write('appended.json', 'before\n');
        const inode = statSync(file).ino;
        const fd = openSync(file, 'a');
        try {
            const run = await runCli(['lint', 'clean', '-f', 'json', '-o', `/dev/fd/${fd}`], { cwd: dir });
            expect(run.stderr).toBe('');
            expect(run.code).toBe(0);
            writeSync(fd, 'after\n');
        } finally {
            closeSync(fd);
        }
        expect(statSync(file).ino).toBe(inode);
        const text = readFileSync(file, 'utf8');
        expect(text.startsWith('before\n[')).toBe(true);
        expect(text.endsWith(']\nafter\n')).toBe(true);
    });

    it.skipIf(!linux)('/dev/stdout into a pipe (`-o /dev/stdout | jq`), without root\'s rights', async () => {
        // As root the old code would replace /dev/stdout itself: run as nobody, who cannot.
        const run = await runSourceCli(['lint', 'error', '-f', 'json', '-o', '/dev/stdout'], { cwd: dir, ...(asRoot ? { uid: 65534 } : {}) });
        expect(run.stderr).toBe('');
        expect(run.code).toBe(1);
        expect(JSON.parse(run.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('name/duplicate');
    });

    it.skipIf(!linux)('export -o /dev/stdout > forms.xlsx: the workbook alone on stdout, the line that names it on stderr', async () => {
        const run = await runSourceCli(['export', HOTLINE, '-o', '/dev/stdout'], { cwd: dir, ...(asRoot ? { uid: 65534 } : {}) });
        expect(run.code).toBe(0);
        expect(run.stdout.slice(0, 2)).toBe('PK');
        expect(run.stdout).not.toContain('热线二期申报表');
        expect(run.stderr).toBe('/dev/stdout: 热线二期申报表, 热线二期自评表\n');
    });

    describe.skipIf(!linux || !asRoot)('character devices (made with mknod in a temporary folder: root only)', () => {
        const device = (name: string, minor: number) => {
            const path = join(dir, name);
            execFileSync('mknod', [path, 'c', '1', String(minor)]);
            return path;
        };

        it('a null device stays a device, also through a symbolic link', async () => {
            const fakeNull = device('fake-null', 3);
            const link = join(dir, 'null-link.json');
            symlinkSync(fakeNull, link);
            for (const target of [fakeNull, link]) {
                const run = await runCli(['lint', 'clean', '-f', 'json', '-o', target], { cwd: dir });
                expect(run.stderr).toBe('');
                expect(run.code).toBe(0);
            }
            expect(statSync(fakeNull).isCharacterDevice()).toBe(true);
            expect(lstatSync(link).isSymbolicLink()).toBe(true);
            expect(statSync(link).isCharacterDevice()).toBe(true);
        });

        it('a full device: ENOSPC in one line, exit 2, and it stays a device', async () => {
            const fakeFull = device('fake-full', 7);
            expectFatal(await runCli(['lint', 'clean', '-f', 'json', '-o', 'fake-full'], { cwd: dir }), /^kpispec: cannot write fake-full: ENOSPC\n$/);
            expect(statSync(fakeFull).isCharacterDevice()).toBe(true);
        });
    });

    it('a regular file is still replaced whole through a temporary file', async () => {
        write('regular/report.json', 'old');
        const run = await runCli(['lint', 'clean', '-f', 'json', '-o', 'regular/report.json'], { cwd: dir });
        expect(run.code).toBe(0);
        expect(JSON.parse(readFileSync(join(dir, 'regular', 'report.json'), 'utf8'))).toHaveLength(1);
        expect(readdirSync(join(dir, 'regular'))).toEqual(['report.json']);
    });
});

describe.skipIf(!linux || !existsSync('/proc/self'))('a folder that cannot be created ends the run instead of spinning', () => {
    // Node's `mkdir(…, { recursive: true })` retries for ever where mkdir fails with ENOENT under /proc.
    it.each([
        ['import', () => ['import', join(REPO, 'test', 'fixtures', 'excel', 'layout-b', '一体化导出.xlsx'), '-o', '/proc/kpispec-imp']],
        ['init', () => ['init', '/proc/kpispec-init']],
        ['lint -o', () => ['lint', 'clean', '-o', '/proc/kpispec-lint/report.txt']],
        ['export -o', () => ['export', HOTLINE, '-o', '/proc/kpispec-export/forms.xlsx']],
    ])('%s under /proc: one line, exit 2, by itself', async (_name, args) => {
        const run = await runSourceCli(args(), { cwd: dir, timeout: 30_000 });
        expect(run.signal).toBeNull();
        expectFatal(run, /^kpispec: cannot create folder \/proc\/kpispec-[a-z]+: ENOENT\n$/);
    }, 40_000);
});
