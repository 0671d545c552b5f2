import { appendFileSync } from 'node:fs';

/**
 * Mocha reporter for the editor suite: one line per test and a closing `N passed, N failed`.
 * In code-server the extension host's console goes nowhere, so when KPISPEC_TEST_RESULTS names a
 * file the lines go there (the launcher streams it); otherwise to the console.
 */
class ResultsReporter {
    constructor(runner: Mocha.Runner) {
        const file = process.env.KPISPEC_TEST_RESULTS;
        const write = (text: string): void => {
            if (file) appendFileSync(file, text + '\n');
            else console.log(text);
        };
        let passed = 0;
        let failed = 0;
        let skipped = 0;
        runner.on('pass', test => {
            passed++;
            write(`  ✓ ${test.fullTitle()} (${test.duration ?? 0} ms)`);
        });
        runner.on('fail', (test, error: Error) => {
            failed++;
            write(`  ✗ ${test.fullTitle()}\n${(error.stack ?? error.message).replace(/^/gm, '      ')}`);
        });
        runner.on('pending', test => {
            skipped++;
            write(`  - ${test.fullTitle()} (skipped)`);
        });
        runner.once('end', () => {
            if (skipped) write(`${skipped} skipped`);
            write(`${passed} passed, ${failed} failed`);
        });
    }
}

export = ResultsReporter;
