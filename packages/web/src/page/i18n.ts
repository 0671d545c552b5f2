import type { Locale } from '@kpispec/language';
import { fillPlaceholders } from '../../../cli/src/formatters/plural.js';

const STRINGS = {
    title: { zh: 'KPI Spec 绩效目标检查', en: 'KPI Spec checker' },
    tagline: {
        zh: '把 .kpi 文件、Excel 表单（.xlsx、.xls）或整个文件夹拖到此处，或粘贴文本。文件只在本机检查，不会上传。',
        en: 'Drop .kpi files, Excel forms (.xlsx, .xls) or a whole folder here, or paste text. Files are checked on this computer and never uploaded.',
    },
    chooseFiles: { zh: '选择文件…', en: 'Choose files…' },
    chooseFolder: { zh: '选择文件夹…', en: 'Choose a folder…' },
    paste: { zh: '粘贴文本', en: 'Paste text' },
    pasteCheck: { zh: '检查粘贴的文本', en: 'Check the pasted text' },
    pastePlaceholder: { zh: '在此粘贴 .kpi 文本', en: 'Paste .kpi text here' },
    saves: { zh: '保存：', en: 'Save:' },
    saveJson: { zh: '问题 (JSON)', en: 'Findings (JSON)' },
    saveReport: { zh: '审核报告 (HTML)', en: 'Report (HTML)' },
    saveXlsx: { zh: '问题清单 (Excel)', en: 'Review (Excel)' },
    exportForms: { zh: '申报表和自评表 (Excel)', en: 'Forms (Excel)' },
    exportReviewedForms: { zh: '附复核的表单 (Excel)', en: 'Forms + review (Excel)' },
    checking: { zh: '正在检查…', en: 'Checking…' },
    checked: { zh: '已检查 {files} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 条提示（{ms} 毫秒）', en: 'Checked {files} {files|file|files}: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {infos} {infos|note|notes} ({ms} ms)' },
    noFiles: { zh: '没有找到 .kpi 文件。', en: 'No .kpi files found.' },
    onlyPassedOver: {
        zh: '没有检查任何文件：{files} 个 .kpi 文件不是 UTF-8 文本，已略过（见下）。',
        en: 'Nothing checked: {files} .kpi {files|file is|files are} not UTF-8 text and {files|was|were} passed over (see below).',
    },
    configProblems: { zh: 'kpispec.json 有误（命令行会拒绝运行）：', en: 'kpispec.json has faults (the CLI refuses to run with them):' },
    tabFindings: { zh: '问题', en: 'Findings' },
    tabScores: { zh: '评分复算', en: 'Score sheets' },
    tabReport: { zh: '审核报告', en: 'Review report' },
    tabEditor: { zh: '编辑', en: 'Editor' },
    allSeverities: { zh: '全部级别', en: 'All severities' },
    allRules: { zh: '全部规则', en: 'All rules' },
    allFiles: { zh: '全部文件', en: 'All files' },
    error: { zh: '错误', en: 'error' },
    warning: { zh: '警告', en: 'warning' },
    info: { zh: '提示', en: 'info' },
    file: { zh: '文件', en: 'File' },
    position: { zh: '位置', en: 'Line or cell' },
    severity: { zh: '级别', en: 'Severity' },
    rule: { zh: '规则', en: 'Rule' },
    message: { zh: '说明', en: 'Message' },
    shown: { zh: '显示 {shown} / {total} 条', en: 'Showing {shown} of {total}' },
    noFindings: { zh: '没有问题。', en: 'No problems.' },
    relatedPlace: { zh: '→ {what}（{where}）', en: '→ {what} ({where})' },
    noSheets: { zh: '这些文件中没有自评（自评 / assessment）。', en: 'No self-assessment (自评 / assessment) in these files.' },
    back: { zh: '← 返回', en: '← Back' },
    unknownRule: { zh: '没有这条规则的说明。', en: 'This rule has no page.' },
    editorFile: { zh: '文件：', en: 'File:' },
    editorHint: { zh: '修改会在停止输入后重新检查（不会写回磁盘）。', en: 'Edits are checked again when you pause typing (nothing is written to disk).' },
    workerFailed: { zh: '检查失败：{message}', en: 'Checking failed: {message}' },
} as const;

export type StringKey = keyof typeof STRINGS;

/** The page's language: Chinese for any zh-* browser, English otherwise. */
export function browserLocale(languages: readonly string[]): Locale {
    return /^zh\b/i.test(languages[0] ?? '') ? 'zh-CN' : 'en';
}

export function translate(locale: Locale, key: StringKey, values: Record<string, string | number> = {}): string {
    return fillPlaceholders(STRINGS[key][locale === 'zh-CN' ? 'zh' : 'en'], values);
}
