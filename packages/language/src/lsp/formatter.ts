import type { AstNode } from 'langium';
import { AbstractFormatter } from 'langium/lsp';

/** Formats KPI Spec files (indentation, spacing); filled in with the CLI's `format` command. */
export class KpiFormatter extends AbstractFormatter {
    protected format(_node: AstNode): void {
        // No formatting rules yet.
    }
}
