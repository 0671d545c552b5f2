import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ExitCode, UserError } from '../exit-codes.js';
import { starterFiles } from '../init/templates.js';
import type { Io } from '../io.js';
import { parseCommandArgs, unknownKeywordLanguage } from '../options.js';
import { makeFolder, writeErrorMessage } from '../write-file.js';

export const INIT_HELP = `Usage: kpispec init [options] [folder]

Writes a commented starter workspace into the folder (default: the current one):
targets.kpi (a project's targets), contract.kpi (the contract they track),
assessment.kpi (its self-assessment) and kpispec.json. Existing files are never
overwritten: if any of them exists, nothing is written.

Options:
      --lang <zh|en>   keywords and comments in Chinese (default) or English
  -h, --help           show this help
`;

export async function init(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs('init', argv, {
        lang: { type: 'string', default: 'zh' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout(INIT_HELP);
        return ExitCode.Clean;
    }
    const lang = values.lang === 'zh-CN' ? 'zh' : values.lang;
    if (lang !== 'zh' && lang !== 'en') throw new UserError(unknownKeywordLanguage(values.lang));
    if (positionals.length > 1) throw new UserError({ zh: 'init 只接受一个文件夹（见 kpispec init --help）', en: 'init takes one folder (see kpispec init --help)' });
    const folder = resolve(io.cwd, positionals[0] ?? '.');
    const files = starterFiles(lang);
    const existing = files.map(f => join(folder, f.name)).find(existsSync);
    if (existing) {
        const shown = relative(io.cwd, existing) || existing;
        throw new UserError({ zh: `${shown} 已存在；没有写入任何文件`, en: `${shown} already exists; nothing was written` });
    }
    let file = folder;
    try {
        await makeFolder(folder);
        for (const f of files) await writeFile(file = join(folder, f.name), f.text, { flag: 'wx' });
    } catch (e) {
        throw new UserError(writeErrorMessage(file, e));
    }
    for (const f of files) io.stdout(`created ${relative(io.cwd, join(folder, f.name))}\n`);
    io.stdout(`next: kpispec lint ${relative(io.cwd, folder) || '.'}\n`);
    return ExitCode.Clean;
}
