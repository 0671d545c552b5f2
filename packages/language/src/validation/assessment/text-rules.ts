// Rules on what a self-assessment says in words: texts left as the form's instruction, and
// actuals measured on another metric.
import type { AstNode } from 'langium';
import { writtenAt } from '../../parser/repeated-clauses.js';
import {
    isBreakdownActual, isConclusion, isExecution, isGoalAssessment, isImprovement, isIndicatorAssessment,
    isNotApplicableActual, isProblemStatement, isSummary, isTextActual, type Assessment, type IndicatorAssessment,
} from '../../generated/ast.js';
import { titleOf } from '../../model/project.js';
import type { Report } from '../report.js';

/**
 * How the printed forms' instructions begin ("对照年度目标，说明……", "请填写", "如：XXX", "（100字以内）").
 * Only the start of the whole text or of a bracketed part counts: "……，如：城东、城西" is a sentence.
 */
const INSTRUCTION: { words: string; start: RegExp }[] = [
    { words: '字以内', start: /^\d*字以内/ },
    { words: '请填写', start: /^请填写/ },
    { words: '请说明', start: /^请(简要|详细)?说明/ },
    { words: '对照年度目标', start: /^对照年度(绩效)?目标,?(逐项)?说明/ },
    { words: '如：', start: /^例?如:/ },
];
/** Where an instruction may begin: the text's start or a bracket's, after spaces and punctuation (one pass for most texts, which hold none). */
const INSTRUCTION_AT = new RegExp(`(?:^|[(\\[【〔])[\\s\\p{P}]*(?:${INSTRUCTION.map(i => i.start.source.slice(1)).join('|')})`, 'u');
/**
 * The most common surnames (about nine in ten people): 张某某 after one is how published reports
 * anonymise a person, while 由某某街道 or 在某某社区 is a blank.
 */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
/** A blank left to fill in, anywhere in the text: XXX, ××, or 某某 not after a surname. */
const BLANK = new RegExp(`X{2,}|×{2,}|(?<![${SURNAMES}])某某`, 'iu');
const ONLY_MARKS = /^[\s\p{P}]*$/u;
/** Full-width forms and the ideographic space, which NFKC turns into ASCII. */
const FULL_WIDTH = /[\u3000\uFF01-\uFF5E]/;

type Placeholder = { kind: 'empty' } | { kind: 'instruction'; words: string } | { kind: 'marks' };

/** Why a text is still the form's, if it is. Compared after NFKC, so full-width ：（） and ＸＸＸ count. */
function placeholderIn(original: string): Placeholder | undefined {
    if (original.trim() === '') return { kind: 'empty' };
    const text = FULL_WIDTH.test(original) ? original.normalize('NFKC') : original;
    if (INSTRUCTION_AT.test(text)) {
        // Named by the first instruction of the list that begins the text or follows a bracket,
        // nested ones too (`（详见附件（请填写））`), wherever INSTRUCTION_AT found it.
        const parts = [text, ...[...text.matchAll(/[(\[【〔]/g)].map(m => text.slice(m.index + 1))].map(part => part.replace(/^[\s\p{P}]+/u, ''));
        const words = INSTRUCTION.find(({ start }) => parts.some(part => start.test(part)))?.words;
        if (words) return { kind: 'instruction', words };
    }
    const blank = BLANK.exec(text);
    if (blank) return { kind: 'instruction', words: blank[0] };
    if (ONLY_MARKS.test(text)) return { kind: 'marks' };
    return undefined;
}

/**
 * The text without the bracketed parts that are the form's instruction or blank, when what is
 * left says something of its own: `"全年建成3个助餐点（100字以内）"` is `全年建成3个助餐点`.
 */
function withoutBracketedInstructions(text: string): string | undefined {
    const stripped = text.replace(/[（(【〔[][^（）()【】〔〕[\]]*[）)】〕\]]/g, part => (placeholderIn(part.slice(1, -1)) ? '' : part)).trim();
    return stripped !== text.trim() && !placeholderIn(stripped) ? stripped : undefined;
}

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
        const found = placeholderIn(text);
        if (!found) continue;
        const instruction = found.kind === 'instruction' ? found.words : undefined;
        report('assessment/placeholder-text', {
            node, range: writtenAt(node, property)?.range,
            message: found.kind === 'empty'
                ? { zh: '文字为空：请填写实际内容', en: 'The text is empty: write what actually happened' }
                : found.kind === 'marks'
                    ? { zh: `「${text}」只有占位符和标点：请填写实际内容`, en: `"${text}" holds only punctuation or placeholder marks: write what actually happened` }
                    : {
                        zh: `「${text}」仍是表格的填写说明（含“${instruction}”）：请填写实际内容`,
                        en: `"${text}" is still the form's instruction (it contains '${instruction}'): write what actually happened`,
                    },
            data: { text, instruction, suggested: withoutBracketedInstructions(text) },
        });
    }
}

/**
 * A metric name without the wording that does not change the measure: NFKC (full-width digits and
 * punctuation), case, spaces and punctuation, 的, 以内/之内/内 after a time unit, 比率/比例 for 率.
 */
function metricKey(name: string): string {
    return name.normalize('NFKC').toLowerCase()
        .replace(/[\s\p{P}]/gu, '')
        .replace(/(?<=[秒钟分时天日周月年])(以内|之内|内)/g, '')
        .replace(/的/g, '')
        .replace(/比率|比例/g, '率');
}

/** `口径 "…"`: the actual was measured on a metric other than the indicator's title. */
export function assessmentMetricMismatch(node: IndicatorAssessment, report: Report): void {
    const indicator = node.indicator?.ref;
    const metric = node.measuredAs?.trim();
    if (!indicator || metric === undefined) return;
    const title = titleOf(indicator).trim();
    if (metricKey(metric) === metricKey(title)) return;
    report('assessment/metric-mismatch', {
        node, property: 'measuredAs',
        message: {
            zh: `实际值的口径「${metric}」与指标「${title}」不符：实际值应按指标本身的口径统计`,
            en: `The actual was measured as "${metric}", not as the indicator "${title}"`,
        },
        data: { measuredAs: metric, title },
    });
}
