import type { Random } from '../../bench/lib/random.mjs';

/** A token of the input as the language's lexer sees it (hidden ones included). */
export interface Token {
    image: string;
    offset: number;
}

/** What a typist, a copy-paste or a broken tool does to a file. */
export interface Mutation {
    name: string;
    apply(text: string, tokens: readonly Token[], rng: Random): string;
}

const FULL_WIDTH = Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => String.fromCodePoint(0xff01 + i));
const COMBINING = Array.from({ length: 0x036f - 0x0300 + 1 }, (_, i) => String.fromCodePoint(0x0300 + i));
/** Characters editors and pasted text bring along: spaces, marks, controls, surrogates. */
const ODD = [
    '\u3000', '\u200b', '\u200d', '\u200f', '\u202e', '\ufeff', '\u2028', '\u2029', '\u0000', '\t', '\r', '\r\n', '\v',
    '😀', '👨‍👩‍👧', '\ud800', '\udfff', '𠀀', '〇', '㊣', '﹛', '﹜', '＂', '“', '”', '「', '」', '—', '…', '·', '¥', '￥',
];
const NUMBERS = [
    '1e308', '1e309', '-1e309', '1e-320', '5e-324', '0.0000000000000000000001', '-0', '0e0', '00000', '1.', '.5',
    '99999999999999999999999999999', '1' + '0'.repeat(400), '1.7976931348623157e308', '-2147483649', '9007199254740993',
    '2021-02-30', '9999-99-99', '0000-00', '2021-13',
];
const SNIPPETS = [
    '{', '}', '{{', '}}', '"', '//', '/*', '*/', '.', ',', '，', '>=', '≥', '%', '％', '/', '*', '·', '至', '依据', '来源', '对象', '必设', '未统计', '达标',
    // Values as forms print them, which the lexer joins and splits (parser/lexer.ts).
    '不低于', '不超过', '达到', '以上', '以下（不含）', '（含）', '前', '年6月30日', '1,000', '-2023',
    '(', '（', '(社区)', '（户籍）', '（全部办结）', '(万元)', '）（', '.6.30', '/6/30', '/6', '９５．５', '，来源 "s"', '，分值 10',
    '（不含）以内', '㎡', 'm³', '℃', '²', '12月底前', '月30日前', '分', '分值 10分', 'at least ', ' or more', 'no later than ', 'by ', 'before ', '至2023年12月', '底前', '分钟内', '前完成', '优秀', '%覆盖', '-100%', '～',
];

function at(text: string, offset: number, insert: string, remove = 0): string {
    return text.slice(0, offset) + insert + text.slice(offset + remove);
}

function randomOffset(text: string, rng: Random): number {
    return rng.int(0, text.length);
}

function pickToken(tokens: readonly Token[], rng: Random): Token | undefined {
    return tokens.length > 0 ? rng.pick(tokens) : undefined;
}

function randomUnicode(rng: Random, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) {
        const pool = rng.pick([FULL_WIDTH, COMBINING, ODD]);
        out += rng.pick(pool);
    }
    return out;
}

export const MUTATIONS: readonly Mutation[] = [
    { name: 'delete-token', apply(text, tokens, rng) {
        const t = pickToken(tokens, rng);
        return t ? at(text, t.offset, '', t.image.length) : text;
    } },
    { name: 'duplicate-token', apply(text, tokens, rng) {
        const t = pickToken(tokens, rng);
        return t ? at(text, t.offset, `${t.image} `) : text;
    } },
    { name: 'swap-tokens', apply(text, tokens, rng) {
        if (tokens.length < 2) return text;
        const i = rng.int(0, tokens.length - 2);
        const j = rng.chance(0.5) ? i + 1 : rng.int(i + 1, tokens.length - 1);
        const [a, b] = [tokens[i]!, tokens[j]!];
        return text.slice(0, a.offset) + b.image + text.slice(a.offset + a.image.length, b.offset) + a.image + text.slice(b.offset + b.image.length);
    } },
    { name: 'replace-token', apply(text, tokens, rng) {
        const [t, other] = [pickToken(tokens, rng), pickToken(tokens, rng)];
        return t && other ? at(text, t.offset, other.image, t.image.length) : text;
    } },
    { name: 'truncate', apply(text, _tokens, rng) {
        return text.slice(0, randomOffset(text, rng));
    } },
    { name: 'unbalanced-brace', apply(text, tokens, rng) {
        const t = pickToken(tokens, rng);
        return at(text, t ? t.offset : randomOffset(text, rng), rng.pick(['{', '}', '{ {', '} }', '{\n']));
    } },
    { name: 'snippet', apply(text, _tokens, rng) {
        return at(text, randomOffset(text, rng), rng.pick(SNIPPETS));
    } },
    { name: 'unicode', apply(text, _tokens, rng) {
        return at(text, randomOffset(text, rng), randomUnicode(rng, rng.int(1, 12)));
    } },
    { name: 'combining-marks', apply(text, tokens, rng) {
        // Marks stacked on the first character of a token: 接̈̈通率, 9̃5%.
        const t = pickToken(tokens, rng);
        const marks = Array.from({ length: rng.int(1, 30) }, () => rng.pick(COMBINING)).join('');
        return t ? at(text, t.offset + 1, marks) : text;
    } },
    { name: 'full-width-token', apply(text, tokens, rng) {
        // Half-width ASCII typed with a Chinese input method: ＞＝ ９５％.
        const t = pickToken(tokens, rng);
        if (!t) return text;
        const wide = [...t.image].map(c => (c >= '!' && c <= '~' ? String.fromCodePoint(c.codePointAt(0)! - 0x21 + 0xff01) : c)).join('');
        return at(text, t.offset, wide, t.image.length);
    } },
    { name: 'number', apply(text, tokens, rng) {
        const numbers = tokens.filter(t => /^-?\d/.test(t.image));
        const t = numbers.length > 0 ? rng.pick(numbers) : undefined;
        return t ? at(text, t.offset, rng.pick(NUMBERS), t.image.length) : at(text, randomOffset(text, rng), ` ${rng.pick(NUMBERS)} `);
    } },
    { name: 'long-line', apply(text, tokens, rng) {
        // One long line: a title of 100,000 characters pasted from a document, or a token repeated 5,000 times.
        const t = pickToken(tokens, rng);
        // A short token only: repeating a token that is itself a 100,000-character line would
        // make a line of 500 million characters, which no editor opens.
        const word = t && t.image.length <= 50 ? t.image : '率';
        const filler = rng.chance(0.5) ? `"${'很长的标题'.repeat(20_000)}"` : `${word} `.repeat(5_000);
        return at(text, t ? t.offset : 0, filler);
    } },
    { name: 'duplicate-line', apply(text, _tokens, rng) {
        const lines = text.split('\n');
        lines.splice(rng.int(0, lines.length), 0, rng.pick(lines));
        return lines.join('\n');
    } },
    { name: 'delete-line', apply(text, _tokens, rng) {
        const lines = text.split('\n');
        lines.splice(rng.int(0, lines.length - 1), 1);
        return lines.join('\n');
    } },
    { name: 'line-endings', apply(text, _tokens, rng) {
        return text.replace(/\n/g, rng.pick(['\r\n', '\r', '\u2028', '\n\n\n']));
    } },
];

/** Whole inputs no mutation of a small file reaches. */
export const GENERATED: ReadonlyArray<{ name: string; text: () => string }> = [
    { name: 'nested-blocks', text: () => `项目 深 "一万层嵌套" {\n${'绩效指标 {\n'.repeat(10_000)}${'}\n'.repeat(10_000)}}\n` },
    { name: 'nested-braces', text: () => `${'{'.repeat(10_000)}${'}'.repeat(10_000)}` },
    { name: 'open-braces', text: () => `项目 开 "只开不关" {\n${'产出指标 {\n数量指标 {\n'.repeat(5_000)}` },
    { name: 'long-link-list', text: () => `项目 长 "长依据" {\n 绩效指标 { 产出指标 { 数量指标 {\n 甲 "甲" >= 1 个 依据 ${Array.from({ length: 5_000 }, (_, i) => `合同${i}.条款${i}`).join(', ')}\n} } }\n}\n` },
    { name: 'unicode-soup', text: () => Array.from({ length: 20_000 }, (_, i) => String.fromCodePoint(0x20 + ((i * 7919) % 0x3000))).join('') },
    { name: 'empty', text: () => '' },
    { name: 'only-comment', text: () => '/* 未闭合的注释' + '\n注释'.repeat(1_000) },
];
