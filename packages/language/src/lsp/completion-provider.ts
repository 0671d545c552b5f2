import { AstUtils, GrammarAST, GrammarUtils, interruptAndCheck, isReference, OperationCancelled, stream, URI, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type MaybePromise, type Reference, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, findNextFeatures, type CompletionAcceptor, type CompletionBacktrackingInformation, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CancellationToken, CompletionItemKind, InsertTextFormat, type CompletionList, type CompletionParams, type MarkupContent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
    Clause, isAssessment, isBlock, isBreakdownActual, isBreakdownComponent, isCompliance, isContract, isExecution, isGoal, isIndicator, isIndicatorAssessment,
    isIndicatorSection, isLevel1Group, isLevel2Group, isLinkTarget, isMilestone, isModel, isProject, isQuantity, isQualitative, LinkTarget,
    type CategoryKeyword, type Project,
} from '../generated/ast.js';
import { componentAmount, totalRow } from '../model/funds.js';
import { constraintOf } from '../model/values.js';
import { pick, type Locale } from '../i18n/locale.js';
import type { KpiServices } from '../kpi-module.js';
import type { KpiIndexManager } from '../workspace/index-manager.js';
import { FAMILY_KEYWORD, familyOf, type Family } from '../model/categories.js';
import type { KpiConfigurationProvider } from './configuration-provider.js';
import { KEYWORD_WORD, KIND_WORDS, linkValueText, targetText } from './describe.js';
import { markdownText } from './markdown-text.js';
import { isKeywordOf, keywordLanguageOf, type KeywordLanguage } from './keyword-language.js';
import { SNIPPETS } from './snippets.js';
import { clauseProperty, isClauseWritten, isFundsTotalWritten, isLineWritten } from './written-clauses.js';
import { withoutStackTraces } from '../parser/parser.js';

/**
 * Families allowed at each level of the indicator tree (2015/2020 and 2021 schemes), and at level 1
 * the 项目决策 / 项目管理 of county evaluation frameworks, offered after the schemes' own (FRAMEWORK_ONLY).
 */
const LEVEL1: Family[] = ['output', 'benefit', 'satisfaction', 'cost', 'decision', 'process'];
const FRAMEWORK_ONLY: ReadonlySet<Family> = new Set(['decision', 'process']);
const LEVEL2: Partial<Record<Family, Family[]>> = {
    output: ['quantity', 'quality', 'timeliness', 'cost'],
    benefit: ['economic', 'social', 'ecological', 'sustainability'],
    satisfaction: ['beneficiary'],
    cost: ['economic-cost', 'social-cost', 'environmental-cost'],
};

/**
 * A `依据` completion offers at most this many links. A province's workspace has thousands of
 * clauses and standard entries; the list is marked incomplete, so typing asks again and narrows.
 */
const MAX_LINKS = 100;

/**
 * Completion re-parses the text up to the cursor and recovers from every syntax error on the
 * way again (a fraction of a millisecond each). Past this many errors nothing sensible can be
 * offered anyway, and ten thousand of them (a pasted or generated mess) would take seconds.
 */
const MAX_SYNTAX_ERRORS = 100;

/**
 * Where the text before the cursor stops following the grammar, Langium guesses what comes next
 * by replaying the remaining tokens against every path the grammar allows, without merging
 * equal paths: a title repeated on one row doubles them every few tokens (70 copies overflowed
 * the stack after seconds, 5,001 froze the server). Past this many tokens the text is not on
 * any path the grammar knows, so nothing is offered; 12 tokens take a few milliseconds at worst.
 */
const MAX_UNPARSED_TOKENS = 12;

/** Where a link target stands for the project being edited: its own contracts and applied standards first. */
const enum LinkRank { NearSameName = 0, Near = 1, SameName = 2, Standard = 3, OtherContract = 4 }

/**
 * Keywords after which a reference follows: completion opens by itself after `依据 `, `对象 `…
 * (the space triggers it) and after a separator in their lists, and only there, so that typing
 * a space or a comma elsewhere stays quiet.
 */
const REFERENCE_KEYWORDS = new Set(['依据', 'per', '对象', 'for', '适用', 'applies', '涉及', 'concerns']);

/** A list separator (`,` `，` `、`) after a list of references (`依据 A.甲, `), at the end of the text before the cursor. */
const REFERENCE_LIST_SEPARATOR = /(?:^|\s)(?:依据|per|适用|applies|涉及|concerns)\s+[^"\s,，、]+(?:\s*[,，、]\s*[^"\s,，、]+)*\s*[,，、]\s*$/u;

/**
 * An English keyword typed up to or past its hyphen (`of-`, `of-w` of `of-which`, `as-` of `as-of`),
 * at the end of the text before the cursor: the lexer reads a word and a stray `-` there.
 */
const HYPHENATED_WORD = /(?<![\p{L}\p{N}_-])[A-Za-z]+-[A-Za-z-]*$/u;

/**
 * An English word typed up to or past a slash (`n/` of `n/a`), at the end of the text before the
 * cursor: one word only where it begins a keyword of the grammar with a slash, since a unit
 * being typed after a number (`km/`) is two words.
 */
const SLASHED_WORD = /(?<![\p{L}\p{N}_/-])[A-Za-z]+\/[A-Za-z]*$/u;

/** Units officers write most; units already used in the file are offered first. */
const COMMON_UNITS = ['%', '‰', '元', '万元', '亿元', '秒', '分钟', '小时', '天', '工作日', '月', '年', '个', '件', '次', '人', '人次', '户', '项', '条', '通', '元/通', '元/人'];

/**
 * Completion of keywords in the file's keyword language, of the names a reference may take
 * (qualified `合同.条款` for 依据, the assessed project's indicators, goals and milestones),
 * of the indicator families allowed at each level of the tree, of units after a number, and
 * snippets of blocks and rows where one may start (never where a reference is expected, as
 * an editor's own snippets would be). Keywords that the grammar also accepts as names are not
 * offered where a new name is typed.
 */
export class KpiCompletionProvider extends DefaultCompletionProvider {
    // The Chinese list separators open the list too: an IME types them without a space.
    override readonly completionOptions = { triggerCharacters: ['.', ' ', '，', '、'] };
    private readonly languages = new WeakMap<LangiumDocument, KeywordLanguage>();
    /** Per request: the blocks (contracts, standards) whose links are near the one being completed. */
    private readonly nearBlocks = new WeakMap<ReferenceInfo, ReadonlySet<string>>();
    /** Per request in a self-assessment or compliance review: what its other rows already name (null elsewhere). */
    private readonly namedInForm = new WeakMap<ReferenceInfo, ReadonlySet<AstNode> | null>();
    /** Per request: the indicator group holding the cursor (asked once per family keyword and name). */
    private readonly groups = new WeakMap<CompletionContext, AstNode | undefined>();
    /** Per request: its cancellation, checked before each feature is completed. */
    private readonly cancelTokens = new WeakMap<LangiumDocument, CancellationToken>();
    private slashed?: readonly string[];

    constructor(private readonly services: KpiServices) {
        super(services);
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken = CancellationToken.None): Promise<CompletionList | undefined> {
        // Lets a cancellation, and the requests queued behind this one, be heard first.
        await interruptAndCheck(cancelToken);
        const trigger = params.context?.triggerCharacter;
        if (trigger && trigger !== '.' && !afterReferenceKeyword(document, params)) return undefined;
        if (syntaxErrorsBefore(document, document.textDocument.offsetAt(params.position)) > MAX_SYNTAX_ERRORS) return undefined;
        const setting = (this.services.shared.workspace.ConfigurationProvider as KpiConfigurationProvider).editorSettings?.keywordLanguage ?? 'auto';
        this.languages.set(document, keywordLanguageOf(document, setting, this.services.kpi.Settings.localeOf(document)));
        this.cancelTokens.set(document, cancelToken);
        try {
            return await super.getCompletion(document, params, cancelToken);
        } finally {
            this.cancelTokens.delete(document);
        }
    }

    /** Langium's search for what may follow the cursor, refused where it would explode (see MAX_UNPARSED_TOKENS). */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const parsed = withoutStackTraces(() => this.completionParser.parse(document.getText().substring(0, offset)));
        const unparsed = parsed.tokens.slice(parsed.tokenIndex);
        if (unparsed.length > MAX_UNPARSED_TOKENS) return [];
        if (parsed.tokenIndex === 0) {
            return findNextFeatures([[this.buildSyntheticEntryRuleCall(GrammarUtils.getEntryRule(this.grammar)!)]], unparsed);
        }
        return findNextFeatures([parsed.elementStack.map(feature => ({ feature }))], unparsed);
    }

    /**
     * Langium's, but a hyphenated or slashed keyword being typed (`as-`, `n/`, with no word going on
     * after the cursor) is one word, completed as a whole: otherwise only what follows `-` or `/` is.
     */
    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const typed = /[\p{L}\p{N}_/-]/u.test(text.charAt(offset)) ? undefined : this.keywordTyped(text.slice(Math.max(0, offset - 40), offset));
        if (!typed) return super.backtrackToAnyToken(text, offset);
        return { nextTokenStart: offset, nextTokenEnd: offset, previousTokenStart: offset - typed.length, previousTokenEnd: offset };
    }

    /** The hyphenated or slashed keyword being typed at the end of `before` (HYPHENATED_WORD, SLASHED_WORD). */
    private keywordTyped(before: string): string | undefined {
        const hyphenated = HYPHENATED_WORD.exec(before)?.[0];
        if (hyphenated) return hyphenated;
        const slashed = SLASHED_WORD.exec(before)?.[0];
        return slashed && this.slashedKeywords().some(k => k.startsWith(slashed)) ? slashed : undefined;
    }

    /** The grammar's keywords with a slash in a word (`n/a`), read once. */
    private slashedKeywords(): readonly string[] {
        this.slashed ??= AstUtils.streamAllContents(this.grammar).filter(GrammarAST.isKeyword).map(k => k.value).filter(v => /^[A-Za-z]+\/[A-Za-z]+$/.test(v)).distinct().toArray();
        return this.slashed;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (this.cancelTokens.get(context.document)?.isCancellationRequested) throw OperationCancelled;
        const parserRule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        const rule = parserRule?.name;
        if (rule === 'UnitWord') return this.completeUnits(context, acceptor);
        // A new name is the officer's to choose; where it begins an indicator row, the row's snippet helps.
        if (next.property === 'name') {
            const group = this.groupAt(context);
            if (isLevel1Group(group) || isLevel2Group(group)) this.completeSnippets(context, 'Indicator', acceptor);
            return;
        }
        if (GrammarAST.isKeyword(next.feature) && rule === 'CategoryKeyword') return this.completeFamily(context, next.feature, acceptor);
        if (GrammarAST.isKeyword(next.feature) && parserRule && startsRule(next.feature, parserRule) && isKeywordOf(this.language(context), next.feature.value)) {
            this.completeSnippets(context, parserRule.name, acceptor);
        }
        return super.completionFor(context, next, acceptor);
    }

    /**
     * Keywords in the file's language, once (not a synonym after the first: `期间` after `实施期`),
     * but not a clause the row already has, nor a line the self-assessment or the 资金 block has
     * (each may come once), nor a rating (达成 …) as the actual of a row whose target is a value
     * (assessment/no-actual reports one).
     */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        const language = this.language(context);
        if (!super.filterKeyword(context, keyword) || !isKeywordOf(language, keyword.value) || laterSynonym(keyword, language)) return false;
        if (isLineWritten(context.node, keyword, context.tokenOffset) || isFundsTotalWritten(context.node, keyword, context.tokenOffset)) return false;
        if (AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name === 'Rating' && valueTargetOf(context.node)) return false;
        const property = clauseProperty(keyword);
        return !property || !isClauseWritten(context.node, property, this.astReflection);
    }

    /** Links: the nearest ones matching what is typed, at most MAX_LINKS of them. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        // In broken text (a `}` missing) the node at the cursor need not be the one the grammar
        // puts this reference on; Langium would throw asking for its type. Nothing fits there.
        const referenceType = this.astReflection.getTypeMetaData(refInfo.container.$type).properties[refInfo.property]?.referenceType;
        if (!referenceType) return stream([]);
        const listed = listedBefore(refInfo, context);
        const candidates = super.getReferenceCandidates(refInfo, context).filter(d => !listed.has(d.name));
        if (referenceType !== LinkTarget.$type) return candidates;
        const typed = context.textDocument.getText().substring(context.tokenOffset, context.offset);
        const near = this.nearBlocksOf(refInfo);
        const ranked = candidates
            .filter(d => this.fuzzyMatcher.match(typed, d.name))
            .map(description => ({ description, rank: linkRank(description, near, refInfo.container) }))
            .toArray()
            .sort((a, b) => a.rank - b.rank);
        return stream(ranked.slice(0, MAX_LINKS)).map(c => c.description);
    }

    /** Langium's keyword item, its detail in the file's message language rather than `Keyword`. */
    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        const detail = pick(this.services.kpi.Settings.localeOf(context.document), KEYWORD_WORD);
        return super.completionForKeyword(context, keyword, (ctx, item) => acceptor(ctx, { ...item, detail }));
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const locale = this.services.kpi.Settings.localeOf(context.document);
        const kind = KIND_WORDS[description.type];
        // Langium's detail is the element's type in English (`Project`): the kind in the file's language instead.
        const item = { ...super.createReferenceCompletionItem(description, refInfo, context), detail: kind && pick(locale, kind) };
        const node = description.node;
        const detail = node && this.detailOf(node, locale);
        const near = this.nearBlocks.get(refInfo);
        if (near) return { ...item, detail: detail || item.detail, sortText: String(linkRank(description, near, refInfo.container)) };
        let named = this.namedInForm.get(refInfo);
        if (named === undefined) this.namedInForm.set(refInfo, named = namedByOtherRows(refInfo));
        if (!node || !named) return { ...item, detail: detail || item.detail };
        const written = named.has(node);
        const note = written ? pick(locale, { zh: '本表已有', en: 'already in this form' }) : undefined;
        return { ...item, detail: [detail, note].filter(Boolean).join(' · ') || item.detail, sortText: formOrder(node, written) };
    }

    /** A documentation comment is the file's text: shown as written, never rendered as Markdown. */
    protected override getReferenceDocumentation(description: AstNodeDescription): MarkupContent | string | undefined {
        const documentation = super.getReferenceDocumentation(description);
        if (documentation === undefined) return undefined;
        return { kind: 'markdown', value: markdownText(typeof documentation === 'string' ? documentation : documentation.value) };
    }

    /** The snippets of `rule` in the file's keyword language. */
    private completeSnippets(context: CompletionContext, rule: string, acceptor: CompletionAcceptor): void {
        const language = this.language(context);
        for (const snippet of SNIPPETS) {
            if (snippet.rule !== rule || snippet.language !== language) continue;
            acceptor(context, {
                label: snippet.prefix,
                kind: CompletionItemKind.Snippet,
                detail: snippet.description,
                insertText: snippet.body.join('\n'),
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '9',
            });
        }
    }

    private completeFamily(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): void {
        const family = familyOf(keyword.value as CategoryKeyword);
        const language = this.language(context);
        // Only the canonical spelling of each family, in the file's language.
        if (!family || FAMILY_KEYWORD[family][language] !== keyword.value) return;
        const container = this.groupAt(context);
        const level1 = isLevel1Group(container) ? familyOf(container.category) : undefined;
        const allowed = level1 ? LEVEL2[level1] ?? [] : isIndicatorSection(container) ? LEVEL1 : [];
        if (!allowed.includes(family)) return;
        acceptor(context, {
            label: keyword.value,
            kind: CompletionItemKind.Enum,
            detail: pick(this.services.kpi.Settings.localeOf(context.document), isLevel1Group(container) ? { zh: '二级指标', en: 'level-2 family' } : { zh: '一级指标', en: 'level-1 family' }),
            sortText: FRAMEWORK_ONLY.has(family) ? '2' : '1',
        });
    }

    /** Units: first the one the number is read against (its row's target, plan or total), then the file's own, then common ones. */
    private completeUnits(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const model = context.document.parseResult?.value;
        const used = isModel(model) ? AstUtils.streamAllContents(model).filter(isQuantity).map(q => q.unit?.trim()).nonNullable().filter(u => u !== '').distinct().toArray() : [];
        const expected = unitReadAgainst(context.node);
        const detail = pick(this.services.kpi.Settings.localeOf(context.document), { zh: '单位', en: 'unit' });
        for (const unit of new Set([...(expected ? [expected] : []), ...used, ...COMMON_UNITS])) {
            acceptor(context, { label: unit, kind: CompletionItemKind.Unit, detail, sortText: unit === expected ? '0' : used.includes(unit) ? '1' : '2' });
        }
    }

    /** The indicator section or group holding the cursor, asked once per request. */
    private groupAt(context: CompletionContext): AstNode | undefined {
        if (!this.groups.has(context)) this.groups.set(context, this.innermostGroup(context));
        return this.groups.get(context);
    }

    /**
     * The indicator section or group whose braces hold the word being completed: down the tree,
     * one child per level. A block whose `}` is not typed yet (`绩效指标 {` and the cursor on the
     * next line, in an editor that does not close braces) holds what follows it. A group does not
     * hold its own family keyword, which the officer may be typing (`产出指标| {`).
     */
    private innermostGroup(context: CompletionContext): AstNode | undefined {
        const holds = (node: AstNode) => !!node.$cstNode && node.$cstNode.offset < context.tokenOffset
            && (node.$cstNode.end >= context.offset || leftOpen(node.$cstNode));
        let node: AstNode | undefined = context.document.parseResult?.value;
        let found: AstNode | undefined;
        while (node) {
            if (isIndicatorSection(node) || isLevel1Group(node) || isLevel2Group(node)) found = node;
            node = AstUtils.streamContents(node).filter(holds).toArray().at(-1);
        }
        return found;
    }

    private detailOf(node: AstNode, locale: Locale): string | undefined {
        if (isBlock(node)) return node.title;
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
        if (isBreakdownComponent(node)) return [node.title, node.amount?.$cstNode?.text].filter(Boolean).join(' · ');
        return undefined;
    }

    /**
     * The names of the contracts for the project being edited and of the standards it applies.
     * Contracts name their project (`对象`), so they are among the documents referencing its file.
     */
    private nearBlocksOf(refInfo: ReferenceInfo): ReadonlySet<string> {
        const project = AstUtils.getContainerOfType(refInfo.container, isProject) as Project | undefined;
        const names = new Set<string>();
        if (project) {
            for (const applied of project.applies) for (const standard of applied.standards) names.add(standard.$refText);
            const index = this.services.shared.workspace.IndexManager as KpiIndexManager;
            const documents = this.services.shared.workspace.LangiumDocuments;
            const own = AstUtils.getDocument(project);
            for (const uri of [own.uri.toString(), ...index.dependentsOf([own.uri.toString()])]) {
                const root = documents.getDocument(URI.parse(uri))?.parseResult.value;
                for (const block of isModel(root) ? root.blocks : []) {
                    if (isContract(block) && block.name && block.project?.ref === project) names.add(block.name);
                }
            }
        }
        this.nearBlocks.set(refInfo, names);
        return names;
    }

    private language(context: CompletionContext): KeywordLanguage {
        return this.languages.get(context.document) ?? 'zh';
    }
}

/** The indicator of the assessment row at `node`, when its target is a value (not qualitative). */
function valueTargetOf(node: AstNode | undefined): boolean {
    const target = AstUtils.getContainerOfType(node, isIndicatorAssessment)?.indicator?.ref?.target;
    return !!target && !isQualitative(target);
}

/**
 * The unit a number typed at `node` is read against: an actual's target's, 上年's row's target's,
 * a breakdown actual's plan's, an execution line's (or its 其中 row's) amounts'.
 */
function unitReadAgainst(node: AstNode | undefined): string | undefined {
    const row = AstUtils.getContainerOfType(node, isIndicatorAssessment);
    const indicator = row ? row.indicator?.ref : AstUtils.getContainerOfType(node, isIndicator);
    const target = constraintOf(indicator?.target)?.value;
    if (target) return target.kind === 'number' ? target.unit : undefined;
    const component = AstUtils.getContainerOfType(node, isBreakdownActual)?.component?.ref;
    const plan = component && componentAmount(component);
    if (plan) return plan.kind === 'number' ? plan.unit : undefined;
    const execution = AstUtils.getContainerOfType(node, isExecution);
    const total = execution && Object.values(totalRow(execution)).find(m => m?.kind === 'number' && m.unit !== undefined);
    return total?.kind === 'number' ? total.unit : undefined;
}

/**
 * For a row of a self-assessment or a compliance review (指标, 总体目标, 里程碑, 测算, 条款): what the
 * form's other rows of its kind already name; null for any other reference. Gathered once per
 * request, not per candidate: a pasted form of thousands of rows offers thousands of indicators.
 */
function namedByOtherRows(refInfo: ReferenceInfo): ReadonlySet<AstNode> | null {
    const row = refInfo.container;
    const form = row.$container;
    if (!isAssessment(form) && !isCompliance(form)) return null;
    const named = new Set<AstNode>();
    for (const other of AstUtils.streamContents(form)) {
        if (other === row || other.$type !== row.$type) continue;
        const reference = (other as unknown as Record<string, unknown>)[refInfo.property];
        if (isReference(reference) && reference.ref) named.add(reference.ref);
    }
    return named;
}

/** What the form still lacks first, each group in the order the project or contract lists it (not by name). */
function formOrder(target: AstNode, written: boolean): string {
    return `${written ? 1 : 0}${String(target.$cstNode?.offset ?? 0).padStart(10, '0')}`;
}

/**
 * This project's contracts and applied standards first, the entry named as the indicator
 * (`接通率 … 依据 热线服务合同.接通率`) first among them; then same-named entries elsewhere.
 */
function linkRank(description: AstNodeDescription, near: ReadonlySet<string>, container: AstNode): LinkRank {
    const dot = description.name.indexOf('.');
    const sameName = isIndicator(container) && description.name.slice(dot + 1) === container.name;
    if (near.has(description.name.slice(0, dot))) return sameName ? LinkRank.NearSameName : LinkRank.Near;
    if (sameName) return LinkRank.SameName;
    return description.type === Clause.$type ? LinkRank.OtherContract : LinkRank.Standard;
}

/**
 * A keyword written after a synonym of the same language in one choice (`期间` after `实施期`,
 * `milestone` after `milestones`). Not in a datatype rule, whose keywords are its values
 * (`达成 | 部分达成`, `财政拨款 | 上年结转`).
 */
function laterSynonym(keyword: GrammarAST.Keyword, language: KeywordLanguage): boolean {
    const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
    const choice: AstNode | undefined = keyword.$container;
    if (!rule || GrammarUtils.isDataTypeRule(rule) || !GrammarAST.isAlternatives(choice)) return false;
    return choice.elements.find(e => GrammarAST.isKeyword(e) && isKeywordOf(language, e.value)) !== keyword;
}

/** A node whose `{` is written and whose `}` is not. */
function leftOpen(cst: CstNode): boolean {
    return GrammarUtils.findNodeForKeyword(cst, '{') !== undefined && GrammarUtils.findNodeForKeyword(cst, '}') === undefined;
}

/** Whether a keyword is where its rule begins (`项目` of a project, not `违约` inside a clause). */
function startsRule(keyword: GrammarAST.Keyword, rule: GrammarAST.ParserRule): boolean {
    let node: AstNode = keyword;
    while (node.$container && node.$container !== rule) {
        const parent = node.$container;
        if (GrammarAST.isGroup(parent) && parent.elements[0] !== node) return false;
        node = parent;
    }
    return node.$container === rule;
}

/**
 * Whether the space or list separator just typed follows a keyword that a reference comes after,
 * or a separator in a list of references (`依据 合同.条款, ` `适用 标准一，`).
 */
function afterReferenceKeyword(document: LangiumDocument, params: CompletionParams): boolean {
    const line = document.textDocument.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
    return REFERENCE_KEYWORDS.has(/(\S+)\s$/.exec(line)?.[1] ?? '') || REFERENCE_LIST_SEPARATOR.test(line);
}

/**
 * The names the other references of the same list already hold (`依据 A, B, |` offers neither A
 * nor B again); the one being typed, if the document has it, is not among them.
 */
function listedBefore(refInfo: ReferenceInfo, context: CompletionContext): ReadonlySet<string> {
    const list = (refInfo.container as unknown as Record<string, unknown>)[refInfo.property];
    if (!Array.isArray(list)) return new Set();
    const typed = (reference: Reference) => !!reference.$refNode && reference.$refNode.offset <= context.tokenOffset && context.tokenOffset <= reference.$refNode.end;
    return new Set(list.filter((r): r is Reference => isReference(r) && !typed(r)).map(r => r.$refText));
}

function syntaxErrorsBefore(document: LangiumDocument, offset: number): number {
    const { lexerErrors, parserErrors } = document.parseResult;
    return lexerErrors.filter(e => e.offset < offset).length + parserErrors.filter(e => e.token.startOffset < offset).length;
}
