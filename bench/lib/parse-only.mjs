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
// Read ahead of the parser as the CLI does, so that the floor is no slower than it has to be.
const READ_AHEAD = 32;
const reads = files.slice(0, READ_AHEAD).map(file => readFile(file, 'utf8'));
for (let i = 0; i < files.length; i++) {
    if (i + READ_AHEAD < files.length) reads.push(readFile(files[i + READ_AHEAD], 'utf8'));
    const text = await reads[i];
    reads[i] = undefined;
    const started = performance.now();
    const result = parser.parse(text);
    parseMs += performance.now() - started;
    lines += text.split('\n').length;
    errors += result.lexerErrors.length + result.parserErrors.length;
}
process.stdout.write(JSON.stringify({ files: files.length, lines, parseMs, errors }) + '\n');
