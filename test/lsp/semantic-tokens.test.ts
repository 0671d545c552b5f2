import { highlightHelper, expectSemanticToken } from 'langium/test';
import { SemanticTokenTypes } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { HOTLINE, servicesWith, without } from './support.js';

describe('semantic tokens', () => {
    it('tell indicators, goals, milestones, clauses, requirements, units, numbers and comparators apart', async () => {
        const services = await servicesWith(without(HOTLINE, 'targets.kpi'));
        const text = HOTLINE['targets.kpi']!
            .replace('接通能力 "提升', '<|接通能力|> "提升')
            .replace('接通率 "15秒内接通率" >= 80% 依据 热线服务合同.接通率, 广东两建办.即时接通率',
                '<|接通率|> "15秒内接通率" <|≥|> <|80|><|%|> <|依据|> <|热线服务合同|>.<|接通率|>, 广东两建办.<|即时接通率|>')
            .replace('统一接听服务 "16条', '<|统一接听服务|> "16条')
            .replace('实施期 2019-07', '实施期 <|2019-07|>')
            .replace('<= 12.52 元/通 依据 广州热线.单位服务成本', '<= 12.52 <|元/通|> 依据 广州热线.<|单位服务成本|>')
            .replace('产出指标 {', '<|产出指标|> {');
        const tokens = await highlightHelper(services)(text, { documentUri: 'file:///ws/targets.kpi' });
        // In text order, as the helper numbers the marked ranges.
        const expected = [
            SemanticTokenTypes.number, // month
            SemanticTokenTypes.namespace, // goal
            SemanticTokenTypes.keyword, // family
            SemanticTokenTypes.variable, SemanticTokenTypes.operator, SemanticTokenTypes.number, SemanticTokenTypes.type, SemanticTokenTypes.keyword,
            SemanticTokenTypes.class, SemanticTokenTypes.property, SemanticTokenTypes.enumMember, // 依据 contract.clause, standard.requirement
            SemanticTokenTypes.type, SemanticTokenTypes.enumMember, // compound unit, baseline
            SemanticTokenTypes.event, // milestone
        ];
        expect(tokens.ranges).toHaveLength(expected.length);
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));
    });

    it('mark comparators in words, before the value or after it, as operators', async () => {
        const services = await servicesWith({});
        const text = '合同 C "c" {\n    条款 A "a" <|不低于|> <|95|>% 违约 "p"\n    条款 B "b" <|1800|> <|人|><|以上|>\n}\n';
        const tokens = await highlightHelper(services)(text, { documentUri: 'file:///ws/c.kpi' });
        const expected = [SemanticTokenTypes.operator, SemanticTokenTypes.number, SemanticTokenTypes.number, SemanticTokenTypes.type, SemanticTokenTypes.operator];
        expect(tokens.ranges).toHaveLength(expected.length);
        expected.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));
    });

    it('declare a legend with every type they use', async () => {
        const services = await servicesWith({});
        const legend = services.lsp.SemanticTokenProvider!.semanticTokensOptions.legend.tokenTypes;
        for (const type of ['class', 'variable', 'namespace', 'event', 'property', 'enumMember', 'type', 'number', 'operator', 'keyword', 'string']) {
            expect(legend).toContain(type);
        }
    });
});
