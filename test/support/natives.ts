import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NODE, REPO } from '../cli/run-cli.js';

/**
 * Runs `script` in a node with V8's test functions (`%HasFastProperties`, `%DebugPrint`, …),
 * with built modules of this repository loaded first: `{ language: 'packages/language/dist/index.js' }`
 * makes `language` the module. Resolves with what the script wrote, trimmed.
 */
export function withNatives(script: string, modules: Record<string, string>): Promise<string> {
    const imports = Object.entries(modules)
        .map(([name, path]) => `const ${name} = await import(${JSON.stringify(pathToFileURL(join(REPO, path)).href)});`)
        .join('\n');
    return new Promise((resolve, reject) => {
        execFile(NODE, ['--allow-natives-syntax', '--input-type=module', '-e', `${imports}\n${script}`], (error, stdout, stderr) => {
            if (error) reject(new Error(stderr || error.message));
            else resolve(stdout.trim());
        });
    });
}
