import { AstUtils, GrammarAST } from 'langium';
import { KpiSpecGrammar } from '../generated/grammar.js';
import { NAME_PART } from '../parser/name-characters.js';

const NOT_NAME_PART = new RegExp(`[^${NAME_PART}]`, 'g');

let keywords: ReadonlySet<string> | undefined;

/** Every keyword of the grammar: a block name must not be one. */
function grammarKeywords(): ReadonlySet<string> {
    keywords ??= new Set(AstUtils.streamAllContents(KpiSpecGrammar()).filter(GrammarAST.isKeyword).map(k => k.value));
    return keywords;
}

/**
 * An identifier for a printed title (`社区居家养老服务补贴项目`): the characters an identifier may
 * hold, never a keyword, never starting with a digit. Titles stay in the string that follows.
 */
export function identifierFor(title: string): string {
    let id = title.normalize('NFKC').replace(NOT_NAME_PART, '');
    if (id === '' || /^\d/.test(id)) id = `表${id}`;
    return grammarKeywords().has(id) ? `${id}_` : id;
}

/** Line breaks typed in a cell, with the spaces around them. */
const LINE_BREAK = /(?:[ \t\u3000]*(?:\r\n?|\n))+[ \t\u3000]*/g;
/** Han characters, CJK punctuation and full-width forms: Chinese text, which has no spaces between words. */
const CHINESE = /[\u3001-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
/** A line that begins an item of a list (`目标2：`, `2.`, `（二）`, `②`, `二是`): the break before it parts two items. */
const LIST_ITEM = /^(?:(?:目标|指标)?[\d０-９一二三四五六七八九十]+[、.:：．)）]|[（(][\d０-９一二三四五六七八九十]+[)）]|[①-⑳]|[一二三四五六七八九十]是)/;

/**
 * A cell's text on one line. A line break typed in a cell (Alt+Enter) wraps a long title or
 * sentence: between Chinese characters it is no space (`助餐服务⏎人数` is 助餐服务人数, as the
 * 申报表 types it), before the next item of a list and elsewhere one space.
 */
export function oneLine(text: string): string {
    return text.replace(LINE_BREAK, (brk: string, at: number) => {
        const after = text.slice(at + brk.length);
        return CHINESE.test(text.charAt(at - 1)) && CHINESE.test(after.charAt(0)) && !LIST_ITEM.test(after) ? '' : ' ';
    });
}

/** A .kpi string literal: quotes and backslashes escaped, on one line. */
export function kpiString(text: string): string {
    return `"${oneLine(text).replace(/[\\"]/g, m => `\\${m}`).trim()}"`;
}
