import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isRuleId, ruleDocsPath } from '../rules/catalog.js';
import { DEFAULT_DOCS_BASE_URL, ruleHelpUri } from '../rules/rule-pages.js';


/**
 * The nearest folder at or above `file`'s folder that holds `docs/rules`: the repository root
 * when the server runs from `packages/language/dist/server/`, the extension root when it runs
 * from the extension's `dist/server.cjs` (the extension ships `docs/rules/**`).
 */
export function findDocsRoot(file: string): string | undefined {
    let dir = dirname(file);
    for (;;) {
        const rules = join(dir, 'docs', 'rules');
        if (existsSync(rules) && statSync(rules).isDirectory()) return dir;
        const parent = dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
    }
}

export type DocsLinker = (rule: string) => string | undefined;

/** Links a rule id to its page: the local file when it is shipped, else the web page; undefined for unknown ids. */
export function docsLinker(docsRoot: string | undefined): DocsLinker {
    const cache = new Map<string, string | undefined>();
    return rule => {
        if (!cache.has(rule)) {
            let href: string | undefined;
            if (isRuleId(rule)) {
                const local = docsRoot && join(docsRoot, ruleDocsPath(rule));
                href = local && existsSync(local) ? pathToFileURL(local).href : ruleHelpUri(DEFAULT_DOCS_BASE_URL, rule);
            }
            cache.set(rule, href);
        }
        return cache.get(rule);
    };
}

/** Gives every diagnostic with a rule id a `codeDescription` link to the rule's page. */
export function withDocsLinks(diagnostics: Diagnostic[], link: DocsLinker): Diagnostic[] {
    return diagnostics.map(d => {
        const href = typeof d.code === 'string' ? link(d.code) : undefined;
        return href ? { ...d, codeDescription: { href } } : d;
    });
}

/**
 * Decorates diagnostics where they leave the server, so the link is added whatever produced
 * them (checks, the document validator's post-processing) and Langium's publishing stays as is.
 */
export function publishDiagnosticsWithDocsLinks(connection: Connection, link: DocsLinker): void {
    const send = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => send({ ...params, diagnostics: withDocsLinks(params.diagnostics, link) });
}
