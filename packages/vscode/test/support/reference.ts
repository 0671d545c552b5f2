import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleMeta } from '../../../language/src/rules/catalog.js';

/**
 * The diagnostics (errors and warnings; info is free) that the reference case
 * examples/hotline-12345 must produce, as in the language spec's expected.json: the rule, the
 * file, the text that starts the line the diagnostic starts on, and how many start there.
 * Every editor test compares what its editor shows with this list.
 */
export const HOTLINE_EXPECTED: ReadonlyArray<{ file: string; rule: string; line: string; count: number }> = [
    { file: 'targets.kpi', rule: 'target/below-contract', line: '接通率 "15秒内接通率"', count: 1 },
    { file: 'targets.kpi', rule: 'target/below-standard', line: '接通率 "15秒内接通率"', count: 1 },
    { file: 'targets.kpi', rule: 'target/missing-quantity', line: '产出指标 {', count: 1 },
    { file: 'targets.kpi', rule: 'target/above-baseline', line: '单位成本 "单位服务成本"', count: 1 },
    { file: 'targets.kpi', rule: 'target/required-indicator', line: '适用 广东两建办', count: 8 },
    { file: 'contract.kpi', rule: 'contract/no-penalty', line: '条款 质检率', count: 1 },
    { file: 'contract.kpi', rule: 'contract/untracked-clause', line: '条款 平均等待时长', count: 1 },
    { file: 'contract.kpi', rule: 'contract/untracked-clause', line: '条款 质检率', count: 1 },
    { file: 'assessment.kpi', rule: 'assessment/below-contract', line: '指标 接通率', count: 1 },
    { file: 'assessment.kpi', rule: 'assessment/below-standard', line: '指标 接通率', count: 1 },
    { file: 'assessment.kpi', rule: 'score/ignores-problem', line: '指标 接通率', count: 1 },
    { file: 'assessment.kpi', rule: 'score/ignores-problem', line: '指标 即接即办率', count: 1 },
    { file: 'assessment.kpi', rule: 'assessment/above-baseline', line: '指标 单位成本', count: 1 },
    { file: 'assessment.kpi', rule: 'assessment/goal-not-covered', line: '自评 热线二期自评', count: 3 },
    { file: 'assessment.kpi', rule: 'milestone/overdue', line: '里程碑 统一接听服务', count: 1 },
    { file: 'assessment.kpi', rule: 'milestone/overdue', line: '里程碑 统一信息系统', count: 1 },
    { file: 'assessment.kpi', rule: 'milestone/late', line: '里程碑 统一服务场地', count: 1 },
    { file: 'compliance.kpi', rule: 'compliance/unassessed-met', line: '条款 平均等待时长', count: 1 },
    { file: 'compliance.kpi', rule: 'compliance/no-data', line: '条款 质检率', count: 1 },
    { file: 'compliance.kpi', rule: 'compliance/unmet-no-penalty', line: '条款 质检率', count: 1 },
];

const countOf = (severity: 'error' | 'warn'): number =>
    HOTLINE_EXPECTED.filter(e => ruleMeta(e.rule)?.severity === severity).reduce((n, e) => n + e.count, 0);

/** Counts a user sees in the status bar and the Problems panel (default severities, no kpispec.json). */
export const HOTLINE_COUNTS = { errors: countOf('error'), warnings: countOf('warn') };

/** The 0-based line of `file` (in `folder`) whose text, without indentation, starts with `start`. */
export function lineOf(folder: string, file: string, start: string): number {
    const lines = readFileSync(join(folder, file), 'utf8').split(/\r?\n/);
    const index = lines.findIndex(l => l.trimStart().startsWith(start));
    if (index < 0) throw new Error(`${file} has no line starting with ${start}`);
    return index;
}

/** The expected diagnostics as sorted `file:line rule` keys (1-based lines), one per diagnostic. */
export function expectedKeys(folder: string): string[] {
    return HOTLINE_EXPECTED
        .flatMap(e => Array.from({ length: e.count }, () => `${e.file}:${lineOf(folder, e.file, e.line) + 1} ${e.rule}`))
        .sort();
}
