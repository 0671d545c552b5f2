/** Text and attribute values in HTML and SVG: every character that could end the text is escaped. */
export function escapeHtml(text: string | number | undefined): string {
    if (text === undefined) return '';
    return String(text).replace(/[&<>"']/g, c => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** An href: web pages, editor commands, files, relative paths and anchors; any other scheme (javascript:, data:) becomes '#'. */
export function safeHref(url: string): string {
    const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
    return scheme === undefined || SAFE_SCHEMES.has(scheme) ? escapeHtml(url) : '#';
}

const SAFE_SCHEMES = new Set(['http', 'https', 'file', 'command']);

/** A tagged template for HTML: interpolated values are escaped unless they are `Html`. */
export class Html {
    constructor(readonly value: string) {}
    toString(): string {
        return this.value;
    }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
    let out = strings[0]!;
    for (let i = 0; i < values.length; i++) out += fragment(values[i]) + strings[i + 1]!;
    return new Html(out);
}

function fragment(value: unknown): string {
    if (value === undefined || value === null || value === false) return '';
    if (value instanceof Html) return value.value;
    if (Array.isArray(value)) return value.map(fragment).join('');
    return escapeHtml(String(value));
}

/** Text already built safely (the output of `html` or of the chart builders). */
export function raw(value: string): Html {
    return new Html(value);
}
