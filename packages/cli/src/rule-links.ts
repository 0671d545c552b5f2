// Where findings link to their rule's page: the language's, for the CLI's formatters and report,
// the web page and the extension (`@kpispec/cli/rule-links`).
export { DEFAULT_DOCS_BASE_URL, HOMEPAGE, ruleHelpUri } from '@kpispec/language/core';
