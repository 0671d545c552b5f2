import type { Bilingual, Locale } from '../i18n/locale.js';

/**
 * Why a file is not read, when it is not UTF-8: what it looks like and what to do, for
 * `kpispec: g/zz.kpi is not UTF-8 text (it looks like GBK/GB18030, as Windows "ANSI" saves it): save it as UTF-8`
 * (the CLI's line, in English as its other errors), the web page's note and the editor's finding
 * (in their language).
 */
export function notUtf8Text(file: string, bytes: Uint8Array, locale: Locale = 'en'): string {
    return notUtf8Message(file, notUtf8Look(bytes), locale);
}

/** notUtf8Text, given what the bytes look like. */
export function notUtf8Message(file: string, look: Bilingual, locale: Locale): string {
    return locale === 'en' ? `${file} is not UTF-8 text (${look.en}): save it as UTF-8` : `${file} 不是 UTF-8 文本（${look.zh}）：请另存为 UTF-8`;
}

/**
 * What a text that is not UTF-8 looks like. UTF-16 is told by its byte order mark or by the NUL
 * bytes of its ASCII characters, all on even or all on odd offsets; GBK by decoding as GB18030
 * (which holds GBK and GB2312) without a fault; else the first byte that is not UTF-8, and its line.
 */
export function notUtf8Look(bytes: Uint8Array): Bilingual {
    if (looksLikeUtf16(bytes)) return { zh: '看起来是 UTF-16，Windows 的“Unicode”即此编码', en: 'it looks like UTF-16, as Windows "Unicode" saves it' };
    try {
        new TextDecoder('gb18030', { fatal: true }).decode(bytes);
        return { zh: '看起来是 GBK/GB18030，Windows 的“ANSI”即此编码', en: 'it looks like GBK/GB18030, as Windows "ANSI" saves it' };
    } catch {
        const at = firstNonUtf8(bytes);
        let line = 1;
        for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
        const byte = `0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}`;
        return { zh: `第 ${line} 行的字节 ${byte} 不是 UTF-8`, en: `byte ${byte} on line ${line} is not UTF-8` };
    }
}

function looksLikeUtf16(bytes: Uint8Array): boolean {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
    const pairs = Math.floor(Math.min(bytes.length, 4096) / 2);
    let even = 0;
    let odd = 0;
    for (let i = 0; i < pairs * 2; i++) if (bytes[i] === 0) i % 2 ? odd++ : even++;
    // Chinese text has NULs only in its ASCII (spaces, digits, line ends): one in ten pairs is plenty.
    return pairs > 0 && Math.max(even, odd) >= pairs / 10 && Math.min(even, odd) === 0;
}

/** The offset of the first byte that does not belong to a UTF-8 sequence (the text is known not to be UTF-8). */
function firstNonUtf8(bytes: Uint8Array): number {
    for (let i = 0; i < bytes.length;) {
        const b = bytes[i]!;
        const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        if (length === 0) return i;
        for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
        i += length;
    }
    return Math.max(0, bytes.length - 1);
}
