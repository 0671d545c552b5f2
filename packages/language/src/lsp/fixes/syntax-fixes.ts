// Quick fixes for syntax/* diagnostics.
import { TextEdit } from 'vscode-languageserver';
import type { Fix } from './fix-context.js';

/**
 * syntax/lexing on a Chinese quotation mark (`项目 P “热线” {`): the string's ends as `"`, the
 * mark and its partner on the same line (the next ” after a “, the last “ before a ”).
 */
export const straightenQuotes: Fix = (d, ctx) => {
    const { line, character } = d.range.start;
    const text = ctx.lineText(line);
    const mark = text[character];
    if (mark !== '“' && mark !== '”') return [];
    const partner = mark === '“' ? text.indexOf('”', character + 1) : text.lastIndexOf('“', character - 1);
    const at = (c: number) => TextEdit.replace({ start: { line, character: c }, end: { line, character: c + 1 } }, '"');
    const edits = partner < 0 ? [at(character)] : [at(Math.min(character, partner)), at(Math.max(character, partner))];
    return ctx.action({ zh: '将中文引号改为字符串的引号 "', en: 'Use " for the string\'s quotation marks' }, edits, [d], true);
};
