import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { describe, expect, it } from 'vitest';
import { createKpiServices } from '../../packages/language/src/index.js';
import { importWorkbook } from '../../packages/language/src/lsp/workbook-import.js';

const EXCEL = join(import.meta.dirname, '..', 'fixtures', 'excel');
const services = createKpiServices(NodeFileSystem).kpi;

describe('the server side of "Import Excel form…"', () => {
    it('returns a .kpi text beside the workbook for each form, what could not be read in comments', async () => {
        const result = await importWorkbook(services, URI.file(join(EXCEL, 'partial', '自评表.xlsx')), 'zh-CN');
        expect(result.error).toBeUndefined();
        expect(result.files.map(f => URI.parse(f.uri).fsPath)).toEqual([join(EXCEL, 'partial', '自评表.kpi')]);
        expect(result.files[0]!.text.split('\n').slice(0, 3)).toEqual([
            '// 自评表.xlsx 工作表「自评表」（绩效自评表，版式 A）',
            '// 未读入 自评表!G12: 「十分」不是数值',
            '// 未读入 自评表!B21: 一级指标「其他指标」不是已知的指标类别，其下的指标未读入',
        ]);
        const several = await importWorkbook(services, URI.file(join(EXCEL, 'several-sheets', '表单.xlsx')), 'zh-CN');
        expect(several.files.map(f => URI.parse(f.uri).fsPath.split('/').pop())).toEqual(['表单-绩效目标申报表.kpi', '表单-自评表.kpi']);
    });

    it('answers a workbook that is no form with one line naming it', async () => {
        const result = await importWorkbook(services, URI.file(join(EXCEL, 'bad', '加密.xlsx')), 'en');
        expect(result).toEqual({ files: [], error: '加密.xlsx: the workbook is password-protected; remove the password and submit it again' });
    });
});
