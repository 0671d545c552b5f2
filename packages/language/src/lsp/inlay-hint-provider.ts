import type { LangiumDocument } from 'langium';
import type { InlayHintProvider } from 'langium/lsp';
import { InlayHintKind, type InlayHint, type InlayHintParams, type Position, type Range } from 'vscode-languageserver';
import { isAssessment, isMeasuredActual, isModel } from '../generated/ast.js';
import { pick, type Locale } from '../i18n/locale.js';
import type { KpiServices } from '../kpi-module.js';
import { actualMeasure, measureOf } from '../model/values.js';
import type { RowScore } from '../scoring/index.js';
import { formatPercent } from './describe.js';

/**
 * After each actual of an assessment: the unit a bare number is read in, the target's (`实际 97`
 * against `≥95%` reads `97%`, as printed forms give the unit once), and the achievement
 * percentage (actual ÷ target), e.g. `93.88%`.
 */
export class KpiInlayHintProvider implements InlayHintProvider {
    constructor(private readonly services: KpiServices) {}

    getInlayHints(document: LangiumDocument, params: InlayHintParams): InlayHint[] {
        const model = document.parseResult?.value;
        if (!isModel(model)) return [];
        const locale = this.services.kpi.Settings.localeOf(document);
        const tooltip = pick(locale, { zh: '达成率 = 实际 ÷ 目标', en: 'Achievement = actual ÷ target' });
        const hints: InlayHint[] = [];
        for (const assessment of model.blocks.filter(isAssessment)) {
            const range = assessment.$cstNode?.range;
            if (!range || range.end.line < params.range.start.line || range.start.line > params.range.end.line) continue;
            for (const row of this.services.kpi.Scores.of(assessment).score.rows) {
                const end = row.node.actual?.$cstNode?.range.end;
                if (!end || !within(end, params.range)) continue;
                const unit = unitHint(row, end, locale);
                if (unit) hints.push(unit);
                if (row.achievement !== undefined) hints.push({ position: end, label: formatPercent(row.achievement), paddingLeft: true, tooltip });
            }
        }
        return hints;
    }
}

/** The target's unit after a bare actual: `%` glued to the number, a word after a space. */
function unitHint(row: RowScore, position: Position, locale: Locale): InlayHint | undefined {
    const actual = row.node.actual;
    if (!isMeasuredActual(actual) || !actual.value) return undefined;
    const written = measureOf(actual.value);
    const read = actualMeasure(actual, row.indicator?.target);
    if (written?.kind !== 'number' || written.unit !== undefined || read?.kind !== 'number' || read.unit === undefined) return undefined;
    const unit = read.unit.trim();
    return {
        position, label: unit, kind: InlayHintKind.Type, paddingLeft: !/^[%％‰]$/.test(unit),
        tooltip: pick(locale, { zh: `按目标 ${row.target ?? ''} 的单位读作 ${row.actual ?? ''}`, en: `Read in the unit of the target ${row.target ?? ''}: ${row.actual ?? ''}` }),
    };
}

function within(position: Position, range: Range): boolean {
    const after = (a: Position, b: Position) => a.line > b.line || (a.line === b.line && a.character >= b.character);
    return after(position, range.start) && after(range.end, position);
}
