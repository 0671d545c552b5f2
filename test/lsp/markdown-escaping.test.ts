import { describe, expect, it } from 'vitest';
import { buildWorkspace } from '../support/workspace.js';
import { positionOf, textDocument } from './support.js';

/*
 * Hover is Markdown. A clause title `![x](https://…/track.png)` loaded a remote image as soon as
 * the clause was hovered, and HTML or links in a title rendered as such: file text is escaped.
 */
const HOSTILE = '![x](https://tracker.example/track.png) <img src=https://tracker.example/i.png> [click](https://evil.example) **bold** www.evil.example';

const FILES = {
    'contract.kpi': `合同 热线服务合同 "${HOSTILE}" {\n    条款 接通率 "${HOSTILE}" >= 95%\n        违约 "${HOSTILE}"\n}\n`,
    'targets.kpi': `项目 热线二期 "p" {\n    绩效指标 {\n        产出指标 {\n            质量指标 {\n                接通率 "${HOSTILE}" >= 80% 依据 热线服务合同.接通率\n                    来源 "${HOSTILE}"\n            }\n        }\n    }\n}\n`,
};

async function hoverAt(file: keyof typeof FILES, needle: string, at = 0): Promise<string> {
    const ws = await buildWorkspace(FILES);
    const doc = ws.documents.get(file)!;
    const hover = await ws.services.lsp.HoverProvider!.getHoverContent(doc, { textDocument: textDocument(file), position: positionOf(ws, file, needle, at) });
    return (hover?.contents as { value: string }).value;
}

/** What a Markdown renderer would turn into an image, a link or HTML, unescaped. */
function expectNothingRendered(markdown: string): void {
    expect(markdown).not.toMatch(/(^|[^\\])!\[/);
    expect(markdown).not.toMatch(/(^|[^\\])\[click/);
    expect(markdown).not.toMatch(/(^|[^\\])<img/);
    expect(markdown).not.toMatch(/https:\/\//);
    expect(markdown).not.toMatch(/www\.evil/);
}

describe('Markdown built from file text', () => {
    it('hover on an indicator shows its title, source and links as text', async () => {
        const markdown = await hoverAt('targets.kpi', '接通率 "');
        expectNothingRendered(markdown);
        // The characters are all there, escaped: a renderer shows them as written.
        expect(markdown).toContain('\\!\\[x\\](https\\://tracker.example/track.png) \\<img src=https\\://tracker.example/i.png\\>');
        expect(markdown).toContain('\\*\\*bold\\*\\*');
    });

    it('hover on a clause and on a contract escapes the titles and the penalty', async () => {
        expectNothingRendered(await hoverAt('contract.kpi', '接通率 "'));
        expectNothingRendered(await hoverAt('contract.kpi', '热线服务合同 "'));
    });
});
