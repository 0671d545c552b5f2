import { describe, expect, it } from 'vitest';
import { translate } from '../../packages/web/src/page/i18n.js';

// The page's status line after a drop, in the words the page shows.

describe('the web page’s status line', () => {
    it('counts in English as English counts: 1 file, 1 error, 2 warnings', () => {
        expect(translate('en', 'checked', { files: 1, errors: 1, warnings: 2, infos: 1, ms: 5 })).toBe('Checked 1 file: 1 error, 2 warnings, 1 note (5 ms)');
        expect(translate('en', 'checked', { files: 13, errors: 0, warnings: 1, infos: 300, ms: 5 })).toBe('Checked 13 files: 0 errors, 1 warning, 300 notes (5 ms)');
    });

    it('keeps the Chinese wording', () => {
        expect(translate('zh-CN', 'checked', { files: 1, errors: 1, warnings: 2, infos: 1, ms: 5 })).toBe('已检查 1 个文件：1 个错误，2 个警告，1 条提示（5 毫秒）');
    });

    it('says .kpi files were passed over, not that none were found, when none of them is UTF-8', () => {
        expect(translate('en', 'onlyPassedOver', { files: 1 })).toBe('Nothing checked: 1 .kpi file is not UTF-8 text and was passed over (see below).');
        expect(translate('en', 'onlyPassedOver', { files: 2 })).toBe('Nothing checked: 2 .kpi files are not UTF-8 text and were passed over (see below).');
        expect(translate('zh-CN', 'onlyPassedOver', { files: 2 })).toBe('没有检查任何文件：2 个 .kpi 文件不是 UTF-8 文本，已略过（见下）。');
    });
});
