import { EmptyFileSystem, GrammarAST, GrammarUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import { createKpiServices } from '../../packages/language/src/kpi-module.js';
import { isNamePart, isNameStart, NAME_PART, NAME_START } from '../../packages/language/src/parser/name-characters.js';

/*
 * A name's characters are the grammar's ID terminal. The lexer's passes, the workbook reader and the
 * scan of `kpispec lint` read names by name-characters.ts: it must say what the terminal says.
 */
describe('the characters of a name', () => {
    const grammar = createKpiServices(EmptyFileSystem).kpi.Grammar;
    const id = grammar.rules.find(r => GrammarAST.isTerminalRule(r) && r.name === 'ID') as GrammarAST.TerminalRule;
    const terminal = new RegExp(`^(?:${GrammarUtils.terminalRegex(id).source})$`);

    it('are the ID terminal\'s, as patterns', () => {
        expect(GrammarUtils.terminalRegex(id).source).toBe(`[${NAME_START}][${NAME_PART}]*`);
    });

    it('are the ID terminal\'s, character by character, over the whole basic plane', () => {
        const differ: string[] = [];
        for (let c = 0; c <= 0xffff; c++) {
            const char = String.fromCharCode(c);
            if (isNameStart(c) !== terminal.test(char)) differ.push(`start ${c.toString(16)}`);
            if (isNamePart(c) !== terminal.test(`a${char}`)) differ.push(`part ${c.toString(16)}`);
        }
        expect(differ).toEqual([]);
    });

    it('hold the unit symbols forms print', () => {
        for (const unit of ['㎡', 'm²', 'm³', '㎥', '㎞', '㎏', '℃', '万m³']) expect(terminal.test(unit), unit).toBe(true);
        for (const notName of ['²', '²m', '5㎡', '°C']) expect(terminal.test(notName), notName).toBe(false);
    });
});
