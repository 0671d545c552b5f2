// What the language offers without the editor's services (no LSP layer): what `kpispec` imports,
// so that its commands but `format` and `import` never load the LSP layer. index.ts adds the rest.
export * from './kpi-core-module.js';
export * from './settings.js';
export * from './generated/ast.js';
export * from './rules/catalog.js';
export * from './i18n/locale.js';
export * as units from './units/index.js';
export * from './model/categories.js';
export * from './model/project.js';
export * from './model/values.js';
export * from './config/configuration.js';
export * from './workspace/discovery.js';
export { bracketedTitleAround } from './parser/bracketed-names.js';
export { isNamePart, isNameStart } from './parser/name-characters.js';
export { withHalfWidthDigits } from './parser/full-width.js';
export { stringContent } from './parser/value-converter.js';
export { dismantle } from './workspace/dismantle.js';
export { notUtf8Look, notUtf8Message } from './workspace/text-encoding.js';
export { readErrorCode, readFailure, unreadMessage, type Unread } from './workspace/unread.js';
export { emptyMap, KpiWorkspaceCache } from './workspace/workspace-cache.js';
export type { KpiIndexManager } from './workspace/index-manager.js';
export type { KpiScopeProvider } from './workspace/scope-provider.js';
export { closestNames, NameIndex } from './config/did-you-mean.js';
export { CANDIDATES, listsClosestNames, SUGGESTED_DATA, suggestionPlace, unresolvedReferenceMessage, type SuggestionPlace } from './validation/unresolved-reference.js';
export * from './scoring/index.js';
export * from './validation/lint-message.js';
export { markdownText, visibleControls } from './lsp/markdown-text.js';
export * as excel from './excel/index.js';
