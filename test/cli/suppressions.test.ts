import { EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createKpiServices, type KpiConfig } from '../../packages/language/src/index.js';
import { buildWorkspace, lineRules } from '../support/workspace.js';

/**
 * Inline suppressions and configured severities, applied by the language package's document
 * validator (so the editor and the CLI agree). `contract/no-penalty` (a clause without 违约) and
 * `reference/unresolved` are the findings being suppressed: both fire reliably.
 */
async function lint(text: string, overrides: Partial<KpiConfig> = {}) {
    const ws = await buildWorkspace({ 'a.kpi': text });
    if (Object.keys(overrides).length > 0) {
        ws.services.kpi.Configuration.overrides = overrides;
        await ws.edit('a.kpi', text);
    }
    return ws.diagnostics('a.kpi');
}

const relevant = (ds: Awaited<ReturnType<typeof lint>>) => lineRules(ds.filter(d => /^(contract\/no-penalty|reference\/unresolved|suppression\/|syntax\/)/.test(String(d.code))));

describe('inline suppressions', () => {
    it('disable-next-line hides the rule on the next line only', async () => {
        const ds = await lint(`合同 C "c" {
    // kpispec-disable-next-line contract/no-penalty -- 旧合同，续签时补充
    条款 A "a" >= 95%
    条款 B "b" >= 90%
}
`);
        expect(relevant(ds)).toEqual(['4:contract/no-penalty']);
    });

    it('disable-next-line finds the next line whatever ends the lines: \\r\\n or a lone \\r (classic Mac)', async () => {
        for (const eol of ['\r\n', '\r']) {
            const ds = await lint(['合同 C "c" {', '    // kpispec-disable-next-line contract/no-penalty -- 旧合同', '    条款 A "a" >= 95%', '    条款 B "b" >= 90%', '}', ''].join(eol));
            expect(relevant(ds), JSON.stringify(eol)).toEqual(['4:contract/no-penalty']);
        }
    });

    it('disable-line hides the rule on its own line, and a list covers several rules', async () => {
        const ds = await lint(`项目 P "p" {
    适用 不存在   // kpispec-disable-line reference/unresolved -- 标准尚未录入
    适用 也不存在
}
合同 C "c" 对象 P {
    条款 A "a" >= 95%  /* kpispec-disable-line contract/no-penalty，reference/unresolved */
}
`);
        expect(relevant(ds)).toEqual(['3:reference/unresolved', '6:suppression/unused']);
        const unused = ds.find(d => d.code === 'suppression/unused')!;
        expect(unused.message).toContain('reference/unresolved');
        expect(unused.data).toMatchObject({ directive: 'disable-line', rule: 'reference/unresolved', removeComment: false });
        const line = '    条款 A "a" >= 95%  /* kpispec-disable-line contract/no-penalty，reference/unresolved */';
        expect(unused.range).toEqual({ start: { line: 5, character: line.indexOf('/*') }, end: { line: 5, character: line.length } });
    });

    it('disable … enable hides a region; without rules it covers every rule; without enable it runs to the end', async () => {
        const ds = await lint(`合同 C "c" {
    /* kpispec-disable contract/no-penalty */
    条款 A "a" >= 95%
    条款 B "b" >= 95%
    /* kpispec-enable contract/no-penalty */
    条款 D "d" >= 95%
}
合同 E "e" 对象 无此项目 {
    // kpispec-disable
    条款 F "f" >= 95%
}
`);
        expect(relevant(ds)).toEqual(['6:contract/no-penalty', '8:reference/unresolved']);
    });

    it('an enable with rules re-enables them inside a disable of every rule', async () => {
        const ds = await lint(`// kpispec-disable
合同 C "c" 对象 无此项目 {
    // kpispec-enable contract/no-penalty
    条款 A "a" >= 95%
}
`);
        expect(relevant(ds)).toEqual(['4:contract/no-penalty']);
    });

    it('reports a suppression that suppresses nothing, and an unknown rule id with the likely one', async () => {
        const ds = await lint(`合同 C "c" {
    // kpispec-disable-next-line contract/no-penalty -- 已约定
    条款 A "a" >= 95%
        违约 "扣款"
    // kpispec-disable-next-line contract/no-penalti
    条款 B "b" >= 95%
}
`);
        expect(relevant(ds)).toEqual(['2:suppression/unused', '5:suppression/unused', '6:contract/no-penalty']);
        const [unused, unknown] = ds.filter(d => d.code === 'suppression/unused');
        expect(unused!.severity).toBe(2);
        expect(unused!.data).toMatchObject({ code: 'suppression/unused', directive: 'disable-next-line', rule: 'contract/no-penalty', removeComment: true });
        expect(unknown!.message).toBe('抑制注释中的规则「contract/no-penalti」不存在（是否为「contract/no-penalty」？）');
        expect(unknown!.data).toMatchObject({ unknownRule: true, suggestion: 'contract/no-penalty' });
    });

    it('cannot hide a syntax error, and ignores directive text inside strings', async () => {
        const ds = await lint(`合同 C "/* kpispec-disable */" {
    条款 A "a" >= 95%
    // kpispec-disable-next-line syntax/parsing
    条款 B "b" 违约 "p"
}
`);
        expect(relevant(ds)).toEqual(expect.arrayContaining(['2:contract/no-penalty', '3:suppression/unused', '4:syntax/parsing']));
        // Said so, rather than that it suppressed nothing.
        expect(ds.find(d => d.code === 'suppression/unused')!.message).toBe('抑制注释中的「syntax/parsing」不起作用：语法错误不能关闭、降级或抑制');
        const english = await buildWorkspace({ 'a.kpi': '// kpispec-disable-next-line syntax/lexing -- 临时\ncontract C "c" { # }\n' }, 'en');
        expect(english.diagnostics('a.kpi').filter(d => d.code === 'suppression/unused').map(d => d.message))
            .toEqual(["'syntax/lexing' cannot be suppressed by a comment: parse errors cannot be switched off, lowered or suppressed"]);
    });

    it('still applies in a file with syntax errors, after a row the parser skipped', async () => {
        const ds = await lint(`合同 C "c" {
    条款 A "a" >= ??? 违约
    // kpispec-disable-next-line contract/no-penalty -- 旧合同
    条款 B "b" >= 90%
    条款 D "d" >= 80%
}
`);
        const rules = relevant(ds);
        expect(rules.some(r => r.includes('syntax/'))).toBe(true);
        expect(rules).toContain('5:contract/no-penalty');
        expect(rules).not.toContain('4:contract/no-penalty');
        expect(rules.filter(r => r.includes('suppression/'))).toEqual([]);
    });

    it('reports in English when the locale is English', async () => {
        const ws = await buildWorkspace({ 'a.kpi': '// kpispec-disable-next-line\n标准 S "s" {\n}\n' }, 'en');
        expect(ws.diagnostics('a.kpi').map(d => d.message)).toEqual(["'kpispec-disable-next-line' suppresses nothing"]);
    });
});

describe('configuration of suppressions', () => {
    const SUPPRESSED = `合同 C "c" {
    // kpispec-disable-next-line contract/no-penalty
    条款 A "a" >= 95%
    /* kpispec-disable-next-line contract/no-penalty -- 旧合同 */
    条款 B "b" >= 95%
}
`;

    it('requireSuppressionReason reports a suppression without a reason, which still applies', async () => {
        const ds = await lint(SUPPRESSED, { requireSuppressionReason: true });
        expect(relevant(ds)).toEqual(['2:suppression/no-reason']);
        expect(ds[0]!.data).toMatchObject({ directive: 'disable-next-line', reasonAt: { line: 1, character: '    // kpispec-disable-next-line contract/no-penalty'.length } });
    });

    it('noInlineConfig keeps every diagnostic and reports every suppression as having no effect', async () => {
        const ds = await lint(SUPPRESSED, { noInlineConfig: true });
        expect(relevant(ds)).toEqual(['2:suppression/unused', '3:contract/no-penalty', '4:suppression/unused', '5:contract/no-penalty']);
        expect(ds.find(d => d.code === 'suppression/unused')!.data).toMatchObject({ noInlineConfig: true });
    });

    it('rule severities: "off" drops a rule (so its suppression is unused), others change the severity', async () => {
        const off = await lint(SUPPRESSED, { rules: { 'contract/no-penalty': 'off', 'suppression/unused': 'info' } });
        expect(relevant(off)).toEqual(['2:suppression/unused', '4:suppression/unused']);
        expect(off.map(d => d.severity)).toEqual([3, 3]);
        const error = await lint('合同 C "c" {\n    条款 A "a" >= 95%\n}\n', { rules: { 'contract/no-penalty': 'error' } });
        expect(error.map(d => [d.code, d.severity])).toEqual([['contract/no-penalty', 1]]);
    });

    it('reports each comment once when Langium validates a document in several passes', async () => {
        const { shared, kpi } = createKpiServices(EmptyFileSystem);
        kpi.kpi.Configuration.overrides = { requireSuppressionReason: true };
        const document = shared.workspace.LangiumDocumentFactory.fromString(SUPPRESSED + '// kpispec-disable-next-line target/vague\n', URI.parse('file:///passes/a.kpi'));
        shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: { categories: ['built-in', 'fast'] } });
        await shared.workspace.DocumentBuilder.build([document], { validation: { categories: ['built-in', 'fast', 'slow'] } });
        expect(relevant(document.diagnostics ?? [])).toEqual(['2:suppression/no-reason', '7:suppression/no-reason', '7:suppression/unused']);
    });
});
