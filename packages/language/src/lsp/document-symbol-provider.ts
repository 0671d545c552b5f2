import { AstUtils, CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider, NodeKindProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import {
    isAssessment, isBaseline, isBreakdownActual, isCompliance, isContract, isExecution, isGoalAssessment, isGradeStatement,
    isIndicatorAssessment, isMilestoneAssessment, isModel, isProblemStatement, isProject, isStandard, isTotal,
    type AssessmentItem, type Block, type BreakdownSection, type Indicator, type Level1Group, type Project,
} from '../generated/ast.js';
import type { KpiServices } from '../kpi-module.js';
import { groupName } from '../model/project.js';
import { targetText } from './describe.js';
import { pick, type Bilingual } from '../i18n/locale.js';

/**
 * The outline: project → 总体目标 / level-1 family → level-2 family → indicators / 里程碑;
 * contract → clauses; standard → requirements and baselines; assessment and compliance → rows.
 * Families and sections are named by the keyword the file uses.
 */
export class KpiDocumentSymbolProvider implements DocumentSymbolProvider {
    private readonly kinds: NodeKindProvider;

    constructor(private readonly services: KpiServices) {
        this.kinds = services.shared.lsp.NodeKindProvider;
    }

    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const model = document.parseResult?.value;
        if (!isModel(model)) return [];
        return model.blocks.flatMap(block => this.block(block));
    }

    private block(block: Block): DocumentSymbol[] {
        let children: DocumentSymbol[] = [];
        if (isProject(block)) children = this.project(block);
        else if (isContract(block)) children = block.clauses.flatMap(c => this.named(c, c.name, this.detail(c, targetText(c.target))));
        else if (isStandard(block)) children = block.entries.flatMap(e => this.named(e, e.name, this.detail(e, isBaseline(e) ? undefined : targetText(e.target))));
        else if (isAssessment(block)) children = block.items.flatMap(item => this.assessmentItem(item));
        else if (isCompliance(block)) children = block.reviews.flatMap(r => this.symbol(r, r.clause?.$refText, SymbolKind.Property, r.verdict, this.property(r, 'clause')));
        return this.named(block, block.name, block.title, children);
    }

    /** Sections in file order (a project may list milestones before indicators). */
    private project(project: Project): DocumentSymbol[] {
        const symbols = [
            ...project.goalSections.flatMap(s => this.symbol(s, this.keywordOf(s), SymbolKind.Package, undefined, undefined,
                s.goals.flatMap(g => this.named(g, g.name, g.text)))),
            ...project.indicatorSections.flatMap(s => s.groups.flatMap(g => this.family(g))),
            ...project.milestoneSections.flatMap(s => this.symbol(s, this.keywordOf(s), SymbolKind.Package, undefined, undefined,
                s.milestones.flatMap(m => this.named(m, m.name, m.planned?.value)))),
            ...project.funds.flatMap(s => this.symbol(s, this.keywordOf(s), SymbolKind.Package, undefined, undefined,
                s.lines.flatMap(l => this.symbol(l, firstLine(l), SymbolKind.Number)))),
            ...project.breakdowns.flatMap(s => this.symbol(s, this.keywordOf(s), SymbolKind.Package, undefined, undefined,
                [...s.components.flatMap(c => this.named(c, c.name, c.amount?.$cstNode?.text)), ...this.breakdownTotal(s)])),
        ];
        return symbols.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    }

    /** A 测算 block's `合计` line, from its keyword, as the 资金 block's 年度 line is listed. */
    private breakdownTotal(section: BreakdownSection): DocumentSymbol[] {
        const amount = section.total?.$cstNode;
        const keyword = GrammarUtils.findNodeForKeyword(section.$cstNode, '合计') ?? GrammarUtils.findNodeForKeyword(section.$cstNode, 'total');
        if (!amount || !keyword) return [];
        const range = { start: keyword.range.start, end: amount.range.end };
        return [{ name: `${keyword.text} ${amount.text}`, kind: SymbolKind.Number, range, selectionRange: range }];
    }

    private family(level1: Level1Group): DocumentSymbol[] {
        const level2 = level1.groups.flatMap(g => this.symbol(g, groupName(g), SymbolKind.Namespace, undefined,
            this.property(g, g.category ? 'category' : 'label'), g.indicators.flatMap(i => this.indicator(i))));
        const rows = level1.indicators.flatMap(i => this.indicator(i));
        const children = [...rows, ...level2].sort((a, b) => a.range.start.line - b.range.start.line);
        return this.symbol(level1, groupName(level1), SymbolKind.Namespace, undefined, this.property(level1, 'category'), children);
    }

    private indicator(indicator: Indicator): DocumentSymbol[] {
        return this.named(indicator, indicator.name, this.detail(indicator, targetText(indicator.target)));
    }

    private assessmentItem(item: AssessmentItem): DocumentSymbol[] {
        const text = firstLine(item);
        if (isIndicatorAssessment(item)) {
            // The actual as scored (a bare `97` against `≥95%` is 97%), as hover and `kpispec score` write it.
            const actual = this.services.kpi.Scores.row(item)?.row.actual ?? item.actual?.$cstNode?.text;
            return this.symbol(item, item.indicator?.$refText, SymbolKind.Field, actual, this.property(item, 'indicator'));
        }
        if (isGoalAssessment(item)) return this.symbol(item, item.goal?.$refText, SymbolKind.Constant, item.text, this.property(item, 'goal'));
        if (isMilestoneAssessment(item)) return this.reference(item, 'milestone', item.milestone?.$refText, SymbolKind.Event);
        if (isBreakdownActual(item)) return this.reference(item, 'component', item.component?.$refText, SymbolKind.Number);
        // The 其中 lines under 预算执行 as its children, as the 资金 block's are.
        if (isExecution(item)) return this.symbol(item, text, SymbolKind.Number, undefined, undefined, item.sources.flatMap(s => this.symbol(s, firstLine(s), SymbolKind.Number)));
        if (isTotal(item) || isGradeStatement(item)) return this.symbol(item, text, SymbolKind.Number);
        if (isProblemStatement(item)) return this.symbol(item, item.text ?? text, SymbolKind.String);
        return this.symbol(item, text, SymbolKind.Key);
    }

    /** A row named by its reference, the rest of its first line as the detail (`完成 2023-06-20`, `实际 118 万元`). */
    private reference(node: AstNode, property: string, name: string | undefined, kind: SymbolKind): DocumentSymbol[] {
        const reference = this.property(node, property);
        const line = node.$cstNode && reference ? firstLine(node, reference.end - node.$cstNode.offset) : undefined;
        return this.symbol(node, name, kind, line || undefined, reference);
    }

    private named(node: AstNode, name: string | undefined, detail?: string, children?: DocumentSymbol[]): DocumentSymbol[] {
        return this.symbol(node, name, this.kinds.getSymbolKind(node), detail, this.property(node, 'name'), children);
    }

    /** One symbol, or none for a node the parser left without text (half-typed input). */
    private symbol(node: AstNode, name: string | undefined, kind: SymbolKind, detail?: string, selection?: CstNode, children?: DocumentSymbol[]): DocumentSymbol[] {
        const range = node.$cstNode?.range;
        if (!range) return [];
        return [{
            // Clients reject empty names.
            name: name?.trim() || '?',
            kind,
            detail,
            range,
            selectionRange: selection?.range ?? range,
            children: children && children.length > 0 ? children : undefined,
        }];
    }

    private property(node: AstNode, property: string): CstNode | undefined {
        return GrammarUtils.findNodeForProperty(node.$cstNode, property);
    }

    /** A section's name is its keyword as written (总体目标 or goals). */
    private keywordOf(node: AstNode): string | undefined {
        return node.$cstNode && CstUtils.flattenCst(node.$cstNode).head()?.text;
    }

    /** A node's detail, in the language of its file's messages. */
    private detail(node: AstNode, text: Bilingual | undefined): string | undefined {
        return text && pick(this.services.kpi.Settings.localeOf(AstUtils.getDocument(node)), text);
    }
}

/** A node's first line of text (from `from` characters in), spaces collapsed: the 预算执行 row without its 其中 lines. */
function firstLine(node: AstNode, from = 0): string | undefined {
    return node.$cstNode?.text.slice(from).split(/\r\n|\r|\n/)[0]!.replace(/\s+/g, ' ').trim();
}
