import { hasRulePage, ruleHref } from './rule-docs.js';

/**
 * Shows the reviewer report of the dropped files (the page `kpispec report` writes, made in the
 * worker) in a sandboxed frame: its styles stay its own and nothing in it runs (no
 * `allow-scripts`; the page's own policy applies in it too). Its rule links point at the web;
 * shown here they open the page's own rule pages instead: a click may navigate the page, and
 * the links lead only to its `#rule/<id>` (the same document, so that needs the page's origin).
 * Saving keeps the report as the CLI writes it.
 */
export function showReport(frame: HTMLIFrameElement, html: string): void {
    const report = new DOMParser().parseFromString(html, 'text/html');
    const here = location.href.replace(/#.*$/, '');
    for (const link of report.querySelectorAll<HTMLAnchorElement>('a.rule-link')) {
        const rule = link.textContent?.trim() ?? '';
        if (hasRulePage(rule)) {
            link.href = here + ruleHref(rule);
            link.target = '_top';
        } else {
            link.removeAttribute('href');
        }
    }
    frame.srcdoc = `<!DOCTYPE html>\n${report.documentElement.outerHTML}`;
}
