import { statSync } from 'node:fs';
import { appendFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pick, type Locale } from '@kpispec/language/core';
import { UserError } from './exit-codes.js';

/**
 * The job summary file is GitHub's: appended to, never created where its folder is missing (a
 * wrong variable must not make folders); then the report stands and a line says so, in `locale`.
 */
export async function appendSummary(file: string, summary: string, warn: (line: string) => void, locale: Locale): Promise<void> {
    if (!(await stat(dirname(file)).catch(() => undefined))?.isDirectory()) {
        warn(`kpispec: ${pick(locale, {
            zh: `未写入作业摘要：GITHUB_STEP_SUMMARY 所在的文件夹（${file}）不存在`,
            en: `job summary not written: the folder of GITHUB_STEP_SUMMARY (${file}) does not exist`,
        })}\n`);
        return;
    }
    try {
        await appendFile(file, summary);
    } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
        throw new UserError({ zh: `无法写入作业摘要 ${file}：${code}`, en: `cannot write the job summary ${file}: ${code}` });
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
    if (inputs.some(same)) {
        throw new UserError({ zh: `--output-file ${output} 是正在检查的文件之一，请另选一个文件`, en: `--output-file ${output} is one of the files being checked; choose another file` });
    }
}
