// The floor `kpispec lint` is compared with: the same process work (start Node, load the
// language, find and read every file) but only lexing and parsing, no linking or checks.
// Usage: node bench/lib/parse-only.mjs <dir>; prints {files, lines, parseMs, errors} as JSON.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createKpiServices } from '@kpispec/language';

async function kpiFiles(dir) {
    const out = [];
    for (const entry of await readdir(dir, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
        const full = join(dir, entry.name);
        if (entry.isDirectory()) out.push(...await kpiFiles(full));
        else if (entry.name.endsWith('.kpi')) out.push(full);
    }
    return out.sort();
}

const { kpi } = createKpiServices(EmptyFileSystem);
const parser = kpi.parser.LangiumParser;
const files = await kpiFiles(process.argv[2]);
let parseMs = 0;
let lines = 0;
let errors = 0;
for (const file of files) {
    const text = await readFile(file, 'utf8');
    const started = performance.now();
    const result = parser.parse(text);
    parseMs += performance.now() - started;
    lines += text.split('\n').length;
    errors += result.lexerErrors.length + result.parserErrors.length;
}
process.stdout.write(JSON.stringify({ files: files.length, lines, parseMs, errors }) + '\n');
