//! The batch results: the tally, warnings, the CSV download, and the table of people
//! (sorted by a column, filtered by status and by a check not passed, a page at a
//! time), each row opening that person's full verdict.

use yew::prelude::*;
use zhicheng_engine::{CheckId, CheckStatus, Lang};

use super::report::{Outcome, Row, RowStatus};
use super::state::{checks_not_passed, count, Action, BatchState, Finished};
use super::table_view::{Change, Order, SortKey};
use crate::i18n;
use crate::phrases;
use crate::views::icons::{icon, Icon};
use crate::views::verdict::{self, Shown};
use crate::web::{files, input, page};

/// Rows on one page of the table.
pub const PAGE_SIZE: usize = 50;

/// The id of the results' heading (focused when a run is done).
pub const RESULTS_ID: &str = "batch-results-heading";

pub fn open_button_id(line: usize) -> String {
    format!("batch-open-{line}")
}

pub fn detail_heading_id(line: usize) -> String {
    format!("batch-detail-{line}")
}

/// A status as a word on its own: the engine's label, capitalised in English.
fn status_label(status: RowStatus, lang: Lang) -> String {
    let label = match status.verdict() {
        Some(s) => s.label(lang),
        None => i18n::BATCH_BAD_ROW.get(lang),
    };
    let mut chars = label.chars();
    match chars.next() {
        // English labels are ASCII; Chinese ones have no case.
        Some(first) => std::iter::once(first.to_ascii_uppercase())
            .chain(chars)
            .collect(),
        None => String::new(),
    }
}

fn status_icon(status: RowStatus) -> Icon {
    match status.verdict() {
        Some(s) => Icon::of_status(s),
        None => Icon::NotApplicable,
    }
}

fn tally(f: &Finished, lang: Lang) -> Html {
    let t = &f.summary.tally;
    html! {
        <ul class="batch-tally" data-total={t.total().to_string()}>
            <li><strong>{ phrases::batch_people(t.total(), lang) }</strong></li>
            { for RowStatus::ALL.into_iter().filter(|s| s.count(t) > 0).map(|s| html! {
                <li class={format!("tally-{}", s.as_str())} data-tally={s.as_str()}>
                    { icon(status_icon(s)) }
                    { format!("{} {}", status_label(s, lang), s.count(t)) }
                </li>
            }) }
        </ul>
    }
}

fn warnings(f: &Finished, lang: Lang) -> Html {
    let s = &f.summary;
    html! {
        <>
            if let Some(line) = s.stopped_at {
                <p class="notice notice-error" data-batch-stopped-at={line.to_string()}>
                    { phrases::batch_stopped_at(line, lang) }
                </p>
            }
            if !s.warnings.is_empty() {
                <details class="part batch-warnings">
                    <summary><span class="summary-text">{ phrases::batch_warnings(s.warnings.len(), lang) }</span></summary>
                    <ul class="part-body">
                        { for s.warnings.iter().map(|w| html! { <li>{ w.get(lang).to_string() }</li> }) }
                    </ul>
                </details>
            }
        </>
    }
}

fn download(f: &Finished, lang: Lang) -> Html {
    let csv = f.csv.clone();
    let stem = f
        .roster
        .name
        .trim_end_matches(".csv")
        .trim_end_matches(".CSV");
    let name = format!("{stem}-results.csv");
    html! {
        <div class="buttons">
            <button type="button" class="button primary" id="batch-download"
                onclick={Callback::from(move |_: MouseEvent| {
                    files::download(&name, "text/csv;charset=utf-8", &csv);
                })}>
                { i18n::BATCH_DOWNLOAD.get(lang) }
            </button>
            <span class="hint">{ i18n::BATCH_DOWNLOAD_HINT.get(lang) }</span>
        </div>
    }
}

fn filters(state: &UseReducerHandle<BatchState>, f: &Finished, lang: Lang) -> Html {
    let view = state.view;
    let on_status = {
        let d = state.dispatcher();
        Callback::from(move |e: Event| {
            let value = input::choice(&e);
            d.dispatch(Action::View(Change::Status(RowStatus::parse(&value))));
        })
    };
    let on_check = {
        let d = state.dispatcher();
        Callback::from(move |e: Event| {
            let value = input::choice(&e);
            d.dispatch(Action::View(Change::Check(
                CheckId::ALL.iter().copied().find(|c| c.as_str() == value),
            )));
        })
    };
    let on_sort = {
        let d = state.dispatcher();
        Callback::from(move |e: Event| {
            let value = input::choice(&e);
            if let Some(key) = SortKey::ALL.into_iter().find(|k| k.as_str() == value) {
                d.dispatch(Action::View(Change::SortBy(key)));
            }
        })
    };
    html! {
        <div class="batch-filters">
            <div class="field">
                <label for="batch-filter-status">{ i18n::BATCH_FILTER_STATUS.get(lang) }</label>
                <select id="batch-filter-status" onchange={on_status}>
                    <option value="" selected={view.status.is_none()}>{ i18n::BATCH_ALL.get(lang) }</option>
                    { for RowStatus::ALL.into_iter().map(|s| html! {
                        <option value={s.as_str()} selected={view.status == Some(s)}>
                            { format!("{} ({})", status_label(s, lang), count(&f.rows, s)) }
                        </option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="batch-filter-check">{ i18n::BATCH_FILTER_CHECK.get(lang) }</label>
                <select id="batch-filter-check" onchange={on_check}>
                    <option value="" selected={view.check.is_none()}>{ i18n::BATCH_ALL.get(lang) }</option>
                    { for checks_not_passed(&f.rows).into_iter().map(|(id, n)| html! {
                        <option value={id.as_str()} selected={view.check == Some(id)}>
                            { format!("{} ({n})", id.label(lang)) }
                        </option>
                    }) }
                </select>
            </div>
            <div class="field">
                <label for="batch-sort">{ i18n::BATCH_SORT.get(lang) }</label>
                <select id="batch-sort" onchange={on_sort}>
                    { for SortKey::ALL.into_iter().map(|k| html! {
                        <option value={k.as_str()} selected={view.sort == k}>{ k.label().get(lang) }</option>
                    }) }
                </select>
            </div>
        </div>
    }
}

fn header_cell(state: &UseReducerHandle<BatchState>, key: SortKey, lang: Lang) -> Html {
    let view = state.view;
    let sorted = (view.sort == key).then_some(match view.order {
        Order::Ascending => "ascending",
        Order::Descending => "descending",
    });
    let d = state.dispatcher();
    html! {
        <th scope="col" aria-sort={sorted}>
            <button type="button" class="sort-button" data-sort={key.as_str()}
                onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::View(Change::SortBy(key))))}>
                { key.label().get(lang) }
                <span aria-hidden="true" class="sort-mark">
                    { match sorted { Some("ascending") => " ▲", Some(_) => " ▼", None => "" } }
                </span>
            </button>
        </th>
    }
}

fn problems(row: &Row, lang: Lang) -> Html {
    match &row.outcome {
        Outcome::Error(e) => {
            html! { <span class="row-error" data-row-error="">{ e.get(lang).to_string() }</span> }
        }
        Outcome::Verdict { checks, .. } => {
            let items: Vec<(CheckId, CheckStatus)> = checks.not_passed().collect();
            if items.is_empty() {
                return html! { <span class="muted">{ "—" }</span> };
            }
            html! {
                <ul class="row-checks">
                    { for items.into_iter().map(|(id, s)| html! {
                        <li data-check={id.as_str()} data-check-status={s.as_str()}>
                            { id.label(lang) }
                            if s == CheckStatus::Review {
                                <span class="muted">{ format!("{}{}{}", lang.pick("（", " ("), s.label(lang), lang.pick("）", ")")) }</span>
                            }
                        </li>
                    }) }
                </ul>
            }
        }
    }
}

fn detail(state: &UseReducerHandle<BatchState>, row: &Row, lang: Lang) -> Html {
    let Some(open) = state.open.as_ref().filter(|o| o.line == row.line) else {
        return html! {};
    };
    let close = state.dispatcher();
    let today = page::today();
    html! {
        <tr class="batch-detail-row">
            <td colspan="6">
                <section class="batch-detail" id={format!("batch-detail-body-{}", row.line)}
                    aria-labelledby={detail_heading_id(row.line)} data-detail-line={row.line.to_string()}>
                    <div class="panel-head">
                        <h4 id={detail_heading_id(row.line)} tabindex="-1">
                            { phrases::batch_person(row.line, &row.person_id, &row.name, lang) }
                        </h4>
                        <button type="button" class="button secondary" id="batch-close"
                            onclick={Callback::from(move |_: MouseEvent| close.dispatch(Action::Close))}>
                            { i18n::BATCH_CLOSE.get(lang) }
                        </button>
                    </div>
                    if let Some((target, verdict)) = &open.found {
                        { verdict::verdict(&Shown { lang, target: Some(target), today: &today }, verdict) }
                    } else {
                        <p>{ i18n::BATCH_NOT_FOUND.get(lang) }</p>
                    }
                </section>
            </td>
        </tr>
    }
}

fn row_view(state: &UseReducerHandle<BatchState>, row: &Row, lang: Lang) -> Html {
    let status = row.status();
    let line = row.line;
    let open = state.open.as_ref().is_some_and(|o| o.line == line);
    let d = state.dispatcher();
    let toggle = Callback::from(move |_: MouseEvent| {
        d.dispatch(if open {
            Action::Close
        } else {
            Action::Open(line)
        })
    });
    html! {
        <>
            <tr class={classes!("batch-row", format!("row-{}", status.as_str()))} data-batch-row={line.to_string()}
                data-person-id={row.person_id.clone()} data-status={status.as_str()}>
                <td class="col-line" data-label={i18n::BATCH_COL_LINE.get(lang)}>{ line }</td>
                <td class="col-id" data-label={i18n::BATCH_COL_ID.get(lang)}>{ row.person_id.clone() }</td>
                <td class="col-name" data-label={i18n::BATCH_COL_NAME.get(lang)}>{ row.name.clone() }</td>
                <td class="col-status" data-label={i18n::BATCH_COL_STATUS.get(lang)}>
                    <span class="status-word">{ icon(status_icon(status)) }{ status_label(status, lang) }</span>
                </td>
                <td class="col-problems" data-label={i18n::BATCH_COL_PROBLEMS.get(lang)}>{ problems(row, lang) }</td>
                <td class="col-open">
                    if status != RowStatus::Error {
                        <button type="button" class="button link" id={open_button_id(line)}
                            aria-expanded={open.to_string()}
                            aria-controls={open.then(|| format!("batch-detail-body-{line}"))}
                            onclick={toggle}>
                            { if open { i18n::BATCH_CLOSE.get(lang) } else { i18n::BATCH_OPEN.get(lang) } }
                            <span class="visually-hidden">{ format!(" {}", phrases::batch_person(line, &row.person_id, &row.name, lang)) }</span>
                        </button>
                    }
                </td>
            </tr>
            if open {
                { detail(state, row, lang) }
            }
        </>
    }
}

fn pager(state: &UseReducerHandle<BatchState>, page: usize, pages: usize, lang: Lang) -> Html {
    if pages <= 1 {
        return html! {};
    }
    let go = |to: usize| {
        let d = state.dispatcher();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::View(Change::Page(to))))
    };
    html! {
        <nav class="pager" aria-label={i18n::BATCH_PAGES.get(lang)}>
            <button type="button" class="button secondary" id="batch-prev" disabled={page == 0}
                onclick={go(page.saturating_sub(1))}>
                <span aria-hidden="true">{ "← " }</span>{ i18n::BATCH_PREV.get(lang) }
            </button>
            <span class="pager-where">{ phrases::batch_page(page + 1, pages, lang) }</span>
            <button type="button" class="button secondary" id="batch-next" disabled={page + 1 >= pages}
                onclick={go(page + 1)}>
                { i18n::BATCH_NEXT.get(lang) }<span aria-hidden="true">{ " →" }</span>
            </button>
        </nav>
    }
}

/// Everything shown once a run is finished.
pub fn results(state: &UseReducerHandle<BatchState>, f: &Finished, lang: Lang) -> Html {
    let view = state.view;
    let shown = view.rows(&f.rows);
    let pages = shown.len().div_ceil(PAGE_SIZE).max(1);
    let page = view.page.min(pages - 1);
    let from = page * PAGE_SIZE;
    let to = (from + PAGE_SIZE).min(shown.len());
    html! {
        <section class="batch-results" aria-labelledby={RESULTS_ID}>
            <h3 id={RESULTS_ID} tabindex="-1">{ phrases::batch_results_of(&f.roster.name, lang) }</h3>
            { tally(f, lang) }
            { warnings(f, lang) }
            { download(f, lang) }
            { filters(state, f, lang) }
            <p class="hint" data-shown={shown.len().to_string()}>
                { phrases::batch_showing(from + usize::from(to > from), to, shown.len(), f.rows.len(), lang) }
            </p>
            if shown.is_empty() {
                <p class="empty">{ i18n::BATCH_NONE_MATCH.get(lang) }</p>
            } else {
                <table class="batch-table">
                    <caption class="visually-hidden">{ phrases::batch_results_of(&f.roster.name, lang) }</caption>
                    <thead>
                        <tr>
                            { header_cell(state, SortKey::Line, lang) }
                            { header_cell(state, SortKey::PersonId, lang) }
                            { header_cell(state, SortKey::Name, lang) }
                            { header_cell(state, SortKey::Status, lang) }
                            <th scope="col">{ i18n::BATCH_COL_PROBLEMS.get(lang) }</th>
                            <th scope="col"><span class="visually-hidden">{ i18n::BATCH_OPEN.get(lang) }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                        { for shown[from..to].iter().map(|row| row_view(state, row, lang)) }
                    </tbody>
                </table>
            }
            { pager(state, page, pages, lang) }
        </section>
    }
}
