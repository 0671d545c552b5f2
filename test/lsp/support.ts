import type { DocumentSymbol } from 'vscode-languageserver';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Locale } from '../../packages/language/src/index.js';
import { buildWorkspace, readFolder, uriOf, type TestWorkspace } from '../support/workspace.js';

export const HOTLINE = readFolder(join(import.meta.dirname, '..', '..', 'examples', 'hotline-12345'));
export const ENGLISH = readFolder(join(import.meta.dirname, '..', '..', 'examples', 'english'));

export async function hotline(locale: Locale = 'zh-CN'): Promise<TestWorkspace> {
    return buildWorkspace(HOTLINE, locale);
}

/** The position of `needle` (its `at`-th character) in a file of the workspace. */
export function positionOf(ws: TestWorkspace, file: string, needle: string, at = 0): Position {
    const doc = ws.documents.get(file)!;
    const offset = doc.textDocument.getText().indexOf(needle);
    if (offset < 0) throw new Error(`'${needle}' not found in ${file}`);
    return doc.textDocument.positionAt(offset + at);
}

export function textDocument(file: string): { uri: string } {
    return { uri: uriOf(file).toString() };
}

export function applyEdits(text: string, edits: TextEdit[]): string {
    return TextDocument.applyEdits(TextDocument.create('file:///x.kpi', 'kpi', 0, text), edits);
}

/** The texts of the files a workspace edit changes, after the edit. */
export function applyWorkspaceEdit(ws: TestWorkspace, edit: WorkspaceEdit | undefined | null): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
        const file = [...ws.documents.keys()].find(f => uriOf(f).toString() === uri)!;
        result[file] = applyEdits(ws.documents.get(file)!.textDocument.getText(), edits);
    }
    return result;
}

/** Language services holding `files` (built and validated), for langium/test helpers on one more file. */
export async function servicesWith(files: Record<string, string>, locale: Locale = 'zh-CN') {
    return (await buildWorkspace(files, locale)).services;
}

/** The files of a case without one of them (the one a langium/test helper parses itself). */
export function without(files: Record<string, string>, file: string): Record<string, string> {
    return Object.fromEntries(Object.entries(files).filter(([f]) => f !== file));
}

/** `text` with langium/test's `<|>` marker before the `at`-th character of `needle`. */
export function mark(text: string, needle: string, at = 0): string {
    const offset = text.indexOf(needle);
    if (offset < 0) throw new Error(`'${needle}' not found`);
    return text.slice(0, offset + at) + '<|>' + text.slice(offset + at);
}

export const WS = 'file:///ws/';

/** An outline as indented `name (detail)` lines. */
export function outline(symbols: DocumentSymbol[], depth = 0): string[] {
    return symbols.flatMap(s => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...outline(s.children ?? [], depth + 1)]);
}
