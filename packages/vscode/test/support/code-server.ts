import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './poll.js';

/** The repository root: the folder above the script that holds packages/vscode. */
export function repoRoot(): string {
    let dir = dirname(fileURLToPath(import.meta.url));
    while (!existsSync(join(dir, 'packages', 'vscode', 'package.json'))) {
        const parent = dirname(dir);
        if (parent === dir) throw new Error('cannot find the repository root above ' + fileURLToPath(import.meta.url));
        dir = parent;
    }
    return dir;
}

export interface CodeServerOptions {
    /** A folder of its own for this run: code-server's home, user data, caches and temp files. */
    runDir: string;
    extensionsDir: string;
    /** Display language (`--locale`), e.g. zh-cn. */
    locale?: string;
    /** Extra VS Code flags passed through (`--vscode-option`), e.g. enable-smoke-test-driver. */
    vscodeOptions?: string[];
    /** Where code-server's output goes (kept with the test results). */
    logFile: string;
}

export interface CodeServer {
    /** http://127.0.0.1:PORT */
    url: string;
    /** host:port, the authority of vscode-remote:// URIs. */
    authority: string;
    stop(): Promise<void>;
}

/** Settings that keep the workbench from showing anything the tests did not ask for. */
const QUIET_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'security.workspace.trust.enabled': false,
    'git.enabled': false,
};

/** Environment for code-server: Node 24 first in PATH, and every per-user folder inside the run folder. */
function environment(runDir: string): NodeJS.ProcessEnv {
    const root = repoRoot();
    const home = join(runDir, 'home');
    const tmp = join(runDir, 'tmp');
    for (const dir of [home, tmp]) mkdirSync(dir, { recursive: true });
    return {
        ...process.env,
        PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
        XDG_CONFIG_HOME: join(home, '.config'),
        XDG_DATA_HOME: join(home, '.local', 'share'),
        XDG_CACHE_HOME: join(home, '.cache'),
        XDG_STATE_HOME: join(home, '.local', 'state'),
        TMPDIR: tmp,
    };
}

export function codeServerBinary(): string {
    const bin = process.env.KPISPEC_CODE_SERVER ?? join(repoRoot(), '.tools', 'code-server', 'node_modules', '.bin', 'code-server');
    if (!existsSync(bin)) throw new Error(`code-server not found at ${bin}: run scripts/setup-editor-tools.sh`);
    return bin;
}

/** Runs a code-server command line to its end (e.g. --install-extension), throwing with its output on failure. */
export async function runCodeServerCli(runDir: string, args: string[]): Promise<string> {
    const child = spawn(codeServerBinary(), args, { env: environment(runDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', d => (output += d));
    child.stderr.on('data', d => (output += d));
    const code = await new Promise<number | null>(resolve => child.on('close', resolve));
    if (code !== 0) throw new Error(`code-server ${args.join(' ')} exited with ${code}:\n${output}`);
    return output;
}

async function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
        });
    });
}

function writeSettings(userDataDir: string): void {
    const file = join(userDataDir, 'User', 'settings.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(QUIET_SETTINGS, null, 2));
}

/** Starts code-server in its own process group and resolves once it answers HTTP. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
    // A throw-away user data folder: no editors, backups or state survive from earlier runs.
    const userDataDir = join(options.runDir, 'user-data');
    writeSettings(userDataDir);
    mkdirSync(options.extensionsDir, { recursive: true });
    const port = await freePort();
    const authority = `127.0.0.1:${port}`;
    const args = [
        '--auth', 'none', '--bind-addr', authority,
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
        '--user-data-dir', userDataDir, '--extensions-dir', options.extensionsDir,
        ...(options.locale ? ['--locale', options.locale] : []),
        ...(options.vscodeOptions ?? []).flatMap(o => ['--vscode-option', o]),
    ];
    const logFile = options.logFile;
    mkdirSync(dirname(logFile), { recursive: true });
    const log = createWriteStream(logFile);
    const child: ChildProcess = spawn(codeServerBinary(), args, {
        env: environment(options.runDir),
        detached: true, // its own process group, so stop() also ends the extension host and language server
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    let exited: number | null | undefined;
    child.on('exit', code => (exited = code));

    const url = `http://${authority}`;
    const stop = async (): Promise<void> => {
        if (exited === undefined && child.pid) {
            const gone = new Promise(resolve => child.once('exit', resolve));
            try {
                process.kill(-child.pid, 'SIGTERM');
            } catch {
                // already gone
            }
            const timer = setTimeout(() => {
                try {
                    process.kill(-child.pid!, 'SIGKILL');
                } catch {
                    // already gone
                }
            }, 5_000);
            await gone;
            clearTimeout(timer);
        }
        log.end();
    };
    try {
        await waitFor('code-server to answer', async () => {
            if (exited !== undefined) throw new Error(`code-server exited with ${exited}; see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
            try {
                return (await fetch(`${url}/healthz`)).ok ? true : undefined;
            } catch {
                return undefined;
            }
        }, { timeoutMs: 60_000 });
    } catch (error) {
        await stop();
        throw error;
    }
    return { url, authority, stop };
}
