// Rules on what a self-assessment says in words: texts left as the form's instruction, and
// actuals measured on another metric.
import { GrammarUtils, type AstNode } from 'langium';
import {
    isBreakdownActual, isConclusion, isExecution, isGoalAssessment, isImprovement, isIndicatorAssessment,
    isNotApplicableActual, isProblemStatement, isSummary, isTextActual, type Assessment, type IndicatorAssessment,
} from '../../generated/ast.js';
import { titleOf } from '../../model/project.js';
import type { Report } from '../report.js';

/** Wording of the printed forms' instructions ("对照年度目标，说明……（100字以内）", "如：XXX"). */
const INSTRUCTION = ['字以内', '请填写', '请说明', '对照年度目标', '如：', 'XXX', '××'];

interface Written { node: AstNode; property: string; text: string }

/** Every narrative string of an assessment, with the node and property it is written in. */
function narrativeTexts(assessment: Assessment): Written[] {
    const texts: Written[] = [];
    const add = (node: AstNode, property: string, text: string | undefined) => {
        if (text !== undefined) texts.push({ node, property, text });
    };
    for (const item of assessment.items) {
        if (isExecution(item)) {
            add(item, 'adjustment', item.adjustment);
            add(item, 'deviation', item.deviation);
        } else if (isIndicatorAssessment(item)) {
            if (isTextActual(item.actual)) add(item.actual, 'text', item.actual.text);
            if (isNotApplicableActual(item.actual)) add(item.actual, 'reason', item.actual.reason);
            add(item, 'deviation', item.deviation);
        } else if (isBreakdownActual(item)) {
            add(item, 'deviation', item.deviation);
        } else if (isGoalAssessment(item) || isProblemStatement(item) || isSummary(item) || isImprovement(item) || isConclusion(item)) {
            add(item, 'text', item.text);
        }
    }
    return texts;
}

/** A text that is still the form's instruction, or empty: reported where it stands, once per text. */
export function assessmentPlaceholderText(assessment: Assessment, report: Report): void {
    for (const { node, property, text } of narrativeTexts(assessment)) {
        const empty = text.trim() === '';
        const found = INSTRUCTION.find(words => text.includes(words));
        if (!empty && !found) continue;
        report('assessment/placeholder-text', {
            node, range: GrammarUtils.findNodeForProperty(node.$cstNode, property)?.range,
            message: empty
                ? { zh: '文字为空：请填写实际内容', en: 'The text is empty: write what actually happened' }
                : {
                    zh: `「${text}」仍是表格的填写说明（含“${found}”）：请填写实际内容`,
                    en: `"${text}" is still the form's instruction (it contains '${found}'): write what actually happened`,
                },
            data: { text, instruction: found },
        });
    }
}

/** `口径 "…"`: the actual was measured on a metric other than the indicator's title. */
export function assessmentMetricMismatch(node: IndicatorAssessment, report: Report): void {
    const indicator = node.indicator?.ref;
    const metric = node.measuredAs?.trim();
    if (!indicator || metric === undefined) return;
    const title = titleOf(indicator).trim();
    if (metric === title) return;
    report('assessment/metric-mismatch', {
        node, property: 'measuredAs',
        message: {
            zh: `实际值的口径「${metric}」与指标「${title}」不符：实际值应按指标本身的口径统计`,
            en: `The actual was measured as "${metric}", not as the indicator "${title}"`,
        },
        data: { measuredAs: metric, title },
    });
}
