/**
 * Labels of the blocks an exported form adds below the printed tables, and of the rows some
 * provincial 自评表 print below the indicator table. The first label of each is the one export
 * writes; the reader takes any of them (after normalizeLabel: full-width brackets folded).
 */
export const BLOCK_LABELS = {
    /** 测算: the budget breakdown, planned and spent. */
    breakdown: ['项目测算（万元）', '项目测算(万元)', '项目测算', '预算测算'],
    /** 里程碑: the plan's milestones and whether they were done. */
    milestones: ['项目里程碑', '里程碑计划'],
    /** `调整` of the execution line: why 年初预算 became 全年预算. */
    adjustment: ['预算调整说明', '预算调整原因', '调整原因'],
    /** `偏差` of the execution line: why execution fell short. */
    executionDeviation: ['执行偏差原因', '预算执行偏差原因'],
    /** `问题`: one row per problem. */
    problems: ['存在问题', '存在的问题', '主要问题'],
    /** `改进`. */
    improvements: ['改进措施', '整改措施', '改进建议'],
    /** `结论`. */
    conclusions: ['评价结论', '自评结论'],
    /** `评价日`. */
    asOf: ['评价日期', '自评日期'],
} as const satisfies Record<string, readonly string[]>;

export type BlockKind = keyof typeof BLOCK_LABELS;
