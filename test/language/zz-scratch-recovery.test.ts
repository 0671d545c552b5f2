import { it, expect } from 'vitest';
import { buildWorkspace, readFolder } from '../support/workspace.js';

it('broken input never throws in target/contract checks', async () => {
    const files = { ...readFolder('/work/shared/spec/hotline-12345'), ...readFolder('test/fixtures/rules/target/mixed-scheme'), ...readFolder('test/fixtures/rules/target/vague'), ...readFolder('test/fixtures/rules/target/required-indicator') };
    const bad: string[] = [];
    for (const name of ['projects.kpi', 'targets.kpi']) {
        const text = files[name]!;
        for (let cut = 0; cut < text.length; cut += 7) {
            for (const variant of [text.slice(0, cut), text.slice(0, cut) + text.slice(cut + 9)]) {
                const ws = await buildWorkspace({ ...files, [name]: variant });
                for (const f of ws.documents.keys()) for (const d of ws.diagnostics(f)) {
                    if (/^(target|contract)\//.test(String(d.code)) && /error occurred|Cannot read|undefined|NaN/i.test(d.message) || /error occurred/i.test(d.message)) bad.push(`${name}@${cut}: ${d.message}`);
                }
            }
        }
    }
    expect(bad.slice(0, 10)).toEqual([]);
}, 600_000);
