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

/** A .kpi string literal: quotes and backslashes escaped, line breaks as spaces. */
export function kpiString(text: string): string {
    return `"${text.replace(/\r\n?|\n/g, ' ').replace(/[\\"]/g, m => `\\${m}`).trim()}"`;
}
