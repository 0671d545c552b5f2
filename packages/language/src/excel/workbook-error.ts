import type { Bilingual } from '../i18n/locale.js';

/**
 * A workbook that cannot be read as a form at all: not a workbook, encrypted, too large, no
 * known form, a formula without a cached value, an external reference. Callers print it as one
 * line naming the file (`自评表.xlsx: 找不到「一级指标」表头`); no stack trace is meant for users.
 */
export class WorkbookError extends Error {
    constructor(readonly text: Bilingual) {
        super(text.en);
        this.name = 'WorkbookError';
    }
}

export const workbookError = (zh: string, en: string): WorkbookError => new WorkbookError({ zh, en });
