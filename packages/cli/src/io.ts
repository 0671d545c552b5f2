/** What a command may touch of its process, so tests can run commands in-process. */
export interface Io {
    cwd: string;
    env: Readonly<Record<string, string | undefined>>;
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    /** Whether stdout is a terminal (colours, tables). */
    isTTY: boolean;
}

export function processIo(): Io {
    return {
        cwd: process.cwd(),
        env: process.env,
        stdout: text => void process.stdout.write(text),
        stderr: text => void process.stderr.write(text),
        isTTY: Boolean(process.stdout.isTTY),
    };
}

/** Colours on a terminal unless NO_COLOR is set; FORCE_COLOR forces them (CI logs render them). */
export function useColor(io: Io): boolean {
    if (io.env['NO_COLOR']) return false;
    if (io.env['FORCE_COLOR'] && io.env['FORCE_COLOR'] !== '0') return true;
    return io.isTTY;
}
