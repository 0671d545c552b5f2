import { setFlagsFromString } from 'node:v8';

/**
 * V8 lets the young generation grow to 64 MB per semi-space on a machine with much memory: each
 * unit's or edit's garbage then fills it before a scavenge, which added 100–300 MB of resident
 * memory to `kpispec lint` and to the language server at no measurable speed-up (bench/RESULTS.md,
 * issue 17). 16 MB, as the server has: half the scavenges of 8 MB, each copying the same unit in
 * progress (10,000 projects 8–10 % faster, 1,000 projects within the noise, 10–50 MB more).
 * Only the command line sets it: the VS Code extension starts its server with these arguments,
 * and the command-line entry points restart themselves with them.
 *
 * Without allocation-site pretenuring: in about half of all runs V8 saw a file's tokens alive at
 * a scavenge (they are, until the file is parsed) and from then on allocated every token straight
 * into the old generation, 80 MB of garbage at 1,000 projects that made lexing twice as slow and
 * needed an extra full collection (bench/RESULTS.md, fifteenth round).
 */
export const NODE_ARGS: readonly string[] = ['--max-semi-space-size=16', '--no-allocation-site-pretenuring'];

/**
 * The language server's: it collects its heap itself when idle (server/idle-collection.ts).
 * Its young generation is emptied after every build, so 16 MB semi-spaces hold most of a
 * keystroke's garbage without a scavenge in the middle of it (at 8 MB, two or three).
 * V8's memory reducer, which collects once more about eight seconds after a full collection
 * when little is being allocated, would run in the middle of the next keystrokes. Without
 * pretenuring, as `kpispec`: the first build of 1,000 projects published all diagnostics after
 * 5.8 s instead of 7.4 s, with the same keystroke latencies and peak.
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=16', '--no-memory-reducer', '--no-allocation-site-pretenuring'];

/**
 * Replaces this process (same id, streams and environment) by node with `args`, before the
 * program loads anything, unless it already runs with them: each flag the user chose themselves
 * (`--max-semi-space-size=32`, `--allocation-site-pretenuring`) stays theirs. Where a process
 * cannot be replaced (Windows) it goes on as it is: only its memory and speed differ.
 */
export function restartWithNodeArgs(args: readonly string[] = NODE_ARGS): void {
    const missing = missingNodeArgs(args);
    if (missing.length === 0) return;
    if (process.platform === 'win32' || typeof process.execve !== 'function') return;
    process.execve(process.execPath, [process.execPath, ...missing, ...process.execArgv, ...process.argv.slice(1)], process.env);
}

/**
 * For a run that validates little (`lint --cache` with its cache there, `lint` of a few files
 * named one by one), where the restart would be a tenth to a third of the run: the young
 * generation is kept from growing past its first size (1 MB semi-spaces), the one part of it
 * this process can still set. A run that validates everything this way takes about 10 % longer
 * than after a restart, in the same memory (bench/RESULTS.md).
 */
export function keepYoungGenerationSmall(): void {
    if (missingNodeArgs(['--max-semi-space-size']).length > 0) setFlagsFromString('--semi-space-growth-factor=1');
}

/** The flags of `args` that neither this process runs with nor the user set otherwise. */
function missingNodeArgs(args: readonly string[]): string[] {
    const chosen = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)].filter(a => a.startsWith('--')).map(flagName);
    return args.filter(arg => !chosen.includes(flagName(arg)));
}

/** A V8 or node flag's name, whatever its value or `no-`: `--no-allocation-site-pretenuring` → `allocation-site-pretenuring`. */
function flagName(arg: string): string {
    return arg.slice(2).split('=')[0]!.replaceAll('_', '-').replace(/^no-/, '');
}
