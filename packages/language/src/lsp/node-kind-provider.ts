import type { AstNode, AstNodeDescription } from 'langium';
import type { NodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const KINDS: Record<string, [SymbolKind, CompletionItemKind]> = {
    Project: [SymbolKind.Module, CompletionItemKind.Module],
    Contract: [SymbolKind.Class, CompletionItemKind.Class],
    Standard: [SymbolKind.Interface, CompletionItemKind.Interface],
    Assessment: [SymbolKind.Object, CompletionItemKind.Reference],
    Compliance: [SymbolKind.Object, CompletionItemKind.Reference],
    Indicator: [SymbolKind.Field, CompletionItemKind.Field],
    Goal: [SymbolKind.Constant, CompletionItemKind.Constant],
    Milestone: [SymbolKind.Event, CompletionItemKind.Event],
    Clause: [SymbolKind.Property, CompletionItemKind.Property],
    Requirement: [SymbolKind.EnumMember, CompletionItemKind.EnumMember],
    Baseline: [SymbolKind.Constant, CompletionItemKind.Constant],
};

/** Symbol and completion kinds by element type, so outlines and completion lists tell them apart. */
export class KpiNodeKindProvider implements NodeKindProvider {
    getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.[0] ?? SymbolKind.Field;
    }

    getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.[1] ?? CompletionItemKind.Reference;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return 'type' in node ? node.type : node.$type;
}
