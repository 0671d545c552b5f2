// What the generated projects are about: indicator templates shared by every sector, and per
// sector the indicators that its contract clauses and its industry standard govern.
// A template: family (level-2), name, title, comparator, value range [lo, hi], unit,
// decimals, data source. `date` templates target a day relative to the period's end.

/** @typedef {{ family: string, name: string, title: string, op: '>=' | '<=' | '=' | 'qual' | 'date', lo?: number, hi?: number, unit?: string, dp?: number, text?: string, source: string, clause?: string, std?: string, baseline?: string }} Template */

/** Level-1 family of each level-2 family (2020 scheme). */
export const LEVEL1 = {
    quantity: 'output', quality: 'output', timeliness: 'output', cost: 'output',
    economic: 'benefit', social: 'benefit', ecological: 'benefit', sustainability: 'benefit',
    beneficiary: 'satisfaction',
};

/** Weights of the national-2020 profile (财预〔2020〕10号). */
export const PROFILE = { execution: 10, output: 50, benefit: 30, satisfaction: 10 };

/** The standard every project applies; editing it affects the whole workspace. */
export const COMMON_STANDARD = {
    name: '通用绩效标准',
    title: '项目支出通用绩效要求',
    file: 'standards/common.kpi',
    entries: [
        { kind: 'requirement', name: '群众满意度', title: '服务对象满意度', op: '>=', value: 85, unit: '%', required: true },
        { kind: 'requirement', name: '资金使用合规率', title: '资金使用合规率', op: '=', value: 100, unit: '%', required: true },
        { kind: 'requirement', name: '按时完成率', title: '年度任务按时完成率', op: '>=', value: 90, unit: '%' },
        { kind: 'requirement', name: '档案完整率', title: '项目档案完整率', op: '>=', value: 90, unit: '%' },
    ],
};

/** @type {Template[]} */
export const GENERIC = [
    { family: 'quantity', name: '服务人次', title: '年度服务人次', op: '>=', lo: 5, hi: 50, unit: '万人次', dp: 1, source: '业务系统统计' },
    { family: 'quantity', name: '覆盖街道数', title: '覆盖街道（镇）数', op: '>=', lo: 10, hi: 74, unit: '个', dp: 0, source: '街道工作台账' },
    { family: 'quantity', name: '培训场次', title: '业务培训场次', op: '>=', lo: 4, hi: 24, unit: '场', dp: 0, source: '培训签到表' },
    { family: 'quantity', name: '宣传活动次数', title: '政策宣传活动次数', op: '>=', lo: 6, hi: 30, unit: '次', dp: 0, source: '活动记录' },
    { family: 'quantity', name: '巡查次数', title: '日常巡查次数', op: '>=', lo: 50, hi: 500, unit: '次', dp: 0, source: '巡查系统' },
    { family: 'quantity', name: '新增设备数', title: '新增设备数量', op: '>=', lo: 5, hi: 60, unit: '台', dp: 0, source: '资产登记表' },
    { family: 'quality', name: '资金使用合规率', title: '资金使用合规率', op: '=', lo: 100, hi: 100, unit: '%', dp: 0, source: '财务审计报告', std: 'common' },
    { family: 'quality', name: '验收合格率', title: '项目验收合格率', op: '>=', lo: 90, hi: 98, unit: '%', dp: 0, source: '验收报告' },
    { family: 'quality', name: '差错率', title: '业务差错率', op: '<=', lo: 1, hi: 5, unit: '%', dp: 1, source: '质检抽查记录' },
    { family: 'quality', name: '问题整改率', title: '发现问题整改率', op: '>=', lo: 85, hi: 98, unit: '%', dp: 0, source: '整改台账' },
    { family: 'quality', name: '档案完整率', title: '项目档案完整率', op: '>=', lo: 90, hi: 98, unit: '%', dp: 0, source: '档案室', std: 'common' },
    { family: 'quality', name: '信息公开率', title: '政务信息公开率', op: '=', lo: 100, hi: 100, unit: '%', dp: 0, source: '门户网站' },
    { family: 'quality', name: '投诉率', title: '有效投诉率', op: '<=', lo: 0.5, hi: 3, unit: '%', dp: 1, source: '投诉台账' },
    { family: 'timeliness', name: '完成时间', title: '年度任务完成时间', op: 'date', lo: -45, hi: -5, source: '项目进度报告' },
    { family: 'timeliness', name: '平均响应时长', title: '诉求平均响应时长', op: '<=', lo: 15, hi: 60, unit: '分钟', dp: 0, source: '业务系统日志' },
    { family: 'timeliness', name: '办结时限', title: '事项平均办结时限', op: '<=', lo: 3, hi: 10, unit: '天', dp: 0, source: '办件系统' },
    { family: 'timeliness', name: '按时完成率', title: '年度任务按时完成率', op: '>=', lo: 90, hi: 98, unit: '%', dp: 0, source: '督办系统', std: 'common' },
    { family: 'timeliness', name: '资金拨付及时率', title: '资金拨付及时率', op: '>=', lo: 90, hi: 99, unit: '%', dp: 0, source: '国库支付系统' },
    { family: 'cost', name: '预算成本控制率', title: '预算成本控制率', op: '<=', lo: 100, hi: 100, unit: '%', dp: 0, source: '财务决算' },
    { family: 'cost', name: '人均服务成本', title: '人均服务成本', op: '<=', lo: 400, hi: 800, unit: '元/人*月', dp: 0, source: '财务决算' },
    { family: 'economic', name: '节约财政资金', title: '节约财政资金', op: '>=', lo: 50, hi: 500, unit: '万元', dp: 0, source: '财务决算' },
    { family: 'economic', name: '带动社会投资', title: '带动社会投资', op: '>=', lo: 100, hi: 2000, unit: '万元', dp: 0, source: '投资统计' },
    { family: 'social', name: '群众知晓率', title: '政策群众知晓率', op: '>=', lo: 70, hi: 90, unit: '%', dp: 0, source: '抽样调查' },
    { family: 'social', name: '工作机制', title: '长效工作机制', op: 'qual', text: '形成可复制的工作机制，年度工作报告经主管部门审定', source: '主管部门审定意见' },
    { family: 'social', name: '问题解决率', title: '群众诉求解决率', op: '>=', lo: 80, hi: 95, unit: '%', dp: 0, source: '办件系统' },
    { family: 'ecological', name: '节约用电量', title: '年度节约用电量', op: '>=', lo: 1, hi: 20, unit: '万千瓦时', dp: 1, source: '电费结算单' },
    { family: 'ecological', name: '纸质材料减少率', title: '纸质材料减少率', op: '>=', lo: 10, hi: 40, unit: '%', dp: 0, source: '办公耗材台账' },
    { family: 'sustainability', name: '长效机制', title: '运维长效机制', op: 'qual', text: '印发运维管理制度并落实年度运维经费', source: '制度文件' },
    { family: 'sustainability', name: '设施使用年限', title: '设施设计使用年限', op: '>=', lo: 5, hi: 10, unit: '年', dp: 0, source: '设计文件' },
    { family: 'sustainability', name: '人员培训覆盖率', title: '从业人员培训覆盖率', op: '>=', lo: 80, hi: 98, unit: '%', dp: 0, source: '培训台账' },
    { family: 'beneficiary', name: '群众满意度', title: '服务对象满意度', op: '>=', lo: 85, hi: 95, unit: '%', dp: 0, source: '第三方满意度调查', std: 'common' },
    { family: 'beneficiary', name: '企业满意度', title: '企业满意度', op: '>=', lo: 80, hi: 95, unit: '%', dp: 0, source: '营商环境测评' },
];

/**
 * A sector: its industry standard (requirements and baselines) and the indicators its
 * contracts govern. `clause` names the contract clause that commits the indicator's value;
 * `std` the requirement of the sector standard; `baseline` the baseline it is measured against.
 */
export const SECTORS = [
    {
        key: 'hotline', label: '热线', noun: '政务服务热线', vendor: '热线运营服务商',
        standard: {
            name: '热线服务规范', title: '政府热线服务规范（GB/T 33358-2016 摘要）', file: 'standards/hotline.kpi',
            entries: [
                { kind: 'requirement', name: '接通率', title: '15秒接通率', op: '>=', value: 90, unit: '%' },
                { kind: 'requirement', name: '回访率', title: '工单回访率', op: '>=', value: 80, unit: '%', required: true },
                { kind: 'requirement', name: '审核率', title: '工单审核率', required: true },
                { kind: 'baseline', name: '单位成本', title: '同期城市单位服务成本', value: 12, unit: '元/通' },
            ],
        },
        indicators: [
            { family: 'quantity', name: '受理量', title: '年度来电受理量', op: '>=', lo: 300, hi: 1200, unit: '万件', dp: 0, source: '话务系统' },
            { family: 'quality', name: '接通率', title: '15秒接通率', op: '>=', lo: 92, hi: 96, unit: '%', dp: 0, source: '话务系统统计报表', clause: '接通率', std: '接通率' },
            { family: 'quality', name: '回访率', title: '工单回访率', op: '>=', lo: 80, hi: 95, unit: '%', dp: 0, source: '回访系统', clause: '回访率' },
            { family: 'quality', name: '审核率', title: '工单审核率', op: '>=', lo: 90, hi: 99, unit: '%', dp: 0, source: '工单系统' },
            { family: 'timeliness', name: '转办时长', title: '工单平均转办时长', op: '<=', lo: 1, hi: 2, unit: '小时', dp: 1, source: '工单系统', clause: '转办时长' },
            { family: 'cost', name: '单位成本', title: '单位服务成本', op: '<=', lo: 9, hi: 12, unit: '元/通', dp: 2, source: '合同结算金额 ÷ 接通量', baseline: '单位成本' },
            { family: 'social', name: '即接即办率', title: '诉求即接即办率', op: '>=', lo: 60, hi: 80, unit: '%', dp: 0, source: '工单系统' },
        ],
    },
    {
        key: 'roads', label: '道路养护', noun: '市政道路养护', vendor: '道路养护公司',
        standard: {
            name: '道路养护规范', title: '城市道路养护技术规范（摘要）', file: 'standards/roads.kpi',
            entries: [
                { kind: 'requirement', name: '路面完好率', title: '路面完好率', op: '>=', value: 90, unit: '%', required: true },
                { kind: 'requirement', name: '病害修复时限', title: '病害修复时限', op: '<=', value: 72, unit: '小时' },
                { kind: 'baseline', name: '单位养护成本', title: '全省单位养护成本中位数', value: 4, unit: '万元/公里' },
            ],
        },
        indicators: [
            { family: 'quantity', name: '养护里程', title: '年度养护里程', op: '>=', lo: 100, hi: 800, unit: '公里', dp: 0, source: '养护管理系统' },
            { family: 'quality', name: '路面完好率', title: '路面完好率', op: '>=', lo: 90, hi: 98, unit: '%', dp: 0, source: '路况检测报告', clause: '路面完好率', std: '路面完好率' },
            { family: 'quality', name: '病害修复率', title: '路面病害修复率', op: '>=', lo: 90, hi: 99, unit: '%', dp: 0, source: '养护管理系统', clause: '病害修复率' },
            { family: 'timeliness', name: '病害修复时限', title: '病害修复平均时限', op: '<=', lo: 24, hi: 72, unit: '小时', dp: 0, source: '养护管理系统', clause: '修复时限', std: '病害修复时限' },
            { family: 'cost', name: '单位养护成本', title: '单位里程养护成本', op: '<=', lo: 2, hi: 4, unit: '万元/公里', dp: 2, source: '财务决算', baseline: '单位养护成本' },
            { family: 'social', name: '事故下降率', title: '道路交通事故下降率', op: '>=', lo: 5, hi: 15, unit: '%', dp: 0, source: '交警部门通报' },
        ],
    },
    {
        key: 'meals', label: '营养餐', noun: '学生营养改善计划', vendor: '配餐服务企业',
        standard: {
            name: '学生餐卫生规范', title: '学校食品安全与营养健康管理规定（摘要）', file: 'standards/meals.kpi',
            entries: [
                { kind: 'requirement', name: '食品抽检合格率', title: '食品抽检合格率', op: '=', value: 100, unit: '%', required: true },
                { kind: 'requirement', name: '营养达标率', title: '学生营养达标率', op: '>=', value: 80, unit: '%' },
                { kind: 'baseline', name: '每餐成本', title: '全省每餐补助标准', value: 6, unit: '元/餐' },
            ],
        },
        indicators: [
            { family: 'quantity', name: '受益学生数', title: '受益学生人数', op: '>=', lo: 1, hi: 8, unit: '万人', dp: 1, source: '学籍系统' },
            { family: 'quality', name: '食品抽检合格率', title: '食品抽检合格率', op: '=', lo: 100, hi: 100, unit: '%', dp: 0, source: '市场监管抽检报告', clause: '抽检合格率', std: '食品抽检合格率' },
            { family: 'quality', name: '供餐覆盖率', title: '供餐学校覆盖率', op: '>=', lo: 95, hi: 99, unit: '%', dp: 0, source: '教育局台账', clause: '供餐覆盖率' },
            { family: 'timeliness', name: '配送准时率', title: '餐食配送准时率', op: '>=', lo: 95, hi: 99, unit: '%', dp: 0, source: '配送系统', clause: '配送准时率' },
            { family: 'cost', name: '每餐成本', title: '每餐平均成本', op: '<=', lo: 4, hi: 6, unit: '元/餐', dp: 1, source: '财务决算', baseline: '每餐成本' },
            { family: 'social', name: '营养达标率', title: '学生营养达标率', op: '>=', lo: 80, hi: 95, unit: '%', dp: 0, source: '体检报告', std: '营养达标率' },
        ],
    },
    {
        key: 'eldercare', label: '养老', noun: '居家养老服务', vendor: '养老服务机构',
        standard: {
            name: '养老服务规范', title: '居家养老服务规范（摘要）', file: 'standards/eldercare.kpi',
            entries: [
                { kind: 'requirement', name: '护理合格率', title: '护理服务合格率', op: '>=', value: 90, unit: '%', required: true },
                { kind: 'requirement', name: '呼叫响应时长', title: '紧急呼叫响应时长', op: '<=', value: 30, unit: '分钟' },
                { kind: 'baseline', name: '人均补贴', title: '全市人均服务补贴', value: 600, unit: '元/人*月' },
            ],
        },
        indicators: [
            { family: 'quantity', name: '服务老人数', title: '年度服务老人数', op: '>=', lo: 2000, hi: 20000, unit: '人', dp: 0, source: '养老服务平台' },
            { family: 'quality', name: '护理合格率', title: '护理服务合格率', op: '>=', lo: 90, hi: 98, unit: '%', dp: 0, source: '服务质量抽查', clause: '护理合格率', std: '护理合格率' },
            { family: 'timeliness', name: '呼叫响应时长', title: '紧急呼叫响应时长', op: '<=', lo: 10, hi: 30, unit: '分钟', dp: 0, source: '呼叫平台', clause: '响应时长', std: '呼叫响应时长' },
            { family: 'cost', name: '人均补贴', title: '人均服务补贴', op: '<=', lo: 300, hi: 600, unit: '元/人*月', dp: 0, source: '财务决算', baseline: '人均补贴' },
            { family: 'social', name: '居家养老覆盖率', title: '居家养老服务覆盖率', op: '>=', lo: 50, hi: 80, unit: '%', dp: 0, source: '民政统计', clause: '覆盖率' },
        ],
    },
    {
        key: 'sewage', label: '污水处理', noun: '城镇污水处理', vendor: '水务运营公司',
        standard: {
            name: '污水排放标准', title: '城镇污水处理厂污染物排放标准（摘要）', file: 'standards/sewage.kpi',
            entries: [
                { kind: 'requirement', name: '出水达标率', title: '出水水质达标率', op: '>=', value: 95, unit: '%', required: true },
                { kind: 'requirement', name: '污泥处置率', title: '污泥无害化处置率', op: '=', value: 100, unit: '%', required: true },
                { kind: 'baseline', name: '吨水成本', title: '全省吨水处理成本中位数', value: 1.5, unit: '元/吨' },
            ],
        },
        indicators: [
            { family: 'quantity', name: '污水处理量', title: '年度污水处理量', op: '>=', lo: 500, hi: 3000, unit: '万吨', dp: 0, source: '在线监测系统' },
            { family: 'quality', name: '出水达标率', title: '出水水质达标率', op: '>=', lo: 95, hi: 99, unit: '%', dp: 0, source: '环保在线监测', clause: '出水达标率', std: '出水达标率' },
            { family: 'quality', name: '污泥处置率', title: '污泥无害化处置率', op: '=', lo: 100, hi: 100, unit: '%', dp: 0, source: '处置联单', clause: '污泥处置率', std: '污泥处置率' },
            { family: 'timeliness', name: '故障修复时长', title: '设备故障平均修复时长', op: '<=', lo: 4, hi: 24, unit: '小时', dp: 0, source: '设备台账', clause: '故障修复时长' },
            { family: 'cost', name: '吨水成本', title: '吨水处理成本', op: '<=', lo: 0.8, hi: 1.5, unit: '元/吨', dp: 2, source: '财务决算', baseline: '吨水成本' },
            { family: 'ecological', name: 'COD削减量', title: '化学需氧量削减量', op: '>=', lo: 1000, hi: 8000, unit: '吨', dp: 0, source: '环保在线监测' },
        ],
    },
];

export const GOALS = [
    ['服务能力', '服务能力显著提升，年度服务量稳步增长'],
    ['服务质量', '服务质量达到合同与行业标准要求'],
    ['资金效益', '资金使用规范高效，单位成本控制在同期水平以内'],
    ['群众满意', '服务对象满意度持续提高'],
    ['机制建设', '建立健全长效管理机制'],
];

export const MILESTONES = [
    ['招标采购', '完成服务采购并签订合同'],
    ['启动实施', '服务团队进场并启动实施'],
    ['中期评估', '完成中期绩效监控'],
    ['完成验收', '完成年度验收并提交总结报告'],
];

export const DISTRICTS = ['福田', '罗湖', '南山', '盐田', '宝安', '龙岗', '龙华', '坪山', '光明', '大鹏', '越秀', '海珠', '天河', '白云', '黄埔', '番禺', '花都', '南沙', '从化', '增城'];
