import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import { isAssessment, isModel } from '../generated/ast.js';
import { pick, type Locale } from '../i18n/locale.js';
import type { KpiServices } from '../kpi-module.js';
import { formatScore } from './describe.js';
import { GRADE_KEYWORD } from '../scoring/index.js';

/**
 * Above every assessment row, the execution line and the total: the score the scoring rule
 * gives (`规则得分 4.2 / 5`), so a reviewer sees claimed and computed side by side.
 */
export class KpiCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: KpiServices) {}

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const model = document.parseResult?.value;
        if (!isModel(model)) return [];
        const locale = this.services.kpi.Settings.localeOf(document);
        const lenses: CodeLens[] = [];
        const add = (range: Range | undefined, title: string) => {
            if (range) lenses.push({ range, command: { title, command: '' } });
        };
        for (const assessment of model.blocks.filter(isAssessment)) {
            const { score } = this.services.kpi.Scores.of(assessment);
            if (!score.scored) {
                // A form without scores (no line has a 分值) is not graded: say so once, on its header.
                add(assessment.$cstNode?.range, pick(locale, { zh: '未计分（表中无分值）', en: 'not scored (the form has no weights)' }));
                continue;
            }
            for (const row of score.rows) {
                if (row.ruleScore !== undefined) add(row.node.$cstNode?.range, ruleScore(locale, row.ruleScore, row.weight));
            }
            const execution = score.execution;
            if (execution?.ruleScore !== undefined) add(execution.node.$cstNode?.range, ruleScore(locale, execution.ruleScore, execution.weight));
            const total = assessment.items.find(i => i.$type === 'Total');
            const grade = pick(locale, GRADE_KEYWORD[score.grade.computed]);
            add(total?.$cstNode?.range, `${ruleScore(locale, score.total.ruleScore, score.total.declaredWeight ?? score.total.weight)} · ${grade}`);
        }
        return lenses;
    }
}

function ruleScore(locale: Locale, score: number, weight: number | undefined): string {
    const label = pick(locale, { zh: '规则得分', en: 'rule score' });
    return weight === undefined ? `${label} ${formatScore(score)}` : `${label} ${formatScore(score)} / ${formatScore(weight)}`;
}
