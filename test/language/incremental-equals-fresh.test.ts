import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-types';
import { generate } from '../../bench/generate.mjs';
import { buildWorkspace, messageOf, readFolder, type TestWorkspace } from '../support/workspace.js';

/*
 * After an edit, the editor re-validates only some files: those linking to the edited one, and
 * those reaching it through others as far as their checks read (validation/reach.ts), and
 * caches keep values computed from links (model/held-to.ts). Whatever the edit, every file must
 * then show what a fresh build of the same texts shows. The files are a generated province
 * (bench/generate.mjs: every rule fires somewhere); each kind of file is edited in ways that
 * change what the others find, in a row, then put back.
 */

/** Every number scaled: targets, clauses, requirements and actuals move past each other. */
const scaleNumbers = (text: string) => text.replace(/\d+(\.\d+)?/g, n => String(Math.round(Number(n) * 113) / 100));

/** Every third row inside a block dropped: indicators, clauses, requirements and reviews go missing. */
const dropRows = (text: string) => text.split('\n').filter((line, i) => i % 3 !== 1 || !/^\s{4,}\S/.test(line) || /[{}]/.test(line)).join('\n');

/** The first block renamed: links to it stop resolving, or start resolving to another file's block. */
const renameBlock = (text: string) => text.replace(/^((?:项目|合同|标准|自评|履约考核|project|contract|standard|assessment|compliance) )(\S+)/m, '$1$2改');

const EDITS = { scaleNumbers, dropRows, renameBlock };

/** A file's diagnostics as comparable text, in a fixed order. */
function findings(ws: TestWorkspace, file: string): string[] {
    return ws.diagnostics(file).map((d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${messageOf(d)}`).sort();
}

function expectSameFindings(edited: TestWorkspace, fresh: TestWorkspace, files: Record<string, string>, after: string): void {
    const differences = Object.keys(files)
        .filter(file => JSON.stringify(findings(edited, file)) !== JSON.stringify(findings(fresh, file)))
        .map(file => ({ file, edited: findings(edited, file), fresh: findings(fresh, file) }));
    expect(differences, after).toEqual([]);
}

let original: Record<string, string>;
const folder = mkdtempSync(join(tmpdir(), 'kpispec-incremental-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

beforeAll(() => {
    generate(6, folder);
    original = readFolder(folder);
});

describe('findings after an edit equal a fresh build of the same texts', () => {
    // One file of each kind; p0001 is an ordinary project, and standards/common.kpi is applied by every project.
    const EDITED = ['standards/common.kpi', 'p0001/contract.kpi', 'p0001/targets.kpi', 'p0001/assessment.kpi', 'p0001/compliance.kpi'];

    it.each(EDITED)('editing %s', async file => {
        expect(original[file], `the generator wrote ${file}`).toBeDefined();
        const edited = await buildWorkspace(original);
        let texts = original;
        for (const [name, edit] of Object.entries(EDITS)) {
            const text = edit(texts[file]!);
            expect(text, `${name} changes ${file}`).not.toBe(texts[file]);
            texts = { ...texts, [file]: text };
            await edited.edit(file, text);
            expectSameFindings(edited, await buildWorkspace(texts), texts, `after ${name}`);
        }
        await edited.edit(file, original[file]!);
        expectSameFindings(edited, await buildWorkspace(original), original, 'after putting it back');
    });
});
