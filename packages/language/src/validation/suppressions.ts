import type { LangiumDocument } from 'langium';
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { likelyMeant } from '../config/did-you-mean.js';
import type { Bilingual } from '../i18n/locale.js';
import { commentsOf } from '../parser/comments.js';
import { isConfigurable, isRuleId, PARSE_ERRORS_STAY, RULES } from '../rules/catalog.js';

/**
 * Inline suppressions, ESLint-style:
 *
 *     // kpispec-disable-next-line target/no-source, target/vague -- 数据来源待定
 *     接通率 "15秒内接通率" >= 80%   // kpispec-disable-line target/below-contract -- 合同另有约定
 *     /* kpispec-disable contract/no-penalty *\/ … /* kpispec-enable contract/no-penalty *\/
 *
 * No rule list means every rule. Both comment styles work for every directive.
 */
export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface Directive {
    kind: DirectiveKind;
    /** Rule ids as written; empty for every rule. */
    rules: string[];
    reason?: string;
    /** Written as `/* … *\/` rather than `// …`. */
    block: boolean;
    /** The whole comment. */
    range: Range;
    /** Where ` -- <reason>` goes: the end of a `//` comment, before the `*\/` of a block comment. */
    reasonAt: Position;
}

/** A finding about a directive, to report as a `suppression/*` diagnostic. */
export interface DirectiveFinding {
    rule: 'suppression/unused' | 'suppression/no-reason';
    range: Range;
    message: Bilingual;
    data: Record<string, unknown>;
}

export interface SuppressionOptions {
    /** Directives are ignored (and reported as suppressing nothing). */
    noInlineConfig: boolean;
    /** Report directives without a reason. */
    requireReason: boolean;
    /** Report directives that suppressed nothing; only meaningful when every check ran. */
    reportUnused: boolean;
}

const DIRECTIVE = /^kpispec-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;

/** Finds the directives in a document's comments (`//` and `/* *\/`). */
export function parseDirectives(document: LangiumDocument): Directive[] {
    const directives: Directive[] = [];
    // Most files have none: no need to walk their syntax tree for comments.
    if (!document.textDocument.getText().includes('kpispec-')) return directives;
    for (const comment of commentsOf(document)) {
        const m = DIRECTIVE.exec(comment.body.trim());
        if (!m) continue;
        const [rulesPart, ...reasonParts] = m[2]!.split(/\s--(?:\s|$)/);
        const reason = reasonParts.join(' -- ').trim();
        directives.push({
            kind: m[1] as DirectiveKind,
            rules: rulesPart!.split(/[\s,，]+/).filter(Boolean),
            reason: reason || undefined,
            block: comment.block,
            range: comment.range,
            reasonAt: comment.block ? document.textDocument.positionAt(comment.end - 2) : comment.range.end,
        });
    }
    return directives;
}

function after(a: Position, b: Position): boolean {
    return a.line > b.line || (a.line === b.line && a.character > b.character);
}

function suppressible(d: Diagnostic): boolean {
    return typeof d.code === 'string' && isConfigurable(d.code);
}

const ALL = '*';

/**
 * Drops the diagnostics that directives suppress and reports the directives that suppress
 * nothing, name unknown rules, or lack a required reason.
 */
export function applySuppressions(diagnostics: readonly Diagnostic[], directives: readonly Directive[], options: SuppressionOptions): { kept: Diagnostic[]; findings: DirectiveFinding[] } {
    const suppressing = directives.filter(d => d.kind !== 'enable');
    const findings: DirectiveFinding[] = [];
    if (options.noInlineConfig) {
        if (options.reportUnused) for (const d of suppressing) findings.push(disabledByConfig(d));
        return { kept: [...diagnostics], findings };
    }
    const used = new Map<Directive, Set<string>>(suppressing.map(d => [d, new Set<string>()]));
    const kept = diagnostics.filter(diagnostic => {
        if (!suppressible(diagnostic)) return true;
        const rule = typeof diagnostic.code === 'string' ? diagnostic.code : '';
        const by = suppressor(diagnostic, rule, directives);
        if (!by) return true;
        used.get(by)!.add(by.rules.length === 0 ? ALL : rule);
        return false;
    });
    for (const d of suppressing) {
        if (options.requireReason && !d.reason) findings.push(noReason(d));
        if (!options.reportUnused) continue;
        const usedRules = used.get(d)!;
        const listed = d.rules.length === 0 ? [ALL] : d.rules;
        for (const rule of listed) {
            if (!usedRules.has(rule)) findings.push(unused(d, rule, usedRules.size === 0));
        }
    }
    return { kept, findings };
}

/** The directive that hides a diagnostic, if any: a line directive first, then the open block. */
function suppressor(diagnostic: Diagnostic, rule: string, directives: readonly Directive[]): Directive | undefined {
    const start = diagnostic.range.start;
    const covers = (d: Directive) => d.rules.length === 0 || d.rules.includes(rule);
    const onLine = directives.find(d => covers(d) && (
        (d.kind === 'disable-next-line' && d.range.end.line + 1 === start.line)
        || (d.kind === 'disable-line' && d.range.start.line === start.line)));
    if (onLine) return onLine;
    // Replay the block directives that end before the diagnostic starts.
    let all: Directive | undefined;
    const reEnabled = new Set<string>();
    const byRule = new Map<string, Directive>();
    for (const d of directives) {
        if ((d.kind !== 'disable' && d.kind !== 'enable') || after(d.range.end, start)) continue;
        if (d.kind === 'disable' && d.rules.length === 0) {
            all = d;
            reEnabled.clear();
        } else if (d.kind === 'disable') {
            for (const r of d.rules) { byRule.set(r, d); reEnabled.delete(r); }
        } else if (d.rules.length === 0) {
            all = undefined;
            reEnabled.clear();
            byRule.clear();
        } else {
            for (const r of d.rules) { byRule.delete(r); reEnabled.add(r); }
        }
    }
    return byRule.get(rule) ?? (all && !reEnabled.has(rule) ? all : undefined);
}

function directiveText(d: Directive): string {
    return `kpispec-${d.kind}${d.rules.length ? ' ' + d.rules.join(', ') : ''}`;
}

function unused(d: Directive, rule: string, wholeComment: boolean): DirectiveFinding {
    const data = { directive: d.kind, rule: rule === ALL ? null : rule, removeComment: wholeComment || d.rules.length <= 1 };
    if (rule !== ALL && !isRuleId(rule)) {
        const closest = likelyMeant(rule, RULES.map(r => r.id));
        return {
            rule: 'suppression/unused', range: d.range, data: { ...data, unknownRule: true, suggestion: closest },
            message: {
                zh: `抑制注释中的规则「${rule}」不存在` + (closest ? `（是否为「${closest}」？）` : ''),
                en: `Unknown rule '${rule}' in a suppression comment` + (closest ? ` (did you mean '${closest}'?)` : ''),
            },
        };
    }
    if (rule !== ALL && !isConfigurable(rule)) {
        return {
            rule: 'suppression/unused', range: d.range, data,
            message: {
                zh: `抑制注释中的「${rule}」不起作用：${PARSE_ERRORS_STAY.zh}`,
                en: `'${rule}' cannot be suppressed by a comment: ${PARSE_ERRORS_STAY.en}`,
            },
        };
    }
    return {
        rule: 'suppression/unused', range: d.range, data,
        message: rule === ALL
            ? { zh: `抑制注释「${directiveText(d)}」未抑制任何诊断`, en: `'${directiveText(d)}' suppresses nothing` }
            : { zh: `抑制注释「${directiveText(d)}」未抑制任何「${rule}」诊断`, en: `'${directiveText(d)}' suppresses no ${rule} diagnostic` },
    };
}

function disabledByConfig(d: Directive): DirectiveFinding {
    return {
        rule: 'suppression/unused', range: d.range,
        data: { directive: d.kind, rule: null, removeComment: false, noInlineConfig: true },
        message: {
            zh: `已禁用文件内抑制（noInlineConfig），「${directiveText(d)}」不起作用`,
            en: `Inline suppressions are disabled (noInlineConfig): '${directiveText(d)}' has no effect`,
        },
    };
}

function noReason(d: Directive): DirectiveFinding {
    return {
        rule: 'suppression/no-reason', range: d.range,
        data: { directive: d.kind, reasonAt: d.reasonAt },
        message: {
            zh: `抑制注释「${directiveText(d)}」缺少理由：请在规则后写「-- 理由」`,
            en: `'${directiveText(d)}' gives no reason: add '-- <reason>' after the rules`,
        },
    };
}
