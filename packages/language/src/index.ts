export * from './kpi-module.js';
export * from './settings.js';
export * from './generated/ast.js';
export * from './rules/catalog.js';
export * from './i18n/locale.js';
export * as units from './units/index.js';
export * from './model/categories.js';
export * from './model/project.js';
export * from './model/values.js';
