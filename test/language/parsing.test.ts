import { existsSync } from 'node:fs';
import { AstUtils, CstUtils, GrammarAST, isAstNode, isReference, type AstNode } from 'langium';
import { createServicesForGrammar } from 'langium/grammar';
import { parseHelper } from 'langium/test';
import { beforeAll, describe, expect, it } from 'vitest';
import {
    isAssessment, isCompliance, isContract, isProject, isStandard,
    type Assessment, type CategoryKeyword, type Compliance, type Contract, type Indicator, type Model, type Project, type Standard,
} from '../../packages/language/src/generated/ast.js';
import { FAMILY_KEYWORD, familyOf } from '../../packages/language/src/model/categories.js';
import { indicatorsOf, milestonesOf } from '../../packages/language/src/model/project.js';
import { constraintOf } from '../../packages/language/src/model/values.js';
import { ratingOf } from '../../packages/language/src/scoring/keywords.js';
import { isRemark } from '../../packages/language/src/parser/remarks.js';
import type { KpiParser } from '../../packages/language/src/parser/parser.js';
import { captureAmbiguities, createDevelopmentServices, EXAMPLES, REFERENCE, strictParser, targetOf, type Parsed } from '../support/parse.js';
import { readFolder } from '../support/workspace.js';

/*
 * Every construct of the language reference (the language specification, LANGUAGE.md), written once with
 * Chinese keywords, once with English keywords and once mixing both line by line. The three
 * must parse, without error or ambiguity report, into the same AST; together with VARIANTS
 * they use every keyword of the grammar (checked below), so a new keyword needs a test here.
 */
const ZH = `
// 行注释 /* 不是块注释 */
/* 块注释
   可以跨行 */
项目 热线二期 "深圳市12345热线“二期”项目" {
    主管部门 "政务服务数据管理局"
    实施单位 "热线中心"
    实施期 2019-07 至 2020-06
    预算 10666 万元
    适用 广东两建办， 运营规范
    适用 广州热线

    总体目标 {
        接通能力 "市民来电及时接通"
        互联互通 "建成统一平台"
    }

    绩效指标 {
        产出指标 {
            数量指标 { 接听量 "年接听量" ≥ 500 万通 }
            质量指标 {
                接通率 "15秒内接通率" >= 80% 依据 热线服务合同.接通率, 广东两建办.即时接通率
                    来源 "话务系统" 说明 "按月统计"
            }
            时效指标 { 转办时长 "平均转办时长" ≤ 2 小时 }
            成本指标 { 单位成本 "单位服务成本" <= 12.52 元/通 依据 广州热线.单位服务成本 }
        }
        效益指标 {
            经济效益 { 节约 "节约成本" > 100 万元 }
            社会效益 { 即办率 "即接即办率" ≧ 70% }
            生态效益 { 纸张 "无纸化率" = 100% }
            可持续影响 { 机制 "长效机制" 定性 "建立长效机制" }
        }
        满意度指标 {
            服务对象满意度 { 满意度 "市民满意度" ＝ 90％ }
        }
        成本指标 {
            经济成本 { 人均成本 "人均成本" ≦ 583 元/人*月 }
            社会成本 { 投诉 "投诉率" < 1‰ }
            生态环境成本 { 能耗 "能耗" 5 千瓦时/人·月 }
        }
    }

    里程碑 {
        统一接听 "统一接听服务" 计划 2018-04-30
        统一系统 "统一信息系统" 计划 2018-06
    }
}

合同 热线服务合同 "热线接听服务采购合同" 对象 热线二期 {
    甲方 "政务服务数据管理局"
    乙方 "热线运营服务商"
    金额 10666 万元
    期间 2019-07 至 2020-06
    条款 接通率 "15秒接通率" >= 95% 违约 "每低1个百分点扣减服务费1%"
    条款 服务报告 "服务报告" 定性 "按月提交"
}

标准 广东两建办 "广东省两建办要求" {
    要求 即时接通率 "15秒即时接通率" >= 90%
    要求 按时办结率 "按时办结率" = 100% 必设
    要求 回访率 "回访率" 必设
}

标准 运营规范 {
    要求 审核率 "工单审核率"
}

标准 广州热线 "广州12345同期水平" {
    基准 单位服务成本 "单位服务成本" 9.93 元/通
}

自评 热线二期自评 "热线二期自评" 对象 热线二期 {
    预算执行 全年预算 10666 万元 全年执行 10000 万元 分值 10 得分 9.4
    总体目标 接通能力 "总体接通率89.19%"
    指标 接通率 实际 89.19% 分值 30 得分 27 偏差 "话务量激增"
    指标 即办率 实际 >= 72% 分值 10 得分 10
    指标 节约 实际 未统计
    指标 机制 实际 部分达成 分值 10 得分 7
    指标 纸张 实际 "基本实现无纸化"
    指标 转办时长 实际 1.5 小时
    指标 单位成本
    问题 "服务质量有待提升" 涉及 接通率， 即办率
    问题 "资料不全"
    里程碑 统一接听 完成 2018-05-02
    里程碑 统一系统 未完成
    评价日 2021-03-31
    合计 分值 100 得分 86.5
    等级 良
}

履约考核 热线二期履约 "热线服务合同履约考核" 对象 热线服务合同 {
    条款 接通率 实际 89.19% 结论 未达标
    条款 服务报告 未考核 结论 达标
    条款 接通率 实际 未统计
}
`;

const EN = `
// line comment /* not a block comment */
/* block comment
   across lines */
project 热线二期 "深圳市12345热线“二期”项目" {
    department "政务服务数据管理局"
    implementer "热线中心"
    period 2019-07 to 2020-06
    budget 10666 万元
    applies 广东两建办, 运营规范
    applies 广州热线

    goals {
        接通能力 "市民来电及时接通"
        互联互通 "建成统一平台"
    }

    indicators {
        output {
            quantity { 接听量 "年接听量" ≥ 500 万通 }
            quality {
                接通率 "15秒内接通率" >= 80% per 热线服务合同.接通率, 广东两建办.即时接通率
                    source "话务系统" note "按月统计"
            }
            timeliness { 转办时长 "平均转办时长" ≤ 2 小时 }
            cost { 单位成本 "单位服务成本" <= 12.52 元/通 per 广州热线.单位服务成本 }
        }
        benefit {
            economic { 节约 "节约成本" > 100 万元 }
            social { 即办率 "即接即办率" ≧ 70% }
            ecological { 纸张 "无纸化率" = 100% }
            sustainability { 机制 "长效机制" qualitative "建立长效机制" }
        }
        satisfaction {
            beneficiary { 满意度 "市民满意度" ＝ 90％ }
        }
        cost {
            economic-cost { 人均成本 "人均成本" ≦ 583 元/人*月 }
            social-cost { 投诉 "投诉率" < 1‰ }
            environmental-cost { 能耗 "能耗" 5 千瓦时/人·月 }
        }
    }

    milestones {
        统一接听 "统一接听服务" planned 2018-04-30
        统一系统 "统一信息系统" planned 2018-06
    }
}

contract 热线服务合同 "热线接听服务采购合同" for 热线二期 {
    buyer "政务服务数据管理局"
    vendor "热线运营服务商"
    amount 10666 万元
    period 2019-07 to 2020-06
    clause 接通率 "15秒接通率" >= 95% penalty "每低1个百分点扣减服务费1%"
    clause 服务报告 "服务报告" qualitative "按月提交"
}

standard 广东两建办 "广东省两建办要求" {
    requirement 即时接通率 "15秒即时接通率" >= 90%
    requirement 按时办结率 "按时办结率" = 100% required
    requirement 回访率 "回访率" required
}

standard 运营规范 {
    requirement 审核率 "工单审核率"
}

standard 广州热线 "广州12345同期水平" {
    baseline 单位服务成本 "单位服务成本" 9.93 元/通
}

assessment 热线二期自评 "热线二期自评" for 热线二期 {
    execution budgeted 10666 万元 spent 10000 万元 weight 10 score 9.4
    goals 接通能力 "总体接通率89.19%"
    indicator 接通率 actual 89.19% weight 30 score 27 deviation "话务量激增"
    indicator 即办率 actual >= 72% weight 10 score 10
    indicator 节约 actual unmeasured
    indicator 机制 actual partly weight 10 score 7
    indicator 纸张 actual "基本实现无纸化"
    indicator 转办时长 actual 1.5 小时
    indicator 单位成本
    problem "服务质量有待提升" concerns 接通率, 即办率
    problem "资料不全"
    milestones 统一接听 done 2018-05-02
    milestone 统一系统 pending
    as-of 2021-03-31
    total weight 100 score 86.5
    grade good
}

compliance 热线二期履约 "热线服务合同履约考核" for 热线服务合同 {
    clause 接通率 actual 89.19% verdict unmet
    clause 服务报告 unassessed verdict met
    clause 接通率 actual unmeasured
}
`;

/** The same workspace again, switching keyword language from line to line and mid-line. */
const MIXED = `
project 热线二期 "深圳市12345热线“二期”项目" {
    主管部门 "政务服务数据管理局"
    implementer "热线中心"
    实施期 2019-07 to 2020-06
    budget 10666 万元
    适用 广东两建办, 运营规范
    applies 广州热线

    总体目标 {
        接通能力 "市民来电及时接通"
        互联互通 "建成统一平台"
    }

    indicators {
        产出指标 {
            quantity { 接听量 "年接听量" ≥ 500 万通 }
            质量指标 {
                接通率 "15秒内接通率" >= 80% per 热线服务合同.接通率， 广东两建办.即时接通率
                    来源 "话务系统" note "按月统计"
            }
            时效指标 { 转办时长 "平均转办时长" ≤ 2 小时 }
            cost { 单位成本 "单位服务成本" <= 12.52 元/通 依据 广州热线.单位服务成本 }
        }
        benefit {
            经济效益 { 节约 "节约成本" > 100 万元 }
            social { 即办率 "即接即办率" ≧ 70% }
            生态效益 { 纸张 "无纸化率" = 100% }
            sustainability { 机制 "长效机制" 定性 "建立长效机制" }
        }
        满意度指标 {
            beneficiary { 满意度 "市民满意度" ＝ 90％ }
        }
        成本指标 {
            economic-cost { 人均成本 "人均成本" ≦ 583 元/人*月 }
            社会成本 { 投诉 "投诉率" < 1‰ }
            environmental-cost { 能耗 "能耗" 5 千瓦时/人·月 }
        }
    }

    milestones {
        统一接听 "统一接听服务" 计划 2018-04-30
        统一系统 "统一信息系统" planned 2018-06
    }
}

合同 热线服务合同 "热线接听服务采购合同" for 热线二期 {
    buyer "政务服务数据管理局"
    乙方 "热线运营服务商"
    amount 10666 万元
    期间 2019-07 至 2020-06
    clause 接通率 "15秒接通率" >= 95% 违约 "每低1个百分点扣减服务费1%"
    条款 服务报告 "服务报告" qualitative "按月提交"
}

standard 广东两建办 "广东省两建办要求" {
    要求 即时接通率 "15秒即时接通率" >= 90%
    requirement 按时办结率 "按时办结率" = 100% 必设
    要求 回访率 "回访率" required
}

标准 运营规范 {
    requirement 审核率 "工单审核率"
}

standard 广州热线 "广州12345同期水平" {
    基准 单位服务成本 "单位服务成本" 9.93 元/通
}

自评 热线二期自评 "热线二期自评" for 热线二期 {
    execution 全年预算 10666 万元 spent 10000 万元 分值 10 score 9.4
    goals 接通能力 "总体接通率89.19%"
    指标 接通率 actual 89.19% 分值 30 score 27 偏差 "话务量激增"
    indicator 即办率 实际 >= 72% weight 10 得分 10
    指标 节约 actual 未统计
    indicator 机制 实际 partly 分值 10 得分 7
    指标 纸张 actual "基本实现无纸化"
    indicator 转办时长 实际 1.5 小时
    指标 单位成本
    problem "服务质量有待提升" 涉及 接通率, 即办率
    问题 "资料不全"
    里程碑 统一接听 done 2018-05-02
    milestone 统一系统 未完成
    评价日 2021-03-31
    total 分值 100 score 86.5
    等级 good
}

compliance 热线二期履约 "热线服务合同履约考核" 对象 热线服务合同 {
    条款 接通率 actual 89.19% 结论 unmet
    clause 服务报告 未考核 verdict 达标
    条款 接通率 实际 unmeasured
}
`;

/**
 * Alternative spellings: each row lists texts that must parse into the same AST (keyword
 * synonyms, category names with and without 指标, and every rating, grade and verdict).
 */
/**
 * The complete-forms syntax (funds, breakdown, rows named by their title, last year's values,
 * decision and process families, the full execution line, narratives, bare and n/a actuals),
 * once in Chinese and once in English keywords: they must give the same AST.
 */
const FORMS_ZH = `
项目 养老补贴 "社区居家养老服务补贴" {
    预算 300 万元
    资金 {
        中期 900 万元
        年度 300 万元
        其中 财政拨款 260 万元
        其中 上年结转 10 万元
        其中 其他资金 30 万元
        其中 "上级补助" 0 万元
    }
    测算 {
        "助餐补贴" 120 万元 = 2000 人 × 50 元/人*月 × 12 月
        上门 "上门服务补贴" 150 万元 = 500 人 * 300 元/人*月 * 12 月
        "服务评估" 30 万元
        合计 300 万元
    }
    总体目标 { 助餐 "为2000名老年人提供助餐服务" }
    绩效指标 {
        项目决策 {
            "立项依据" 定性 "依据充分"
            决策程序 { "程序规范性" 定性 "程序规范" }
        }
        决策指标 { "绩效目标合理性" 定性 "目标明确" }
        项目管理 { 资金管理 { "资金到位率" = 100% } "运行监管" 定性 "监管到位" }
        过程指标 { "制度执行" 定性 "有效" }
        管理指标 { "财务管理" 定性 "合规" }
        产出指标 {
            数量指标 {
                "助餐服务人数" >= 1800 人 来源 "助餐服务系统" 上年 2000 人
                村干部 "保障村干部人数" = 42 人 上年 40 人 依据 养老标准.人数
            }
        }
    }
}
标准 养老标准 "养老服务标准" { 要求 人数 "服务人数" >= 40 人 }
自评 养老补贴自评 "养老补贴自评" 对象 养老补贴 {
    预算执行 年初预算 300 万元 全年预算 260 万元 全年执行 198 万元 执行率 76.15% 分值 10 得分 7.6
        调整 "年中调减40万元"
        偏差 "助餐点建设滞后"
        其中 财政拨款 年初预算 260 万元 全年预算 220 万元 全年执行 170 万元
        其中 其他资金 全年执行 28 万元
    完成情况 "全年为2000名老人提供助餐服务"
    指标 "助餐服务人数" 分值 10 实际 1850 得分 10
    指标 村干部 实际 42 口径 "在岗村干部人数" 分值 10 得分 10
    指标 "立项依据" 实际 不适用 "本年度无新立项"
    指标 "绩效目标合理性" 实际 不适用
    测算 "助餐补贴" 实际 90 万元 偏差 "结转下年"
    测算 上门 实际 150 万元
    问题 无 "暂无问题"
    问题 无
    改进 "加快助餐点建设进度"
    结论 "项目总体完成年度目标"
}
`;

const FORMS_EN = `
project ElderCare "社区居家养老服务补贴" {
    budget 300 万元
    funds {
        medium-term 900 万元
        annual 300 万元
        of-which fiscal 260 万元
        of-which carryover 10 万元
        of-which other 30 万元
        of-which "上级补助" 0 万元
    }
    breakdown {
        "助餐补贴" 120 万元 = 2000 人 × 50 元/人*月 × 12 月
        上门 "上门服务补贴" 150 万元 = 500 人 * 300 元/人*月 * 12 月
        "服务评估" 30 万元
        total 300 万元
    }
    goals { 助餐 "为2000名老年人提供助餐服务" }
    indicators {
        decision {
            "立项依据" qualitative "依据充分"
            决策程序 { "程序规范性" qualitative "程序规范" }
        }
        decision { "绩效目标合理性" qualitative "目标明确" }
        process { 资金管理 { "资金到位率" = 100% } "运行监管" qualitative "监管到位" }
        process { "制度执行" qualitative "有效" }
        process { "财务管理" qualitative "合规" }
        output {
            quantity {
                "助餐服务人数" >= 1800 人 source "助餐服务系统" last-year 2000 人
                村干部 "保障村干部人数" = 42 人 last-year 40 人 per 养老标准.人数
            }
        }
    }
}
standard 养老标准 "养老服务标准" { requirement 人数 "服务人数" >= 40 人 }
assessment ElderCareReview "养老补贴自评" for ElderCare {
    execution initial 300 万元 budgeted 260 万元 spent 198 万元 rate 76.15% weight 10 score 7.6
        adjustment "年中调减40万元"
        deviation "助餐点建设滞后"
        of-which fiscal initial 260 万元 budgeted 220 万元 spent 170 万元
        of-which other spent 28 万元
    summary "全年为2000名老人提供助餐服务"
    indicator "助餐服务人数" weight 10 actual 1850 score 10
    indicator 村干部 actual 42 measured-as "在岗村干部人数" weight 10 score 10
    indicator "立项依据" actual n/a "本年度无新立项"
    indicator "绩效目标合理性" actual n/a
    breakdown "助餐补贴" actual 90 万元 deviation "结转下年"
    breakdown 上门 actual 150 万元
    problem none "暂无问题"
    problem none
    improvement "加快助餐点建设进度"
    conclusion "项目总体完成年度目标"
}
`;

const VARIANTS: string[][] = [
    ['项目 P { 实施期 2019-07 至 2020-06 }', '项目 P { 期间 2019-07 至 2020-06 }', 'project P { period 2019-07 to 2020-06 }'],
    ['自评 S 对象 P { 里程碑 M 完成 }', 'assessment S for P { milestones M done }', 'assessment S for P { milestone M done }'],
    ['自评 S 对象 P { 问题 "p" 涉及 A, B }', '自评 S 对象 P { 问题 "p" 涉及 A，B }', '自评 S 对象 P { 问题 "p" 涉及 A、B }'],
    ...[
        ['经济效益', '经济效益指标', 'economic'], ['社会效益', '社会效益指标', 'social'],
        ['生态效益', '生态效益指标', 'ecological'], ['可持续影响', '可持续影响指标', 'sustainability'],
        ['服务对象满意度', '服务对象满意度指标', 'beneficiary'], ['经济成本', '经济成本指标', 'economic-cost'],
        ['社会成本', '社会成本指标', 'social-cost'], ['生态环境成本', '生态环境成本指标', 'environmental-cost'],
    ].map(names => names.map(level2 => `项目 P { 绩效指标 { 效益指标 { ${level2} { A "a" >= 1 } } } }`)),
    ...[['优', 'excellent'], ['良', 'good'], ['中', 'fair'], ['差', 'poor']]
        .map(([zh, en]) => [`自评 S 对象 P { 等级 ${zh} }`, `assessment S for P { grade ${en} }`]),
    ...[['达成', 'achieved'], ['部分达成', 'partly'], ['未达成', 'missed']]
        .map(([zh, en]) => [`自评 S 对象 P { 指标 A 实际 ${zh} }`, `assessment S for P { indicator A actual ${en} }`]),
    ...[['达标', 'met'], ['未达标', 'unmet'], ['未考核', 'unassessed']]
        .map(([zh, en]) => [`履约考核 R 对象 C { 条款 K 结论 ${zh} }`, `compliance R for C { clause K verdict ${en} }`]),
    ['自评 S 对象 P { 指标 A 实际 8 分值 8 得分 8 }', '自评 S 对象 P { 指标 A 得分 8 分值 8 实际 8 }', '自评 S 对象 P { 指标 A 分值 8 实际 8 得分 8 }'],
    // The full-width comparators: the AST keeps the sign as written, toOp reads it.
    ['项目 P { 绩效指标 { 产出指标 { 数量指标 { A "a" ＞＝ 1 B "b" ＜＝ 2 C "c" ＞ 3 D "d" ＜ 4 } } } }'],
    // The labels printed forms give clauses, where the clause's keyword stands (parser/printed-labels.ts).
    ...printedLabelVariants(),
];

/**
 * A text with clause keywords marked `‹实际›`, with the keywords and then with the labels printed
 * forms give them there (`labels`, by keyword): one text per label, the keywords without labels kept.
 */
function withPrintedLabels(marked: string, labels: Record<string, readonly string[]>): string[] {
    const count = Math.max(...Object.values(labels).map(l => l.length));
    const fill = (pick: (keyword: string) => string) => marked.replace(/‹([^›]+)›/g, (_, keyword: string) => pick(keyword));
    return [fill(k => k), ...Array.from({ length: count }, (_, i) => fill(k => labels[k]?.[i % labels[k]!.length] ?? k))];
}

function printedLabelVariants(): string[][] {
    return [
        withPrintedLabels(
            '自评 S 对象 P {\n    预算执行 ‹年初预算› 300 万元 ‹全年预算› 260 万元 ‹全年执行› 198 万元 执行率 76.15% 分值 10 得分 7.6\n'
            + '        ‹调整› "年中调减" ‹偏差› "结转"\n        其中 财政拨款 ‹年初预算› 260 万元 ‹全年预算› 220 万元 ‹全年执行› 170 万元\n        其中 其他资金 ‹全年执行› 28 万元\n}',
            {
                年初预算: ['年初预算数'], 全年预算: ['全年预算数', '预算数'], 全年执行: ['全年执行数', '执行数'],
                调整: ['预算调整说明', '预算调整原因', '调整原因'], 偏差: ['执行偏差原因', '预算执行偏差原因'],
            },
        ),
        withPrintedLabels('自评 S 对象 P {\n    指标 A ‹实际› 92.3% ‹分值› 30 ‹得分› 28 ‹偏差› "话务量激增"\n    指标 B ‹实际› 达成\n}', {
            实际: ['实际完成值', '全年实际值', '实际值'], 分值: ['指标分值'], 得分: ['指标得分', '自评得分'],
            偏差: ['偏差原因', '偏差原因分析', '偏差原因及改进措施', '偏差原因分析及改进措施'],
        }),
        withPrintedLabels('自评 S 对象 P {\n    ‹问题› "p" 涉及 A\n    ‹问题› 无\n    ‹改进› "i"\n    ‹结论› "c"\n    ‹评价日› 2024-01-31\n    ‹合计› 分值 100 得分 85.6\n    ‹等级› 良\n}', {
            问题: ['存在问题', '存在的问题', '主要问题'], 改进: ['改进措施', '整改措施', '改进建议'], 结论: ['评价结论', '自评结论'],
            评价日: ['评价日期', '自评日期'], 合计: ['总分'], 等级: ['自评等级', '评价等级'],
        }),
        withPrintedLabels('项目 P { 绩效指标 { 产出指标 { 数量指标 {\n    A "a" >= 2000 人 ‹上年› 1900 人 ‹来源› "系统" ‹说明› "按月"\n    B "b" >= 1 个\n} } } }', {
            来源: ['数据来源'], 说明: ['指标值说明'], 上年: ['上年实际值', '上年完成值'],
        }),
        withPrintedLabels('项目 P {\n    资金 {\n        ‹中期› 900 万元\n        ‹年度› 300 万元\n    }\n}', { 中期: ['中期资金总额'], 年度: ['年度资金总额'] }),
    ];
}

/** Keyword values the AST keeps, by their English spelling, so that shapes compare across languages. */
const ENGLISH_VALUE: Record<string, string> = {
    优: 'excellent', 良: 'good', 中: 'fair', 差: 'poor',
    中期: 'medium-term', 年度: 'annual', 财政拨款: 'fiscal', 上年结转: 'carryover', 其他资金: 'other',
    达成: 'achieved', 部分达成: 'partly', 未达成: 'missed',
    达标: 'met', 未达标: 'unmet', 未考核: 'unassessed',
};

/** A node as plain data: no `$` properties, references as their text, keyword values in English. */
function shape(value: unknown, key = ''): unknown {
    if (Array.isArray(value)) return value.map(v => shape(v, key));
    if (isReference(value)) return { ref: value.$refText };
    if (isAstNode(value)) {
        const entries = Object.entries(value).filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, shape(v, k)]);
        return { $type: value.$type, ...Object.fromEntries(entries) };
    }
    if (typeof value !== 'string') return value;
    if (key === 'category') return FAMILY_KEYWORD[familyOf(value as CategoryKeyword)!].en;
    if (key === 'grade' || key === 'rating' || key === 'verdict' || key === 'kind' || key === 'source') return ENGLISH_VALUE[value] ?? value;
    return value;
}

let parse: (text: string) => Promise<Parsed>;
beforeAll(() => {
    parse = strictParser();
});

/** Parses a text that must be free of syntax errors and ambiguity reports; returns its model. */
async function parseClean(text: string): Promise<Model> {
    const { model, errors, ambiguities } = await parse(text);
    expect(errors, `syntax errors in:\n${text}`).toEqual([]);
    expect(ambiguities).toEqual([]);
    return model;
}

function blockOf<T extends AstNode>(model: Model, is: (n: unknown) => n is T, name?: string): T {
    const block = model.blocks.find(b => is(b) && (name === undefined || b.name === name));
    expect(block, `no such block ${name ?? ''}`).toBeDefined();
    return block as unknown as T;
}

function indicator(project: Project, name: string): Indicator {
    const found = indicatorsOf(project).find(i => i.name === name);
    expect(found, `no indicator ${name}`).toBeDefined();
    return found!;
}

/** Parses a single indicator row inside a minimal project. */
async function row(text: string): Promise<Indicator[]> {
    const model = await parseClean(`项目 P { 绩效指标 { 产出指标 { 数量指标 {\n${text}\n} } } }`);
    return indicatorsOf(blockOf(model, isProject));
}

describe('keyword languages', () => {
    it('Chinese, English and mixed keywords give the same AST', async () => {
        const zh = shape(await parseClean(ZH));
        expect(shape(await parseClean(EN))).toEqual(zh);
        expect(shape(await parseClean(MIXED))).toEqual(zh);
        const forms = shape(await parseClean(FORMS_ZH));
        expect(shape(await parseClean(FORMS_EN.replace(/ElderCare/g, '养老补贴').replace('养老补贴Review', '养老补贴自评')))).toEqual(forms);
    });

    it.each(VARIANTS.map(texts => [texts[0]!, texts]))('alternative spellings of %s give the same AST', async (_, texts) => {
        const [first, ...rest] = await Promise.all(texts.map(async t => shape(await parseClean(t))));
        for (const other of rest) expect(other).toEqual(first);
    });

    it('every keyword of the grammar is used by the texts above', () => {
        const services = createDevelopmentServices();
        const keywords = AstUtils.streamAst(services.Grammar).filter(GrammarAST.isKeyword).map(k => k.value).toSet();
        const used = new Set([ZH, EN, MIXED, FORMS_ZH, FORMS_EN, ...VARIANTS.flat()]
            .flatMap(text => services.parser.Lexer.tokenize(text).tokens.map(t => t.image)));
        expect([...keywords].filter(k => !used.has(k))).toEqual([]);
    });
});

describe('blocks', () => {
    let model: Model;
    beforeAll(async () => {
        model = await parseClean(ZH);
    });

    it('reads a project: header, goals, the indicator tree and milestones', () => {
        const project = blockOf(model, isProject);
        expect(project).toMatchObject({
            name: '热线二期', title: '深圳市12345热线“二期”项目',
            department: '政务服务数据管理局', implementer: '热线中心',
            period: { start: { value: '2019-07' }, end: { value: '2020-06' } },
            budget: { value: 10666, unit: '万元' },
        });
        expect(project.applies.flatMap(a => a.standards.map(s => s.$refText))).toEqual(['广东两建办', '运营规范', '广州热线']);
        expect(project.goalSections[0]!.goals.map(g => [g.name, g.text])).toEqual([['接通能力', '市民来电及时接通'], ['互联互通', '建成统一平台']]);
        const tree = project.indicatorSections[0]!.groups.map(g1 => [g1.category, g1.groups.map(g2 => [g2.category, g2.indicators.map(i => i.name)])]);
        expect(tree).toEqual([
            ['产出指标', [['数量指标', ['接听量']], ['质量指标', ['接通率']], ['时效指标', ['转办时长']], ['成本指标', ['单位成本']]]],
            ['效益指标', [['经济效益', ['节约']], ['社会效益', ['即办率']], ['生态效益', ['纸张']], ['可持续影响', ['机制']]]],
            ['满意度指标', [['服务对象满意度', ['满意度']]]],
            ['成本指标', [['经济成本', ['人均成本']], ['社会成本', ['投诉']], ['生态环境成本', ['能耗']]]],
        ]);
        expect(indicator(project, '接通率')).toMatchObject({
            title: '15秒内接通率', target: { $type: 'Comparison', comparator: '>=', value: { value: 80, unit: '%' } },
            source: '话务系统', note: '按月统计',
        });
        expect(indicator(project, '接通率').links.map(l => l.$refText)).toEqual(['热线服务合同.接通率', '广东两建办.即时接通率']);
        expect(indicator(project, '机制').target).toMatchObject({ $type: 'Qualitative', text: '建立长效机制' });
        expect(milestonesOf(project).map(m => [m.name, m.title, m.planned.value])).toEqual([
            ['统一接听', '统一接听服务', '2018-04-30'], ['统一系统', '统一信息系统', '2018-06'],
        ]);
    });

    it('reads a contract: parties, amount, period and clauses with penalties', () => {
        const contract: Contract = blockOf(model, isContract);
        expect(contract).toMatchObject({
            name: '热线服务合同', title: '热线接听服务采购合同', buyer: '政务服务数据管理局', vendor: '热线运营服务商',
            amount: { value: 10666, unit: '万元' }, period: { start: { value: '2019-07' }, end: { value: '2020-06' } },
        });
        expect(contract.project?.$refText).toBe('热线二期');
        expect(contract.clauses.map(c => shape(c))).toEqual([
            { $type: 'Clause', name: '接通率', title: '15秒接通率', target: { $type: 'Comparison', comparator: '>=', value: { $type: 'Quantity', value: 95, unit: '%' } }, penalty: '每低1个百分点扣减服务费1%' },
            { $type: 'Clause', name: '服务报告', title: '服务报告', target: { $type: 'Qualitative', text: '按月提交' } },
        ]);
    });

    it('reads standards: requirements with or without a target, 必设, baselines, an untitled standard', () => {
        const gd: Standard = blockOf(model, isStandard, '广东两建办');
        expect(gd.entries.map(e => shape(e))).toEqual([
            { $type: 'Requirement', name: '即时接通率', title: '15秒即时接通率', target: { $type: 'Comparison', comparator: '>=', value: { $type: 'Quantity', value: 90, unit: '%' } }, required: false },
            { $type: 'Requirement', name: '按时办结率', title: '按时办结率', target: { $type: 'Comparison', comparator: '=', value: { $type: 'Quantity', value: 100, unit: '%' } }, required: true },
            { $type: 'Requirement', name: '回访率', title: '回访率', required: true },
        ]);
        expect(blockOf(model, isStandard, '运营规范').title).toBeUndefined();
        expect(shape(blockOf(model, isStandard, '广州热线').entries[0])).toEqual(
            { $type: 'Baseline', name: '单位服务成本', title: '单位服务成本', value: { $type: 'Quantity', value: 9.93, unit: '元/通' } });
    });

    it('reads a self-assessment line by line', () => {
        const assessment: Assessment = blockOf(model, isAssessment);
        expect(assessment.project.$refText).toBe('热线二期');
        expect(assessment.items.map(i => shape(i))).toEqual([
            { $type: 'Execution', budgeted: { $type: 'Quantity', value: 10666, unit: '万元' }, spent: { $type: 'Quantity', value: 10000, unit: '万元' }, weight: 10, score: 9.4, sources: [] },
            { $type: 'GoalAssessment', goal: { ref: '接通能力' }, text: '总体接通率89.19%' },
            { $type: 'IndicatorAssessment', indicator: { ref: '接通率' }, actual: { $type: 'MeasuredActual', value: { $type: 'Quantity', value: 89.19, unit: '%' } }, weight: 30, score: 27, deviation: '话务量激增' },
            { $type: 'IndicatorAssessment', indicator: { ref: '即办率' }, actual: { $type: 'MeasuredActual', comparator: '>=', value: { $type: 'Quantity', value: 72, unit: '%' } }, weight: 10, score: 10 },
            { $type: 'IndicatorAssessment', indicator: { ref: '节约' }, actual: { $type: 'UnmeasuredActual' } },
            { $type: 'IndicatorAssessment', indicator: { ref: '机制' }, actual: { $type: 'RatingActual', rating: 'partly' }, weight: 10, score: 7 },
            { $type: 'IndicatorAssessment', indicator: { ref: '纸张' }, actual: { $type: 'TextActual', text: '基本实现无纸化' } },
            { $type: 'IndicatorAssessment', indicator: { ref: '转办时长' }, actual: { $type: 'MeasuredActual', value: { $type: 'Quantity', value: 1.5, unit: '小时' } } },
            { $type: 'IndicatorAssessment', indicator: { ref: '单位成本' } },
            { $type: 'ProblemStatement', none: false, text: '服务质量有待提升', concerns: [{ ref: '接通率' }, { ref: '即办率' }] },
            { $type: 'ProblemStatement', none: false, text: '资料不全', concerns: [] },
            { $type: 'MilestoneAssessment', milestone: { ref: '统一接听' }, done: true, date: { $type: 'DateLiteral', value: '2018-05-02' }, pending: false },
            { $type: 'MilestoneAssessment', milestone: { ref: '统一系统' }, done: false, pending: true },
            { $type: 'AsOf', date: { $type: 'DateLiteral', value: '2021-03-31' } },
            { $type: 'Total', weight: 100, score: 86.5 },
            { $type: 'GradeStatement', grade: 'good' },
        ]);
    });

    it('reads a compliance review: actual, 未考核 and verdicts', () => {
        const review: Compliance = blockOf(model, isCompliance);
        expect(review.contract.$refText).toBe('热线服务合同');
        expect(review.reviews.map(r => shape(r))).toEqual([
            { $type: 'ClauseReview', clause: { ref: '接通率' }, actual: { $type: 'MeasuredActual', value: { $type: 'Quantity', value: 89.19, unit: '%' } }, unassessed: false, verdict: 'unmet' },
            { $type: 'ClauseReview', clause: { ref: '服务报告' }, unassessed: true, verdict: 'met' },
            { $type: 'ClauseReview', clause: { ref: '接通率' }, actual: { $type: 'UnmeasuredActual' }, unassessed: false },
        ]);
    });

    it('links every reference of the corpus', async () => {
        const { document } = await parse(ZH);
        expect(document.references.filter(r => !targetOf(r)).map(r => r.$refText)).toEqual([]);
    });

    it('accepts blocks in any order, several per file, and an empty file', async () => {
        expect((await parseClean('')).blocks).toEqual([]);
        const model = await parseClean('履约考核 R 对象 C {}\n合同 C 对象 P {}\n项目 P {}\n标准 S {}\n自评 A 对象 P {}');
        expect(model.blocks.map(b => b.$type)).toEqual(['Compliance', 'Contract', 'Project', 'Standard', 'Assessment']);
    });
});

describe('lexical rules', () => {
    it('reads Chinese, Latin, digit and underscore identifiers', async () => {
        expect((await row('热线_2期 "a" >= 1\nAnswerRate2 "b" >= 1\n_x "c" >= 1')).map(i => i.name)).toEqual(['热线_2期', 'AnswerRate2', '_x']);
    });

    it('keeps Chinese quotation marks, escaped quotes and comment markers inside strings as text', async () => {
        const [a, b] = await row('A "“15秒”接通率「含」" >= 1 来源 "http://example.org/* x */"\nB "说 \\"是\\"" >= 1');
        expect(a).toMatchObject({ title: '“15秒”接通率「含」', source: 'http://example.org/* x */' });
        expect(b!.title).toBe('说 "是"');
    });

    it.each([
        ['95', 95, undefined], ['12.52', 12.52, undefined], ['-3', -3, undefined],
        ['95%', 95, '%'], ['95％', 95, '％'], ['3‰', 3, '‰'], ['95 %', 95, '%'],
        ['10666 万元', 10666, '万元'], ['10666万元', 10666, '万元'], ['20 秒', 20, '秒'],
        ['12.52 元/通', 12.52, '元/通'], ['583 元/人*月', 583, '元/人*月'], ['1 元/人·月', 1, '元/人·月'],
        ['5 元 / 人 * 月', 5, '元/人*月'], ['-3 个', -3, '个'], ['2 %/月', 2, '%/月'],
        ['3 persons', 3, 'persons'], ['95 percent', 95, 'percent'], ['5 tons', 5, 'tons'], ['3 中位数', 3, '中位数'],
    ])('reads the quantity %s', async (text, value, unit) => {
        const [a] = await row(`A "a" >= ${text}`);
        expect(a!.target).toMatchObject({ value: { $type: 'Quantity', value } });
        expect((a!.target as { value: { unit?: string } }).value.unit).toBe(unit);
    });

    it.each(['>=', '≥', '≧', '＞＝', '<=', '≤', '≦', '＜＝', '=', '＝', '>', '＞', '<', '＜'])('reads the comparator %s', async comparator => {
        const [a] = await row(`A "a" ${comparator} 95%`);
        expect(a!.target).toMatchObject({ comparator, value: { value: 95, unit: '%' } });
    });

    // As the language writes them, and as forms print them (2023年6月30日, 2019年7月): the same dates.
    it.each([
        ['项目 P { 实施期 2019-7 至 2020-06-30 里程碑 { M "m" 计划 2021-3-5 N "n" 计划 2021-03 } }', 'A "a" <= 2021-06-30', ['2019-7', '2020-06-30', '2021-3-5', '2021-03']],
        ['项目 P { 实施期 2019年7月 至 2020年6月30日 里程碑 { M "m" 计划 2021年3月5日 N "n" 计划 2021年12月 } }', 'A "a" <= 2021年6月30日', ['2019-07', '2020-06-30', '2021-03-05', '2021-12']],
        // With dots and slashes, as a workbook's date cell is read too.
        ['项目 P { 实施期 2019/7 至 2020.6.30 里程碑 { M "m" 计划 2021/3/5 N "n" 计划 2021/12 } }', 'A "a" <= 2021.6.30', ['2019-07', '2020-06-30', '2021-03-05', '2021-12']],
        // 前 after a milestone's date says it is planned by then: the date.
        ['项目 P { 实施期 2019-07 至 2020-06 里程碑 { M "m" 计划 2021年3月5日前 N "n" 计划 2021-12-31 之前 } }', 'A "a" <= 2021-06-30', ['2019-07', '2020-06', '2021-03-05', '2021-12-31']],
    ])('reads dates, months, single-digit months and periods: %s', async (text, target, [start, end, m, n]) => {
        const project = blockOf(await parseClean(text), isProject);
        expect(project.period).toMatchObject({ start: { value: start }, end: { value: end } });
        expect(milestonesOf(project).map(ms => ms.planned.value)).toEqual([m, n]);
        const [a] = await row(target);
        expect(a!.target).toMatchObject({ comparator: '<=', value: { $type: 'DateLiteral', value: '2021-06-30' } });
    });

    it.each([
        ['实施期 2023年1月-2023年12月', '2023-01', '2023-12'],
        ['实施期 2023-01-2023-12', '2023-01', '2023-12'],
        ['期间 2023-1-1-2023-12-31', '2023-1-1', '2023-12-31'],
        ['实施期 2023年1月1日-2023年12月31日', '2023-01-01', '2023-12-31'],
        ['实施期 2023年1月—2023年12月', '2023-01', '2023-12'],
        ['实施期 2023年1月 - 2023年12月', '2023-01', '2023-12'],
        ['实施期 2023-01 ～ 2023-12', '2023-01', '2023-12'],
        ['period 2023-01~2023-12', '2023-01', '2023-12'],
        ['实施期 2023.1.1-2023.12.31', '2023-01-01', '2023-12-31'],
        ['实施期 2023/1/1-2023/12/31', '2023-01-01', '2023-12-31'],
        ['实施期 2023/1-2023/12', '2023-01', '2023-12'],
        ['实施期 2023.1.1 ～ 2023.12.31', '2023-01-01', '2023-12-31'],
        // 至 glued to the dates, which Chevrotain reads into a name with the digits around it.
        ['实施期 2023年1月至2023年12月', '2023-01', '2023-12'],
        ['实施期 2023年1月1日至2023年12月31日', '2023-01-01', '2023-12-31'],
        ['实施期 2023年1月至 2023年12月', '2023-01', '2023-12'],
        ['实施期 2023年1月 至2023年12月', '2023-01', '2023-12'],
        ['实施期 2023-01至2023-12', '2023-01', '2023-12'],
        ['实施期 2023/1至2023/12', '2023-01', '2023-12'],
        ['实施期 2023.1.1至2023.12.31', '2023-01-01', '2023-12-31'],
        // 到 for 至.
        ['实施期 2023年1月到2024年6月', '2023-01', '2024-06'],
        ['实施期 2023-01 到 2024-06', '2023-01', '2024-06'],
        // In whole years: from the first year's January to the last year's December.
        ['实施期 2023年 至 2024年', '2023-01', '2024-12'],
        ['实施期 2023年至2025年', '2023-01', '2025-12'],
        ['实施期 2023-2025年', '2023-01', '2025-12'],
        ['实施期 2023年-2024年', '2023-01', '2024-12'],
        ['实施期 2023年—2024年', '2023-01', '2024-12'],
        ['实施期 2023 年 到 2024 年', '2023-01', '2024-12'],
    ])('reads a period as forms print it, its dates joined by a dash: %s', async (period, start, end) => {
        const project = blockOf(await parseClean(`项目 P { ${period} 预算 10 万元 }`), isProject);
        expect(project.period).toMatchObject({ start: { value: start }, end: { value: end } });
        expect(project.budget).toMatchObject({ value: 10 });
    });

    it('reads a year with its unit as a number, not a printed date', async () => {
        // A year with a unit of years, and words after a year, stay what they were.
        const [b, c] = await row('B "b" >= 2023 年\nC "c" >= 2023 年6月');
        expect(b!.target).toMatchObject({ value: { value: 2023, unit: '年' } });
        expect(c!.target).toMatchObject({ value: { value: 2023, unit: '年6月' } });
        // A year and a month with a dot is a number (2023.6); with a slash, a month.
        const [d, e] = await row('D "d" >= 2023.6\nE "e" <= 2023/6');
        expect(d!.target).toMatchObject({ value: { value: 2023.6 } });
        expect(e!.target).toMatchObject({ value: { $type: 'DateLiteral', value: '2023-06' } });
    });

    it('reads numbers with the thousands separators forms print (120,000, 1,200,000.5, 120，000)', async () => {
        const rows = await row('A "a" >= 120,000 通\nB "b" <= 1,200,000.5 元\nC "c" >= 120，000 通\nD "d" >= -1,500 元');
        expect(rows.map(i => (i.target as { value: { value: number; unit?: string } }).value)).toMatchObject([
            { value: 120000, unit: '通' }, { value: 1200000.5, unit: '元' }, { value: 120000, unit: '通' }, { value: -1500, unit: '元' },
        ]);
    });

    it('skips comments anywhere and full-width spaces and a byte order mark', async () => {
        const model = await parseClean('\uFEFF项目\u3000P /* 标题 */ "p" { // 注释\n 绩效指标 { 产出指标 { 数量指标 {\n A /* 中间 */ "a" >= /* 值 */ 1 个 // 行尾\n } } } }');
        expect(indicatorsOf(blockOf(model, isProject))[0]).toMatchObject({ name: 'A', title: 'a', target: { value: { value: 1, unit: '个' } } });
    });

    it('accepts full-width commas wherever commas separate names', async () => {
        const model = await parseClean(`
            项目 P { 适用 S1，S2 绩效指标 { 产出指标 { 数量指标 { A "a" >= 1 依据 S1.R，S2.R } } } }
            标准 S1 { 要求 R "r" } 标准 S2 { 要求 R "r" }
            自评 E 对象 P { 问题 "q" 涉及 A，A }`);
        const project = blockOf(model, isProject);
        expect(project.applies[0]!.standards.map(s => s.$refText)).toEqual(['S1', 'S2']);
        expect(indicatorsOf(project)[0]!.links.map(l => l.$refText)).toEqual(['S1.R', 'S2.R']);
        expect(blockOf(model, isAssessment).items[0]).toMatchObject({ concerns: [{ $refText: 'A' }, { $refText: 'A' }] });
    });
});

describe('comparators in words, as forms print them', () => {
    // The constraint a row's target states, as the checks read it.
    async function constraints(text: string): Promise<Array<[string, string, number | string, string | undefined]>> {
        return (await row(text)).map(i => {
            const c = constraintOf(i.target)!;
            return [i.name, c.op, c.value.kind === 'date' ? c.value.text : c.value.value, c.value.kind === 'number' ? c.value.unit : undefined];
        });
    }

    it.each([
        ['不低于95%', '>=', 95, '%'], ['不低于 95%', '>=', 95, '%'], ['达到80%以上', '>=', 80, '%'], ['≥95%以上（含）', '>=', 95, '%'],
        ['95%以上', '>=', 95, '%'], ['95% 以上', '>=', 95, '%'], ['95％及以上', '>=', 95, '％'], ['1800人以上', '>=', 1800, '人'],
        ['不少于1,000件', '>=', 1000, '件'], ['至少 3 个', '>=', 3, '个'], ['不超过202.6万元', '<=', 202.6, '万元'],
        ['12.52元/通以下', '<=', 12.52, '元/通'], ['30秒以内', '<=', 30, '秒'], ['不超过20秒', '<=', 20, '秒'],
        // 超过, 低于 and （不含） leave the value out (民法典 第一千二百五十九条).
        ['超过90%', '>', 90, '%'], ['低于1%', '<', 1, '%'], ['10天以内（不含）', '<', 10, '天'], ['95%以上(不含)', '>', 95, '%'],
        // The note before the bound, as official documents also print it.
        ['90%（含）以上', '>=', 90, '%'], ['≥ 90%（含）以上', '>=', 90, '%'], ['30秒（含）以内', '<=', 30, '秒'], ['30 秒 ( 不含 ) 以内', '<', 30, '秒'],
        ['1800人（不含）以上', '>', 1800, '人'], ['95%（含）及以上', '>=', 95, '%'],
        // A note alone after a value with a comparator says what the comparator says.
        ['≥95%（含）', '>=', 95, '%'], ['不超过 20 秒（含）', '<=', 20, '秒'], ['> 90% (不含)', '>', 90, '%'],
        // 内 alone after a unit of time or distance.
        ['30分钟内', '<=', 30, '分钟'], ['3个工作日内', '<=', 3, '个工作日'], ['24 小时内', '<=', 24, '小时'], ['500米内', '<=', 500, '米'], ['≤ 3天内', '<=', 3, '天'],
        ['24h内', '<=', 24, 'h'], ['30min内', '<=', 30, 'min'], ['5km内', '<=', 5, 'km'],
        ['16个区内', '=', 16, '个区内'], ['3 Pm内', '=', 3, 'Pm内'],
    ])('reads %s', async (target, op, value, unit) => {
        expect(await constraints(`A "a" ${target} 来源 "s"`)).toEqual([['A', op, value, unit]]);
    });

    it.each([
        ['不晚于2023年6月30日', '<='], ['2023年6月30日前', '<='], ['不晚于2023.6.30', '<='], ['2023/6/30前', '<='], ['2023.6.30以前', '<='], ['2023-06-30 之前', '<='], ['最迟 2023-06-30', '<='], ['不早于2023-06-30', '>='],
        // What is to be done by then, as a workbook's cell may say it too.
        ['2023年6月30日前完成', '<='], ['2023年6月30日之前完成', '<='], ['2023-06-30前建成', '<='], ['2023/6/30以前验收', '<='],
        ['2023.6月30日前', '<='],
        // What is to be done, in more words: a remark after the deadline.
        ['2023年6月30日前建成并投入使用', '<='], ['2023年6月30日前全部完成', '<='], ['2023-06-30前全部完成', '<='], ['2023年6月30日之前已完成', '<='],
    ])('reads the deadline %s', async (target, op) => {
        expect(await constraints(`A "a" ${target}`)).toEqual([['A', op, '2023-06-30', undefined]]);
    });

    it.each([
        ['2023年6月底前', '2023-06'], ['<= 2023年6月末', '2023-06'], ['2023年底前', '2023-12'], ['不晚于 2023年末', '2023-12'],
        // The month printed with a dash or a slash, its end glued to it.
        ['2023-06底前', '2023-06'], ['2023/6末前', '2023-06'], ['2023-06底前完成', '2023-06'],
        // A month printed with a dot, then 月 (`2023.6` alone is a number).
        ['2023.6月底前', '2023-06'], ['<= 2023.6月', '2023-06'],
        // Within a year glued to it, what is done after it a remark.
        ['2023年内', '2023-12'], ['2023年内完成', '2023-12'],
        // A quarter, as a deadline its last month; its end before 前.
        ['<= 2023年第四季度', '2023-12'], ['2023年第三季度末前', '2023-09'], ['不晚于2023年二季度', '2023-06'], ['2023年第1季度底前完成', '2023-03'],
    ])('reads the end of a month or year, a month as a deadline (its last day): %s', async (target, month) => {
        expect(await constraints(`A "a" ${target}`)).toEqual([['A', '<=', month, undefined]]);
    });

    it.each([
        ['>= 5000㎡', 5000, '㎡'], ['≥ 100 m²', 100, 'm²'], ['≥ 5万m³/日', 5, '万m³/日'], ['≤ 26℃', 26, '℃'], ['>= 3㎞', 3, '㎞'],
        ['≤35μg/m³', 35, 'μg/m³'], ['≤ 0.5 µg/L', 0.5, 'µg/L'],
        ['≤ ¥500万元', 500, '万元'], ['≤￥2,360,000.00元', 2360000, '元'],
        // A denominator in brackets, and a semicolon between the value and the next clause.
        ['≤ 500元/(人·年)；', 500, '元/人·年'], ['≤ 500 元/（人·月）', 500, '元/人·月'],
    ])('reads the unit symbol forms print in %s', async (target, value, unit) => {
        const [indicator] = await row(`A "a" ${target} 来源 "s"`);
        expect(constraintOf(indicator!.target)).toMatchObject({ value: { value, unit } });
    });

    it('reads the note before a bound as one bound with it, and reports what it cannot be', async () => {
        const rows = await row('A "a" 90%（含）以上 来源 "s"\nB "b" 30秒（不含）以内');
        expect(rows.map(i => (i.target as { bound?: string }).bound)).toEqual(['（含）以上', '（不含）以内']);
        expect(rows[0]!.source).toBe('s');
        // A sign that says otherwise, a note after no value, a word going on after the bound (a note alone after a value without a comparator is a remark, below).
        for (const text of ['A "a" <= 90%（含）以上', 'A "a" >= 90%（不含）以上', 'A "a" >= 90%（不含）', 'A "a" > 90%（含）', 'A "a" 90%（含）人次', '（含）以上 "a" >= 1 个', 'A "a" 90%（含）以上人次']) {
            const { errors } = await parse(`项目 P { 绩效指标 { 产出指标 { 数量指标 {\n${text}\n} } } }`);
            expect(errors.length, text).toBeGreaterThan(0);
        }
    });

    it.each([
        ['at least 95%', '>=', 95, '%'], ['At Least 95%', '>=', 95, '%'], ['no less than 1,000 items', '>=', 1000, 'items'], ['not fewer than 3 items', '>=', 3, 'items'],
        ['at most 20 s', '<=', 20, 's'], ['no  more  than 202.6 万元', '<=', 202.6, '万元'], ['up to 5 days', '<=', 5, 'days'], ['within 30 min', '<=', 30, 'min'],
        ['more than 90%', '>', 90, '%'], ['over 90%', '>', 90, '%'], ['less than 1%', '<', 1, '%'], ['under 10 days', '<', 10, 'days'], ['equal to 8 items', '=', 8, 'items'],
        ['95% or more', '>=', 95, '%'], ['1800 persons or above', '>=', 1800, 'persons'], ['30 s or less', '<=', 30, 's'], ['12.52 yuan/call and below', '<=', 12.52, 'yuan/call'],
        ['no later than 2023-06-30', '<=', '2023-06-30', undefined], ['not earlier than 2023-01-01', '>=', '2023-01-01', undefined], ['2023-06-30 or earlier', '<=', '2023-06-30', undefined],
        // Before a date only, as 前 is read: by that day.
        ['by 2023-06-30', '<=', '2023-06-30', undefined], ['Before 2023-06', '<=', '2023-06', undefined],
        ['after 2023-01-01', '>', '2023-01-01', undefined], ['later than 2023-01-01', '>', '2023-01-01', undefined], ['earlier than 2023-07', '<', '2023-07', undefined],
    ])('reads the English %s as the Chinese words are read', async (target, op, value, unit) => {
        expect(await constraints(`A "a" ${target} source "s"`)).toEqual([['A', op, value, unit]]);
    });

    it('keeps English words names where a row begins or no value follows, and reports a bound that contradicts the sign', async () => {
        const rows = await row('over "a" >= 3 个\nwithin "b" at least 2 个\nat "c" >= 1 个\nby "d" <= 2023-06-30\nbefore "e" before 2023-06-30\nafter "f" after 2023-06-30');
        expect(rows.map(i => i.name)).toEqual(['over', 'within', 'at', 'by', 'before', 'after']);
        for (const text of ['A "a" at least', 'A "a" <= 95% or more', 'A "a" >= 30 s or less', 'A "a" by 95%', 'A "a" before 3 days', 'A "a" by2023-06-30']) {
            const { errors } = await parse(`项目 P { 绩效指标 { 产出指标 { 数量指标 {\n${text}\n} } } }`);
            expect(errors.length, text).toBeGreaterThan(0);
        }
    });

    it('keeps such words as names where a row begins, and the next row after a bound', async () => {
        const rows = await row('达到 "a" >= 3 个\n以上 "b" 95%以上\n超过 "c" >= 1 个');
        expect(rows.map(i => i.name)).toEqual(['达到', '以上', '超过']);
        expect(constraintOf(rows[1]!.target)).toMatchObject({ op: '>=', value: { value: 95 } });
        // A bound is no comparator: the formatter and the fixes leave it where it is written.
        expect(rows[1]!.target).toMatchObject({ bound: '以上' });
        expect((rows[1]!.target as { comparator?: string }).comparator).toBeUndefined();
    });
});

describe('remarks printed in brackets after a value', () => {
    const project = (rows: string) => `项目 P "p" { 绩效指标 { 产出指标 { 数量指标 {\n${rows}\n} } } }\n`;
    const assessment = (rows: string) => `自评 Z 对象 P {\n${rows}\n}\n`;
    const remarked = [
        ['A "a" >= 95%以上（全市） 来源 "s"', 'A "a" >= 95%以上 来源 "s"'],
        ['B "b" >= 2 万人（户籍）来源 "s"', 'B "b" >= 2 万人 来源 "s"'],
        ['C "c" >= 80 (含预约) 来源 "s"', 'C "c" >= 80 来源 "s"'],
        ['D "d" 95%（含）', 'D "d" 95%'],
        ['E "e" <= 2023-06-30（验收）', 'E "e" <= 2023-06-30'],
        ['F "f" ≥95%（含）（全市，含区县）', 'F "f" ≥95%（含）'],
    ];

    it('reads the value and passes over the remark, as a comment', async () => {
        const rows = (i: 0 | 1) => remarked.map(r => r[i]).join('\n');
        const actuals = ['指标 A 实际 100%（全部办结） 分值 10 得分 10', '指标 E 实际 2023-06-30（已完成）'];
        const plain = ['指标 A 实际 100% 分值 10 得分 10', '指标 E 实际 2023-06-30'];
        const withRemarks = await parseClean(project(rows(0)) + assessment(actuals.join('\n')));
        expect(shape(withRemarks)).toEqual(shape(await parseClean(project(rows(1)) + assessment(plain.join('\n')))));
        const remarks = CstUtils.streamCst(withRemarks.$cstNode!).filter(isRemark).map(c => c.text).toArray();
        expect(remarks).toEqual(['（全市）', '（户籍）', '(含预约)', '（含）', '（验收）', '（全市，含区县）', '（全部办结）', '（已完成）']);
    });

    it('reads every remark of a pasted line of values, in one pass', () => {
        const { tokens, hidden, errors } = createDevelopmentServices().parser.Lexer.tokenize(`A "a" ${'1 个（甲） '.repeat(5_000)}`);
        expect(errors).toEqual([]);
        expect(hidden.filter(t => t.tokenType.name === 'REMARK')).toHaveLength(5_000);
        expect(tokens.some(t => t.image === '甲')).toBe(false);
    });

    it('reads a note alone after a value without a comparator as a remark: target/no-comparator says what is missing', async () => {
        const [d] = await row('D "d" 95%（含）');
        expect(constraintOf(d!.target)).toMatchObject({ op: '=', value: { value: 95, unit: '%' } });
    });

    it.each([
        // A unit in brackets: passed over, the value would lose it.
        ['B "b" >= 200（万元） 来源 "s"', 1], ['B "b" >= 96.5 (%)', 1],
        // Where no value stands before it, not closed on its line, nested, holding a quote or nothing.
        ['B "b" >= 2 万人 来源（统计局） "s"', 2], ['B "b" >= 2 万人（户籍 来源 "s"', 1], ['B "b" >= 2 万人（（户籍））', 2],
        ['B "b" >= 2 万人（"户籍"）', 2], ['B "b" >= 2 万人（ ）', 2],
    ])('leaves brackets that hold no remark a lexing error: %s', async (text, count) => {
        const { document } = await parse(project(text));
        expect(document.parseResult.lexerErrors, text).toHaveLength(count);
    });
});

describe('qualitative targets as forms print them', () => {
    it('reads a word alone after a row\'s title as the row\'s qualitative target', async () => {
        const rows = await row('A "a" 明显提升 来源 "s"\nB "b" 建成统一平台\nC "c" improved per X.y\nD "d" 达到Ⅲ类及以上');
        expect(rows.map(i => [i.name, (i.target as { text?: string }).text])).toEqual([['A', '明显提升'], ['B', '建成统一平台'], ['C', 'improved'], ['D', '达到Ⅲ类及以上']]);
        expect(rows[0]!.source).toBe('s');
        expect(constraintOf(rows[0]!.target)).toBeUndefined();
    });

    it('reads a keyword a form prints as a whole target (达标, 完成, 优) so too, but not after a clause\'s name', async () => {
        const rows = await row('A "水质" 达标 来源 "s"\n"验收" 完成\nC "评价" 优');
        expect(rows.map(i => (i.target as { text?: string }).text)).toEqual(['达标', '完成', '优']);
        expect(rows[0]!.source).toBe('s');
        const model = await parseClean('自评 A "a" 对象 P {\n    里程碑 "上线" 完成\n    里程碑 "验收" 未完成\n}\n');
        expect(blockOf(model, isAssessment).items).toMatchObject([{ done: true }, { pending: true }]);
    });

    it('leaves two words, a word without a title and a word before a value to the syntax errors', async () => {
        for (const text of ['A "a" 明显 提升', 'A 明显提升', 'A "a" 明显 >= 5 个']) {
            const { errors } = await parse(`项目 P { 绩效指标 { 产出指标 { 数量指标 {\n${text}\n} } } }`);
            expect(errors.length, text).toBeGreaterThan(0);
        }
    });
});

describe('ratings as forms print them', () => {
    it('reads 达成预期指标, 已完成 and 未达成… after 实际 as the ratings they print, and keeps the text', async () => {
        const model = await parseClean('自评 A "a" 对象 P {\n    指标 X 实际 达成预期指标\n    指标 Y 实际 已完成\n    指标 Z 实际 未达成预期\n}\n');
        const actuals = blockOf(model, isAssessment).items.map(i => (i as { actual?: { rating?: string } }).actual!);
        expect(actuals.map(a => [a.rating, ratingOf(a.rating)])).toEqual([['达成预期指标', 'achieved'], ['已完成', 'achieved'], ['未达成预期', 'missed']]);
    });

    it('reads 全部完成, 按期完成 and 未完成 so too, and 基本完成, which says no rating, as text, as a quoted actual is', async () => {
        const model = await parseClean('自评 A "a" 对象 P {\n    指标 X 实际 全部完成\n    指标 Y 实际 按期完成\n    指标 Z 实际 未完成\n    指标 W 实际 未按期完成\n}\n');
        const actuals = blockOf(model, isAssessment).items.map(i => (i as { actual?: { rating?: string } }).actual!);
        expect(actuals.map(a => ratingOf(a.rating))).toEqual(['achieved', 'achieved', 'missed', 'missed']);
        const printed = blockOf(await parseClean('自评 A "a" 对象 P {\n    指标 X 实际 基本完成 分值 5 得分 4\n    指标 Y 实际 已建立\n    指标 Z 实际完成值：明显提升\n}\n'), isAssessment).items;
        expect(printed.map(i => (i as { actual?: { text?: string } }).actual!.text)).toEqual(['基本完成', '已建立', '明显提升']);
        expect((printed[0] as { score?: number }).score).toBe(4);
        // Two words are no cell's one text: quoted, they are.
        expect((await parse('自评 A "a" 对象 P {\n    指标 X 实际 基本 完成\n}\n')).errors).not.toEqual([]);
    });

    it('reads English ratings in any case, as a form prints them', async () => {
        const model = await parseClean('project P "p" { indicators { output { quantity { X "x" >= 1 items } } } }\nassessment A "a" for P {\n    indicator X actual Achieved weight 10 score 10\n    indicator X actual Partly\n    grade Excellent\n}\n');
        const items = blockOf(model, isAssessment).items;
        expect(items.slice(0, 2).map(i => ratingOf((i as { actual?: { rating?: string } }).actual!.rating))).toEqual(['achieved', 'partly']);
    });

    it('reads 达标 and 合格 as achieved, 未达标 and 不合格 as missed', async () => {
        const model = await parseClean('自评 A "a" 对象 P {\n    指标 X 实际 达标\n    指标 Y 实际 合格\n    指标 Z 实际 未达标\n    指标 W 实际 不合格\n}\n');
        const items = blockOf(model, isAssessment).items;
        expect(items.map(i => ratingOf((i as { actual?: { rating?: string } }).actual!.rating))).toEqual(['achieved', 'achieved', 'missed', 'missed']);
    });

    it('reads 完成 and 已达到 as achieved and 未达到 as missed: 完成 after 实际 is a rating, after a milestone\'s name its keyword', async () => {
        const model = await parseClean('自评 A "a" 对象 P {\n    指标 X 实际 完成 分值 10 得分 10\n    指标 Y 实际 已达到\n    指标 Z 实际 未达到预期目标\n    里程碑 M 完成 2023-06-30\n}\n');
        const items = blockOf(model, isAssessment).items;
        expect(items.slice(0, 3).map(i => ratingOf((i as { actual?: { rating?: string } }).actual!.rating))).toEqual(['achieved', 'achieved', 'missed']);
        expect(items[3]).toMatchObject({ done: true, date: { value: '2023-06-30' } });
    });
});

describe('actuals as forms print them', () => {
    it('reads a word that says only that it is done, glued to a percentage or a date, as a remark after the value', async () => {
        const model = await parseClean('自评 A "a" 对象 P {\n    指标 X 实际 100%完成 分值 10 得分 10\n    指标 Y 实际 2023-06-20建成\n'
            + '    指标 Z 实际 2023年7月15日已完成\n    指标 W 实际 2023年7月底完成\n    里程碑 M 完成 2023-06-30\n}\n');
        const items = blockOf(model, isAssessment).items;
        expect(items.map(i => (i as { actual?: AstNode }).actual?.$cstNode?.text)).toEqual(['100%', '2023-06-20', '2023年7月15日', '2023年7月底', undefined]);
        expect(items[0]).toMatchObject({ weight: 10, score: 10 });
        expect(items[4]).toMatchObject({ done: true, date: { value: '2023-06-30' } });
        // Other words glued to a value stay errors (syntax-messages.test.ts), and 完成 apart from it is not glued.
        expect((await parse('自评 A "a" 对象 P {\n    指标 X 实际 100%覆盖\n}\n')).errors).not.toEqual([]);
        expect((await parse('自评 A "a" 对象 P {\n    指标 X 实际 100% 完成\n}\n')).errors).not.toEqual([]);
    });
});

describe('punctuation as forms and prose print it', () => {
    // 其中：财政拨款, 实际完成值：89%: the colon says nothing the language does not, and is read as a space.
    it('reads a colon right after a word, a title or a number as a space, with the same tree as without it', async () => {
        const withColons = '自评 A "a" 对象 P {\n    预算执行 全年预算：260 万元 全年执行：198 万元 分值: 10 得分：8\n        其中：财政拨款 全年预算 220 万元 全年执行 170 万元\n    指标 X 实际：89.19% 口径："15秒内接通率" 分值：30 得分：27\n}\n'
            + '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                接通率 "15秒内接通率"：>= 95% 来源："系统" 依据：C.c\n            }\n        }\n    }\n}\n';
        const plain = withColons.replace(/[:：]/g, ' ');
        expect(shape(await parseClean(withColons))).toEqual(shape(await parseClean(plain)));
    });

    it('reads a full stop or semicolon that ends a line as a space, and the enumeration comma as a list\'s comma', async () => {
        const printed = '自评 A "a" 对象 P {\n    指标 X 实际 89.19% 分值 30 得分 27。\n    指标 Y 实际 91%； // 备注\n    问题 "服务质量有待提升" 涉及 X、Y\n}\n';
        const plain = printed.replace(/[。；]/g, ' ').replace('、', '，');
        expect(shape(await parseClean(printed))).toEqual(shape(await parseClean(plain)));
        const problem = blockOf(await parseClean(printed), isAssessment).items.find(i => i.$type === 'ProblemStatement') as unknown as { concerns: Array<{ $refText: string }> };
        expect(problem.concerns.map(c => c.$refText)).toEqual(['X', 'Y']);
    });

    it('reads a comma glued to a clause\'s end before the next clause\'s keyword as a space, as prose separates clauses', async () => {
        const printed = '自评 A "a" 对象 P {\n    指标 X 实际 89.19%，分值 30，得分 27\n    指标 Y 实际 达成，分值 10, 得分 10\n}\n'
            + '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                接通率 "15秒内接通率" >= 95%，来源 "系统"，依据 C.c\n'
            + '                时长 "等待时长" <= 30 秒以内，来源 "系统"\n            }\n        }\n    }\n}\n';
        const plain = printed.replace(/[，,]/g, ' ');
        expect(shape(await parseClean(printed))).toEqual(shape(await parseClean(plain)));
    });

    it('reads the unit 分 glued to a score\'s points as a space, as a workbook\'s score cell is read, and keeps 15分 a unit of minutes elsewhere', async () => {
        const printed = '自评 A "a" 对象 P {\n    预算执行 全年预算 260 万元 全年执行 198 万元 分值 10分 得分 7.6分\n    指标 X 实际 89.19% 分值 30分 得分 27分\n'
            + '    指标 Y 实际 15分 分值 10分\n    合计 分值 40分 得分 37分\n}\n';
        const plain = printed.replace(/(分值|得分) (\d+(?:\.\d+)?)分/g, '$1 $2');
        expect(plain).toContain('实际 15分 分值 10\n');
        expect(shape(await parseClean(printed))).toEqual(shape(await parseClean(plain)));
        const y = blockOf(await parseClean(printed), isAssessment).items[2] as unknown as { actual: { value: { unit: string } } };
        expect(y.actual.value.unit).toBe('分');
        // Apart from its number, or after anything else, 分 stays what it was.
        for (const text of ['指标 X 实际 89% 分值 30 分', '指标 X 实际 89% 分值 分']) {
            const { errors } = await parse(`自评 A "a" 对象 P {\n    ${text}\n}\n`);
            expect(errors.length, text).toBeGreaterThan(0);
        }
    });

    it('keeps a list\'s comma before a name, also one that is a clause\'s keyword', async () => {
        // 质量 and 分值 may name indicators: after a name, a comma and one of them is the list's next item.
        const text = '自评 A "a" 对象 P {\n    问题 "服务质量有待提升" 涉及 X，质量，分值\n}\n';
        const problem = blockOf(await parseClean(text), isAssessment).items.find(i => i.$type === 'ProblemStatement') as unknown as { concerns: Array<{ $refText: string }> };
        expect(problem.concerns.map(c => c.$refText)).toEqual(['X', '质量', '分值']);
        const links = '项目 P "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                接通率 "a" >= 95% 依据 C.c，D.d，来源 "系统"\n            }\n        }\n    }\n}\n';
        expect(indicatorsOf(blockOf(await parseClean(links), isProject))[0]!.links.map(l => l.$refText)).toEqual(['C.c', 'D.d']);
    });

    it('leaves a colon that starts a line, stands apart or comes twice, a full stop between clauses, and a comma before a row or a line break, to the syntax errors', async () => {
        for (const text of ['：接通率 "a" >= 95%', '接通率 "a" ： >= 95%', '接通率 "a"：：>= 95%', '接通率 "a" >= 95%。来源 "s"', '接通率 "a" >= 95%，乙 "b" >= 1 个', '接通率 "a" >= 95%，\n来源 "s"']) {
            const { errors } = await parse(`项目 P { 绩效指标 { 产出指标 { 数量指标 {\n${text}\n} } } }`);
            expect(errors.length, text).toBeGreaterThan(0);
        }
    });
});

describe('digits typed full-width', () => {
    // An input method in full-width mode types ９５．５; a workbook's cell holding it is read as 95.5.
    it('reads them as their half-width forms, with the same tree, and keeps strings and comments as typed', async () => {
        const typed = '项目 P "１５秒内接通率" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n'
            + '                接通率 "１５秒内接通率" ＞＝ ９５．５％ 来源 "系统" // 合同第３条\n'
            + '                时限 "完成时间" <= ２０２３－０６－３０\n                批次１ "批次" = 12 个\n            }\n        }\n    }\n}\n';
        const half = typed.replace('９５．５', '95.5').replace('２０２３－０６－３０', '2023-06-30').replace('批次１', '批次1');
        expect(shape(await parseClean(typed))).toEqual(shape(await parseClean(half)));
        const project = blockOf(await parseClean(typed), isProject);
        expect(project.title).toBe('１５秒内接通率');
        expect(indicatorsOf(project).map(i => i.name)).toEqual(['接通率', '时限', '批次1']);
    });

    it('leaves full-width signs the language has no use for, and a point or dash not between digits, to the syntax errors', async () => {
        for (const text of ['接通率 "a" >= －５', '接通率 "a" >= ９５．', '接通率 "a" ｛', '接通率 "a" >= 95～']) {
            const { errors } = await parse(`项目 P { 绩效指标 { 产出指标 { 数量指标 {\n${text}\n} } } }`);
            expect(errors.length, text).toBeGreaterThan(0);
        }
    });
});

describe('what the checks report parses', () => {
    it('a target without a comparator (target/no-comparator)', async () => {
        const [a] = await row('A "a" 95%');
        expect(a!.target).toMatchObject({ $type: 'Comparison', value: { value: 95, unit: '%' } });
        expect((a!.target as { comparator?: string }).comparator).toBeUndefined();
    });

    it('a value without a unit, also when the next row follows on the next line (target/no-unit)', async () => {
        const rows = await row('A "a" >= 95\nB "b" >= 3\n个数 "c" 3\nD "d" >= 3 个');
        expect(rows.map(i => [i.name, (i.target as { value: { value: number; unit?: string } }).value.unit])).toEqual([
            ['A', undefined], ['B', undefined], ['个数', undefined], ['D', '个'],
        ]);
    });

    it('an actual written as a comparison, 未统计, text and ratings', async () => {
        const model = await parseClean('自评 S 对象 P { 指标 A 实际 >= 266 米 指标 B 实际 未统计 指标 C 实际 "文字" 指标 D 实际 未达成 }');
        expect(blockOf(model, isAssessment).items.map(i => shape(i))).toEqual([
            { $type: 'IndicatorAssessment', indicator: { ref: 'A' }, actual: { $type: 'MeasuredActual', comparator: '>=', value: { $type: 'Quantity', value: 266, unit: '米' } } },
            { $type: 'IndicatorAssessment', indicator: { ref: 'B' }, actual: { $type: 'UnmeasuredActual' } },
            { $type: 'IndicatorAssessment', indicator: { ref: 'C' }, actual: { $type: 'TextActual', text: '文字' } },
            { $type: 'IndicatorAssessment', indicator: { ref: 'D' }, actual: { $type: 'RatingActual', rating: 'missed' } },
        ]);
    });

    it('a milestone assessment without status, a done milestone without date, an empty block', async () => {
        const model = await parseClean('自评 S 对象 P { 里程碑 M 里程碑 N 完成 } 履约考核 R 对象 C { 条款 K }');
        expect(blockOf(model, isAssessment).items.map(i => shape(i))).toEqual([
            { $type: 'MilestoneAssessment', milestone: { ref: 'M' }, done: false, pending: false },
            { $type: 'MilestoneAssessment', milestone: { ref: 'N' }, done: true, pending: false },
        ]);
        expect(shape(blockOf(model, isCompliance).reviews[0])).toEqual({ $type: 'ClauseReview', clause: { ref: 'K' }, unassessed: false });
    });
});

describe('units and names after numbers', () => {
    it('a word after a number on the same line is its unit, on the next line the next row', async () => {
        const rows = await row('A "a" >= 3 个\nB "b" >= 3\n个 "c" >= 3');
        expect(rows.map(i => [i.name, (i.target as { value: { unit?: string } }).value.unit])).toEqual([['A', '个'], ['B', undefined], ['个', undefined]]);
    });

    it('a keyword after a number stays a keyword', async () => {
        const model = await parseClean('自评 S 对象 P { 指标 A 实际 89 分值 30 得分 30 偏差 "x" }\nassessment T for P { indicator A actual 3 weight 5 score 5 }');
        expect(model.blocks.flatMap(a => isAssessment(a) ? a.items.map(i => shape(i)) : [])).toEqual([
            { $type: 'IndicatorAssessment', indicator: { ref: 'A' }, actual: { $type: 'MeasuredActual', value: { $type: 'Quantity', value: 89 } }, weight: 30, score: 30, deviation: 'x' },
            { $type: 'IndicatorAssessment', indicator: { ref: 'A' }, actual: { $type: 'MeasuredActual', value: { $type: 'Quantity', value: 3 } }, weight: 5, score: 5 },
        ]);
        const [a] = await row('A "a" >= 80 依据 C.K 来源 "s"\nB "b" >= 80 per C.K source "s" note "n"');
        expect(a).toMatchObject({ source: 's', links: [{ $refText: 'C.K' }] });
    });

    it('a name after a date on the same line is the next milestone', async () => {
        const model = await parseClean('项目 P { 里程碑 { M1 "m" 计划 2018-04-30 M2 "n" 计划 2018-05 M3 "o" 计划 2018-06-01 } }');
        expect(milestonesOf(blockOf(model, isProject)).map(m => m.name)).toEqual(['M1', 'M2', 'M3']);
    });
});

describe('keywords as names', () => {
    it('an indicator may be called 满意度, 质量, quality, cost, 得分 or actual, and be referenced so', async () => {
        // Names are global across the parser's workspace: these blocks have names of their own.
        const { document, model, errors } = await parse(`
            project KeywordNames {
                indicators {
                    output { quality { quality "Quality" >= 90% 质量 "质量" >= 90% } cost { cost "Cost" <= 5 元 } }
                    satisfaction { beneficiary { 满意度 "满意度" >= 90% 得分 "得分" >= 1 actual "Actual" <= 100 万元 } }
                }
                milestones { done "Done" planned 2020-01-01 }
            }
            assessment KeywordNamesReview for KeywordNames {
                indicator quality actual 95% indicator cost actual 4 元 indicator 满意度 actual 92%
                指标 得分 实际 1 分值 5 得分 5 indicator actual actual 90 万元 milestone done done 2020-01-01
            }`);
        expect(errors).toEqual([]);
        expect(indicatorsOf(blockOf(model, isProject)).map(i => i.name)).toEqual(['quality', '质量', 'cost', '满意度', '得分', 'actual']);
        expect(document.references.map(r => [r.$refText, targetOf(r)?.$type])).toEqual([
            ['KeywordNames', 'Project'], ['quality', 'Indicator'], ['cost', 'Indicator'], ['满意度', 'Indicator'],
            ['得分', 'Indicator'], ['actual', 'Indicator'], ['done', 'Milestone'],
        ]);
        expect(blockOf(model, isAssessment).items.at(-2)).toMatchObject({ actual: { value: { value: 90, unit: '万元' } } });
        expect(blockOf(model, isAssessment).items.at(-1)).toMatchObject({ done: true, date: { value: '2020-01-01' } });
    });

    it('blocks, clauses and entries may be named by keywords that do not begin a line', async () => {
        const model = await parseClean('合同 得分 { 条款 penalty "p" >= 1 违约 "x" } 标准 实际 { 要求 达标 "r" 基准 偏差 "b" 1 }');
        expect(model.blocks.map(b => b.name)).toEqual(['得分', '实际']);
        expect(blockOf(model, isContract).clauses[0]!.name).toBe('penalty');
        expect(blockOf(model, isStandard).entries.map(e => e.name)).toEqual(['达标', '偏差']);
    });

    it.each(['项目', 'project', '指标', 'indicator', '条款', 'clause', '问题', '合计', 'total', '预算', 'budget'])(
        'a keyword that begins a line, such as %s, is not a name', async keyword => {
            const { errors } = await parse(`项目 P { 绩效指标 { 产出指标 { 数量指标 { ${keyword} "x" >= 1 } } } }`);
            expect(errors.length).toBeGreaterThan(0);
        });
});

describe('ambiguity', () => {
    it('the grammar makes no ambiguous decision on the corpus, the reference cases and the examples', async () => {
        // A fresh parser: chevrotain-allstar reports each ambiguous decision once per parser. Every
        // text goes through Chevrotain: the direct parse, which takes whole files, predicts nothing.
        const services = createDevelopmentServices();
        (services.parser.LangiumParser as KpiParser).parseDirectly = false;
        const fresh = strictParser(services);
        const texts = [ZH, EN, MIXED, ...VARIANTS.flat(), ...[REFERENCE, EXAMPLES].filter(existsSync).flatMap(dir => Object.values(readFolder(dir)))];
        const reports: string[] = [];
        for (const text of texts) reports.push(...(await fresh(text)).ambiguities);
        expect(reports).toEqual([]);
    });

    it('an ambiguous grammar is caught by the same capture', async () => {
        // Both alternatives of Item read `x a`: the kind of mistake the test above must catch.
        const services = await createServicesForGrammar({
            grammar: `grammar Ambiguous
                entry Model: items+=Item*;
                Item: A | B;
                A: 'x' name=ID;
                B: 'x' name=ID;
                hidden terminal WS: /\\s+/;
                terminal ID: /[a-z]+/;`,
        });
        const { ambiguities } = await captureAmbiguities(() => parseHelper(services)('x a'));
        expect(ambiguities).toHaveLength(1);
        expect(ambiguities[0]).toContain('inside <Item');
    });

});
