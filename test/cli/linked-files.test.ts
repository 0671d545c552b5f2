import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR, runCli, tempDir, writeFileIn } from './run-cli.js';

/**
 * Links in the folders a command searches: a project folder that takes its standards by a link
 * to a shared file (`standards.kpi -> ../common/standards.kpi`), folders linked in, links back up.
 */
const dir = tempDir();
const HOTLINE = join(import.meta.dirname, '..', 'fixtures', 'reference', 'hotline-12345');
const link = (target: string, path: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    symlinkSync(target, join(dir, path));
};

interface Result { filePath: string; messages: Array<{ ruleId: string; line: number; column: number }> }

async function lintJson(...paths: string[]): Promise<Result[]> {
    const run = await runCli(['lint', ...paths, '-f', 'json', '--locale', 'en'], { cwd: dir });
    expect(run.stderr).toBe('');
    return (JSON.parse(run.stdout) as Result[]).map(r => ({ ...r, filePath: r.filePath.slice(dir.length + 1) }));
}

/** Each file's findings by name, rule and place: the same for a folder of links as for the files. */
const findings = (results: Result[]) => results.map(r => [r.filePath.split('/').pop(), r.messages.map(m => `${m.line}:${m.column} ${m.ruleId}`)]);

describe('linked .kpi files and folders', () => {
    cpSync(HOTLINE, join(dir, 'copy'), { recursive: true });
    cpSync(join(HOTLINE, 'standards.kpi'), join(dir, 'shared/common/standards.kpi'));
    for (const file of ['targets.kpi', 'contract.kpi', 'compliance.kpi', 'assessment.kpi']) cpSync(join(HOTLINE, file), join(dir, 'shared/proj', file));
    link('../common/standards.kpi', 'shared/proj/standards.kpi');

    it('lint reads a project\'s standards through a link as from a copy', async () => {
        const linked = await lintJson('shared/proj');
        expect(linked.map(r => r.filePath)).toContain('shared/proj/standards.kpi');
        expect(findings(linked)).toEqual(findings(await lintJson('copy')));
        expect(linked.flatMap(r => r.messages).map(m => m.ruleId)).not.toContain('reference/unresolved');
    });

    it('lint, format and score find a folder\'s files when they are all links', async () => {
        link('../shared/common/standards.kpi', 'only-link/standards.kpi');
        expect((await lintJson('only-link')).map(r => r.filePath)).toEqual(['only-link/standards.kpi']);
        const format = await runCli(['format', '--check', 'only-link'], { cwd: dir });
        expect([format.code, format.stderr]).toEqual([0, '']);
        for (const file of ['targets.kpi', 'assessment.kpi']) link(`../copy/${file}`, `links/${file}`);
        const score = await runCli(['score', 'links', '-f', 'json'], { cwd: dir });
        expect(score.stderr).toBe('');
        expect((JSON.parse(score.stdout) as Array<{ file: string }>).map(s => s.file)).toEqual(['links/assessment.kpi']);
    });

    it('a file reached by two paths is read once, under the path without a link', async () => {
        const expected = findings(await lintJson('shared/common', 'shared/proj'));
        for (const paths of [['shared'], ['shared/proj', 'shared/common']]) {
            const results = await lintJson(...paths);
            expect(results.map(r => r.filePath)).toEqual([
                'shared/common/standards.kpi', 'shared/proj/assessment.kpi', 'shared/proj/compliance.kpi', 'shared/proj/contract.kpi', 'shared/proj/targets.kpi',
            ]);
            expect(findings(results)).toEqual(expected);
            expect(results.flatMap(r => r.messages).map(m => m.ruleId)).not.toContain('name/duplicate');
        }
    });

    it('a linked folder is searched, a link to a folder the search is in is not followed again', async () => {
        writeFileIn(dir, 'elsewhere/b.kpi', ERROR.replace('有误', '别处'));
        writeFileIn(dir, 'tree/a.kpi', ERROR);
        link('../elsewhere', 'tree/linked');
        link('..', 'tree/sub/up');
        link('.', 'tree/self');
        const results = await lintJson('tree');
        expect(results.map(r => r.filePath)).toEqual(['tree/a.kpi', 'tree/linked/b.kpi']);
        // Each file's one error (a clause named twice), and no name defined twice by a second read.
        expect(results.map(r => r.messages.map(m => m.ruleId))).toEqual([['name/duplicate'], ['name/duplicate']]);
    });
});
