import { NAME_PART, NAME_START } from '../parser/name-characters.js';

/**
 * What an exported form keeps in cell notes: the printed form has no place for identifiers
 * (`接通率` titled "15秒内接通率"), 依据 links, 适用 standards, the indicators a 问题 concerns,
 * an actual's 口径, an assessment's title or the file's keyword language, and losing them would
 * lose the checks that depend on them or change the file read back. A note reads
 * `kpispec: 名称 接通率；依据 热线服务合同.接通率`.
 */
export interface FormNote {
    readonly name?: string;
    readonly links?: readonly string[];
    readonly applies?: readonly string[];
    /** The indicators a 问题 concerns (names, written as strings in .kpi). */
    readonly concerns?: readonly string[];
    /** A 问题 that says there is none, whatever its printed text. */
    readonly none?: boolean;
    /** The 口径 an actual was measured on. */
    readonly measuredAs?: string;
    /** An assessment's title: the 自评表 prints only the form's name (项目支出绩效自评表). */
    readonly title?: string;
    /** The keywords of the file the form was exported from, when English (`project`, `indicator` …). */
    readonly keywords?: 'en';
}

const PREFIX = 'kpispec:';
const TITLE = /标题\s+("(?:[^"\\]|\\.)*")/;
const NAME = new RegExp(`^[${NAME_START}][${NAME_PART}]*$`);
const isName = (s: string) => NAME.test(s);
const isQualified = (s: string) => s.split('.').length <= 2 && s.split('.').every(isName);

/** Reads a note; anything not written by `writeNote` (or not well-formed) is ignored. */
export function readNote(text: string | undefined): FormNote {
    const at = text?.indexOf(PREFIX) ?? -1;
    if (!text || at < 0) return {};
    const out: { -readonly [K in keyof FormNote]: FormNote[K] } = {};
    // The title is free text (it may hold ；): a JSON string, taken out before the rest is split.
    let body = text.slice(at + PREFIX.length);
    const title = TITLE.exec(body);
    if (title) {
        try {
            const value: unknown = JSON.parse(title[1]!);
            if (typeof value === 'string') out.title = value;
        } catch {
            // Not written by writeNote: ignored.
        }
        body = body.slice(0, title.index) + body.slice(title.index + title[0].length);
    }
    for (const part of body.split(/[;；\n]/)) {
        const [key, ...rest] = part.trim().split(/\s+/);
        const value = rest.join(' ');
        const list = value.split(/\s*[,，]\s*/).filter(Boolean);
        if (key === '名称' && isName(value)) out.name = value;
        if (key === '依据' && list.length > 0 && list.every(isQualified)) out.links = list;
        if (key === '适用' && list.length > 0 && list.every(isName)) out.applies = list;
        if (key === '涉及' && list.length > 0) out.concerns = list;
        if (key === '无' && value === '') out.none = true;
        if (key === '口径' && value) out.measuredAs = value;
        if (key === '关键字' && value === 'en') out.keywords = 'en';
    }
    return out;
}

export function writeNote(note: FormNote): string | undefined {
    const parts = [
        ...(note.name ? [`名称 ${note.name}`] : []),
        ...(note.links?.length ? [`依据 ${note.links.join(', ')}`] : []),
        ...(note.applies?.length ? [`适用 ${note.applies.join(', ')}`] : []),
        ...(note.concerns?.length ? [`涉及 ${note.concerns.join(', ')}`] : []),
        ...(note.none ? ['无'] : []),
        ...(note.measuredAs ? [`口径 ${note.measuredAs.replace(/[;；\n]/g, ' ')}`] : []),
        ...(note.title !== undefined ? [`标题 ${JSON.stringify(note.title)}`] : []),
        ...(note.keywords ? [`关键字 ${note.keywords}`] : []),
    ];
    return parts.length > 0 ? `${PREFIX} ${parts.join('；')}` : undefined;
}
