import type { KeywordLanguage } from './keyword-language.js';

/** A block or row to fill in, offered by completion where the grammar lets it start. */
export interface Snippet {
    /** What is typed to pick it: the block's keyword, or a name for a row. */
    readonly prefix: string;
    readonly language: KeywordLanguage;
    /**
     * The grammar rule it is an instance of: offered where that rule's first keyword may come
     * (a new row's name for `Indicator`), so never where a reference is expected.
     */
    readonly rule: 'Project' | 'Indicator' | 'MilestoneSection' | 'Contract' | 'Clause' | 'Standard' | 'Assessment' | 'IndicatorAssessment' | 'Compliance';
    readonly description: string;
    /** LSP snippet syntax (`${1:default}`, `${2|a,b|}`), one string per line, tabs for indentation. */
    readonly body: readonly string[];
}

/** Every block and the rows typed most, in both keyword languages; their defaults form linked, valid files. */
export const SNIPPETS: readonly Snippet[] = [
    {
        prefix: '项目', language: 'zh', rule: 'Project',
        description: '项目绩效目标：总体目标与三级指标（产出、效益、满意度）',
        body: [
            '项目 ${1:示例项目} "${2:项目全称}" {',
            '\t主管部门 "${3:主管部门}"',
            '\t实施单位 "${4:实施单位}"',
            '\t实施期 ${5:2025-01} 至 ${6:2025-12}',
            '\t预算 ${7:100} 万元',
            '',
            '\t总体目标 {',
            '\t\t${8:服务提升} "${9:项目实施后要达到的总体效果}"',
            '\t}',
            '',
            '\t绩效指标 {',
            '\t\t产出指标 {',
            '\t\t\t数量指标 {',
            '\t\t\t\t${10:完成数量} "${11:指标名称}" ${12|>=,<=,=|} ${13:100 个} 来源 "${14:数据来源}"',
            '\t\t\t}',
            '\t\t}',
            '\t\t效益指标 {',
            '\t\t\t社会效益 {',
            '\t\t\t\t${15:受益人数} "${16:指标名称}" >= ${17:1000 人} 来源 "${18:数据来源}"',
            '\t\t\t}',
            '\t\t}',
            '\t\t满意度指标 {',
            '\t\t\t服务对象满意度 {',
            '\t\t\t\t${19:满意度} "${20:服务对象满意度}" >= ${21:90%} 来源 "${22:满意度调查}"',
            '\t\t\t}',
            '\t\t}',
            '\t}',
            '}$0',
        ],
    },
    {
        prefix: '指标行', language: 'zh', rule: 'Indicator',
        description: '一行绩效指标：名称、目标值、依据与数据来源',
        body: [
            '${1:及时率} "${2:指标名称}" ${3|>=,<=,=|} ${4:95%} 依据 ${5:示例合同.服务质量} 来源 "${6:数据来源}"$0',
        ],
    },
    {
        prefix: '里程碑', language: 'zh', rule: 'MilestoneSection',
        description: '项目里程碑（计划完成日期）',
        body: [
            '里程碑 {',
            '\t${1:系统上线} "${2:完成事项}" 计划 ${3:2025-06-30}',
            '}$0',
        ],
    },
    {
        prefix: '合同', language: 'zh', rule: 'Contract',
        description: '服务合同：条款约定值与违约责任',
        body: [
            '合同 ${1:示例合同} "${2:合同全称}" 对象 ${3:示例项目} {',
            '\t甲方 "${4:采购单位}"',
            '\t乙方 "${5:服务供应商}"',
            '\t金额 ${6:100} 万元',
            '\t期间 ${7:2025-01} 至 ${8:2025-12}',
            '',
            '\t条款 ${9:服务质量} "${10:条款内容}" ${11|>=,<=,=|} ${12:95%}',
            '\t\t违约 "${13:违约责任}"',
            '}$0',
        ],
    },
    {
        prefix: '条款', language: 'zh', rule: 'Clause',
        description: '合同条款：约定值与违约责任',
        body: [
            '条款 ${1:响应时长} "${2:条款内容}" ${3|>=,<=,=|} ${4:95%}',
            '\t违约 "${5:违约责任}"$0',
        ],
    },
    {
        prefix: '标准', language: 'zh', rule: 'Standard',
        description: '政策要求、行业规范或标杆水平',
        body: [
            '标准 ${1:示例标准} "${2:标准全称}" {',
            '\t要求 ${3:达标率} "${4:要求内容}" ${5|>=,<=,=|} ${6:90%} 必设',
            '\t基准 ${7:单位成本} "${8:基准水平}" ${9:10 元/个}',
            '}$0',
        ],
    },
    {
        prefix: '自评', language: 'zh', rule: 'Assessment',
        description: '项目支出绩效自评表',
        body: [
            '自评 ${1:示例自评} "${2:自评标题}" 对象 ${3:示例项目} {',
            '\t预算执行 全年预算 ${4:100} 万元 全年执行 ${5:100} 万元 分值 10 得分 ${6:10}',
            '',
            '\t总体目标 ${7:服务提升} "${8:完成情况}"',
            '',
            '\t指标 ${9:完成数量} 实际 ${10:100 个} 分值 ${11:90} 得分 ${12:90}',
            '',
            '\t评价日 ${13:2026-03-31}',
            '\t合计 分值 100 得分 ${14:100}',
            '\t等级 ${15|优,良,中,差|}',
            '}$0',
        ],
    },
    {
        prefix: '自评指标', language: 'zh', rule: 'IndicatorAssessment',
        description: '自评表中一个指标的实际完成值与得分',
        body: [
            '指标 ${1:受益人数} 实际 ${2:95%} 分值 ${3:10} 得分 ${4:10}$0',
        ],
    },
    {
        prefix: '履约考核', language: 'zh', rule: 'Compliance',
        description: '合同履约考核：逐条款的实际值与结论',
        body: [
            '履约考核 ${1:示例履约} "${2:考核标题}" 对象 ${3:示例合同} {',
            '\t条款 ${4:服务质量} 实际 ${5:96%} 结论 ${6|达标,未达标,未考核|}',
            '}$0',
        ],
    },
    {
        prefix: 'project', language: 'en', rule: 'Project',
        description: 'Project performance targets: goals and the three-level indicator tree (output, benefit, satisfaction)',
        body: [
            'project ${1:SampleProject} "${2:Full title}" {',
            '\tdepartment "${3:Department}"',
            '\timplementer "${4:Implementing unit}"',
            '\tperiod ${5:2025-01} to ${6:2025-12}',
            '\tbudget ${7:100} 万元',
            '',
            '\tgoals {',
            '\t\t${8:Goal} "${9:What the project achieves}"',
            '\t}',
            '',
            '\tindicators {',
            '\t\toutput {',
            '\t\t\tquantity {',
            '\t\t\t\t${10:Delivered} "${11:Indicator title}" ${12|>=,<=,=|} ${13:100 个} source "${14:Data source}"',
            '\t\t\t}',
            '\t\t}',
            '\t\tbenefit {',
            '\t\t\tsocial {',
            '\t\t\t\t${15:Beneficiaries} "${16:Indicator title}" >= ${17:1000 人} source "${18:Data source}"',
            '\t\t\t}',
            '\t\t}',
            '\t\tsatisfaction {',
            '\t\t\tbeneficiary {',
            '\t\t\t\t${19:Satisfaction} "${20:Beneficiary satisfaction}" >= ${21:90%} source "${22:Survey}"',
            '\t\t\t}',
            '\t\t}',
            '\t}',
            '}$0',
        ],
    },
    {
        prefix: 'row', language: 'en', rule: 'Indicator',
        description: 'One indicator row: name, target, linked references and data source',
        body: [
            '${1:OnTimeRate} "${2:Indicator title}" ${3|>=,<=,=|} ${4:95%} per ${5:SampleContract.Quality} source "${6:Data source}"$0',
        ],
    },
    {
        prefix: 'milestones', language: 'en', rule: 'MilestoneSection',
        description: 'Project milestones with planned dates',
        body: [
            'milestones {',
            '\t${1:GoLive} "${2:What is done}" planned ${3:2025-06-30}',
            '}$0',
        ],
    },
    {
        prefix: 'contract', language: 'en', rule: 'Contract',
        description: 'Service contract: committed values and penalties',
        body: [
            'contract ${1:SampleContract} "${2:Full title}" for ${3:SampleProject} {',
            '\tbuyer "${4:Purchasing unit}"',
            '\tvendor "${5:Vendor}"',
            '\tamount ${6:100} 万元',
            '\tperiod ${7:2025-01} to ${8:2025-12}',
            '',
            '\tclause ${9:Quality} "${10:Clause text}" ${11|>=,<=,=|} ${12:95%}',
            '\t\tpenalty "${13:Penalty}"',
            '}$0',
        ],
    },
    {
        prefix: 'clause', language: 'en', rule: 'Clause',
        description: 'Contract clause: committed value and penalty',
        body: [
            'clause ${1:ResponseTime} "${2:Clause text}" ${3|>=,<=,=|} ${4:95%}',
            '\tpenalty "${5:Penalty}"$0',
        ],
    },
    {
        prefix: 'standard', language: 'en', rule: 'Standard',
        description: 'A policy requirement, industry rule or benchmark',
        body: [
            'standard ${1:SampleStandard} "${2:Full title}" {',
            '\trequirement ${3:Requirement} "${4:Requirement text}" ${5|>=,<=,=|} ${6:90%} required',
            '\tbaseline ${7:Baseline} "${8:Benchmark}" ${9:10 元/个}',
            '}$0',
        ],
    },
    {
        prefix: 'assessment', language: 'en', rule: 'Assessment',
        description: 'Year-end self-assessment of a project',
        body: [
            'assessment ${1:SampleReview} "${2:Title}" for ${3:SampleProject} {',
            '\texecution budgeted ${4:100} 万元 spent ${5:100} 万元 weight 10 score ${6:10}',
            '',
            '\tgoals ${7:Goal} "${8:What was achieved}"',
            '',
            '\tindicator ${9:Delivered} actual ${10:100 个} weight ${11:90} score ${12:90}',
            '',
            '\tas-of ${13:2026-03-31}',
            '\ttotal weight 100 score ${14:100}',
            '\tgrade ${15|excellent,good,fair,poor|}',
            '}$0',
        ],
    },
    {
        prefix: 'indicator', language: 'en', rule: 'IndicatorAssessment',
        description: 'One indicator\'s actual value and score in a self-assessment',
        body: [
            'indicator ${1:Beneficiaries} actual ${2:95%} weight ${3:10} score ${4:10}$0',
        ],
    },
    {
        prefix: 'compliance', language: 'en', rule: 'Compliance',
        description: 'Contract compliance review: actual and verdict per clause',
        body: [
            'compliance ${1:SampleCompliance} "${2:Title}" for ${3:SampleContract} {',
            '\tclause ${4:Quality} actual ${5:96%} verdict ${6|met,unmet,unassessed|}',
            '}$0',
        ],
    },
];
