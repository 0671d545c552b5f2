import type { LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import type { InlayHint, InlayHintParams, Position, Range } from 'vscode-languageserver';
import { isAssessment, isModel } from '../generated/ast.js';
import { pick } from '../i18n/locale.js';
import type { KpiServices } from '../kpi-module.js';
import { formatPercent } from './describe.js';

/** After each actual of an assessment: the achievement percentage (actual ÷ target), e.g. `93.88%`. */
export class KpiInlayHintProvider implements InlayHintProvider {
    constructor(private readonly services: KpiServices) {}

    getInlayHints(document: LangiumDocument, params: InlayHintParams): InlayHint[] {
        const model = document.parseResult?.value;
        if (!isModel(model)) return [];
        const tooltip = pick(this.services.kpi.Settings.localeOf(document), { zh: '达成率 = 实际 ÷ 目标', en: 'Achievement = actual ÷ target' });
        const hints: InlayHint[] = [];
        for (const assessment of model.blocks.filter(isAssessment)) {
            const range = assessment.$cstNode?.range;
            if (!range || range.end.line < params.range.start.line || range.start.line > params.range.end.line) continue;
            for (const row of this.services.kpi.Scores.of(assessment).score.rows) {
                const end = row.node.actual?.$cstNode?.range.end;
                if (row.achievement === undefined || !end) continue;
                if (!within(end, params.range)) continue;
                hints.push({ position: end, label: formatPercent(row.achievement), paddingLeft: true, tooltip });
            }
        }
        return hints;
    }
}

function within(position: Position, range: Range): boolean {
    const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
    return after(position, range.start) && after(range.end, position);
}
