import { it } from 'vitest';
import { EmptyFileSystem, inject } from 'langium';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import * as Old from './.scratch/module.js';
import * as New from '../../packages/language/src/generated/module.js';
function svc(M: any) {
  const shared = inject(createDefaultSharedModule(EmptyFileSystem), M.KpiSpecGeneratedSharedModule);
  const s = inject(createDefaultModule({ shared }), M.KpiSpecGeneratedModule);
  shared.ServiceRegistry.register(s);
  return s;
}
it('bench', () => {
  const rows = Array.from({ length: 50000 }, (_, i) => `                指标${i} "第${i}项" >= ${i % 100}% 依据 热线服务合同.接通率 来源 "报表"`);
  const text = `项目 大项目 {\n    绩效指标 {\n        产出指标 {\n            数量指标 {\n${rows.join('\n')}\n            }\n        }\n    }\n}\n`;
  for (const [name, M] of [['old', Old], ['new', New], ['old', Old], ['new', New]] as const) {
    const s = svc(M);
    s.parser.LangiumParser.parse('项目 P {}');
    let t = performance.now(); const lx = s.parser.Lexer.tokenize(text); const tl = performance.now() - t;
    t = performance.now(); const r = s.parser.LangiumParser.parse(text);
    console.log(name, 'lex', Math.round(tl), 'parse', Math.round(performance.now() - t), r.parserErrors.length, lx.tokens.length);
  }
}, 120000);
