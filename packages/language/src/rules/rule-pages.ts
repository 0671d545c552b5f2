// Where findings link to their rule's page. Node-free: the CLI, the web page, the editor's saved
// report and its exported 问题清单 link their rules alike.

export const HOMEPAGE = 'https://github.com/kpispec/kpispec';

/** Where the rule pages (`<id>.md`) are published; `--docs-base-url` or `docsBaseUrl` in kpispec.json override it. */
export const DEFAULT_DOCS_BASE_URL = `${HOMEPAGE}/blob/main/docs/rules/`;

/** A rule's page under a docs base URL (with or without its closing slash). */
export function ruleHelpUri(docsBaseUrl: string, id: string): string {
    return `${docsBaseUrl.replace(/\/?$/, '/')}${id}.md`;
}
