// Quick fixes for compliance/* diagnostics (data documented in docs/rules/compliance).
import { isCompliance, type Compliance } from '../../generated/ast.js';
import type { MissingRows } from './missing-rows.js';

/**
 * compliance/clause-not-reviewed: add a row per clause left out (data `clause`), after the rows
 * there. It says 未考核, which stays true until the officer writes the clause's actual and
 * verdict: the form then shows the clause as not assessed instead of leaving it out.
 */
export const CLAUSE_ROWS: MissingRows<Compliance> = {
    form: isCompliance,
    field: 'clause',
    row: (_d, clause, ctx) => ctx.kw({ zh: `条款 ${clause} 未考核 结论 未考核`, en: `clause ${clause} unassessed verdict unassessed` }),
    insert: (review, rows, ctx) => ctx.appendChild(review, review.reviews, rows),
    addOne: clause => ({ zh: `添加条款「${clause}」的考核行`, en: `Add a row for the clause '${clause}'` }),
    addAll: count => ({ zh: `添加全部 ${count} 个未考核条款的考核行`, en: `Add rows for all ${count} clauses not reviewed` }),
};
