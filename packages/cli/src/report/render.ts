import { compareText, pick, type Locale } from '@kpispec/language/core';
import { bulletChart, delayText, fundsChart, gradeChart, startCharts, statusText, timelineChart, type GradeCount } from './charts.js';
import { html, raw, safeHref, type Html } from './escape.js';
import { HEADINGS, SEVERITY, colon, label, type TextKey } from './i18n.js';
import { PROBLEM_HEADINGS, type AssessmentReview, type Finding, type ProjectReport, type ReportData, type TargetRow } from './model.js';
import { STYLES } from './styles.js';
import { notReviewed, notReviewedLine } from './not-reviewed.js';

/** The content security policy of every page: nothing loads, nothing runs. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** How many projects the inflation table lists. */
const TOP_INFLATION = 10;

/** Where a project's section is: an anchor in the same file, or its own page. */
type ProjectHref = (project: ProjectReport) => string;

/** The whole report as one self-contained page. */
export function renderReport(data: ReportData): string {
    startCharts();
    const href: ProjectHref = p => `#${p.anchor}`;
    return page(data, label(data.locale, 'reportTitle'), html`
        ${overview(data, href)}
        <section id="projects"><h2>${label(data.locale, 'projectsTitle')}</h2>
        ${data.projects.length ? data.projects.map(p => projectSection(p, data.locale)) : html`<p>${label(data.locale, 'noProjects')}</p>`}
        </section>
        ${otherSection(data)}`);
}

/** Where `renderPages` puts the project pages: beside the index, or in a folder named after it. */
export interface PageLayout {
    /** File name of the index page. */
    index: string;
    /** Folder of the project pages, relative to the index ('' for beside it). */
    folder: string;
}

/** The report as an index page (overview, other files) and one page per project, by path relative to the index's folder. */
export function renderPages(data: ReportData, layout: PageLayout = { index: 'index.html', folder: '' }): Map<string, string> {
    const prefix = layout.folder ? `${layout.folder}/` : '';
    const href: ProjectHref = p => `${prefix}${p.anchor}.html`;
    const pages = new Map<string, string>();
    startCharts();
    pages.set(layout.index, page(data, label(data.locale, 'reportTitle'), html`${overview(data, href)}${otherSection(data)}`));
    const back = html`<p class="screen-only"><a href="${layout.folder ? `../${layout.index}` : layout.index}">← ${label(data.locale, 'backToOverview')}</a></p>`;
    for (const project of data.projects) {
        startCharts();
        pages.set(href(project), page(data, `${project.name} — ${label(data.locale, 'reportTitle')}`, html`${back}${projectSection(project, data.locale)}`));
    }
    return pages;
}

/** What was not reviewed (see notReviewed), under the scope. */
function notReviewedLines(data: ReportData): Html[] {
    return notReviewed(data).map(k => html`<p class="meta" data-${k.kind}="${k.files.length}">${notReviewedLine(k, data.locale)}</p>`);
}

function page(data: ReportData, title: string, body: Html): string {
    const t = (key: TextKey, values?: Record<string, string | number>) => label(data.locale, key, values);
    return `<!DOCTYPE html>\n${html`<html lang="${data.locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kpispec report">
<title>${title}</title>
<style>${raw(STYLES)}</style>
</head>
<body>
<header><h1>${t('reportTitle')}</h1><p class="meta">${t('scope')}${colon(data.locale)}${data.scope}</p>${notReviewedLines(data)}</header>
<main>
${body}
</main>
<footer>${t('generatedBy')}</footer>
</body>
</html>`}\n`;
}

const num = (n: number | undefined) => n === undefined ? '—' : String(n);

function overview(data: ReportData, href: ProjectHref): Html {
    const { locale } = data;
    const t = (key: TextKey, values?: Record<string, string | number>) => label(locale, key, values);
    const inflated = data.projects
        .flatMap(p => p.assessments.map(a => ({ p, a })))
        .filter(({ a }) => (a.inflation ?? 0) > 0)
        .sort((x, y) => y.a.inflation! - x.a.inflation! || compareText(x.p.name, y.p.name))
        .slice(0, TOP_INFLATION);
    // Units of one submission may each define a project of the same name (name/duplicate): the
    // rows of such projects also name their file, so that the reader can tell them apart.
    const names = new Map<string, number>();
    for (const p of data.projects) names.set(p.name, (names.get(p.name) ?? 0) + 1);
    const link = (p: ProjectReport) => html`<a href="${raw(safeHref(href(p)))}">${p.name}</a>`;
    const sharedName = (p: ProjectReport) => (names.get(p.name)! > 1 ? html`<br><span class="muted" data-file>${p.file}</span>` : '');
    return html`<section id="overview">
<h2>${t('overview')}</h2>
<p class="summary" data-errors="${data.totals.errors}" data-warnings="${data.totals.warnings}" data-infos="${data.totals.infos}">${t('summary', {
        projects: data.projects.length, files: data.files, errors: data.totals.errors, warnings: data.totals.warnings, infos: data.totals.infos,
    })}</p>
<table class="projects">
<caption>${t('projectList')}</caption>
<thead><tr><th scope="col">${t('project')}</th><th scope="col">${t('department')}</th><th scope="col" class="num">${t('budget')}</th>
<th scope="col" class="num">${t('claimedTotal')}</th><th scope="col" class="num">${t('ruleTotal')}</th>
<th scope="col">${t('claimedGrade')}</th><th scope="col">${t('ruleGrade')}</th>
<th scope="col" class="num">${t('errors')}</th><th scope="col" class="num">${t('warnings')}</th></tr></thead>
<tbody>${data.projects.map(p => {
        // A project assessed more than once (a 自评 a year) has a line per assessment, each named.
        const [first, ...more] = p.assessments;
        const span = 1 + more.length;
        const scores = (a: AssessmentReview | undefined) => html`<td class="num" data-claimed-total>${more.length ? html`<span class="muted" data-assessment>${a!.sheet.assessment}</span> ` : ''}${num(a?.claimedTotal)}</td>
<td class="num" data-rule-total>${num(a?.sheet.scored ? a.sheet.total.ruleScore : undefined)}</td><td>${a?.sheet.grade.claimed ?? '—'}</td><td>${a?.sheet.grade.computed ?? '—'}</td>`;
        return html`<tr data-project="${p.name}"><th scope="row" rowspan="${span}">${link(p)}${p.title ? html` <span class="muted">${p.title}</span>` : ''}${sharedName(p)}</th>
<td rowspan="${span}">${p.department ?? ''}</td><td class="num" rowspan="${span}">${p.budget ?? '—'}</td>
${scores(first)}
<td class="num${p.counts.errors ? ' sev-2' : ''}" rowspan="${span}" data-errors>${p.counts.errors}</td><td class="num" rowspan="${span}" data-warnings>${p.counts.warnings}</td></tr>${
    more.map(a => html`<tr data-assessment-of="${p.name}">${scores(a)}</tr>`)}`;
    })}</tbody>
</table>
<h3 id="grades">${t('gradeDistribution')}</h3>
${raw(gradeChart(gradeCounts(data), locale))}
<p class="legend"><span class="swatch claimed"></span>${t('claimed')}<span class="swatch recomputed"></span>${t('recomputed')}</p>
<h3 id="by-rule">${t('findingsByRule')}</h3>
<table class="by-rule">
<thead><tr><th scope="col">${t('rule')}</th><th scope="col">${t('problem')}</th><th scope="col" class="num">${t('count')}</th>
<th scope="col" class="num">${t('errors')}</th><th scope="col" class="num">${t('warnings')}</th><th scope="col" class="num">${t('infos')}</th></tr></thead>
<tbody>${data.byRule.map(r => html`<tr data-rule="${r.ruleId}" data-count="${r.count}"><th scope="row"><a class="rule-link" href="${raw(safeHref(r.docsUrl))}">${r.ruleId}</a></th>
<td>${r.title}</td><td class="num">${r.count}</td><td class="num">${r.errors}</td><td class="num">${r.warnings}</td><td class="num">${r.infos}</td></tr>`)}</tbody>
</table>
<h3 id="inflation">${t('inflation')}</h3>
${inflated.length === 0 ? html`<p>${t('noInflation')}</p>` : html`<table class="inflation">
<thead><tr><th scope="col">${t('project')}</th><th scope="col">${t('assessment')}</th><th scope="col" class="num">${t('claimedTotal')}</th>
<th scope="col" class="num">${t('ruleTotal')}</th><th scope="col" class="num">${t('inflationCol')}</th></tr></thead>
<tbody>${inflated.map(({ p, a }) => html`<tr><th scope="row">${link(p)}${sharedName(p)}</th><td>${a.sheet.assessment}</td>
<td class="num">${num(a.claimedTotal)}</td><td class="num">${a.sheet.total.ruleScore}</td><td class="num diff-pos">+${a.inflation}</td></tr>`)}</tbody>
</table>`}
</section>`;
}

/** Grades claimed and recomputed, in the profile's order from the best (as the sheets name them). */
function gradeCounts(data: ReportData): GradeCount[] {
    const counts = new Map<string, GradeCount>();
    const none = label(data.locale, 'noGrade');
    const at = (grade: string) => counts.get(grade) ?? counts.set(grade, { grade, claimed: 0, recomputed: 0 }).get(grade)!;
    for (const g of data.locale === 'en' ? ['excellent', 'good', 'fair', 'poor'] : ['优', '良', '中', '差']) at(g);
    for (const p of data.projects) {
        for (const a of p.assessments) {
            // A form without scores has no grade to recompute.
            if (!a.sheet.scored) continue;
            at(a.sheet.grade.claimed ?? none).claimed++;
            if (a.sheet.grade.computed) at(a.sheet.grade.computed).recomputed++;
        }
    }
    return [...counts.values()].filter((c, i) => i < 4 || c.claimed + c.recomputed > 0);
}

function projectSection(p: ProjectReport, locale: Locale): Html {
    const t = (key: TextKey, values?: Record<string, string | number>) => label(locale, key, values);
    return html`<section class="project" id="${p.anchor}" data-project="${p.name}">
<h3>${p.name}${p.title ? html` ${p.title}` : ''}</h3>
<h4>${t('basics')}</h4>
<dl class="facts">
${p.title ? html`<dt>${t('project')}</dt><dd>${p.title}</dd>` : ''}
${p.department ? html`<dt>${t('department')}</dt><dd>${p.department}</dd>` : ''}
${p.period ? html`<dt>${t('period')}</dt><dd>${p.period}</dd>` : ''}
${p.budget ? html`<dt>${t('budget')}</dt><dd>${p.budget}</dd>` : ''}
<dt>${t('file')}</dt><dd><code>${p.file}</code></dd>
</dl>
${scoreReview(p, locale)}
${targetsTable(p, locale)}
${fundsSection(p, locale)}
${milestonesSection(p, locale)}
${problemList(p.findings, locale, t('problems'))}
</section>`;
}

function scoreReview(p: ProjectReport, locale: Locale): Html {
    const t = (key: TextKey) => label(locale, key);
    if (p.assessments.length === 0) return html`<h4>${t('scoreReview')}</h4><p>${t('noAssessment')}</p>`;
    return html`<h4>${t('scoreReview')}</h4>${p.assessments.map(({ sheet }) => html`
<table class="scores" data-assessment="${sheet.assessment}" data-file="${sheet.file}">
<caption>${t('assessment')} ${sheet.assessment}${sheet.title ? html` ${sheet.title}` : ''} · ${t('profile')} ${sheet.profile}</caption>
<thead><tr><th scope="col">${t('row')}</th><th scope="col">${t('target')}</th><th scope="col">${t('actual')}</th><th scope="col" class="num">${t('weight')}</th>
<th scope="col" class="num">${t('claimedScore')}</th><th scope="col" class="num">${t('ruleScore')}</th><th scope="col" class="num">${t('difference')}</th><th scope="col">${t('reason')}</th></tr></thead>
<tbody>${sheet.rows.map(r => html`<tr class="score-row" data-kind="${r.kind}" data-row="${r.row}" data-weight="${num(r.weight)}" data-claimed="${num(r.claimed)}" data-rule-score="${num(r.ruleScore)}">
<th scope="row">${r.row}${r.family ? html` <span class="muted">${r.family}</span>` : ''}</th><td>${r.target ?? ''}</td><td>${r.actual ?? ''}</td>
<td class="num">${num(r.weight)}</td><td class="num">${num(r.claimed)}</td><td class="num">${num(r.ruleScore)}</td>
<td class="num${(r.difference ?? 0) > 0 ? ' diff-pos' : ''}">${r.difference ? (r.difference > 0 ? `+${r.difference}` : r.difference) : r.difference === 0 ? '0' : '—'}</td><td>${r.reason}</td></tr>`)}
<tr class="total" data-claimed-total="${num(sheet.total.declaredScore ?? sheet.total.claimed)}" data-rule-total="${sheet.total.ruleScore}"><th scope="row">${t('total')}</th><td></td><td></td>
<td class="num">${sheet.total.declaredWeight ?? sheet.total.weight}</td><td class="num">${num(sheet.total.declaredScore ?? sheet.total.claimed)}</td>
<td class="num">${sheet.total.ruleScore}</td><td class="num${(sheet.total.difference ?? 0) > 0 ? ' diff-pos' : ''}">${num(sheet.total.difference)}</td>
<td>${t('grade')}${colon(locale)}${t('claimed')} ${sheet.grade.claimed ?? '—'} → ${t('recomputed')} ${sheet.grade.computed ?? '—'}</td></tr></tbody>
</table>`)}`;
}

function targetsTable(p: ProjectReport, locale: Locale): Html {
    const t = (key: TextKey) => label(locale, key);
    if (p.targets.length === 0) return html`<h4>${t('targets')}</h4><p>${t('noTargets')}</p>`;
    const refs = (row: TargetRow, kind: 'clause' | 'requirement' | 'baseline') =>
        row.references.filter(r => r.kind === kind).map(r => html`<div><span class="muted">${r.name}</span> ${r.text}</div>`);
    return html`<h4>${t('targets')}</h4>
<table class="targets">
<thead><tr><th scope="col">${t('indicator')}</th><th scope="col">${t('target')}</th><th scope="col">${t('contractClause')}</th><th scope="col">${t('standardRequirement')}</th>
<th scope="col">${t('baseline')}</th><th scope="col">${t('lastYear')}</th><th scope="col">${t('actual')}</th><th scope="col">${t('chart')}</th></tr></thead>
<tbody>${p.targets.map(row => {
        const chart = bulletChart(row, locale);
        return html`<tr class="target${row.weaker ? ' weaker' : ''}" data-indicator="${row.indicator}">
<th scope="row">${row.title ?? row.indicator}${row.family ? html` <span class="muted">${row.family}</span>` : ''}</th>
<td>${row.target?.text ?? ''}${row.weaker ? html` <span class="badge">${t('weaker')}</span>` : ''}</td>
<td>${refs(row, 'clause')}</td><td>${refs(row, 'requirement')}</td><td>${refs(row, 'baseline')}</td>
<td>${row.lastYear?.text ?? ''}</td><td>${row.actual?.text ?? ''}</td><td>${chart ? raw(chart) : ''}</td></tr>`;
    })}</tbody>
</table>
<p class="legend">${t('legend')}</p>`;
}

function fundsSection(p: ProjectReport, locale: Locale): Html {
    const t = (key: TextKey) => label(locale, key);
    const declared = p.budget || p.declaredFunds.length > 0 ? html`<h5>${t('declaredFunds')}</h5>
<dl class="facts declared-funds">${p.budget ? html`<dt>${t('budget')}</dt><dd>${p.budget}</dd>` : ''}${p.declaredFunds.map(f => html`<dt>${f.label}</dt><dd>${f.amount}</dd>`)}</dl>` : '';
    if (p.funds.length === 0) return html`<h4>${t('funds')}</h4>${declared}<p>${t('noFunds')}</p>`;
    const chart = fundsChart(p.funds, locale);
    return html`<h4>${t('funds')}</h4>${declared}
<h5>${t('executedFunds')}</h5>
<table class="funds">
<thead><tr><th scope="col">${t('item')}</th><th scope="col" class="num">${t('initial')}</th><th scope="col" class="num">${t('budgeted')}</th>
<th scope="col" class="num">${t('spent')}</th><th scope="col" class="num">${t('rate')}</th></tr></thead>
<tbody>${p.funds.map(f => html`<tr${f.source ? raw(' class="source"') : ''}><th scope="row">${f.source ? `${label(locale, 'ofWhich')} ` : ''}${f.label}</th>
<td class="num">${f.initial ?? '—'}</td><td class="num">${f.budgeted ?? '—'}</td><td class="num">${f.spent ?? '—'}</td>
<td class="num" data-rate="${num(f.rate)}">${f.rate === undefined ? '—' : `${Math.round(f.rate * 10000) / 100}%`}</td></tr>`)}</tbody>
</table>
${chart ? raw(chart) : ''}`;
}

function milestonesSection(p: ProjectReport, locale: Locale): Html {
    const t = (key: TextKey) => label(locale, key);
    if (p.milestones.length === 0) return html`<h4>${t('milestones')}</h4><p>${t('noMilestones')}</p>`;
    const chart = timelineChart(p.milestones, locale);
    return html`<h4>${t('milestones')}</h4>
${chart ? raw(chart) : ''}
<table class="milestones">
<thead><tr><th scope="col">${t('milestone')}</th><th scope="col">${t('planned')}</th><th scope="col">${t('doneOn')}</th><th scope="col">${t('status')}</th><th scope="col">${t('delay')}</th></tr></thead>
<tbody>${p.milestones.map(m => html`<tr data-delay="${num(m.delayDays)}"><th scope="row">${m.title ?? m.name}</th><td>${m.planned ?? '—'}</td><td>${m.done ?? '—'}</td>
<td>${statusText(m, locale)}</td><td class="${(m.delayDays ?? 0) > 0 ? 'diff-pos' : ''}">${delayText(m, locale) ?? '—'}</td></tr>`)}</tbody>
</table>`;
}

function problemList(findings: readonly Finding[], locale: Locale, title: string): Html {
    const t = (key: TextKey) => label(locale, key);
    if (findings.length === 0) return html`<h4>${title}</h4><p>${t('noProblems')}</p>`;
    return html`<h4>${title}</h4>${PROBLEM_HEADINGS.map((heading, i) => {
        const group = findings.filter(f => f.heading === heading);
        if (group.length === 0) return '';
        return html`<h5>${i + 1}. ${pick(locale, HEADINGS[heading])}</h5>
<table class="problems" data-heading="${heading}">
<thead><tr><th scope="col">${t('severity')}</th><th scope="col">${t('problem')}</th><th scope="col">${t('rule')}</th><th scope="col">${t('source')}</th>
<th scope="col">${t('evidence')}</th><th scope="col">${t('remedy')}</th></tr></thead>
<tbody>${group.map(f => html`<tr class="finding" data-rule="${f.ruleId}" data-severity="${f.severity}">
<td class="sev-${f.severity}">${pick(locale, SEVERITY[f.severity])}</td><td>${f.message}</td>
<td><a class="rule-link" href="${raw(safeHref(f.docsUrl))}" title="${t('ruleDocs')}">${f.ruleId}</a><div class="muted">${f.ruleTitle}</div></td>
<td>${f.source ?? '—'}</td><td><code>${evidence(f)}</code>${(f.related ?? []).map(r => html`<div class="related">${t('compareWith')} <code>${evidence({ file: r.file, line: r.line })}</code> ${r.message}</div>`)}</td><td>${f.remedy}</td></tr>`)}</tbody>
</table>`;
    })}`;
}

function otherSection(data: ReportData): Html {
    if (data.other.length === 0) return html``;
    return html`<section id="other"><h2>${label(data.locale, 'otherFindings')}</h2><p class="muted">${label(data.locale, 'otherFindingsNote')}</p>
${problemList(data.other, data.locale, label(data.locale, 'otherProblems'))}</section>`;
}

/** `file:line` or `workbook sheet!cell`, breakable after each folder so that long paths wrap between names. */
function evidence(f: Pick<Finding, 'file' | 'line' | 'cell'>): Html {
    const file = f.file.split(/(?<=[\\/])/).map((part, i) => i ? html`<wbr>${part}` : part);
    return f.cell ? html`${file} ${f.cell}` : html`${file}:${f.line}`;
}
