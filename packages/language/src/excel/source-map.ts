import type { EmittedForm, SourceSpan } from './emit-kpi.js';

/**
 * The cell a finding on the range [start, end) of a form's text points at: the value it starts
 * on, preferring the field the rule is about (an actual for `assessment/…`, a score for
 * `score/…`), then the line's row, then the form's anchor.
 */
export function cellAt(form: EmittedForm, start: number, end: number, ruleId: string): string {
    const inRange = form.spans.filter(s => s.end > start && s.start < Math.max(end, start + 1));
    const preferred = PREFERRED_FIELDS.find(([prefix]) => ruleId.startsWith(prefix))?.[1] ?? [];
    for (const field of preferred) {
        const span = inRange.find(s => s.field === field);
        if (span) return span.cell;
    }
    const containing = inRange.filter(s => s.start <= start && s.field !== 'line');
    const narrowest = (spans: readonly SourceSpan[]) => spans.reduce<SourceSpan | undefined>((a, b) => (!a || b.end - b.start < a.end - a.start ? b : a), undefined);
    return narrowest(containing)?.cell ?? inRange.find(s => s.field !== 'line')?.cell ?? narrowest(inRange)?.cell ?? form.anchor;
}

const PREFERRED_FIELDS: ReadonlyArray<[string, readonly SourceSpan['field'][]]> = [
    ['assessment/missing-deviation', ['deviation', 'actual']],
    ['assessment/', ['actual', 'title']],
    ['score/execution', ['score', 'rate']],
    ['score/', ['score', 'weight']],
    ['target/', ['target', 'title']],
    ['funds/', ['amount']],
    ['execution/', ['rate', 'amount']],
];
