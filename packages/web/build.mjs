// Builds kpispec.html: one self-contained page that works from file:// without a network.
//   node build.mjs [--out FILE]   default dist/kpispec.html; prints the size and gzip size
// (`npm run package` at the root writes it next to the VSIX, as a release artefact.)
// The checking worker (language services, bundled for the browser) goes, gzipped and base64-encoded, into a non-executed
// <script type="text/plain"> the page starts as a Blob worker; the page script, the CSS and the
// rule pages (docs/rules/**/*.md) are inlined too.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { configSchema } from '@kpispec/language';
import { Ajv } from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const exceljsBrowserBuild = fileURLToPath(import.meta.resolve('exceljs/dist/exceljs.bare.min.js'));
const repo = join(here, '..', '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: join(here, 'dist', 'kpispec.html') } } });
// npm runs this script in packages/web; a relative --out is meant from where npm was started.
const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);

/** docs/rules/<group>/<name>.md by rule id (<group>/<name>). */
function ruleDocs() {
    const root = join(repo, 'docs', 'rules');
    const docs = {};
    const walk = dir => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const path = join(dir, entry.name);
            if (entry.isDirectory()) walk(path);
            else if (entry.name.endsWith('.md')) docs[relative(root, path).split('\\').join('/').replace(/\.md$/, '')] = readFileSync(path, 'utf8');
        }
    };
    walk(root);
    return docs;
}

/**
 * The kpispec.json validator, compiled now: Ajv compiles schemas to code with `new Function`,
 * which the page's Content-Security-Policy forbids. In the worker bundle `ajv` is this stand-in,
 * which hands out the compiled validator and refuses any other schema or options (so a change
 * to the configuration checks shows up as an error in the page's test, not as a silent gap).
 */
const AJV_OPTIONS = { allErrors: true, strict: true };
function precompiledAjv() {
    const schema = configSchema();
    const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
    const validator = standaloneCode(ajv, ajv.compile(schema));
    return {
        name: 'precompiled-ajv',
        setup(build) {
            build.onResolve({ filter: /^ajv$/ }, () => ({ path: 'ajv', namespace: 'precompiled-ajv' }));
            build.onResolve({ filter: /^kpispec-config-validator$/ }, () => ({ path: 'validator', namespace: 'precompiled-ajv' }));
            build.onLoad({ filter: /^validator$/, namespace: 'precompiled-ajv' }, () => ({ contents: validator, loader: 'js', resolveDir: here }));
            build.onLoad({ filter: /^ajv$/, namespace: 'precompiled-ajv' }, () => ({
                resolveDir: here,
                loader: 'js',
                contents: `import validate from 'kpispec-config-validator';
const OPTIONS = ${JSON.stringify(JSON.stringify(AJV_OPTIONS))};
const SCHEMA = ${JSON.stringify(JSON.stringify(schema))};
export class Ajv {
    constructor(options) {
        if (JSON.stringify(options) !== OPTIONS) throw new Error('kpispec.html: Ajv options differ from the precompiled ones; update packages/web/build.mjs');
    }
    compile(schema) {
        if (JSON.stringify(schema) !== SCHEMA) throw new Error('kpispec.html: only the kpispec.json schema is precompiled');
        return validate;
    }
}
// Ajv is CommonJS: code that loads it reads the class from the module object, its default export.
export default { Ajv };`,
            }));
        },
    };
}

/**
 * The language package reads kpispec.json through node:fs (guarding against devices and files
 * outside the repository); in the worker the dropped files are in memory, so its reader is
 * swapped for src/worker/config-reader.ts, which reads them there.
 */
function inMemoryConfigReader() {
    return {
        name: 'in-memory-config-reader',
        setup(build) {
            build.onResolve({ filter: /\/config-reader\.js$/ }, args => (/[\\/]language[\\/](dist|src)[\\/]config$/.test(args.resolveDir)
                ? { path: join(here, 'src', 'worker', 'config-reader.ts') } : undefined));
        },
    };
}

/** Node's module the CLI's report code uses: `relative` of node:path, of which pathe is the browser twin. */
function nodeForTheBrowser() {
    return {
        name: 'node-for-the-browser',
        setup(build) {
            build.onResolve({ filter: /^node:path$/ }, args => build.resolve('pathe', { kind: args.kind, resolveDir: here }));
        },
    };
}

const common = {
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, write: false,
    absWorkingDir: here, logLevel: 'warning', legalComments: 'none', charset: 'utf8',
};
const [worker, page] = await Promise.all([
    esbuild.build({ ...common, entryPoints: ['src/worker/main.ts'], plugins: [precompiledAjv(), inMemoryConfigReader(), nodeForTheBrowser()] }),
    // exceljs comes as a script of its own, run when a workbook is first saved (src/page/workbook-writer.ts).
    esbuild.build({ ...common, entryPoints: ['src/page/main.ts'], define: { KPI_RULE_DOCS: JSON.stringify(ruleDocs()) }, external: ['exceljs'] }),
]);

// Inside <script>, only "</script" would end the element early; minified code has it in strings only.
const inline = code => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const text = result => result.outputFiles[0].text;
const version = JSON.parse(readFileSync(join(repo, 'packages', 'language', 'package.json'), 'utf8')).version;
const html = readFileSync(join(here, 'src', 'page.html'), 'utf8')
    .replace('/*STYLE*/', () => readFileSync(join(here, 'src', 'page.css'), 'utf8'))
    .replace('/*VERSION*/', () => version)
    // Gzipped and base64-encoded (no '<' to escape): the page inflates it (src/page/worker-client.ts).
    .replace('/*WORKER*/', () => gzipSync(worker.outputFiles[0].contents, { level: 9 }).toString('base64'))
    // exceljs's browser build without polyfills (the page needs a recent browser anyway), packed the same way.
    .replace('/*EXCELJS*/', () => gzipSync(readFileSync(exceljsBrowserBuild), { level: 9 }).toString('base64'))
    .replace('/*PAGE*/', () => inline(text(page)));

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
const size = Buffer.byteLength(html);
console.log(`${relative(process.cwd(), out)}: ${(size / 1024).toFixed(0)} KB, ${(gzipSync(html).length / 1024).toFixed(0)} KB gzipped`
    + ` (worker ${(worker.outputFiles[0].contents.length / 1024).toFixed(0)} KB of code inflated in the page, page script ${(Buffer.byteLength(text(page)) / 1024).toFixed(0)} KB)`);
