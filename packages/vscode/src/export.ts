// The workbook writer of "Export Excel Forms…", bundled apart from the extension (dist/export.cjs):
// it carries exceljs, which only an export needs.
export { writeXlsx } from '@kpispec/cli/write-xlsx';
