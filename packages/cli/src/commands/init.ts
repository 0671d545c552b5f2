import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { ExitCode, UserError } from '../exit-codes.js';
import { starterFiles } from '../init/templates.js';
import type { Io } from '../io.js';
import { commandLineLocale, parseCommandArgs, unknownKeywordLanguage } from '../options.js';
import { pick, type Bilingual } from '@kpispec/language/core';
import { makeFolder, writeErrorMessage } from '../write-file.js';

export const INIT_HELP: Bilingual = {
    en: `Usage: kpispec init [options] [folder]

Writes a commented starter workspace into the folder (default: the current one):
targets.kpi (a project's targets), contract.kpi (the contract they track),
assessment.kpi (its self-assessment) and kpispec.json. Existing files are never
overwritten: if any of them exists, nothing is written.

Options:
      --lang <zh|en>   keywords and comments in Chinese (default) or English
  -h, --help           show this help
`,
    zh: `用法：kpispec init [选项] [文件夹]

在文件夹（默认：当前文件夹）中写出带注释的示例工作区：targets.kpi（项目的绩效目标）、
contract.kpi（目标所依据的合同）、assessment.kpi（项目的自评）和 kpispec.json。
从不覆盖已有文件：其中任何一个已存在时，什么也不写。

选项：
      --lang <zh|en>   关键字和注释用中文（默认）或英文
  -h, --help           显示本帮助
`,
};

export async function init(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs('init', argv, {
        lang: { type: 'string', default: 'zh' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout(pick(commandLineLocale(argv, io.env), INIT_HELP));
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
