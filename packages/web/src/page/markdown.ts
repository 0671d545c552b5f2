/** HTML-escapes text, for every string the page puts into markup. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The little Markdown the rule pages and hovers use — headings, paragraphs, lists, tables,
 * fenced code, inline code, bold and links — rendered from escaped text, so a page can never inject markup.
 * `linkTo` turns a link target into a page-internal href, or undefined to keep only its text.
 */
export function renderMarkdown(markdown: string, linkTo: (target: string) => string | undefined): string {
    const out: string[] = [];
    let paragraph: string[] = [];
    let list: string[] = [];
    const flush = () => {
        if (paragraph.length) out.push(`<p>${inline(paragraph.join(' '), linkTo)}</p>`);
        if (list.length) out.push(`<ul>${list.map(item => `<li>${inline(item, linkTo)}</li>`).join('')}</ul>`);
        paragraph = [];
        list = [];
    };
    const lines = markdown.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        const fence = /^```/.exec(line);
        if (fence) {
            flush();
            const code: string[] = [];
            while (++i < lines.length && !/^```/.test(lines[i]!)) code.push(lines[i]!);
            out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
            continue;
        }
        if (/^\s*\|/.test(line)) {
            flush();
            const rows: string[][] = [];
            for (; i < lines.length && /^\s*\|/.test(lines[i]!); i++) {
                const cells = lines[i]!.trim().replace(/^\||\|$/g, '').split('|').map(c => c.trim());
                // The |---|---| line under the header row only marks it as one.
                if (!cells.every(c => /^:?-+:?$/.test(c))) rows.push(cells);
            }
            i--;
            const [head, ...body] = rows;
            const row = (cells: string[], tag: string) => `<tr>${cells.map(c => `<${tag}>${inline(c, linkTo)}</${tag}>`).join('')}</tr>`;
            out.push(`<table><thead>${row(head ?? [], 'th')}</thead><tbody>${body.map(r => row(r, 'td')).join('')}</tbody></table>`);
            continue;
        }
        const heading = /^(#{1,4})\s+(.*)$/.exec(line);
        const item = /^\s*[-*]\s+(.*)$/.exec(line);
        if (heading) {
            flush();
            out.push(`<h${heading[1]!.length + 1}>${inline(heading[2]!, linkTo)}</h${heading[1]!.length + 1}>`);
        } else if (item) {
            if (paragraph.length) flush();
            list.push(item[1]!);
        } else if (line.trim() === '') {
            flush();
        } else if (list.length && /^\s+/.test(line)) {
            list[list.length - 1] += ' ' + line.trim();
        } else {
            if (list.length) flush();
            paragraph.push(line.trim());
        }
    }
    flush();
    return out.join('\n');
}

function inline(text: string, linkTo: (target: string) => string | undefined): string {
    // Code spans first, so nothing inside them is read as emphasis or links.
    return text.split(/(`[^`]*`)/).map(part => {
        if (/^`[^`]*`$/.test(part)) return `<code>${escapeHtml(part.slice(1, -1))}</code>`;
        return escapeHtml(part)
            .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
            .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, target: string) => {
                const href = linkTo(target.replace(/&amp;/g, '&'));
                return href ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
            });
    }).join('');
}
