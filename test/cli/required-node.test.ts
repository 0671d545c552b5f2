import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { unsupportedNodeMessage } from '../../packages/cli/src/required-node.js';
import { BIN, NODE, REPO } from './run-cli.js';

/*
 * `kpispec` run by a node older than 22 (the machine's own, say) says so in one line and exits 2,
 * instead of failing with a stack trace on an API that node lacks.
 */

const EXPECTED = /^kpispec: needs Node\.js 22 or later, this is Node\.js 20\.\d+\.\d+; install Node\.js 24 LTS, or run it from the project with npx kpispec\n$/;

/** A node on the PATH older than 22, if the machine has one (CI's fresh machine has Node 20). */
function olderNode(): string | undefined {
    for (const node of ['/usr/bin/node', '/usr/local/bin/node']) {
        const run = spawnSync(node, ['--version'], { encoding: 'utf8' });
        if (run.status === 0 && Number(run.stdout.slice(1).split('.')[0]) < 22) return node;
    }
    return undefined;
}

describe('the Node.js that kpispec needs', () => {
    it('names the node that is too old, and accepts 22 and later', () => {
        expect(`${unsupportedNodeMessage('20.20.2')}\n`).toMatch(EXPECTED);
        expect(unsupportedNodeMessage('18.0.0')).toContain('this is Node.js 18.0.0');
        expect(unsupportedNodeMessage('22.0.0')).toBeUndefined();
        expect(unsupportedNodeMessage('24.21.0')).toBeUndefined();
    });

    it('stops the bin before anything else runs, with exit code 2 and one line', () => {
        // Node 24 told that it is 20: the check comes before the restart and the program.
        const fake = 'data:text/javascript,Object.defineProperty(process, "versions", { value: { ...process.versions, node: "20.20.2" } })';
        const run = spawnSync(NODE, ['--import', fake, BIN, 'lint', 'examples'], { cwd: REPO, encoding: 'utf8' });
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(EXPECTED);
    });

    const node = olderNode();
    it.runIf(node !== undefined)('under the machine\'s own older node too', () => {
        const run = spawnSync(node!, [BIN, 'lint', 'examples'], { cwd: REPO, encoding: 'utf8' });
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(EXPECTED);
        // And with a node that will do, the same command runs.
        expect(() => execFileSync(NODE, [BIN, '--version'], { cwd: REPO })).not.toThrow();
    });
});
