import type { Bilingual } from '../i18n/locale.js';

/**
 * A workbook that cannot be read as a form at all: not a workbook, encrypted, too large, no
 * known form, a formula without a cached value, an external reference. Callers print it as one
 * line naming the file (`自评表.xlsx: 找不到「一级指标」表头`); no stack trace is meant for users.
 */
export class WorkbookError extends Error {
    /**
     * `no-form`: a readable workbook none of whose sheets is a form (a 预算明细 spreadsheet). Lint
     * skips such a workbook found in a folder, with a note; one named directly is refused like the
     * others. `review`: KPI Spec's own review workbook (`kpispec report -o kpispec-report.xlsx`),
     * which holds no form either; saved among the submissions it is passed over without a note.
     */
    constructor(readonly text: Bilingual, readonly kind?: 'no-form' | 'review') {
        super(text.en);
        this.name = 'WorkbookError';
    }
}

export const workbookError = (zh: string, en: string, kind?: WorkbookError['kind']): WorkbookError => new WorkbookError({ zh, en }, kind);
