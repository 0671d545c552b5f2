import type { AstNode } from 'langium';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { Bilingual } from '../../i18n/locale.js';
import { stringField, type FixContext } from './fix-context.js';

/**
 * A form that lacks a row per item of what it answers (a goal of the project, a clause of the
 * contract): each diagnostic names its item in the fix data `field`.
 */
export interface MissingRows<C extends AstNode> {
    /** The form the rows go into. */
    readonly form: (node: unknown) => node is C;
    readonly field: string;
    /** The new row of one diagnostic's item. */
    readonly row: (diagnostic: Diagnostic, item: string, ctx: FixContext) => string;
    /** Where the rows go in the form. */
    readonly insert: (form: C, rows: string[], ctx: FixContext) => TextEdit | undefined;
    readonly addOne: (item: string) => Bilingual;
    readonly addAll: (count: number) => Bilingual;
}

/** One action per missing item, and one that adds them all when a form lacks several (preferred then). */
export function addMissingRows<C extends AstNode>(diagnostics: Diagnostic[], ctx: FixContext, rows: MissingRows<C>): CodeAction[] {
    const byForm = new Map<C, Array<{ diagnostic: Diagnostic; item: string }>>();
    for (const diagnostic of diagnostics) {
        const form = ctx.nodeAt(diagnostic.range.start, rows.form);
        const item = stringField(diagnostic, rows.field);
        if (form && item) byForm.set(form, [...byForm.get(form) ?? [], { diagnostic, item }]);
    }
    const actions: CodeAction[] = [];
    for (const [form, missing] of byForm) {
        const insert = (some: typeof missing) => rows.insert(form, some.map(m => rows.row(m.diagnostic, m.item, ctx)), ctx);
        for (const one of missing) actions.push(...ctx.action(rows.addOne(one.item), [insert([one])], [one.diagnostic], missing.length === 1));
        if (missing.length > 1) actions.push(...ctx.action(rows.addAll(missing.length), [insert(missing)], missing.map(m => m.diagnostic), true));
    }
    return actions;
}
