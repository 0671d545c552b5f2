import { DefaultValueConverter, ValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/** Data-type rules whose value may be a string token, written where a name or label stands. */
const NAME_RULES = new Set(['Name', 'RowName', 'QualifiedName', 'Label', 'FundsSource']);
const STRING_TOKEN = /"(?:\\.|[^"\\\r\n])*"/g;

/**
 * A row copied as printed is named by its title (`"补助村(社区)数量" = 8 个`): the name is the
 * string's content, so that `指标 "补助村(社区)数量"` and `合同."15秒接通率"` find it.
 */
export class KpiValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (NAME_RULES.has(rule.name) && input.includes('"')) {
            return input.replace(STRING_TOKEN, token => ValueConverter.convertString(token));
        }
        return super.runConverter(rule, input, cstNode);
    }
}
