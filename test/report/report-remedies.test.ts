import { describe, expect, it } from 'vitest';
import { remedyOf } from '../../packages/cli/src/report/remedies.js';
import { RULES } from '../../packages/language/src/rules/catalog.js';

// Each finding of the report's 问题清单 says what to do (整改建议), in the report's language.

const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('the report’s 整改建议', () => {
    it.each(RULES.map(r => [r.id] as const))('%s has its own, not the generic one', id => {
        expect(remedyOf(id)).not.toEqual(remedyOf('no/such-rule'));
    });

    it.each(RULES.map(r => [r.id] as const))('%s reads in English without Chinese words in an English report (keywords as the English files write them)', id => {
        expect(remedyOf(id).en).not.toMatch(CHINESE);
    });
});
