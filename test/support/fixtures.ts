/**
 * Fixture files carry their expectations inline, in comments:
 *
 *     接通率 "15秒内接通率" >= 80% 依据 合同.接通率   // @expect target/below-contract "≥95%"
 *     // @expect target/required-indicator*8
 *     适用 广东两建办
 *
 * `@expect RULE[*COUNT] ["text"…]` at the end of a line means COUNT diagnostics (default 1) of
 * RULE start on that line, each message containing every quoted text; alone on its line it
 * applies to the next line that is not a comment. A fixture folder asserts, for the rule it is
 * named after and for every rule it mentions, exactly the expected lines: a line without a
 * marker is a line where the rule must stay silent.
 */
export interface Expectation {
    file: string;
    line: number;
    rule: string;
    count: number;
    texts: string[];
}

const MARKER = /@expect\s+([a-z-]+\/[a-z-]+)(?:\*(\d+))?((?:\s+"[^"]*")*)/g;

export function parseExpectations(file: string, text: string): Expectation[] {
    const lines = text.split(/\r?\n/);
    const result: Expectation[] = [];
    lines.forEach((line, i) => {
        const commentAt = line.indexOf('//');
        if (commentAt < 0) return;
        const comment = line.slice(commentAt);
        const standalone = line.slice(0, commentAt).trim() === '';
        let target = i;
        if (standalone) {
            target = i + 1;
            while (target < lines.length && /^\s*(\/\/.*)?$/.test(lines[target]!)) target++;
        }
        for (const m of comment.matchAll(MARKER)) {
            const texts = [...(m[3] ?? '').matchAll(/"([^"]*)"/g)].map(t => t[1]!);
            result.push({ file, line: target + 1, rule: m[1]!, count: Number(m[2] ?? 1), texts });
        }
    });
    return result;
}
