import { it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildWorkspace, readFolder } from '../support/workspace.js';
it('x', async () => {
    const files = readFolder('examples/hotline-12345');
    files['messy.kpi'] = `// head
项目   budget2 "x"
{ 预算 10   万元 // c1
  适用 A ,B
  /* blk */ 绩效指标 { 产出指标 { 数量指标 { 甲 "t" >=95 % 依据 合 . 条, 标.要
  来源 "s" } } }


  // before close
}
合同 合 "c" 对象 budget2 { 条款 条 "t" >= 1 元 / 通 违约 "p" }`;
    const ws = await buildWorkspace(files);
    for (const name of ['targets.kpi', 'assessment.kpi', 'messy.kpi']) {
        const doc = ws.documents.get(name)!;
        console.log(name, doc.parseResult.parserErrors.length, doc.parseResult.lexerErrors.length);
        const edits = await ws.services.lsp.Formatter!.formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options: { tabSize: 4, insertSpaces: true } });
        const out = TextDocument.applyEdits(doc.textDocument, edits);
        console.log(out);
    }
});
