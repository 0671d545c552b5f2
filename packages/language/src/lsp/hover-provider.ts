import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type MaybePromise, type NameProvider, type References } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
    isAsOf, isBaseline, isBlock, isBreakdownComponent, isBreakdownSection, isClause, isClauseReview, isExecution, isExecutionShare, isFundsTotal, isGoal,
    isGoalAssessment, isIndicator, isMilestoneAssessment, isProblemStatement, isProject, type BreakdownSection, type Project,
    isBreakdownActual, isGradeStatement, isIndicatorAssessment, isMilestone, isRequirement, isTotal,
    isConclusion, isFundsSection, isFundsShare, isImprovement, isLevel1Group, isLevel2Group, isPeriod, isSummary,
} from '../generated/ast.js';
import type { KpiServices } from '../kpi-module.js';
import type { KpiSettings } from '../settings.js';
import { HoverContent, type ProjectField } from './hover-content.js';
import { annualOf } from '../model/funds.js';
import { qualifiedTargetAt } from './qualified-names.js';
import { isRemark } from '../parser/remarks.js';

/** Elements whose whole row describes them (a block only describes itself on its name). */
const ROWS = [isIndicatorAssessment, isProblemStatement, isSummary, isImprovement, isConclusion, isExecutionShare, isExecution, isTotal, isGradeStatement, isAsOf, isFundsTotal, isFundsShare, isBreakdownComponent, isClauseReview, isIndicator, isClause, isRequirement, isBaseline, isGoal, isMilestone];

/**
 * Hover on indicators, clauses, requirements, baselines and the references to them, and on
 * assessment rows: the target, the values it is held to and how they compare, the rule score.
 */
export class KpiHoverProvider implements HoverProvider {
    private readonly references: References;
    private readonly names: NameProvider;
    private readonly settings: KpiSettings;
    private readonly nameRegexp: RegExp;
    private readonly content: HoverContent;

    constructor(services: KpiServices) {
        this.references = services.references.References;
        this.names = services.references.NameProvider;
        this.nameRegexp = services.parser.GrammarConfig.nameRegexp;
        this.content = new HoverContent(services);
        this.settings = services.kpi.Settings;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): MaybePromise<Hover | undefined> {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.nameRegexp);
        // A remark (`（户籍）` after `>= 2 万人`) says what it is, then what its row says.
        const remark = leaf !== undefined && isRemark(leaf);
        if (!leaf || (leaf.hidden && !remark)) return undefined;
        const locale = this.settings.localeOf(document);
        // A remark is a hidden leaf wherever the parser put it: its row is the value's before it.
        const subject = this.subjectAt(remark ? CstUtils.findLeafNodeBeforeOffset(root, leaf.offset - 1) ?? leaf : leaf);
        const amountLine = amountLineOf(leaf);
        const field = projectFieldAt(leaf);
        const described = isProject(amountLine) ? this.content.budget(amountLine, locale)
            : amountLine ? this.content.breakdownTotal(amountLine, locale)
                : field ? this.content.projectField(field.project, field.field, locale)
                    : subject && this.content.describe(subject, locale);
        const value = remark ? [this.content.remark(leaf.text, locale), described].filter(Boolean).join('\n\n') : described;
        return value ? { contents: { kind: 'markdown', value }, range: leaf.range } : undefined;
    }

    private subjectAt(leaf: CstNode): AstNode | undefined {
        // An assessment row is about its indicator and its score, a breakdown line about its
        // component and what it spent, a goal or milestone line about its plan and what came of
        // it: describe the row as a whole.
        const row = AstUtils.getContainerOfType(leaf.astNode, (n): n is AstNode =>
            isIndicatorAssessment(n) || isBreakdownActual(n) || isGoalAssessment(n) || isMilestoneAssessment(n));
        if (row) return row;
        const qualified = qualifiedTargetAt(leaf);
        if (qualified) return qualified;
        const declared = this.references.findDeclarations(leaf)[0];
        if (declared) return declared;
        // A 资金 block's keyword: its 年度 total and what it is checked against.
        if (isFundsSection(leaf.astNode) && /^(资金|funds)$/.test(leaf.text)) return annualOf(leaf.astNode);
        // A group's family or label (`产出指标`, `资金管理`), not its braces.
        if ((isLevel1Group(leaf.astNode) || isLevel2Group(leaf.astNode)) && !/^[{}]$/.test(leaf.text)) return leaf.astNode;
        const block = AstUtils.getContainerOfType(leaf.astNode, isBlock);
        if (block && this.names.getNameNode(block) === leaf) return block;
        return AstUtils.getContainerOfType(leaf.astNode, (n): n is AstNode => ROWS.some(is => is(n)));
    }
}

/**
 * The node whose amount line a leaf is on, where the line is a keyword and an amount of a larger
 * node: a project's `预算`, a 测算 block's `合计` (the block holds no other such keyword), and
 * the block's own `测算`, which says what its total is checked against.
 */
function amountLineOf(leaf: CstNode): Project | BreakdownSection | undefined {
    const node = leaf.astNode;
    if (isProject(node)) return /^(预算|budget)$/.test(leaf.text) ? node : undefined;
    if (isBreakdownSection(node)) return /^(合计|total|测算|breakdown)$/.test(leaf.text) ? node : undefined;
    const container = node.$container;
    if (isProject(container) && node.$containerProperty === 'budget') return container;
    if (isBreakdownSection(container) && node.$containerProperty === 'total') return container;
    return undefined;
}

const PROJECT_FIELDS: readonly ProjectField[] = ['department', 'implementer', 'period'];

/** The header line of a project a leaf is on (its keyword, typed alone too, or its value): 主管部门, 实施单位, 实施期. */
function projectFieldAt(leaf: CstNode): { project: Project; field: ProjectField } | undefined {
    const period = AstUtils.getContainerOfType(leaf.astNode, isPeriod);
    if (period) return isProject(period.$container) ? { project: period.$container, field: 'period' } : undefined;
    const project = leaf.astNode;
    if (!isProject(project)) return undefined;
    // A keyword belongs to the assignment that follows it in its group (`'主管部门' department=STRING`).
    const assignment = GrammarUtils.findAssignment(leaf)
        ?? (GrammarAST.isKeyword(leaf.grammarSource) ? AstUtils.getContainerOfType(leaf.grammarSource, GrammarAST.isGroup)?.elements.find(GrammarAST.isAssignment) : undefined);
    const field = PROJECT_FIELDS.find(f => f === assignment?.feature);
    return field && { project, field };
}
