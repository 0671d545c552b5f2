import { BARE_YEAR } from './year-periods.js';
import { keywordOfLabel } from './printed-labels.js';
import { AstUtils, DefaultValueConverter, GrammarAST, GrammarUtils, ValueConverter, type CstNode, type ValueType } from 'langium';

type Convert = (input: string, cstNode: CstNode) => ValueType;

/**
 * A string token's content. Langium's conversion copies it a character at a time, for escapes;
 * most strings (titles) have none.
 */
export function stringContent(token: string): string {
    return token.includes('\\') ? ValueConverter.convertString(token) : token.slice(1, -1);
}

/**
 * A date or month as forms print it (`2023年6月30日`, `2023.6.30`, `2023/6/30`, `2023/6`, `2023.6月`, joined into one token by KpiLexer) in the
 * language's form, `2023-06-30`; a month's, a quarter's or the year's end (`2023年6月底`, `2023年第四季度末`, `2023年底`, and `2023年`
 * of `2023年内`, KpiLexer.readWithinYear) is the month (`2023-06`, `2023-12`), which as a deadline means its last day; so is
 * a quarter (`2023年第四季度`, `2023年4季度`: `2023-12`).
 */
export const isoDate = (input: string): string => {
    const quarter = /^(\d{4})年第?([一二三四1-4])季度[底末]?$/.exec(input);
    if (quarter) return `${quarter[1]}-${String(3 * quarterNumber(quarter[2]!)).padStart(2, '0')}`;
    const printed = /^(\d{4})(?:[年.](\d{1,2})月(?:(\d{1,2})日|[底末])?|年[底末]?)$/.exec(input) ?? /^(\d{4})[./](\d{1,2})(?:[./](\d{1,2}))?$/.exec(input);
    if (!printed) return input;
    const [, year, month = '12', day] = printed;
    return [year, month.padStart(2, '0'), ...(day === undefined ? [] : [day.padStart(2, '0')])].join('-');
};

/**
 * A date (isoDate), or a year read as a month (KpiLexer.readYearPeriods, readWithinYear): the
 * first date of a period is the year's January, any other year its December.
 */
const dateOrYear: Convert = (input, cstNode) => {
    const year = BARE_YEAR.exec(input)?.[1];
    if (year === undefined) return isoDate(input);
    return `${year}-${isPeriodStart(cstNode) ? '01' : '12'}`;
};

/** Whether the token `leaf` is the first date of a Period (start=DateLiteral): the tree is built as the parser reads. */
function isPeriodStart(leaf: CstNode): boolean {
    const call = leaf.container?.grammarSource;
    const assignment = call?.$container;
    return GrammarAST.isAssignment(assignment) && assignment.feature === 'start' && AstUtils.getContainerOfType(assignment, GrammarAST.isParserRule)?.name === 'Period';
}

/** 一 … 四 or 1 … 4. */
export function quarterNumber(digit: string): number {
    return '一二三四'.indexOf(digit) + 1 || Number(digit);
}

/** A number, with the thousands separators a form prints (`1,200,000`, joined into one token by KpiLexer) left out. */
const groupedNumber: Convert = input => ValueConverter.convertNumber(input.length > 3 && /[,，]/.test(input) ? input.replace(/[,，]/g, '') : input);

const asIs: Convert = input => input;

/**
 * A row copied as printed is named by its title (`"补助村(社区)数量" = 8 个`): the name is the
 * string's content, so that `指标 "补助村(社区)数量"` and `合同."15秒接通率"` find it. The parser
 * converts each token of a data-type rule as it reads it (KpiParser.consume), so a name's value is
 * taken as it is (unquoting it again lost a title's escaped quotes, `"助餐\"服务\"人数"`). Other
 * rules convert as Langium's do, by their name or type. The conversion is worked out once per
 * grammar element: Langium finds the element's rule for every token (type tests, and a new
 * upper- and lower-case copy of the rule's name each time, 3 % of a cold lint).
 */
export class KpiValueConverter extends DefaultValueConverter {
    private readonly converters = new Map<GrammarAST.AbstractElement, Convert>();

    override convert(input: string, cstNode: CstNode): ValueType {
        const element = cstNode.grammarSource;
        if (!element) return input;
        let convert = this.converters.get(element);
        if (!convert) this.converters.set(element, convert = converterFor(element));
        return convert(input, cstNode);
    }
}

/** Langium's choice of conversion: by the rule that a rule call or a cross-reference's terminal calls. */
function converterFor(element: GrammarAST.AbstractElement): Convert {
    const feature = GrammarAST.isCrossReference(element) ? GrammarUtils.getCrossReferenceTerminal(element) : element;
    if (!GrammarAST.isRuleCall(feature)) return asIs;
    const rule = feature.rule.ref;
    if (!rule) throw new Error('This cst node was not parsed by a rule.');
    return converterOf(rule);
}

/** Data-type rules of keywords whose printed labels are aliases (parser/printed-labels.ts): the value is the keyword. */
export const KEYWORD_VALUE_RULES: ReadonlySet<string> = new Set(['FundsTotalKind']);

function converterOf(rule: GrammarAST.AbstractRule): Convert {
    if (KEYWORD_VALUE_RULES.has(rule.name)) return keywordOfLabel;
    switch (rule.name.toUpperCase()) {
        case 'INT': return ValueConverter.convertInt;
        case 'STRING': return stringContent;
        case 'ID': return ValueConverter.convertID;
        case 'DATE': case 'MONTH': return dateOrYear;
    }
    switch (GrammarUtils.getRuleType(rule)?.toLowerCase()) {
        case 'number': return groupedNumber;
        case 'boolean': return ValueConverter.convertBoolean;
        case 'bigint': return ValueConverter.convertBigint;
        case 'date': return ValueConverter.convertDate;
        default: return asIs;
    }
}
