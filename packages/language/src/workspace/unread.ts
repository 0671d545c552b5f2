import type { URI } from 'langium';
import type { Bilingual, Locale } from '../i18n/locale.js';
import { notUtf8Message } from './text-encoding.js';

/** Why a .kpi file was not read: it is not UTF-8 (what it looks like), or reading it failed (the error's code). */
export type Unread = { readonly look: Bilingual } | { readonly code: string };

/**
 * A file system that reads a .kpi file it cannot read, or that is not UTF-8, as empty text and
 * tells why (the language server's, server/utf8-file-system.ts): its document then has one
 * finding, in the CLI's words, instead of a syntax error per misread character or a workspace
 * that does not load at all.
 */
export interface UnreadFiles {
    unread(uri: URI): Unread | undefined;
}

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

/** The code of a failed read (`EACCES`), or undefined for what is no file system's error. */
export function readErrorCode(e: unknown): string | undefined {
    const code = (e as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? code : undefined;
}

/** Why `file` was not read, in `locale`: `cannot read a.kpi: EACCES (permission denied)`, or notUtf8Message. */
export function unreadMessage(file: string, unread: Unread, locale: Locale): string {
    if ('look' in unread) return notUtf8Message(file, unread.look, locale);
    const failure = readFailure(unread.code);
    return locale === 'en' ? `cannot read ${file}: ${failure.en}` : `无法读取 ${file}：${failure.zh}`;
}
