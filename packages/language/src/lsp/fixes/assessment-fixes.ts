// Quick fixes for score/* and assessment/* diagnostics (data documented in docs/rules/score, docs/rules/assessment).
import { CstUtils, type AstNode } from 'langium';
import { TextEdit, type Position } from 'vscode-languageserver';
import {
    isAssessment, isBreakdownActual, isConclusion, isExecution, isGoalAssessment, isGradeStatement, isImprovement, isIndicatorAssessment,
    isNotApplicableActual, isProblemStatement, isSummary, isTotal,
    type Assessment, type Execution, type IndicatorAssessment, type Total,
} from '../../generated/ast.js';
import { formatScore } from '../describe.js';
import { keyword } from '../keyword-language.js';
import { insertAfterLast, numberField, quote, stringField, type Fix, type FixContext } from './fix-context.js';
import type { MissingRows } from './missing-rows.js';
import { isEmptyCellMarkAt } from '../../parser/empty-cells.js';
import { writtenAt } from '../../parser/repeated-clauses.js';
import { GRADE_KEYWORD, type GradeId } from '../../scoring/index.js';

type Scored = IndicatorAssessment | Execution | Total;
const isScored = (n: unknown): n is Scored => isIndicatorAssessment(n) || isExecution(n) || isTotal(n);

/** score/*: set the claimed score to the rule score (`data.ruleScore`; the sum of scores for a total). */
export const setScore: Fix = (d, ctx) => {
    const node = ctx.nodeAt(d.range.start, isScored);
    const value = numberField(d, 'ruleScore') ?? (d.code === 'score/total-mismatch' ? numberField(d, 'sum') : undefined);
    if (!node || value === undefined || node.score === value) return [];
    const score = formatScore(value);
    const written = writtenAt(node, 'score');
    const edit = written
        ? TextEdit.replace(written.range, score)
        : insertAfterLast(node, ['weight', 'actual', 'spent'], ` ${keyword('score', ctx.language)} ${score}`);
    const title = isTotal(node)
        ? { zh: `将合计得分改为 ${score}`, en: `Set the total score to ${score}` }
        : { zh: `将得分改为规则得分 ${score}`, en: `Set the score to the rule score ${score}` };
    return ctx.action(title, [edit], [d], true);
};

/** score/grade-mismatch: write the grade of the total. */
export const setGrade: Fix = (d, ctx) => {
    const statement = ctx.nodeAt(d.range.start, isGradeStatement);
    const grade = stringField(d, 'grade');
    const written = writtenAt(statement, 'grade');
    const gradeKeyword = grade === undefined ? undefined : GRADE_KEYWORD[grade as GradeId];
    if (!gradeKeyword || !written) return [];
    const label = ctx.kw(gradeKeyword);
    return ctx.action({ zh: `将等级改为 ${label}`, en: `Set the grade to ${label}` }, [TextEdit.replace(written.range, label)], [d], true);
};

/** assessment/missing-deviation: add a 偏差 reason to the row. */
export const addDeviation: Fix = (d, ctx) => {
    const row = ctx.nodeAt(d.range.start, isIndicatorAssessment);
    const end = row?.$cstNode?.range.end;
    if (!row || !end || row.deviation !== undefined) return [];
    const reason = stringField(d, 'reason') === 'above'
        ? ctx.kw({ zh: '大幅超出目标的原因：请填写', en: 'Why the target was exceeded by far: to be filled in' })
        : ctx.kw({ zh: '未达到目标的原因：请填写', en: 'Why the target was missed: to be filled in' });
    return ctx.action({ zh: '添加偏差原因', en: 'Add a deviation reason' },
        [TextEdit.insert(end, ` ${keyword('deviation', ctx.language)} ${quote(reason)}`)], [d], true);
};

/**
 * assessment/goal-not-covered: add a 总体目标 line per uncovered goal (data `goal`, `text`),
 * after the goal lines already there, else after the budget execution line, else first.
 */
export const GOAL_ROWS: MissingRows<Assessment> = {
    form: isAssessment,
    field: 'goal',
    row: (d, goal, ctx) => {
        const text = stringField(d, 'text') ?? goal;
        const outcome = ctx.kw({ zh: `请填写完成情况（目标：${text}）`, en: `Outcome to be filled in (goal: ${text})` });
        return `${keyword('goals', ctx.language)} ${goal} ${quote(outcome)}`;
    },
    insert: (assessment, rows, ctx) => {
        const anchor = assessment.items.filter(isGoalAssessment).at(-1) ?? assessment.items.find(isExecution);
        return anchor ? ctx.insertAfter(anchor, rows) : ctx.prependChild(assessment, rows);
    },
    addOne: goal => ({ zh: `添加总体目标「${goal}」的自评`, en: `Assess the goal '${goal}'` }),
    addAll: count => ({ zh: `添加全部 ${count} 个未自评的总体目标`, en: `Assess all ${count} uncovered goals` }),
};

/**
 * assessment/actual-not-value: write the value achieved in place of the comparison; assessment/unit-mismatch
 * on a bare number whose reading is doubtful: write what it likely means (data `value`: `96%`, `12500 人`).
 */
export const writeActualValue: Fix = (d, ctx) => {
    const row = ctx.nodeAt(d.range.start, isIndicatorAssessment);
    const value = stringField(d, 'value');
    const written = writtenAt(row, 'actual');
    if (!value || !written) return [];
    return ctx.action({ zh: `将实际值改为 ${value}`, en: `Write the actual as ${value}` }, [TextEdit.replace(written.range, value)], [d], true);
};

/**
 * assessment/no-actual on a row whose 实际 cell is printed empty (`实际 —`, `实际 /`, read as no
 * actual): the two things the mark may have meant, an actual that was not counted (未统计) or one
 * that was not due (不适用).
 */
export const fillEmptyActual: Fix = (d, ctx) => {
    if (stringField(d, 'reason') !== 'missing') return [];
    for (let line = d.range.start.line; line <= d.range.end.line; line++) {
        const text = ctx.lineText(line);
        const found = ACTUAL_THEN_WORD.exec(text);
        if (!found) continue;
        const end = found.index + found[0].length;
        const start = end - found[1]!.length;
        if (!isEmptyCellMarkAt(text, start, end)) continue;
        const mark = { start: { line, character: start }, end: { line, character: end } };
        const write = (word: { zh: string; en: string }, title: { zh: string; en: string }) => ctx.action(title, [TextEdit.replace(mark, ctx.kw(word))], [d]);
        return [
            ...write({ zh: '未统计', en: 'unmeasured' }, { zh: '写作 未统计（应统计而未统计）', en: 'Write unmeasured (it should have been counted)' }),
            ...write({ zh: '不适用', en: 'n/a' }, { zh: '写作 不适用（无须统计）', en: 'Write n/a (nothing was due)' }),
        ];
    }
    return [];
};

/** 实际 and what follows it, up to a blank: the mark of a cell printed empty, if isEmptyCellMarkAt says so. */
const ACTUAL_THEN_WORD = /(?:实际|\bactual)[ \t\u3000]*(\S+)/;

/**
 * assessment/placeholder-text: keep what the text says without the instruction in brackets
 * (data `suggested`); a text that is nothing but the instruction is deleted with its keyword (a
 * 完成情况, 问题, 改进 or 结论 line, a 偏差 or 调整 reason, the reason after 不适用), so that the
 * form shows the cell as not filled in. A goal's text and a text actual have no fix: the line
 * would go with them.
 */
export const removePlaceholder: Fix = (d, ctx) => {
    const suggested = stringField(d, 'suggested');
    if (suggested) {
        return ctx.action({ zh: `删除填写说明，保留「${suggested}」`, en: `Remove the instruction and keep "${suggested}"` }, [TextEdit.replace(d.range, quote(suggested))], [d], true);
    }
    const line = ctx.nodeAt(d.range.start, (n): n is AstNode => isSummary(n) || isImprovement(n) || isConclusion(n) || isProblemStatement(n));
    const reason = ctx.nodeAt(d.range.start, isNotApplicableActual);
    const clause = ctx.nodeAt(d.range.start, (n): n is AstNode => isExecution(n) || isIndicatorAssessment(n) || isBreakdownActual(n));
    const marks = (property: string) => writtenAt(clause, property)?.offset === ctx.document.textDocument.offsetAt(d.range.start);
    const node = line ?? reason ?? (marks('deviation') || marks('adjustment') ? clause : undefined);
    const keywordLeaf = keywordBefore(node, d, ctx);
    if (!keywordLeaf) return [];
    // After 不适用 only the reason goes: 不适用 says the actual is not due.
    const edit = line ? ctx.cut(line)?.edit : deleteClause(reason ? d.range.start : keywordLeaf.range.start, d.range.end, ctx);
    const what = reason ? { zh: `「${keywordLeaf.text}」的说明`, en: `reason after '${keywordLeaf.text}'` } : { zh: `「${keywordLeaf.text}」`, en: `'${keywordLeaf.text}'` };
    return ctx.action({ zh: `删除未填写的${what.zh}（仍为填写说明）`, en: `Delete the unfilled ${what.en} (still the form's instruction)` }, [edit], [d]);
};

/** The keyword written right before the string a diagnostic marks. */
function keywordBefore(node: AstNode | undefined, d: Parameters<Fix>[0], ctx: FixContext) {
    const leaves = node?.$cstNode ? CstUtils.flattenCst(node.$cstNode).filter(l => !l.hidden).toArray() : [];
    const at = leaves.findIndex(l => l.offset === ctx.document.textDocument.offsetAt(d.range.start));
    return at > 0 ? leaves[at - 1] : undefined;
}

/** Deletes a keyword and its string: their line when nothing else stands on it, else with the blanks before them. */
function deleteClause(start: Position, end: Position, ctx: FixContext): TextEdit {
    const before = ctx.lineText(start.line).slice(0, start.character);
    const after = ctx.lineText(end.line).slice(end.character);
    if (start.line === end.line && before.trim() === '' && after.trim() === '') {
        return TextEdit.del({ start: { line: start.line, character: 0 }, end: { line: start.line + 1, character: 0 } });
    }
    return TextEdit.del({ start: { line: start.line, character: start.character - /[ \t]*$/.exec(before)![0].length }, end });
}
