import { it } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { createKpiServices } from '../../packages/language/src/index.js';
it('lex', () => {
    const { kpi } = createKpiServices(EmptyFileSystem);
    for (const t of ['十五秒接通率', 'Abc', '项目']) { const r = kpi.parser.Lexer.tokenize(t); console.log(t, r.tokens.map(x => x.tokenType.name), r.errors.length); }
});
