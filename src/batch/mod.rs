//! 批量筛查 / Batch: an HR officer picks a roster (and optionally a CE records file);
//! a Web Worker checks it with the app's own wasm while the page shows a progress bar
//! and a cancel button; the results appear in a table (sorted, filtered by status and
//! by a check not passed, each row opening the full verdict) and download as the
//! results CSV of crates/formats. Nothing is uploaded: the files are read here.
//!
//! - `state`: the page's state, actions and pure reducer;
//! - `table_view`, `table`: how the results table is shown, and the table;
//! - `job`, `report`: the roster checked a chunk at a time (in the worker) and what it
//!   sends back;
//! - `format`: the roster format in brief;
//! - here: the page, and what it does in the world (reading files, starting and
//!   stopping the worker, the focus).

mod format;
pub mod job;
pub mod report;
pub mod state;
mod table;
pub mod table_view;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;
use zhicheng_engine::Lang;
use zhicheng_formats::roster::{FileError, MAX_FILE_BYTES};

use crate::i18n;
use crate::phrases;
use crate::store::page::Page;
use crate::views::pages;
use crate::web::worker::{self, Message};
use crate::web::{files, page};
use report::{Bilingual, Row, Summary, Which};
use state::{Action, BatchState, Chosen, Finished, Focus, Phase, Progress};

const START_ID: &str = "batch-start";

/// The element of a focus request.
fn element_id(focus: Focus) -> String {
    match focus {
        Focus::Results => table::RESULTS_ID.to_string(),
        Focus::Start => START_ID.to_string(),
        Focus::Detail(line) => table::detail_heading_id(line),
        Focus::OpenButton(line) => table::open_button_id(line),
    }
}

/// The batch page's state, and its focus requests performed; kept by `app::App`, so
/// switching pages loses nothing.
#[hook]
pub fn use_batch() -> UseReducerHandle<BatchState> {
    let state = use_reducer(BatchState::default);
    use_effect_with(state.focus, |request| {
        if let Some(request) = request {
            page::focus(&element_id(request.focus));
        }
    });
    state
}

/// Reads and decodes a chosen file (UTF-8 with or without BOM, else GB18030), refusing
/// one above the roster size limit before reading it.
fn on_file(state: &UseReducerHandle<BatchState>, which: Which) -> Callback<Event> {
    let dispatch = state.dispatcher();
    Callback::from(move |e: Event| {
        let Some(file) = files::chosen(&e) else {
            return;
        };
        let dispatch = dispatch.clone();
        let name = file.name();
        let bytes = file.size() as usize;
        if bytes > MAX_FILE_BYTES {
            let e = FileError::TooLarge {
                bytes,
                limit: MAX_FILE_BYTES,
            };
            dispatch.dispatch(Action::Unreadable(Bilingual {
                en: format!("{name}: {}", e.message_en()),
                zh: format!("{name}：{}", e.message_zh()),
            }));
            return;
        }
        yew::platform::spawn_local(async move {
            dispatch.dispatch(match files::csv_text(&file).await {
                Ok(text) => Action::Chosen(which, Rc::new(Chosen { name, text })),
                Err(_) => Action::Unreadable(Bilingual {
                    en: phrases::file_unreadable(&name, Lang::En),
                    zh: phrases::file_unreadable(&name, Lang::Zh),
                }),
            });
        });
    })
}

/// Starts a worker on the chosen files; its messages come back as actions.
fn start(state: &UseReducerHandle<BatchState>) {
    let Some(roster) = state.roster.clone() else {
        return;
    };
    let records = state.records.clone();
    let job = state.jobs + 1;
    let dispatch = state.dispatcher();
    let rows: RefCell<Vec<Row>> = RefCell::default();
    let inputs = (roster.clone(), records.clone());
    let on = {
        let dispatch = dispatch.clone();
        move |m: Message| {
            let failed = |message: &str| Action::Failed {
                job,
                message: message.to_string(),
            };
            dispatch.dispatch(match m {
                Message::Progress {
                    checked,
                    read,
                    total,
                    rows: chunk,
                } => match report::rows_from_json(&chunk) {
                    Some(mut chunk) => {
                        rows.borrow_mut().append(&mut chunk);
                        Action::Progress {
                            job,
                            progress: Progress {
                                checked,
                                read,
                                total,
                            },
                        }
                    }
                    None => failed("the worker sent rows that cannot be read"),
                },
                Message::Done { summary, csv } => match Summary::from_json(&summary) {
                    Some(summary) => Action::Done {
                        job,
                        finished: Rc::new(Finished {
                            roster: inputs.0.clone(),
                            records: inputs.1.clone(),
                            rows: rows.take(),
                            summary,
                            csv,
                        }),
                    },
                    None => failed("the worker sent a summary that cannot be read"),
                },
                Message::Failed(message) => failed(&message),
            });
        }
    };
    match worker::spawn(&roster.text, records.as_ref().map(|r| r.text.as_str()), on) {
        Ok(running) => dispatch.dispatch(Action::Started {
            job,
            worker: Rc::new(running),
        }),
        Err(e) => dispatch.dispatch(Action::Failed {
            job,
            message: e.as_string().unwrap_or_else(|| format!("{e:?}")),
        }),
    }
}

fn choose_files(state: &UseReducerHandle<BatchState>, lang: Lang) -> Html {
    let running = matches!(state.phase, Phase::Running { .. });
    let chosen = |c: &Option<Rc<Chosen>>| {
        c.as_ref()
            .map(|c| html! { <span class="chosen-name" lang="">{ c.name.clone() }</span> })
    };
    let remove = state.dispatcher();
    let start_state = state.clone();
    html! {
        <section class="batch-files" aria-labelledby="batch-files-heading">
            <h3 id="batch-files-heading">{ i18n::BATCH_FILES.get(lang) }</h3>
            <div class="batch-file">
                <input type="file" id="batch-roster" class="file-input" accept=".csv,text/csv,text/plain"
                    onchange={on_file(state, Which::Roster)} disabled={running} />
                <label for="batch-roster" class="button secondary file-label">
                    { i18n::BATCH_CHOOSE_ROSTER.get(lang) }
                </label>
                <p class="hint" id="batch-roster-chosen" data-chosen={state.roster.is_some().to_string()}>
                    if let Some(name) = chosen(&state.roster) {
                        { i18n::BATCH_CHOSEN.get(lang) }{ name }
                    } else {
                        { i18n::BATCH_NO_ROSTER.get(lang) }
                    }
                </p>
            </div>
            <div class="batch-file">
                <input type="file" id="batch-records" class="file-input" accept=".csv,text/csv,text/plain"
                    onchange={on_file(state, Which::Records)} disabled={running} />
                <label for="batch-records" class="button secondary file-label">
                    { i18n::BATCH_CHOOSE_RECORDS.get(lang) }
                </label>
                <p class="hint">
                    if let Some(name) = chosen(&state.records) {
                        { i18n::BATCH_CHOSEN.get(lang) }{ name }{ " " }
                        <button type="button" class="button link" id="batch-remove-records" disabled={running}
                            onclick={Callback::from(move |_: MouseEvent| remove.dispatch(Action::RemoveRecords))}>
                            { i18n::REMOVE.get(lang) }
                        </button>
                    } else {
                        { i18n::BATCH_RECORDS_HINT.get(lang) }
                    }
                </p>
            </div>
            if let Some(problem) = &state.file_problem {
                <p class="notice notice-error" role="alert" data-batch-file-problem="">{ problem.get(lang).to_string() }</p>
            }
            <div class="buttons">
                <button type="button" class="button primary" id={START_ID}
                    disabled={running || state.roster.is_none()}
                    onclick={Callback::from(move |_: MouseEvent| start(&start_state))}>
                    { i18n::BATCH_START.get(lang) }
                </button>
            </div>
        </section>
    }
}

fn progress(state: &UseReducerHandle<BatchState>, lang: Lang) -> Html {
    let Phase::Running {
        progress, worker, ..
    } = &state.phase
    else {
        return html! {};
    };
    let dispatch = state.dispatcher();
    let worker = worker.clone();
    // Stopped here, at once: nothing it posts arrives after the click.
    let cancel = Callback::from(move |_: MouseEvent| {
        worker.stop();
        dispatch.dispatch(Action::Cancel);
    });
    let percent = progress.percent();
    html! {
        <div class="batch-progress" data-checked={progress.checked.to_string()}>
            <label for="batch-progress-bar">{ i18n::BATCH_RUNNING.get(lang) }</label>
            <progress id="batch-progress-bar" max="100" value={percent.to_string()}
                aria-valuetext={phrases::batch_progress(progress.checked, percent, lang)}></progress>
            <p class="batch-progress-text">{ phrases::batch_progress(progress.checked, percent, lang) }</p>
            <button type="button" class="button danger" id="batch-cancel"
                onclick={cancel}>
                { i18n::BATCH_CANCEL.get(lang) }
            </button>
        </div>
    }
}

/// What the live region says: only the changes of phase (not every chunk).
fn announcement(phase: &Phase, lang: Lang) -> String {
    match phase {
        Phase::Ready => String::new(),
        Phase::Running { .. } => i18n::BATCH_RUNNING.get(lang).to_string(),
        Phase::Cancelled => i18n::BATCH_CANCELLED.get(lang).to_string(),
        Phase::Failed(_) => i18n::BATCH_FAILED.get(lang).to_string(),
        Phase::Done(f) => match &f.summary.failure {
            Some(_) => i18n::BATCH_FILE_FAILED.get(lang).to_string(),
            None => phrases::batch_tally(&f.summary.tally, lang),
        },
    }
}

fn outcome(state: &UseReducerHandle<BatchState>, lang: Lang) -> Html {
    match &state.phase {
        Phase::Ready | Phase::Running { .. } => html! {},
        Phase::Cancelled => html! {
            <p class="notice" data-batch-cancelled="">{ i18n::BATCH_CANCELLED.get(lang) }</p>
        },
        Phase::Failed(message) => html! {
            <div class="notice notice-error" data-batch-failed="">
                <p>{ i18n::BATCH_FAILED.get(lang) }</p>
                <p class="hint"><code>{ message.clone() }</code></p>
            </div>
        },
        Phase::Done(f) => match &f.summary.failure {
            Some(failure) => html! {
                <div class="notice notice-error" data-batch-file-error="">
                    <p>
                        <strong>{ match failure.file {
                            Which::Roster => phrases::batch_file_named(&f.roster.name, lang),
                            Which::Records => phrases::batch_file_named(
                                f.records.as_ref().map_or("", |r| r.name.as_str()), lang),
                        } }</strong>
                        { failure.reason.get(lang).to_string() }
                    </p>
                </div>
            },
            None => table::results(state, f, lang),
        },
    }
}

/// The batch page.
pub fn view(state: &UseReducerHandle<BatchState>, lang: Lang) -> Html {
    let heading = pages::heading_id(Page::Batch);
    html! {
        <section class="batch-page" aria-labelledby={heading} data-batch-state={state.phase.name()}>
            <h2 id={heading} tabindex="-1">{ i18n::PAGE_BATCH.get(lang) }</h2>
            <p class="intro">{ i18n::BATCH_INTRO.get(lang) }</p>
            <p class="privacy-note">{ i18n::BATCH_PRIVACY.get(lang) }</p>
            { format::view(lang) }
            { choose_files(state, lang) }
            { progress(state, lang) }
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="batch-announcer">
                { announcement(&state.phase, lang) }
            </div>
            { outcome(state, lang) }
        </section>
    }
}
