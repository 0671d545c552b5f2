import { relative } from 'node:path';
import { isAssessment, type Model } from '@kpispec/language';
import { ExitCode, UserError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { parseCommandArgs, reportLocale } from '../options.js';
import { formatScoreCsv } from '../score/csv.js';
import { checkProfile, scoreSheet, type ScoreSheet } from '../score/sheet.js';
import { formatScoreTable } from '../score/table.js';
import { addDocuments } from '../workspace.js';
import { setUpCommand } from '../command-setup.js';

export const SCORE_HELP = `Usage: kpispec score [options] [files or folders...]

Recomputes every self-assessment (自评) in the files by the scoring profile: for each row
the target, actual, weight, claimed score, the score the rule gives, the difference and
why; the budget execution; level-1 sums; the total; the grade claimed and computed.
The files are read as one workspace, so an assessment finds its project in another file.

Options:
  -f, --format <name>    table (default), json or csv (UTF-8 with BOM, for Excel)
  -p, --profile <name>   scoring profile (default: kpispec.json "profile", else national-2020)
      --locale <zh-CN|en> language of labels and reasons (default: kpispec.json, then
                          the files' keywords; LANG only for files without keywords)
  -c, --config <file>    use this configuration file instead of finding kpispec.json
  -h, --help             show this help

Exit codes: 0 printed; 2 usage, configuration or file errors, or no assessment found.
`;

const FORMATS = ['table', 'json', 'csv'];

export async function score(argv: string[], io: Io): Promise<number> {
    const { values, positionals } = parseCommandArgs('score', argv, {
        format: { type: 'string', short: 'f', default: 'table' },
        profile: { type: 'string', short: 'p' },
        locale: { type: 'string' },
        config: { type: 'string', short: 'c' },
        help: { type: 'boolean', short: 'h' },
    });
    if (values.help) {
        io.stdout(SCORE_HELP);
        return ExitCode.Clean;
    }
    if (!FORMATS.includes(values.format)) throw new UserError(`unknown format '${values.format}' (use ${FORMATS.join(', ')})`);
    const { services: { shared, kpi }, configuration, files } = await setUpCommand({
        paths: positionals, cwd: io.cwd, env: io.env, configFile: values.config, locale: values.locale,
    });
    // As the editor's scoring-profile setting does: the named profile wins over every kpispec.json.
    if (values.profile !== undefined) configuration.overrides = { profile: values.profile };

    const documents = addDocuments({ shared }, files);
    // Linking is enough: scores need the assessed project, not the diagnostics.
    await shared.workspace.DocumentBuilder.build(documents, { validation: false });
    const locale = reportLocale(kpi.kpi.Settings, documents);
    const sheets: ScoreSheet[] = [];
    for (const document of documents) {
        checkProfile(configuration.get(document.uri));
        const file = relative(io.cwd, document.uri.fsPath) || document.uri.fsPath;
        for (const block of (document.parseResult.value as Model).blocks ?? []) {
            if (isAssessment(block)) sheets.push(scoreSheet(block, kpi.kpi.Scores.of(block), file, locale));
        }
    }
    if (sheets.length === 0) throw new UserError('no self-assessment (自评 / assessment) found');
    io.stdout(values.format === 'json' ? JSON.stringify(sheets, null, 2) + '\n'
        : values.format === 'csv' ? formatScoreCsv(sheets)
            : formatScoreTable(sheets, locale));
    return ExitCode.Clean;
}
