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
    const chosen = [...process.execArgv, ...(process.env['NODE_OPTIONS'] ?? '').split(/\s+/)];
    if (NODE_ARGS.every(arg => chosen.some(c => c.startsWith(arg.split('=')[0]!)))) return;
    if (process.platform === 'win32' || typeof process.execve !== 'function') return;
    process.execve(process.execPath, [process.execPath, ...NODE_ARGS, ...process.execArgv, ...process.argv.slice(1)], process.env);
}
