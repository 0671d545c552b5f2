import { ruleMeta } from '../../../language/src/rules/catalog.js';
import type { Locale } from '@kpispec/language';
import { renderMarkdown } from './markdown.js';

/** docs/rules/<id>.md by rule id, put into the page by the build (so rule pages open offline). */
declare const KPI_RULE_DOCS: Readonly<Record<string, string>>;

export const ruleHref = (id: string) => `#rule/${id}`;

/** The rule id in a `#rule/<id>` address, if that is what it is. */
export function ruleFromHash(hash: string): string | undefined {
    const match = /^#rule\/(.+)$/.exec(hash);
    return match ? decodeURIComponent(match[1]!) : undefined;
}

export function hasRulePage(id: string): boolean {
    return Object.hasOwn(KPI_RULE_DOCS, id);
}

/** The rule's title in the page's language, for the rule filter and tooltips. */
export function ruleTitle(id: string, locale: Locale): string | undefined {
    const meta = ruleMeta(id);
    return meta && (locale === 'zh-CN' ? meta.title.zh : meta.title.en);
}

/** The rule's page as HTML; links between rule pages stay inside the page. */
export function rulePageHtml(id: string): string | undefined {
    const markdown = KPI_RULE_DOCS[id];
    if (markdown === undefined) return undefined;
    const folder = id.split('/').slice(0, -1);
    return renderMarkdown(markdown, target => {
        const parts = [...folder];
        for (const part of target.replace(/\.md(#.*)?$/, '').split('/')) {
            if (part === '..') parts.pop();
            else if (part !== '.') parts.push(part);
        }
        const linked = parts.join('/');
        return target.includes('.md') && hasRulePage(linked) ? ruleHref(linked) : undefined;
    });
}

