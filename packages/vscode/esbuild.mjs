// Bundles the extension, the language server, the report view's renderer and the workbook writer into dist/ (CJS,
// `vscode` external) and copies the assets they read at run time: the kpispec.json schema and the
// rule docs pages (linked from diagnostics, so shipped for offline use).
//   node esbuild.mjs               development: sourcemaps, not minified
//   node esbuild.mjs --production  release (run by `vsce package`): minified, no sourcemaps
//   node esbuild.mjs --tests       also bundles the editor tests into out/test/
import * as esbuild from 'esbuild';
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');

const node = { bundle: true, platform: 'node', target: 'node22', logLevel: 'warning', absWorkingDir: here };

rmSync(join(here, 'dist'), { recursive: true, force: true });
await esbuild.build({
    ...node,
    // The report view's renderer and the workbook writer apart, loaded when first used (src/report.ts, src/export.ts).
    entryPoints: { extension: 'src/extension.ts', server: 'src/server.ts', report: 'src/report.ts', export: 'src/export.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['vscode'],
    sourcemap: !production,
    minify: production,
    // The server picks `__filename` when bundled as CJS and only reads import.meta.url as ESM.
    logOverride: { 'empty-import-meta': 'silent' },
});

copyAsset(join(repo, 'schemas', 'kpispec.schema.json'), join(here, 'schemas', 'kpispec.schema.json'));
copyAsset(join(repo, 'docs', 'rules'), join(here, 'docs', 'rules'));

if (tests) {
    rmSync(join(here, 'out'), { recursive: true, force: true });
    const suites = readdirSync(join(here, 'test', 'suite')).filter(f => f.endsWith('.test.ts')).map(f => f.replace(/\.ts$/, ''));
    // Mocha suites run inside the extension host, next to the extension, and so does the editor
    // benchmark (bench/editor.mjs).
    await esbuild.build({
        ...node,
        entryPoints: {
            ...Object.fromEntries(suites.map(name => [`suite/${name}`, `test/suite/${name}.ts`])),
            'suite/reporter': 'test/suite/reporter.cts',
            'bench/activation': 'test/bench/activation.ts',
        },
        outdir: 'out/test',
        outExtension: { '.js': '.cjs' },
        format: 'cjs',
        external: ['vscode'],
        sourcemap: 'inline',
    });
    // Node scripts that drive code-server, Chromium and Neovim; their dependencies stay in node_modules.
    await esbuild.build({
        ...node,
        entryPoints: {
            'code-server-launcher': 'test/code-server-launcher/launcher.ts',
            'ui-check': 'test/ui/hotline-ui.ts',
            'neovim-check': 'test/neovim/neovim-check.ts',
        },
        outdir: 'out/test',
        outExtension: { '.js': '.mjs' },
        format: 'esm',
        packages: 'external',
        sourcemap: 'inline',
    });
}

/** Copies a file or folder into the extension; a release must have it, a development build warns. */
function copyAsset(from, to) {
    rmSync(to, { recursive: true, force: true });
    if (!existsSync(from)) {
        const message = `esbuild.mjs: ${from} is missing, so the extension ships without it`;
        if (production) throw new Error(message);
        console.warn(`warning: ${message}`);
        return;
    }
    cpSync(from, to, { recursive: true });
}
