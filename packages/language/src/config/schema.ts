import { CONFIGURABLE_RULES } from '../rules/catalog.js';
import { BUILTIN_PROFILES } from '../scoring/profiles.js';

const LEVEL1 = ['output', 'benefit', 'satisfaction', 'cost', 'decision', 'process'];

const SEVERITY_VALUES = ['error', 'warn', 'info', 'off'] as const;

const share = { type: 'number', minimum: 0, maximum: 1 };
const band = { type: 'array', items: share, minItems: 2, maxItems: 2, description: '[lowest, highest] share of the weight / 占分值的比例区间' };
const weight = { type: 'number', minimum: 0 };

/**
 * The JSON Schema of `kpispec.json` (draft-07, which editors complete from). It is built from
 * the rule catalog, so a new rule is configurable at once; `schemas/kpispec.schema.json` is this
 * object written out (a test keeps the two equal).
 */
export function configSchema(): Record<string, unknown> {
    return {
        $schema: 'http://json-schema.org/draft-07/schema#',
        $id: 'https://raw.githubusercontent.com/kpispec/kpispec/main/schemas/kpispec.schema.json',
        title: 'kpispec.json',
        description: 'KPI Spec configuration: rule severities, scoring profile, indicator scheme, ignored files. The nearest kpispec.json above a .kpi file applies. / KPI Spec 配置文件：就近生效。',
        type: 'object',
        additionalProperties: false,
        properties: {
            $schema: { type: 'string' },
            extends: {
                description: 'Configuration file(s) to merge first, relative to this file; this file\'s settings win. / 先合并的共享配置（相对路径），本文件优先。',
                oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
            },
            profile: {
                description: 'Scoring profile for self-assessments: a built-in one or a key of "profiles". / 自评评分方案。',
                type: 'string',
                examples: Object.keys(BUILTIN_PROFILES),
            },
            profiles: {
                description: 'Custom scoring profiles by name (provincial rules), laid over the built-in profile of the same name or national-2020: give only what differs. / 自定义评分方案（各省口径），只写与内置方案不同之处。',
                type: 'object',
                additionalProperties: { $ref: '#/definitions/scoringProfile' },
            },
            scheme: {
                description: 'Indicator tree the projects follow: 2020 (财预〔2020〕10号) or 2021 (财预〔2021〕101号, 成本指标 at level 1). / 指标体系。',
                enum: [2020, 2021],
            },
            rules: {
                description: 'Severity per rule id: "error", "warn", "info" or "off". / 按规则设置级别。',
                type: 'object',
                additionalProperties: false,
                properties: Object.fromEntries(CONFIGURABLE_RULES.map(r => [r.id, {
                    description: `${r.title.zh} / ${r.title.en} (default: ${r.severity})`,
                    $ref: '#/definitions/severity',
                }])),
            },
            ignore: {
                description: 'Glob patterns of files and folders not to lint, relative to this file\'s folder. / 不检查的文件（glob，相对本文件所在目录）。',
                type: 'array',
                items: { type: 'string' },
            },
            locale: {
                description: 'Language of the messages about these files, in the CLI and every editor, unless --locale or kpispec.locale says otherwise (default: the language of each file\'s keywords). / 这些文件的消息语言，命令行与各编辑器一致（默认跟随文件关键字的语言）。',
                enum: ['zh-CN', 'en'],
            },
            noInlineConfig: {
                description: 'Ignore kpispec-disable comments (for reviewers). / 忽略文件内的抑制注释。',
                type: 'boolean',
            },
            requireSuppressionReason: {
                description: 'Every kpispec-disable comment needs a "-- reason". / 抑制注释必须写明理由。',
                type: 'boolean',
            },
            docsBaseUrl: {
                description: 'URL of the folder holding the rule pages (<id>.md), for links in reports. / 规则文档的网址。',
                type: 'string',
                pattern: '^[a-z][a-z0-9+.-]*://',
            },
        },
        definitions: {
            severity: { enum: [...SEVERITY_VALUES] },
            scoringProfile: {
                type: 'object',
                additionalProperties: false,
                properties: {
                    weights: {
                        description: 'Level-1 weights. / 一级指标分值。',
                        type: 'object',
                        additionalProperties: false,
                        properties: { execution: weight, output: weight, benefit: weight, satisfaction: weight, cost: weight, decision: weight, process: weight },
                    },
                    countsAs: {
                        description: 'Level-1 families weighed as part of another, e.g. {"satisfaction": "benefit"} for the 2015 scheme. / 并入其他一级指标计分的指标类别。',
                        type: 'object',
                        additionalProperties: false,
                        properties: Object.fromEntries(LEVEL1.map(f => [f, { enum: LEVEL1 }])),
                    },
                    reverse: {
                        description: 'Missed <= indicators: "ratio" = weight × target ÷ actual; "linear" = (1 − (actual − target) ÷ target) × weight.',
                        enum: ['ratio', 'linear'],
                    },
                    bands: {
                        description: 'Qualitative ratings as shares of the weight. / 定性指标得分区间。',
                        type: 'object',
                        additionalProperties: false,
                        properties: { achieved: band, partly: band, missed: band },
                    },
                    grades: {
                        description: 'Lowest total of each grade. / 各等级最低分。',
                        type: 'object',
                        additionalProperties: false,
                        properties: { excellent: weight, good: weight, fair: weight },
                    },
                    deviationAbove: { description: 'A deviation reason is due at or above this share of the target (1.3 = 130 %).', type: 'number', minimum: 1 },
                    tolerance: { description: 'Allowed difference between a claimed and a computed score.', type: 'number', minimum: 0 },
                    reasonBelow: {
                        description: 'A reason is due when budget execution, or a breakdown component\'s spending, is below this share of its plan (0.9 = 90 %). / 预算执行率低于该比例需说明原因。',
                        type: 'number', minimum: 0, maximum: 1,
                    },
                },
            },
        },
    };
}
