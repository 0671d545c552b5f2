import { describe, expect, it } from 'vitest';
import { numberInWords, spacedNumberInWords, writtenNumber } from '../../packages/language/src/units/index.js';

// Forms print values in Chinese numerals now and then (百分之九十五以上); the syntax error says them in digits.
describe('numbers in words', () => {
    it.each([
        ['百分之九十五以上', '>= 95%'],
        ['百分之九十九点五', '99.5%'],
        ['千分之三以下', '<= 3‰'],
        ['百分百', '100%'],
        ['二十个以上', '>= 20 个'],
        ['不少于一千二百人次', '>= 1200 人次'],
        ['一千零五', '1005'],
        ['三万五千人', '35000 人'],
        ['二〇二三', '2023'],
        ['十天以内', '<= 10 天'],
        // A digit last after a place word counts in the next place down, as said.
        ['一千五', '1500'],
        ['三万五', '35000'],
        ['三万五千二百人', '35200 人'],
        ['十五', '15'],
        // Digits and place words mixed, as forms print them.
        ['3万5千人', '35000 人'],
        ['2万5', '25000'],
        ['不少于3千5百人次', '>= 3500 人次'],
        ['1亿2000万元', '120000000 元'],
        // Tenths, as said.
        ['九成', '90%'],
        ['不低于九成五', '>= 95%'],
        ['十成', '100%'],
    ])('read %s as %s', (word, written) => {
        const value = numberInWords(word);
        expect(value && writtenNumber(value)).toBe(written);
    });

    it.each([['3万5千 人', '35000 人'], ['3万 人', '30000 人'], ['百分之九十五 人次', undefined], ['3万 满意', undefined], ['3 人', undefined]])('read %s, a value and its unit printed apart, as %s', (text, written) => {
        const value = spacedNumberInWords(text);
        expect(value && writtenNumber(value)).toBe(written);
    });

    it.each(['十分满意', '成果', '九成九成', '一流', '万无一失', '千家万户', '三到位', '百分之', '明显提升', '一二十', '3万人', '3万25人'])('leave %s as words', word => {
        expect(numberInWords(word)).toBeUndefined();
    });
});
