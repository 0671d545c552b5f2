import { expectFoldings, expectSymbols, expectWorkspaceSymbols } from 'langium/test';
import { SymbolKind } from 'vscode-languageserver';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFolder } from '../support/workspace.js';
import { ENGLISH, HOTLINE, hotline, outline, servicesWith, without, WS } from './support.js';


describe('document symbols', () => {
    it('outline a project as families, indicators with their targets, goals and milestones', async () => {
        const services = await servicesWith({});
        await expectSymbols(services)({
            text: HOTLINE['targets.kpi']!, disposeAfterCheck: true,
            assert: symbols => {
                expect(outline(symbols)).toEqual([
                    '热线二期 (深圳市12345热线接听购买服务二期项目)',
                    '  总体目标',
                    '    全面性 (整合16条政府热线，实现“一号接入”)', '    便捷性 (提供全天候、一站式热线服务)',
                    '    接通能力 (提升热线接听能力，市民来电及时接通)', '    互联互通 (建成统一热线信息系统平台，实现热线系统互联互通)',
                    '  产出指标',
                    '    质量指标', '      接通率 (≥80%)',
                    '    时效指标', '      及时转办率 (≥95%)',
                    '    成本指标', '      单位成本 (≤12.52 元/通)',
                    '  效益指标', '    社会效益', '      即接即办率 (≥70%)',
                    '  满意度指标', '    服务对象满意度', '      受理满意度 (≥90%)',
                    '  里程碑',
                    '    统一接听服务 (2018-04-30)', '    统一信息系统 (2018-06-30)', '    统一服务场地 (2018-07-31)',
                ]);
                expect(symbols[0]!.kind).toBe(SymbolKind.Module);
                expect(symbols[0]!.children![1]!.children![0]!.children![0]!.kind).toBe(SymbolKind.Field);
            },
        });
    });

    it('outline contracts, standards, assessments and compliance reviews', async () => {
        const services = await servicesWith({});
        await expectSymbols(services)({
            text: ENGLISH['hotline.kpi']!, disposeAfterCheck: true,
            assert: symbols => {
                const lines = outline(symbols);
                expect(lines).toEqual(expect.arrayContaining([
                    'HotlineContract (Hotline answering service contract, phase II)', '  AnswerRate (≥95%)',
                    'GuangdongRules (Guangdong requirements for 12345 hotlines)', '  AnswerRate (≥90%)', '  OnTimeRate (=100%)',
                    'Hotline2Review (Self-assessment 2019-07 to 2020-06)', '  AnswerRate (89.19%)', '  total weight 100 score 100',
                ]));
            },
        });
        const compliance = await servicesWith(HOTLINE);
        await expectSymbols(compliance)({
            text: HOTLINE['compliance.kpi']!.replace('热线二期履约', '热线二期履约2'), disposeAfterCheck: true,
            assert: symbols => expect(outline(symbols)).toEqual(['热线二期履约2 (热线服务合同（二期）履约考核)', '  接通率 (未达标)', '  平均等待时长 (达标)', '  质检率 (未达标)']),
        });
    });

    it('outline the complete 申报表: its 资金 lines and its 测算 components with their 合计 line', async () => {
        for (const [folder, expected] of [
            ['complete-forms', ['  资金', '    中期 900 万元', '    年度 300 万元', '    其中 财政拨款 260 万元', '    其中 其他资金 40 万元',
                '  测算', '    助餐补贴 (120 万元)', '    上门服务补贴 (150 万元)', '    服务评估 (30 万元)', '    合计 300 万元', '  总体目标']],
            ['complete-forms-en', ['  breakdown', '    Meals (120 万元)', '    HomeCare (150 万元)', '    Review (30 万元)', '    total 300 万元', '  goals']],
        ] as const) {
            const forms = readFolder(join(import.meta.dirname, '..', '..', 'examples', folder));
            const services = await servicesWith(without(forms, 'targets.kpi'));
            await expectSymbols(services)({
                text: forms['targets.kpi']!, parseOptions: { documentUri: `${WS}targets.kpi` }, disposeAfterCheck: true,
                assert: symbols => {
                    const lines = outline(symbols);
                    expect(lines.slice(lines.indexOf(expected[0]), lines.indexOf(expected[0]) + expected.length)).toEqual(expected);
                },
            });
        }
    });

    it('outline a self-assessment\'s rows by what they name, with actuals as scored', async () => {
        const forms = readFolder(join(import.meta.dirname, '..', '..', 'examples', 'complete-forms'));
        const services = await servicesWith(without(forms, 'assessment.kpi'));
        await expectSymbols(services)({
            text: forms['assessment.kpi']!, parseOptions: { documentUri: `${WS}assessment.kpi` }, disposeAfterCheck: true,
            assert: symbols => expect(outline(symbols)).toEqual(expect.arrayContaining([
                // `实际 97` against `≥95%`, `实际 2050` against `≥2000 人`.
                '  补贴发放及时率 (97%)', '  助餐服务人数 (2050 人)',
                '  助餐补贴 (实际 118 万元)', '  助餐点全部建成 (完成 2023-06-20)',
                // The 预算执行 row's 其中 lines under it, as the 资金 block's are.
                '  预算执行 年初预算 300 万元 全年预算 300 万元 全年执行 285 万元 执行率 95% 分值 10 得分 9.5',
                '    其中 财政拨款 年初预算 260 万元 全年预算 260 万元 全年执行 250 万元', '    其中 其他资金 年初预算 40 万元 全年预算 40 万元 全年执行 35 万元',
            ])),
        });
    });

    it('never give a symbol an empty name, even half-typed', async () => {
        const services = await servicesWith({});
        await expectSymbols(services)({
            text: '项目 "t" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                 "x" >= 1\n', disposeAfterCheck: true,
            assert: symbols => {
                const names = outline(symbols);
                expect(names.length).toBeGreaterThan(0);
                expect(names.every(n => n.trim() !== '')).toBe(true);
            },
        });
    });
});

describe('workspace symbols', () => {
    it('find indicators, clauses and requirements by name across files', async () => {
        const ws = await hotline();
        await expectWorkspaceSymbols(ws.services.shared)({
            query: '接通率',
            assert: symbols => {
                const found = symbols.map(s => `${s.name} ${s.containerName ?? ''} ${s.kind}`).sort();
                expect(found).toEqual(expect.arrayContaining([
                    `接通率 热线二期 ${SymbolKind.Field}`, `接通率 热线服务合同 ${SymbolKind.Property}`,
                ]));
                expect(found.every(f => /接.*通.*率/.test(f))).toBe(true);
            },
        });
        await expectWorkspaceSymbols(ws.services.shared)({ query: '统一', assert: symbols => expect(symbols.map(s => s.name).sort()).toEqual(['统一信息系统', '统一接听服务', '统一服务场地']) });
    });
});

describe('folding', () => {
    it('folds blocks, sections, families and comments, keeping the closing brace in sight', async () => {
        const services = await servicesWith({});
        await expectFoldings(services)({
            text: [
                '// 第一行说明',
                '// 第二行说明',
                '项目 P "p" {',
                '    总体目标 {',
                '        G "g"',
                '    }',
                '    绩效指标 {',
                '        产出指标 {',
                '            数量指标 {',
                '                A "a" >= 1 个',
                '                    来源 "s"',
                '            }',
                '        }',
                '    }',
                '}',
                '/* 说明',
                '   两行 */',
            ].join('\n'),
            disposeAfterCheck: true,
            assert: foldings => expect(foldings.map(f => [f.startLine, f.endLine])).toEqual([[0, 1], [2, 13], [3, 4], [6, 12], [7, 11], [8, 10], [15, 16]]),
        });
    });

    it('folds runs of // lines and block comments also with lone \\r line ends and in a file with syntax errors', async () => {
        const services = await servicesWith({});
        await expectFoldings(services)({
            text: ['// 一', '// 二', '合同 C "c" {', '    条款 A "a" >= ???', '    /* 三', '       四 */', '}', '// 五', '// 六', '条款 "'].join('\r'),
            disposeAfterCheck: true,
            assert: foldings => expect(foldings.filter(f => f.kind === 'comment').map(f => [f.startLine, f.endLine])).toEqual([[0, 1], [4, 5], [7, 8]]),
        });
    });
});
