/**
 * The starter workspace `kpispec init` writes: a project with targets in every indicator family,
 * the contract its targets track, a self-assessment whose scores follow the default profile,
 * and a kpispec.json. It lints clean and is already formatted, so a new user starts from green.
 */
export interface StarterFile {
    name: string;
    text: string;
}

const CONFIG = `{
  "$schema": "https://raw.githubusercontent.com/kpispec/kpispec/main/schemas/kpispec.schema.json",
  "profile": "national-2020",
  "scheme": 2020,
  "rules": {
    "target/no-source": "warn"
  },
  "ignore": ["drafts/**"]
}
`;

const ZH: StarterFile[] = [
    {
        name: 'targets.kpi',
        text: `// 绩效目标申报表：一个项目的绩效目标。
// 每个指标一行：名称 "说明" 比较符 目标值，可接 依据（合同条款、标准要求）、来源（数据来源）、说明。
// 运行 kpispec lint 检查，kpispec score 复算自评得分，kpispec format 统一格式。
项目 示例项目 "政务服务热线运营项目" {
    主管部门 "示例市政务服务数据管理局"
    实施单位 "示例市政务服务数据管理局"
    实施期 2024-01 至 2024-12
    预算 500 万元

    总体目标 {
        接听能力 "市民来电及时接通，15秒接通率不低于95%"
        服务质量 "诉求按时办结，市民满意"
    }

    // 指标体系（财预〔2020〕10号）：产出、效益、满意度三类一级指标。
    绩效指标 {
        产出指标 {
            数量指标 {
                受理量 "全年受理来电" >= 120000 通 来源 "话务系统统计报表"
            }
            质量指标 {
                // 目标值不得低于合同约定：依据 把指标与合同条款关联起来。
                接通率 "15秒接通率" >= 95% 依据 运营合同.接通率
                    来源 "话务系统统计报表"
            }
            时效指标 {
                按时办结率 "工单按时办结率" >= 98% 依据 运营合同.按时办结率
                    来源 "工单系统"
            }
            成本指标 {
                单位成本 "每通来电服务成本" <= 40 元/通 来源 "合同结算金额 ÷ 受理量"
            }
        }
        效益指标 {
            社会效益 {
                一次办结率 "诉求一次办结率" >= 80% 来源 "工单系统"
            }
        }
        满意度指标 {
            服务对象满意度 {
                满意度 "市民满意度" >= 90% 来源 "满意度回访"
            }
        }
    }

    里程碑 {
        上线 "新话务系统上线运行" 计划 2024-03-31
    }
}
`,
    },
    {
        name: 'contract.kpi',
        text: `// 服务合同：约定的服务水平条款与违约责任。
// 项目的指标用「依据 合同.条款」跟踪每个条款；每个条款都应约定违约责任。
合同 运营合同 "热线运营服务采购合同" 对象 示例项目 {
    甲方 "示例市政务服务数据管理局"
    乙方 "示例运营服务有限公司"
    金额 480 万元
    期间 2024-01 至 2024-12

    条款 接通率 "15秒接通率" >= 95%
        违约 "每低于约定值1个百分点，扣减当月服务费1%"
    条款 按时办结率 "工单按时办结率" >= 98%
        违约 "每低于约定值1个百分点，扣减当月服务费0.5%"
}
`,
    },
    {
        name: 'assessment.kpi',
        text: `// 项目支出绩效自评表：年度结束后对照目标逐项自评。
// 分值（财预〔2020〕10号）：预算执行 10，产出 50，效益 30，满意度 10，合计 100。
// 预算执行得分 = 分值 × 执行数 ÷ 预算数：10 × 485 ÷ 500 = 9.7。
自评 示例自评 "示例项目2024年度绩效自评" 对象 示例项目 {
    预算执行 全年预算 500 万元 全年执行 485 万元 分值 10 得分 9.7

    总体目标 接听能力 "15秒接通率96.2%，达到合同约定"
    总体目标 服务质量 "按时办结率98.5%，市民满意度92.3%"

    // 未达到目标的指标按完成比例计分，并写明 偏差 "原因"。对齐的列，格式化后仍然对齐。
    指标 受理量     实际 126500 通  分值 10 得分 10
    指标 接通率     实际 96.2%      分值 15 得分 15
    指标 按时办结率 实际 98.5%      分值 15 得分 15
    指标 单位成本   实际 38.3 元/通 分值 10 得分 10
    指标 一次办结率 实际 82.1%      分值 30 得分 30
    指标 满意度     实际 92.3%      分值 10 得分 10

    里程碑 上线 完成 2024-03-28

    评价日 2025-01-20
    合计 分值 100 得分 99.7
    等级 优
}
`,
    },
];

const EN: StarterFile[] = [
    {
        name: 'targets.kpi',
        text: `// Performance targets of one budget project (绩效目标申报表).
// One indicator per line: name "description" comparator target, then optionally
// per (contract clauses, standard requirements), source (where the data comes from), note.
// Run kpispec lint to check, kpispec score to recompute the assessment, kpispec format to tidy.
project Hotline "Government service hotline operation" {
    department "City Government Services and Data Administration"
    implementer "City Government Services and Data Administration"
    period 2024-01 to 2024-12
    budget 500 万元

    goals {
        Reach "Citizens' calls answered promptly: at least 95% within 15 seconds"
        Quality "Requests closed on time, citizens satisfied"
    }

    // Indicator tree (财预〔2020〕10号): output, benefit and satisfaction at level 1.
    indicators {
        output {
            quantity {
                Calls "Calls handled in the year" >= 120000 calls source "call-centre statistics"
            }
            quality {
                // A target may not be weaker than the contract: per links it to the clause.
                AnswerRate "Answered within 15 seconds" >= 95% per OperationContract.AnswerRate
                    source "call-centre statistics"
            }
            timeliness {
                OnTimeRate "Tickets closed on time" >= 98% per OperationContract.OnTimeRate
                    source "ticket system"
            }
            cost {
                UnitCost "Cost per call" <= 40 元/call source "contract payments ÷ calls"
            }
        }
        benefit {
            social {
                FirstContact "Resolved on first contact" >= 80% source "ticket system"
            }
        }
        satisfaction {
            beneficiary {
                Satisfaction "Citizen satisfaction" >= 90% source "follow-up survey"
            }
        }
    }

    milestones {
        Launch "New call-centre system in service" planned 2024-03-31
    }
}
`,
    },
    {
        name: 'contract.kpi',
        text: `// The service contract: committed service levels and penalties.
// The project's indicators track each clause with "per Contract.Clause"; every clause needs a penalty.
contract OperationContract "Hotline operation service contract" for Hotline {
    buyer "City Government Services and Data Administration"
    vendor "Example Operations Ltd."
    amount 480 万元
    period 2024-01 to 2024-12

    clause AnswerRate "Answered within 15 seconds" >= 95%
        penalty "1% of the monthly fee per point below target"
    clause OnTimeRate "Tickets closed on time" >= 98%
        penalty "0.5% of the monthly fee per point below target"
}
`,
    },
    {
        name: 'assessment.kpi',
        text: `// The year-end self-assessment (项目支出绩效自评表), indicator by indicator.
// Weights (财预〔2020〕10号): execution 10, output 50, benefit 30, satisfaction 10; total 100.
// Execution score = weight × spent ÷ budgeted: 10 × 485 ÷ 500 = 9.7.
assessment HotlineReview "Hotline operation, self-assessment 2024" for Hotline {
    execution budgeted 500 万元 spent 485 万元 weight 10 score 9.7

    goals Reach "96.2% of calls answered within 15 seconds, as the contract requires"
    goals Quality "98.5% of tickets closed on time; satisfaction 92.3%"

    // A missed target scores in proportion to the actual and needs a deviation "reason".
    // Columns you line up stay lined up when the file is formatted.
    indicator Calls        actual 126500 calls weight 10 score 10
    indicator AnswerRate   actual 96.2%        weight 15 score 15
    indicator OnTimeRate   actual 98.5%        weight 15 score 15
    indicator UnitCost     actual 38.3 元/call weight 10 score 10
    indicator FirstContact actual 82.1%        weight 30 score 30
    indicator Satisfaction actual 92.3%        weight 10 score 10

    milestone Launch done 2024-03-28

    as-of 2025-01-20
    total weight 100 score 99.7
    grade excellent
}
`,
    },
];

export function starterFiles(lang: 'zh' | 'en'): StarterFile[] {
    return [...(lang === 'en' ? EN : ZH), { name: 'kpispec.json', text: CONFIG }];
}
