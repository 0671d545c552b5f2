import { setFlagsFromString } from 'node:v8';

/**
 * V8 lets the young generation grow to 64 MB per semi-space on a machine with much memory: each
 * unit's or edit's garbage then fills it before a scavenge, which added 100–300 MB of resident
 * memory to `kpispec lint` and to the language server at no measurable speed-up (bench/RESULTS.md,
 * issue 17). Only the command line sets it: the VS Code extension starts its server with these
 * arguments, and the command-line entry points restart themselves with them.
 */
export const NODE_ARGS: readonly string[] = ['--max-semi-space-size=8'];

/**
 * Replaces this process (same id, streams and environment) by node with NODE_ARGS, before the
 * program loads anything, unless it already runs with them or the user chose their own. Where
 * a process cannot be replaced (Windows) it goes on as it is: only its memory differs.
 */
export function restartWithNodeArgs(): void {
    if (runsWithNodeArgs()) return;
    if (process.platform === 'win32' || typeof process.execve !== 'function') return;
    process.execve(process.execPath, [process.execPath, ...NODE_ARGS, ...process.execArgv, ...process.argv.slice(1)], process.env);
}

/**
 * For a run that validates little (`lint --cache` with its cache there), where the restart would
 * be a tenth of the run: the young generation is kept from growing past its first size (1 MB
 * semi-spaces), the one part of it this process can still set. A run that validates everything
 * this way takes about 10 % longer than after a restart, in the same memory (bench/RESULTS.md).
 */
export function keepYoungGenerationSmall(): void {
    if (!runsWithNodeArgs()) setFlagsFromString('--semi-space-growth-factor=1');
}

/** Whether this process runs with NODE_ARGS or the user's own choice of them. */
function runsWithNodeArgs(): boolean {
    const chosen = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)];
    return NODE_ARGS.every(arg => chosen.some(c => c.startsWith(arg.split('=')[0]!)));
}
