import type { FuzzReport } from './watchdog.js';

/** One line: what a fuzz run did and found. */
export function describeReport(report: FuzzReport): string {
    const classes = Object.keys(report.byPositionClass).length;
    return `fuzz seed ${report.seed}: ${report.cases} cases, ${report.hangs} hangs, ${report.crashes} crashes, ${report.failures.length} failures, `
        + `${Object.keys(report.byMutation).length} kinds of mutation, completion at ${classes} position classes, `
        + `longest call ${report.maxCallMs.toFixed(0)} ms CPU (${report.maxCallFeature})`;
}
