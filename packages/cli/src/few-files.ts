import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LINT_OPTIONS } from './commands/lint-options.js';

/**
 * The most files a command line may name for `kpispec` to run without its restart. The restart
 * (node-args.ts) costs about 0.08 s and makes validating about a tenth faster, so it pays off
 * only past some 0.8 s of validation: about a thousand files. A hundred is far below that.
 */
export const FEW_FILES = 100;

/**
 * Whether a command line (without node and the script) is `kpispec lint` of a few files named
 * one by one, as an editor's save hook or lint-staged runs it: 0.33 s instead of 0.42 s without
 * the restart. A folder or a glob may stand for thousands of files and restarts. Read before
 * anything loads, so leniently: the command itself reports what is wrong with its options.
 */
export function lintsFewFiles(argv: readonly string[], cwd: string): boolean {
    const [command, ...rest] = argv;
    if (command !== 'lint') return false;
    let positionals: string[];
    try {
        ({ positionals } = parseArgs({ args: [...rest], options: LINT_OPTIONS, allowPositionals: true, strict: false }));
    } catch {
        return false;
    }
    return positionals.length > 0 && positionals.length <= FEW_FILES
        && positionals.every(path => statSync(resolve(cwd, path), { throwIfNoEntry: false })?.isFile() ?? false);
}
