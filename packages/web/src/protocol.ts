// Messages between the page and the checking worker. Paths are the dropped files' relative
// paths ("hotline-12345/targets.kpi"), the same on both sides.
import type { excel, Locale } from '@kpispec/language';
import type { PassedOverFile } from '../../cli/src/passed-over.js';
import type { FileResult } from '../../cli/src/results.js';
import type { ScoreSheet } from '../../cli/src/score/sheet.js';

export type { FileResult, LintMessage } from '../../cli/src/results.js';
export type { ScoreSheet } from '../../cli/src/score/sheet.js';

/** A dropped or pasted file: `.kpi` sources, kpispec.json and the JSON files it `extends`. */
export interface SourceFile {
    path: string;
    text: string;
}

/** A dropped workbook (.xlsx, .xls): the worker reads its forms, as `kpispec lint` does. */
export interface WorkbookFile {
    path: string;
    bytes: Uint8Array;
}

/** The workbooks the page saves (see the `plans` request). */
export type WorkbookKind = 'review' | 'forms' | 'reviewed-forms';

export type Request =
    /**
     * Replaces the workspace with these files and checks them all (`scope`: what the report says
     * was reviewed; `passedOver`: the dropped .kpi files that are not UTF-8, which it names as passed over).
     */
    | { id: number; type: 'check'; files: SourceFile[]; workbooks: WorkbookFile[]; scope: string; locale: Locale; passedOver: PassedOverFile[] }
    /** The reviewer report of the workspace as it now is: the HTML `kpispec report` writes. */
    | { id: number; type: 'report' }
    /**
     * The sheets of a workbook, for the page to write: `review`, the report's 问题清单 and 评分复核
     * (`kpispec report -o kpispec-report.xlsx`); `forms`, the 申报表 and 自评表 of the .kpi files
     * (`kpispec export -o kpispec-forms.xlsx`); `reviewed-forms`, those with the 复核得分 and the
     * 问题清单 (`kpispec export --review`).
     */
    | { id: number; type: 'plans'; of: WorkbookKind }
    /** One file's new text (the editor); every file it affects is checked again. */
    | { id: number; type: 'update'; path: string; text: string }
    /** The hover of a position in a file (0-based line and character). */
    | { id: number; type: 'hover'; path: string; line: number; character: number };

/** What the page shows after a check or an update. */
export interface Findings {
    /** One per `.kpi` file and workbook, in path order; shaped as `kpispec lint -f json` prints them (a workbook's with `cell`). */
    results: FileResult[];
    /**
     * The dropped .kpi files that were not read (not UTF-8), each the result `kpispec lint -f json`
     * gives it (a fatal syntax/lexing): in the saved JSON, not in the table, which names them above
     * the tabs as `kpispec lint` names them on stderr.
     */
    passedOver: FileResult[];
    /** Every assessment's recomputed form, as `kpispec score` computes it. */
    sheets: ScoreSheet[];
    /** Faults of kpispec.json files (the CLI refuses to run with them; the page shows them). */
    configProblems: string[];
    /**
     * Workbooks that are no readable form, one line each as the CLI prints it (`自评表.xlsx: …`), and
     * those of a dropped folder that hold no form, passed over as lint notes them (`skipped …`).
     */
    workbookProblems: string[];
    /** Milliseconds the worker spent, for the benchmark. */
    elapsed: number;
}

export type Response =
    /** Sent once, unasked (id 0), when the worker has warmed up and a drop is checked at full speed. */
    | { id: 0; type: 'ready'; elapsed: number }
    | { id: number; type: 'findings'; findings: Findings }
    | { id: number; type: 'hover'; markdown: string | undefined }
    | { id: number; type: 'report'; html: string }
    | { id: number; type: 'plans'; plans: excel.SheetPlan[] }
    | { id: number; type: 'error'; message: string };
