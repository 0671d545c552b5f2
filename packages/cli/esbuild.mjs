// Bundles the compiled CLI (dist/, from `tsc -b`) into bundle/kpispec.js and its worker thread into
// bundle/worker.js: a few files instead of ~300 modules to resolve and load. Loading those took
// ~0.3 s of every command (a warm `lint --cache` spends a third of its time there) and again in
// every worker thread. What both share is one chunk; what is imported only when needed (SheetJS
// and fflate with the first workbook read, Ajv with the first kpispec.json) is a chunk of its
// own, loaded then. exceljs stays outside: it is loaded only when a workbook is written.
//   node packages/cli/esbuild.mjs   (part of `npm run build`)
import * as esbuild from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

rmSync(join(here, 'bundle'), { recursive: true, force: true });
const result = await esbuild.build({
    absWorkingDir: here,
    // The worker sits beside the main bundle, where pool.ts looks for `./worker.js`.
    entryPoints: { kpispec: 'dist/main.js', worker: 'dist/units/worker.js' },
    outdir: 'bundle',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: ['exceljs'],
    // Minified: every command reads, hashes (for the compile cache) and lazily compiles this source;
    // 3.2 MB with names and comments, half of that without. Errors are reported by
    // message (main.ts), never by a stack into the bundle.
    minify: true,
    // CommonJS dependencies bundled into ESM still call `require` for Node's own modules.
    banner: { js: "import { createRequire as kpispecCreateRequire } from 'node:module'; const require = kpispecCreateRequire(import.meta.url);" },
    logLevel: 'warning',
    write: false,
});
mkdirSync(join(here, 'bundle'));
// esbuild leaves Chinese in regular expressions and comments. A source with any non-ASCII
// character is decoded from UTF-8 and kept as two bytes per character: 30 ms of every start.
// \uXXXX means the same in a regular expression, a string and a comment.
for (const file of result.outputFiles) writeFileSync(file.path, file.text.replace(/[^\x00-\x7f]/g, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
