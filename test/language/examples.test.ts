import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../support/parse.js';
import { buildWorkspace, readFolder } from '../support/workspace.js';

/**
 * Each folder of examples/ is one workspace, as `kpispec lint examples/<folder>` reads it. It must
 * parse and link cleanly, and the faults its comments announce ("kpispec 报 target/below-contract",
 * "kpispec reports milestone/late") must be reported on the line after the comment.
 */
const folders = readdirSync(EXAMPLES).filter(e => statSync(join(EXAMPLES, e)).isDirectory());
const ANNOUNCED = /kpispec (?:报|reports) ([a-z]+\/[a-z-]+)/g;

/** `file:line rule` for each fault a comment announces, at the next line that is not a comment. */
function announcedFaults(file: string, text: string): string[] {
    const lines = text.split(/\r?\n/);
    return lines.flatMap((line, i) => [...line.matchAll(ANNOUNCED)].map(m => {
        let target = i + 1;
        while (target < lines.length && /^\s*(\/\/.*)?$/.test(lines[target]!)) target++;
        return `${file}:${target + 1} ${m[1]}`;
    }));
}

describe('examples', () => {
    it('include the reference cases and the block-by-block workspaces', () => {
        expect(folders).toEqual(expect.arrayContaining(['hotline-12345', 'english', 'blocks', 'blocks-en']));
    });

    it.each(folders)('%s parses and links without syntax, reference or name diagnostics', async folder => {
        const files = readFolder(join(EXAMPLES, folder));
        const ws = await buildWorkspace(files, folder.endsWith('en') || folder === 'english' ? 'en' : 'zh-CN');
        const found = Object.keys(files).flatMap(file => ws.diagnostics(file)
            .filter(d => /^(syntax|reference|name)\//.test(String(d.code)))
            .map(d => `${file}:${d.range.start.line + 1} ${String(d.code)} ${d.message}`));
        expect(found).toEqual([]);
    });

    it.each(folders)('%s reports the faults its comments announce', async folder => {
        const files = readFolder(join(EXAMPLES, folder));
        const announced = Object.entries(files).flatMap(([file, text]) => announcedFaults(file, text));
        const ws = await buildWorkspace(files);
        const reported = new Set(Object.keys(files).flatMap(file => ws.diagnostics(file)
            .map(d => `${file}:${d.range.start.line + 1} ${String(d.code)}`)));
        expect(announced.filter(a => !reported.has(a))).toEqual([]);
    });
});
