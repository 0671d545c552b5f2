import { AstUtils, GrammarAST, type AstNode, type AstNodeDescription, type LangiumDocument, type MaybePromise, type ReferenceInfo } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import {
    isClause, isContract, isGoal, isIndicator, isIndicatorSection, isLevel1Group, isLevel2Group, isLinkTarget,
    isMilestone, isModel, isProject, isQuantity, isStandard, type CategoryKeyword,
} from '../generated/ast.js';
import { pick } from '../i18n/locale.js';
import type { KpiServices } from '../kpi-module.js';
import { FAMILY_KEYWORD, familyOf, type Family } from '../model/categories.js';
import type { KpiConfigurationProvider } from './configuration-provider.js';
import { linkValueText, targetText } from './describe.js';
import { isKeywordOf, keywordLanguageOf, type KeywordLanguage } from './keyword-language.js';

/** Families allowed at each level of the indicator tree (2015/2020 and 2021 schemes). */
const LEVEL1: Family[] = ['output', 'benefit', 'satisfaction', 'cost'];
const LEVEL2: Partial<Record<Family, Family[]>> = {
    output: ['quantity', 'quality', 'timeliness', 'cost'],
    benefit: ['economic', 'social', 'ecological', 'sustainability'],
    satisfaction: ['beneficiary'],
    cost: ['economic-cost', 'social-cost', 'environmental-cost'],
};

/** Units officers write most; units already used in the file are offered first. */
const COMMON_UNITS = ['%', '‰', '元', '万元', '亿元', '秒', '分钟', '小时', '天', '工作日', '月', '年', '个', '件', '次', '人', '人次', '户', '项', '条', '通', '元/通', '元/人'];

/**
 * Completion of keywords in the file's keyword language, of the names a reference may take
 * (qualified `合同.条款` for 依据, the assessed project's indicators, goals and milestones),
 * of the indicator families allowed at each level of the tree, and of units after a number.
 * Keywords that the grammar also accepts as names are not offered where a new name is typed.
 */
export class KpiCompletionProvider extends DefaultCompletionProvider {
    override readonly completionOptions = { triggerCharacters: ['.'] };
    private readonly languages = new WeakMap<LangiumDocument, KeywordLanguage>();

    constructor(private readonly services: KpiServices) {
        super(services);
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        const setting = (this.services.shared.workspace.ConfigurationProvider as KpiConfigurationProvider).editorSettings?.keywordLanguage ?? 'auto';
        this.languages.set(document, keywordLanguageOf(document, setting, this.services.kpi.Settings.locale));
        return super.getCompletion(document, params);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name;
        if (rule === 'UnitWord') return this.completeUnits(context, acceptor);
        // A new name is the officer's to choose.
        if (next.property === 'name') return;
        if (GrammarAST.isKeyword(next.feature) && rule === 'CategoryKeyword') return this.completeFamily(context, next.feature, acceptor);
        return super.completionFor(context, next, acceptor);
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return super.filterKeyword(context, keyword) && isKeywordOf(this.language(context), keyword.value);
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const node = description.node;
        const detail = node && this.detailOf(node);
        // Clauses of this project's contracts and entries of the standards it applies come first.
        const near = node && isLinkTarget(node) && this.isNear(node, refInfo.container);
        return { ...item, detail: detail || item.detail, sortText: near ? '0' : '1' };
    }

    private completeFamily(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        const family = familyOf(keyword.value as CategoryKeyword);
        const language = this.language(context);
        // Only the canonical spelling of each family, in the file's language.
        if (FAMILY_KEYWORD[family]?.[language] !== keyword.value) return;
        const container = this.innermostGroup(context);
        const allowed = isLevel1Group(container) ? LEVEL2[familyOf(container.category)] ?? [] : isIndicatorSection(container) ? LEVEL1 : [];
        if (!allowed.includes(family)) return;
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Enum,
            detail: pick(this.services.kpi.Settings.locale, isLevel1Group(container) ? { zh: '二级指标', en: 'level-2 family' } : { zh: '一级指标', en: 'level-1 family' }),
            sortText: '1',
        });
    }

    private completeUnits(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const model = context.document.parseResult?.value;
        const used = isModel(model) ? AstUtils.streamAllContents(model).filter(isQuantity).map(q => q.unit?.trim()).nonNullable().filter(u => u !== '').distinct().toArray() : [];
        const detail = pick(this.services.kpi.Settings.locale, { zh: '单位', en: 'unit' });
        for (const unit of new Set([...used, ...COMMON_UNITS])) {
            acceptor(context, { label: unit, kind: CompletionItemKind.Unit, detail, sortText: used.includes(unit) ? '0' : '2' });
        }
    }

    /** The indicator section or level-1 group whose braces hold the cursor. */
    private innermostGroup(context: CompletionContext): AstNode | undefined {
        const model = context.document.parseResult?.value;
        if (!isModel(model)) return undefined;
        let found: AstNode | undefined;
        for (const node of AstUtils.streamAllContents(model)) {
            const cst = node.$cstNode;
            if (!cst || cst.offset >= context.offset || cst.end < context.offset) continue;
            if (isIndicatorSection(node) || isLevel1Group(node) || isLevel2Group(node)) found = node;
        }
        return found;
    }

    private detailOf(node: AstNode): string | undefined {
        const locale = this.services.kpi.Settings.locale;
        if (isLinkTarget(node)) {
            const value = linkValueText(node);
            return [value && pick(locale, value), node.title].filter(Boolean).join(' · ');
        }
        if (isIndicator(node)) {
            const target = targetText(node.target);
            return [target && pick(locale, target), node.title].filter(Boolean).join(' · ');
        }
        if (isGoal(node)) return node.text;
        if (isMilestone(node)) return [node.title, node.planned?.value].filter(Boolean).join(' · ');
        return undefined;
    }

    private isNear(target: AstNode, from: AstNode): boolean {
        const project = AstUtils.getContainerOfType(from, isProject);
        const owner = target.$container;
        if (!project) return false;
        if (isClause(target) && isContract(owner)) return owner.project?.ref === project;
        return isStandard(owner) && project.applies.some(a => a.standards.some(s => s.ref === owner));
    }

    private language(context: CompletionContext): KeywordLanguage {
        return this.languages.get(context.document) ?? 'zh';
    }
}
