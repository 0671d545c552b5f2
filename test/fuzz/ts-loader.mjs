// Module hooks that let a worker thread (outside vitest) import the TypeScript sources the way
// the tests do: `./x.js` specifiers resolve to `./x.ts`, which TypeScript transpiles on load.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const OPTIONS = { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2023, inlineSourceMap: true };

export async function resolve(specifier, context, next) {
    try {
        return await next(specifier, context);
    } catch (error) {
        const relative = specifier.startsWith('.') || specifier.startsWith('file:');
        if (relative && specifier.endsWith('.js')) return next(`${specifier.slice(0, -3)}.ts`, context);
        throw error;
    }
}

export async function load(url, context, next) {
    if (!url.startsWith('file:') || !url.endsWith('.ts') || url.includes('/node_modules/')) return next(url, context);
    const fileName = fileURLToPath(url);
    const { outputText } = ts.transpileModule(await readFile(fileName, 'utf8'), { fileName, compilerOptions: OPTIONS });
    return { format: 'module', source: outputText, shortCircuit: true };
}
