import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { linter, lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { EditorView, hoverTooltip, keymap, lineNumbers } from '@codemirror/view';
import type { Findings, LintMessage } from '../protocol.js';
import { renderMarkdown } from './markdown.js';
import type { CheckerClient } from './worker-client.js';

/** Pause after the last keystroke before the file is checked again. */
const CHECK_DELAY_MS = 300;

const SEVERITY = { 2: 'error', 1: 'warning', 0: 'info' } as const;

/** A 1-based line and column as an offset in the document, kept inside it. */
function offset(doc: Text, line: number, column: number): number {
    const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
    return Math.min(l.from + Math.max(column - 1, 0), l.to);
}

export function toDiagnostics(doc: Text, messages: readonly LintMessage[]): Diagnostic[] {
    return messages.map(m => {
        const from = offset(doc, m.line, m.column);
        return { from, to: Math.max(from, offset(doc, m.endLine, m.endColumn)), severity: SEVERITY[m.severity], source: m.ruleId, message: m.message };
    });
}

/**
 * One file of the workspace in CodeMirror: every pause in typing sends its text to the worker,
 * which checks it with the files depending on it; squiggles come from the answer, and so do
 * the page's tables (`onFindings`). Hovers ask the worker for the language server's hover.
 */
export class FileEditor {
    private readonly view: EditorView;
    private path = '';
    /** Edited texts by path, so a file chosen again shows what was typed into it. */
    private readonly texts = new Map<string, string>();
    /** The text the worker has of each opened file. */
    private readonly sent = new Map<string, string>();

    constructor(
        parent: HTMLElement,
        private readonly client: CheckerClient,
        /** A file's findings as last checked. */
        private readonly messagesOf: (path: string) => readonly LintMessage[],
        private readonly onFindings: (findings: Findings) => void,
    ) {
        this.view = new EditorView({ parent, state: this.state('') });
    }

    /** Shows a file (`text` as dropped, unless it was edited here) with its findings as last checked. */
    open(path: string, text: string, line?: number): void {
        if (this.path) this.texts.set(this.path, this.view.state.doc.toString());
        this.path = path;
        if (!this.sent.has(path)) this.sent.set(path, text);
        this.view.setState(this.state(this.texts.get(path) ?? text));
        this.view.dispatch(setDiagnostics(this.view.state, toDiagnostics(this.view.state.doc, this.messagesOf(path))));
        if (line) {
            const at = offset(this.view.state.doc, line, 1);
            this.view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
            // Opened at a finding's line to work on it: typing goes there.
            this.view.focus();
        }
    }

    /** Forgets edits (a new drop replaced the workspace). */
    reset(): void {
        this.texts.clear();
        this.sent.clear();
        this.path = '';
        this.view.setState(this.state(''));
    }

    /** The text shown or typed for a file, if it was opened. */
    textOf(path: string): string | undefined {
        return path === this.path ? this.view.state.doc.toString() : this.texts.get(path);
    }

    get currentPath(): string {
        return this.path;
    }

    private state(doc: string): EditorState {
        return EditorState.create({
            doc,
            extensions: [
                lineNumbers(),
                history(),
                keymap.of([...defaultKeymap, ...historyKeymap]),
                EditorView.lineWrapping,
                lintGutter(),
                linter(view => this.check(view), { delay: CHECK_DELAY_MS }),
                hoverTooltip(async (view, pos) => {
                    const line = view.state.doc.lineAt(pos);
                    const markdown = this.path ? await this.client.hover(this.path, line.number - 1, pos - line.from) : undefined;
                    if (!markdown) return null;
                    return {
                        pos,
                        create: () => {
                            const dom = document.createElement('div');
                            dom.className = 'kpi-hover';
                            dom.innerHTML = renderMarkdown(markdown, () => undefined);
                            return { dom };
                        },
                    };
                }),
            ],
        });
    }

    private async check(view: EditorView): Promise<Diagnostic[]> {
        const path = this.path;
        const doc = view.state.doc;
        const text = doc.toString();
        // The linter also runs on a freshly opened file: the worker already has that text.
        if (!path || this.sent.get(path) === text) return toDiagnostics(doc, this.messagesOf(path));
        this.sent.set(path, text);
        const findings = await this.client.findings({ type: 'update', path, text });
        this.onFindings(findings);
        return toDiagnostics(doc, findings.results.find(r => r.filePath === path)?.messages ?? []);
    }
}
