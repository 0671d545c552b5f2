import type { Bilingual } from '../i18n/locale.js';

/**
 * Where each rule comes from: a document number (文号) and its clause, or the finding of the
 * Shenzhen 12345 evaluation report it generalises. Reviewers cite it in their reports (`kpispec
 * report`); the rule pages under docs/rules/ quote the passages. Rules that only keep files
 * readable (syntax, links, names, suppressions) have none.
 */
const SZ = (section: string): Bilingual => ({ zh: `深圳市12345热线绩效评价报告 ${section}`, en: `Shenzhen 12345 evaluation report ${section}` });
const both = (a: Bilingual, b: Bilingual): Bilingual => ({ zh: `${a.zh}；${b.zh}`, en: `${a.en}; ${b.en}` });
const doc = (zh: string, en = zh): Bilingual => ({ zh, en });

const FORM_2020 = doc('财预〔2020〕10号 附件1 项目支出绩效自评表', '财预〔2020〕10号 annex 1 (项目支出绩效自评表)');
const SCORING_2020 = doc('财预〔2020〕10号 自评评分规则', '财预〔2020〕10号 scoring rules');
const BREAKDOWN = doc('财预〔2015〕88号 绩效目标申报表 资金测算（测算依据）', '财预〔2015〕88号 申报表 budget breakdown (测算依据)');
const TARGETS_2015 = doc('财预〔2015〕88号 绩效目标审核（完整性、相关性、适当性）', '财预〔2015〕88号 target review (完整性、相关性、适当性)');

export const RULE_SOURCES: Readonly<Record<string, Bilingual>> = {
    'target/below-contract': both(SZ('§四.6'), TARGETS_2015),
    'target/below-standard': both(SZ('§四.1、§四.5'), TARGETS_2015),
    'target/unit-mismatch': TARGETS_2015,
    'target/missing-quantity': both(SZ('§四.6'), FORM_2020),
    'target/missing-benefit': both(TARGETS_2015, FORM_2020),
    'target/missing-satisfaction': both(SZ('§五.6'), FORM_2020),
    'target/required-indicator': both(SZ('§四.4、§四.5'), doc('中发〔2018〕34号')),
    'target/above-baseline': SZ('§四.1、§五.1'),
    'target/no-comparator': FORM_2020,
    'target/no-unit': FORM_2020,
    'target/vague': doc('财预〔2020〕10号；财预〔2021〕101号（量化易评）', '财预〔2020〕10号; 财预〔2021〕101号 (量化易评)'),
    'target/no-source': SZ('§四.4、§四.5'),
    'target/mixed-scheme': doc('财预〔2021〕101号'),
    'contract/no-penalty': SZ('§四.4、§五.4'),
    'contract/untracked-clause': SZ('§四.4、§四.6'),
    'score/full-despite-shortfall': both(SZ('§四.6'), SCORING_2020),
    'score/deducted-despite-met': both(SZ('§四.6'), SCORING_2020),
    'score/off-rule': both(SZ('§四.6'), SCORING_2020),
    'score/over-weight': FORM_2020,
    'score/qualitative-band': SCORING_2020,
    'score/weights-total': FORM_2020,
    'score/profile-weights': FORM_2020,
    'score/total-mismatch': FORM_2020,
    'score/grade-mismatch': SCORING_2020,
    'score/execution': SCORING_2020,
    'score/ignores-problem': SZ('§四.6'),
    'assessment/below-contract': SZ('§四.1'),
    'assessment/below-standard': SZ('§四.1、§四.5'),
    'assessment/above-baseline': SZ('§四.1'),
    'assessment/goal-not-covered': both(SZ('§四.6'), FORM_2020),
    'assessment/indicator-not-assessed': SZ('§四.6'),
    'assessment/no-actual': SZ('§四.4、§四.5'),
    'assessment/actual-not-value': FORM_2020,
    'assessment/missing-deviation': FORM_2020,
    'assessment/unit-mismatch': FORM_2020,
    'milestone/late': SZ('§四.2'),
    'milestone/overdue': SZ('§四.2'),
    'compliance/unassessed-met': SZ('§四.4'),
    'compliance/no-data': SZ('§四.4'),
    'compliance/verdict-contradicts': SZ('§四.4'),
    'compliance/unmet-no-penalty': SZ('§四.4、§五.4'),
    'compliance/clause-not-reviewed': SZ('§四.4'),
    'funds/adjusted-no-reason': FORM_2020,
    'funds/low-execution-no-reason': FORM_2020,
    'funds/medium-term-below-annual': doc('财预〔2015〕88号'),
    'assessment/denies-problems': SZ('§四.6'),
    'target/below-history': doc('财预〔2020〕10号（历史标准）', '财预〔2020〕10号 (historical standard)'),
    'target/misfiled': FORM_2020,
    'assessment/placeholder-text': FORM_2020,
    'assessment/metric-mismatch': doc('杭州市12345热线考评（统计口径）', 'Hangzhou 12345 hotline review (metric definitions)'),
    'score/missing': FORM_2020,
    'target/empty-group': both(TARGETS_2015, FORM_2020),
    'funds/sources-total': FORM_2020,
    'funds/rate-mismatch': FORM_2020,
    'funds/budget-mismatch': both(TARGETS_2015, FORM_2020),
    'funds/breakdown-total': BREAKDOWN,
    'funds/breakdown-formula': BREAKDOWN,
    'funds/component-shortfall': both(BREAKDOWN, FORM_2020),
};
