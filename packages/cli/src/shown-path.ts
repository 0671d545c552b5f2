import { relative } from 'node:path';

/** A file as a note on stderr names it: relative to the working folder when inside it, else absolute. */
export function shownPath(file: string, cwd: string): string {
    const inside = relative(cwd, file);
    return inside && !inside.startsWith('..') ? inside : file;
}
