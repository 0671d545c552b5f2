import { describe, expect, it } from 'vitest';
import { delay } from '../../packages/language/src/validation/milestone-checks.js';

// The delay milestone/late and milestone/overdue name, and the milestone hover shows.
describe('a milestone delay in words', () => {
    it('gives days, and months once it is a month or more', () => {
        expect(delay(670).text).toEqual({ zh: '670 天（约22个月）', en: '670 days (about 22 months)' });
        expect(delay(31).text).toEqual({ zh: '31 天（约1个月）', en: '31 days (about 1 month)' });
        // Under a month no month is named (rounding 20 days up to "about 1 month" said more than there was).
        expect(delay(20)).toEqual({ text: { zh: '20 天', en: '20 days' }, data: { days: 20, months: 0 } });
        expect(delay(1).text).toEqual({ zh: '1 天', en: '1 day' });
    });
});
