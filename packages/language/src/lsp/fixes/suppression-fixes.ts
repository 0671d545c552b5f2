// Suppressing a diagnostic with a reason, and tidying suppression comments (suppression/*).
import { TextEdit } from 'vscode-languageserver';
import { parseDirectives, type Directive } from '../../validation/suppressions.js';
import { dataOf, stringField, type Fix, type FixContext } from './fix-context.js';

const NEXT_LINE = 'kpispec-disable-next-line';

/**
 * Any rule: `// kpispec-disable-next-line <rule> -- <reason>` above the line the diagnostic
 * starts on, or the rule added to such a comment already there.
 */
export const suppressOnLine: Fix = (d, ctx) => {
    const rule = typeof d.code === 'string' ? d.code : undefined;
    if (!rule) return [];
    const line = d.range.start.line;
    const title = { zh: `在此行停用 ${rule}（需注明理由）`, en: `Suppress ${rule} on this line (give a reason)` };
    const above = directiveOnLine(ctx, line - 1);
    if (above && above.rules.length > 0) {
        if (above.rules.includes(rule)) return [];
        return ctx.action(title, [TextEdit.replace(above.range, comment([...above.rules, rule], above.reason ?? placeholder(ctx)))], [d]);
    }
    const text = `${ctx.lineIndent(line)}${comment([rule], placeholder(ctx))}\n`;
    return ctx.action(title, [TextEdit.insert({ line, character: 0 }, text)], [d]);
};

/** suppression/unused: delete the comment, or the rule that suppresses nothing from its list. */
export const removeUnusedSuppression: Fix = (d, ctx) => {
    const directive = parseDirectives(ctx.document)
        .find(x => x.range.start.line === d.range.start.line && x.range.start.character === d.range.start.character);
    if (!directive || dataOf(d)['noInlineConfig'] === true) return [];
    const rule = stringField(d, 'rule');
    if (dataOf(d)['removeComment'] === true || !rule) {
        return ctx.action({ zh: '删除未起作用的抑制注释', en: 'Remove the unused suppression comment' }, [deleteComment(directive, ctx)], [d], true);
    }
    const rest = directive.rules.filter(r => r !== rule);
    const body = `kpispec-${directive.kind} ${rest.join(', ')}${directive.reason ? ` -- ${directive.reason}` : ''}`;
    const text = directive.block ? `/* ${body} */` : `// ${body}`;
    return ctx.action({ zh: `从抑制注释中删除 ${rule}`, en: `Remove ${rule} from the suppression comment` }, [TextEdit.replace(directive.range, text)], [d], true);
};

/** suppression/no-reason: add ` -- <reason>` where the comment takes it (data `reasonAt`). */
export const addSuppressionReason: Fix = (d, ctx) => {
    const at = dataOf(d)['reasonAt'] as { line?: unknown; character?: unknown } | undefined;
    if (typeof at?.line !== 'number' || typeof at.character !== 'number') return [];
    return ctx.action({ zh: '为抑制注释注明理由', en: 'Give the suppression a reason' },
        [TextEdit.insert({ line: at.line, character: at.character }, ` -- ${placeholder(ctx)}`)], [d], true);
};

function comment(rules: string[], reason: string): string {
    return `// ${NEXT_LINE} ${rules.join(', ')} -- ${reason}`;
}

function placeholder(ctx: FixContext): string {
    return ctx.kw({ zh: '请说明理由', en: 'explain why' });
}

/** A `// kpispec-disable-next-line` comment alone on a line. */
function directiveOnLine(ctx: FixContext, line: number): Directive | undefined {
    if (line < 0 || !/^\/\/\s*kpispec-disable-next-line\b/.test(ctx.lineText(line).trim())) return undefined;
    return parseDirectives(ctx.document).find(x => x.kind === 'disable-next-line' && x.range.start.line === line);
}

/** Deletes a comment: its whole line when nothing else is on it. */
function deleteComment(directive: Directive, ctx: FixContext): TextEdit {
    const { start, end } = directive.range;
    const line = ctx.lineText(start.line);
    if (start.line === end.line && line.trim() === line.slice(start.character, end.character).trim()) {
        return TextEdit.del({ start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } });
    }
    const before = /[ \t]*$/.exec(line.slice(0, start.character))![0].length;
    return TextEdit.del({ start: { line: start.line, character: start.character - before }, end });
}
