import { CstUtils, type LangiumDocument, type Lexer } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import { ErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { pick } from '../i18n/locale.js';
import type { KpiServices } from '../kpi-module.js';
import type { KpiIndexManager } from '../workspace/index-manager.js';
import { renameConflict } from './rename-conflicts.js';

/**
 * Rename across files. Which segments change is decided by KpiReferences (a clause's rename
 * rewrites only the clause part of `合同.条款`, a contract's rename the prefix); this adds
 * the checks that the new name is a name and is not taken by another element of its kind.
 */
export class KpiRenameProvider extends DefaultRenameProvider {
    private readonly lexer: Lexer;

    constructor(private readonly services: KpiServices) {
        super(services);
        this.lexer = services.parser.Lexer;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        if (!this.isName(params.newName)) {
            const name = params.newName;
            throw new ResponseError(ErrorCodes.InvalidParams, pick(this.services.kpi.Settings.localeOf(document), {
                zh: `「${name}」不是有效的名称：名称由汉字、字母、数字和下划线组成，不以数字开头，也不能是关键字`,
                en: `'${name}' is not a valid name: use letters, Chinese characters, digits and '_', not starting with a digit, and not a keyword`,
            }));
        }
        const conflict = this.conflictOf(document, params);
        if (conflict) throw new ResponseError(ErrorCodes.InvalidParams, pick(this.services.kpi.Settings.localeOf(document), conflict));
        return super.rename(document, params);
    }

    /** What the element at the cursor, found as Langium's rename finds it, would clash with under its new name. */
    private conflictOf(document: LangiumDocument, params: RenameParams) {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        const target = leaf && this.references.findDeclarations(leaf)[0];
        return target && renameConflict(target, params.newName, this.services.shared.workspace.IndexManager as KpiIndexManager);
    }

    /** A new name must lex as one identifier: no dot, no space, not a keyword. */
    private isName(text: string): boolean {
        const { tokens, errors } = this.lexer.tokenize(text);
        return errors.length === 0 && tokens.length === 1 && tokens[0]!.tokenType.name === 'ID' && tokens[0]!.image === text;
    }
}
