// The little of Node that the CLI code bundled into the worker names (the report's collect.ts,
// stray-workbooks.ts (its skipped-workbook note); workbook-documents.ts only for its types). The page has no Node types: these are
// declared for the type check, and build.mjs gives the browser stand-ins of what runs.
declare module 'node:path' {
    export function relative(from: string, to: string): string;
    export function basename(path: string): string;
    export function resolve(...paths: string[]): string;
}
declare module 'node:fs/promises' {
    export function readFile(path: string): Promise<Uint8Array>;
    export function stat(path: string): Promise<{ size: number }>;
}
declare namespace NodeJS {
    interface ErrnoException extends Error {
        code?: string;
    }
}
