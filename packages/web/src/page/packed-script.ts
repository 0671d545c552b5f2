import { gunzipSync } from 'fflate';

/**
 * A Blob URL of a script the page carries gzipped and base64-encoded in a non-executed
 * `<script type="text/plain">` (build.mjs): the checking worker's bundle, and exceljs. Blob
 * scripts are what the page's policy allows, and what loads from file://.
 */
export function packedScriptUrl(packed: string): string {
    const code = gunzipSync(Uint8Array.from(atob(packed.trim()), ch => ch.charCodeAt(0)));
    return URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
}
