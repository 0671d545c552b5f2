// Prints one closing line for CI, `total: N passed, N failed`, adding the vitest suite
// (its JSON report) and the real-editor tests (the last `N passed, N failed` line of their log).
import { existsSync, readFileSync } from 'node:fs';

const [vitestJson, editorLog] = process.argv.slice(2);
let passed = 0, failed = 0;
if (vitestJson && existsSync(vitestJson)) {
    const report = JSON.parse(readFileSync(vitestJson, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
}
if (editorLog && existsSync(editorLog)) {
    const lines = [...readFileSync(editorLog, 'utf8').matchAll(/^(\d+) passed, (\d+) failed$/gm)];
    const last = lines.at(-1);
    if (last) { passed += Number(last[1]); failed += Number(last[2]); }
}
console.log(`total: ${passed} passed, ${failed} failed`);
