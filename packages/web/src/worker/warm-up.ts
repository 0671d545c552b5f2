import type { SourceFile } from '../protocol.js';

/**
 * A small workspace checked once when the worker starts, while the user is still choosing
 * files: the first check of a fresh worker pays for compiling the parser, linker and checks,
 * and that cost is better paid before the drop than after it. Every block kind appears once.
 */
export const WARM_UP: SourceFile[] = [{
    path: 'warm-up/warm-up.kpi',
    text: `项目 热线 "热线服务项目" {
    实施期 2019-07 至 2020-06
    预算 100 万元
    适用 省要求
    总体目标 {
        接通 "来电及时接通"
    }
    绩效指标 {
        产出指标 {
            数量指标 {
                话务量 "年话务量" >= 100 万通 来源 "话务系统"
            }
            质量指标 {
                接通率 "15秒内接通率" >= 80% 依据 服务合同.接通率, 省要求.接通率
            }
        }
        效益指标 {
            社会效益 {
                办结率 "按时办结率" >= 90% 来源 "工单系统"
            }
        }
        满意度指标 {
            服务对象满意度 {
                满意度 "市民满意度" >= 90% 来源 "回访"
            }
        }
    }
}
合同 服务合同 "服务合同" 对象 热线 {
    条款 接通率 "15秒接通率" >= 95% 违约 "扣减服务费"
}
标准 省要求 "工作要求" {
    要求 接通率 "15秒即时接通率" >= 90% 必设
}
自评 热线自评 "绩效自评" 对象 热线 {
    预算执行 全年预算 100 万元 全年执行 100 万元 分值 10 得分 10
    总体目标 接通 "接通率89%"
    指标 接通率 实际 89% 分值 90 得分 90
    评价日 2020-12-31
    合计 分值 100 得分 100
    等级 优
}
履约考核 履约 "履约考核" 对象 服务合同 {
    条款 接通率 实际 89% 结论 未达标
}
`,
}];
