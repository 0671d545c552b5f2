import { notUtf8Message, type Bilingual, type Locale } from '@kpispec/language/core';
import { UserError } from './exit-codes.js';

/** Why a .kpi file was not read: it is not UTF-8 (what it looks like), or reading it failed (the error's code). */
export type Unread = { readonly look: Bilingual } | { readonly code: string };

/**
 * A .kpi file that `lint`, `report`, `score` and `format` pass over in a run over several files,
 * named on stderr, while the rest is still reported (exit 2).
 */
export type PassedOverFile = { readonly file: string } & Unread;

/** What a failed read's code means, for the codes a folder's files give. */
const READ_FAILURES: Readonly<Record<string, Bilingual>> = {
    EACCES: { zh: '没有读取权限', en: 'permission denied' },
    EPERM: { zh: '没有读取权限', en: 'permission denied' },
    // A file the search found is gone when read: a link that leads nowhere (or one deleted meanwhile).
    ENOENT: { zh: '文件不存在，链接指向的文件已不在？', en: 'no such file: a link to a file that is gone?' },
    ELOOP: { zh: '链接指向自身', en: 'a link that leads back to itself' },
};

/** Why a read failed: its code, and what that means where known (`EACCES (permission denied)`). */
export function readFailure(code: string): Bilingual {
    const meaning = READ_FAILURES[code];
    return meaning ? { zh: `${code}（${meaning.zh}）`, en: `${code} (${meaning.en})` } : { zh: code, en: code };
}

/** The line about a file passed over, in `locale` (the CLI's one-line errors are in English). */
function passedOverMessage(passed: PassedOverFile, locale: Locale): string {
    if ('look' in passed) return notUtf8Message(passed.file, passed.look, locale);
    const failure = readFailure(passed.code);
    return locale === 'en' ? `cannot read ${passed.file}: ${failure.en}` : `无法读取 ${passed.file}：${failure.zh}`;
}

/** The note on stderr about a file passed over, in the run's language. */
export function passedOverNote(passed: PassedOverFile, locale: Locale): string {
    return `kpispec: ${passedOverMessage(passed, locale)}\n`;
}

/**
 * Reading a source file that is not UTF-8 or cannot be read: one line that stops the run, or a
 * note where a run over several files goes on without it (passedOverNote).
 */
export class PassedOverError extends UserError {
    constructor(readonly passedOver: PassedOverFile) {
        super(passedOverMessage(passedOver, 'en'));
    }
}
