/**
 * A stand-in for the VS Code executable that @vscode/test-electron's `runTests` starts
 * (`vscodeExecutablePath`), for machines where desktop VS Code cannot be downloaded. It takes the
 * same command line, starts code-server (the real VS Code workbench and extension host) with the
 * smoke-test driver enabled, opens the workbench in headless Chromium with the extension tests as
 * its payload, and exits with the code the extension host reports when the tests end.
 *
 * The extension host's output reaches neither code-server's log nor the browser, so the Mocha
 * reporter writes results to the file named by KPISPEC_TEST_RESULTS, which this launcher streams.
 */
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { launchChromium } from '../support/chromium.js';
import { repoRoot, startCodeServer } from '../support/code-server.js';

interface LaunchArgs {
    extensionDevelopmentPaths: string[];
    extensionTestsPath?: string;
    extensionsDir?: string;
    locale?: string;
    /** The folder or .code-workspace file to open. */
    target?: string;
}

const VALUE_FLAGS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'extensions-dir', 'user-data-dir', 'locale']);

/** Reads the VS Code command line (`--flag=value`, `--flag value`, a path) that test-electron passes. */
function parseArgs(argv: string[]): LaunchArgs {
    const parsed: LaunchArgs = { extensionDevelopmentPaths: [] };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const flag = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
        if (!flag) {
            parsed.target = resolve(arg);
            continue;
        }
        const [, name, inline] = flag;
        // Sandbox, GPU, update and welcome flags mean nothing to code-server.
        if (!VALUE_FLAGS.has(name)) continue;
        const value = inline ?? argv[++i];
        switch (name) {
            case 'extensionDevelopmentPath': parsed.extensionDevelopmentPaths.push(resolve(value)); break;
            case 'extensionTestsPath': parsed.extensionTestsPath = resolve(value); break;
            case 'extensions-dir': parsed.extensionsDir = resolve(value); break;
            case 'locale': parsed.locale = value; break;
            // user-data-dir: a fresh one per run instead, so no editors or backups survive from earlier runs.
        }
    }
    return parsed;
}

/** Prints what the test reporter appends to its results file, as it appears. */
function streamResults(file: string | undefined): { stop(): void } {
    if (!file) return { stop() {} };
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');
    let offset = 0;
    const flush = (): void => {
        if (!existsSync(file)) return;
        const size = statSync(file).size;
        if (size <= offset) return;
        const fd = openSync(file, 'r');
        const buffer = Buffer.alloc(size - offset);
        readSync(fd, buffer, 0, buffer.length, offset);
        closeSync(fd);
        offset = size;
        process.stdout.write(buffer);
    };
    const timer = setInterval(flush, 300);
    return { stop: () => { clearInterval(timer); flush(); } };
}

async function main(): Promise<number> {
    const args = parseArgs(process.argv.slice(2));
    if (!args.extensionTestsPath) {
        console.error('code-server launcher: only test runs are supported (no --extensionTestsPath given)');
        return 2;
    }
    const root = repoRoot();
    const logDir = join(root, 'test-results', 'editor', 'test-electron');
    mkdirSync(logDir, { recursive: true });
    const runDir = mkdtempSync(join(tmpdir(), 'kpispec-test-electron-'));
    const results = streamResults(process.env.KPISPEC_TEST_RESULTS);
    const timeoutMs = Number(process.env.KPISPEC_TEST_TIMEOUT_MS ?? 10 * 60_000);

    const server = await startCodeServer({
        runDir,
        extensionsDir: args.extensionsDir ?? join(runDir, 'extensions'),
        locale: args.locale,
        vscodeOptions: ['enable-smoke-test-driver'],
        logFile: join(logDir, 'code-server.log'),
    });
    const browserLog: string[] = [];
    let context: BrowserContext | undefined;
    let code: number;
    try {
        context = await launchChromium(join(runDir, 'chromium'));
        const page = context.pages()[0] ?? (await context.newPage());
        page.on('console', message => browserLog.push(`[${message.type()}] ${message.text()}`));
        page.on('pageerror', error => browserLog.push(`[pageerror] ${error.message}`));
        // The workbench calls this when the extension tests end (VS Code's own browser integration tests use it too).
        let exit!: (code: number) => void;
        const exitCode = new Promise<number>(resolveExit => (exit = resolveExit));
        await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));

        const remote = (path: string): string => `vscode-remote://${server.authority}${path}`;
        const payload = [
            ...args.extensionDevelopmentPaths.map(p => ['extensionDevelopmentPath', remote(p)]),
            ['extensionTestsPath', remote(args.extensionTestsPath)],
        ];
        const query = new URLSearchParams({ payload: JSON.stringify(payload) });
        if (args.target) query.set(extname(args.target) === '.code-workspace' ? 'workspace' : 'folder', args.target);
        await page.goto(`${server.url}/?${query.toString()}`);

        const timeout = new Promise<number>(resolveTimeout => setTimeout(() => {
            console.error(`code-server launcher: the tests did not finish within ${timeoutMs / 1000} s`);
            resolveTimeout(1);
        }, timeoutMs).unref());
        code = await Promise.race([exitCode, timeout]);
        if (code !== 0) await page.screenshot({ path: join(logDir, 'failure.png') }).catch(() => undefined);
    } finally {
        results.stop();
        writeFileSync(join(logDir, 'browser.log'), browserLog.join('\n') + '\n');
        await context?.close().catch(() => undefined);
        await server.stop();
        rmSync(runDir, { recursive: true, force: true });
    }
    if (code !== 0) console.error(`code-server launcher: exit code ${code}; screenshot and logs in ${logDir}`);
    return code;
}

main().then(
    code => process.exit(code),
    error => {
        console.error('code-server launcher:', error instanceof Error ? error.stack ?? error.message : error);
        process.exit(1);
    },
);
