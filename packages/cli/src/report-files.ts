import { statSync } from 'node:fs';
import { appendFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from './exit-codes.js';

/**
 * The job summary file is GitHub's: appended to, never created where its folder is missing (a
 * wrong variable must not make folders); then the report stands and a line says so.
 */
export async function appendSummary(file: string, summary: string, warn: (line: string) => void): Promise<void> {
    if (!(await stat(dirname(file)).catch(() => undefined))?.isDirectory()) {
        warn(`kpispec: job summary not written: the folder of GITHUB_STEP_SUMMARY (${file}) does not exist\n`);
        return;
    }
    try {
        await appendFile(file, summary);
    } catch (e) {
        throw new UserError(`cannot write the job summary ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
}

/**
 * A report written over a file being checked would destroy it: the output is refused when it is
 * one of the inputs, by its name, a link or another name of the same file. Nothing there yet is
 * no input; otherwise one stat per input (a realpath of each of 4,006 inputs took 30–65 ms).
 */
export async function refuseInputAsOutput(output: string, inputs: readonly string[]): Promise<void> {
    const target = await stat(output).catch(() => undefined);
    if (!target?.isFile()) return;
    const same = (file: string) => {
        const s = statSync(file, { throwIfNoEntry: false });
        return s !== undefined && s.ino === target.ino && s.dev === target.dev;
    };
    if (inputs.some(same)) throw new UserError(`--output-file ${output} is one of the files being checked; choose another file`);
}
