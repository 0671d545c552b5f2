import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

/*
 * File names and the text of files reach the terminal, the CI log and the job summary. Raw, an
 * ESC or OSC sequence from a file clears the screen, retitles the window or hides lines, and
 * Markdown or HTML in a title renders in the job summary: both are shown as text.
 */
const dir = tempDir();
const CONTROLS = '\u001b[2J\u001b]0;pwned\u0007\u009b31m';
const MARKUP = '![x](https://tracker.example/p.png) <img src=x onerror=alert(1)> | **bold**';
// A project named by that string: the messages about it quote its name.
const TEXT = `项目 "${CONTROLS}${MARKUP}" {\n}\n`;
const FILE_NAME = `evil${CONTROLS}.kpi`;
mkdirSync(join(dir, 'ws'), { recursive: true });
writeFileSync(join(dir, 'ws', FILE_NAME), TEXT);

/** No C0 or C1 control character but line breaks (and the tab) in `text`. */
function expectNoControls(text: string): void {
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/[\n\t]/g, '')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
}

describe('output shows file text as text', () => {
    it('stylish escapes control characters of file names and messages', async () => {
        const run = await runCli(['lint', 'ws'], { cwd: dir });
        expect(run.code).toBe(1);
        expectNoControls(run.stdout);
        expect(run.stdout).toContain('evil\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m.kpi');
        expect(run.stdout).toContain('\\x1b[2J\\x1b]0;pwned\\x07');
    });

    it('github annotations and the job summary escape control characters; the summary escapes Markdown and HTML', async () => {
        const summary = join(dir, 'summary.md');
        const run = await runCli(['lint', 'ws', '-f', 'github'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
        expect(run.code).toBe(1);
        expectNoControls(run.stdout);
        expect(run.stdout).toContain('file=ws/evil\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m.kpi,');

        const table = readFileSync(summary, 'utf8');
        expectNoControls(table);
        // Markdown and HTML from the file are escaped: no image, no tag, no extra table cell.
        expect(table).not.toMatch(/(^|[^\\])!\[/m);
        expect(table).not.toMatch(/(^|[^\\])<img/m);
        expect(table).toContain('\\!\\[x\\](https\\://tracker.example/p.png) \\<img src=x onerror=alert(1)\\> \\| \\*\\*bold\\*\\*');
        for (const row of table.split('\n').filter(l => l.startsWith('| ws/'))) {
            expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
        }
    });
});
