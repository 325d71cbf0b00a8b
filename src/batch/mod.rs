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
//! - `links`: share links pasted as a roster (the hand-off from the result page);
//! - here: the page, and what it does in the world (reading files, starting and
//!   stopping the worker, the focus).

mod format;
pub mod job;
mod links;
pub mod report;
pub mod state;
mod table;
pub mod table_view;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;
use zhicheng_engine::Lang;
use zhicheng_formats::roster::{self, FileError, MAX_FILE_BYTES};

use crate::i18n;
use crate::phrases;
use crate::share::{self, Link, ShareError};
use crate::store::page::Page;
use crate::views::pages;
use crate::web::worker::{self, Message};
use crate::web::{compress, files, input, page};
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

/// A file above the size limit, refused before it is read.
fn too_large(name: &str, bytes: usize) -> Option<Bilingual> {
    (bytes > MAX_FILE_BYTES).then(|| {
        let e = FileError::TooLarge {
            bytes,
            limit: MAX_FILE_BYTES,
        };
        Bilingual {
            en: format!("{name}: {}", e.message_en()),
            zh: format!("{name}：{}", e.message_zh()),
        }
    })
}

/// Reads and decodes the roster files chosen and joins them when they share their
/// header (roster::merge: several people's "for HR" exports become one roster).
fn on_rosters(state: &UseReducerHandle<BatchState>) -> Callback<Event> {
    let dispatch = state.dispatcher();
    Callback::from(move |e: Event| {
        let chosen = files::all_chosen(&e);
        if chosen.is_empty() {
            return;
        }
        if let Some(problem) = chosen
            .iter()
            .find_map(|f| too_large(&f.name(), f.size() as usize))
        {
            dispatch.dispatch(Action::Unreadable(problem));
            return;
        }
        let dispatch = dispatch.clone();
        yew::platform::spawn_local(async move {
            let mut texts = Vec::with_capacity(chosen.len());
            for file in &chosen {
                match files::csv_text(file).await {
                    Ok(text) => texts.push((file.name(), text)),
                    Err(_) => {
                        let name = file.name();
                        return dispatch.dispatch(Action::Unreadable(Bilingual {
                            en: phrases::file_unreadable(&name, Lang::En),
                            zh: phrases::file_unreadable(&name, Lang::Zh),
                        }));
                    }
                }
            }
            if texts.len() == 1 {
                let (name, text) = texts.remove(0);
                return dispatch.dispatch(Action::Chosen(
                    Which::Roster,
                    Rc::new(Chosen { name, text }),
                ));
            }
            let parts: Vec<roster::Part> = texts
                .iter()
                .map(|(name, text)| roster::Part { name, text })
                .collect();
            dispatch.dispatch(match roster::merge(&parts) {
                Ok(text) => {
                    let names: Vec<&str> = texts.iter().map(|(n, _)| n.as_str()).collect();
                    Action::Chosen(
                        Which::Roster,
                        Rc::new(Chosen {
                            name: names.join("、"),
                            text,
                        }),
                    )
                }
                Err(e) => Action::Unreadable(Bilingual {
                    en: e.message_en(),
                    zh: e.message_zh(),
                }),
            });
        });
    })
}

/// Reads the pasted links (inflating the short ones) into a roster.
fn read_links(state: &UseReducerHandle<BatchState>) {
    let pasted = links::read(&state.links);
    let dispatch = state.dispatcher();
    yew::platform::spawn_local(async move {
        let mut people = Vec::new();
        let mut problems: Vec<(usize, Bilingual)> = pasted
            .without_link
            .iter()
            .map(|&line| (line, links::problem(line, &links::LineProblem::NoLink)))
            .collect();
        for p in pasted.links {
            let read = match p.link {
                Link::Plain(result) => result,
                Link::Deflated(Err(e)) => Err(e),
                Link::Deflated(Ok(bytes)) => match compress::inflate_raw(&bytes).await {
                    Ok(json) => share::from_json_bytes(json),
                    Err(_) => Err(ShareError::NotDeflated),
                },
            };
            match read {
                Ok(profile) => people.push((p.name, profile)),
                Err(e) => {
                    problems.push((p.line, links::problem(p.line, &links::LineProblem::Link(e))))
                }
            }
        }
        zhicheng_engine::sort::stable_by_key(&mut problems, |(line, _)| *line);
        let mut problems: Vec<Bilingual> = problems.into_iter().map(|(_, b)| b).collect();
        let roster = (!people.is_empty()).then(|| {
            Rc::new(Chosen {
                name: phrases::links_roster_name(people.len()),
                text: links::roster_text(&people),
            })
        });
        if roster.is_none() {
            problems.push(i18n::BATCH_LINKS_NONE.into());
        }
        dispatch.dispatch(Action::LinksRead { roster, problems });
    });
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
        if let Some(problem) = too_large(&name, file.size() as usize) {
            dispatch.dispatch(Action::Unreadable(problem));
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
                    multiple=true onchange={on_rosters(state)} disabled={running} />
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
            { pasted_links(state, lang, running) }
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

/// The share links people sent, pasted: read as a roster.
fn pasted_links(state: &UseReducerHandle<BatchState>, lang: Lang, running: bool) -> Html {
    let typed = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            dispatch.dispatch(Action::LinksTyped(Rc::from(input::text(&e))))
        })
    };
    let read = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| read_links(&state))
    };
    html! {
        <details class="part batch-links" open={!state.links.is_empty()}>
            <summary><span class="summary-text">{ i18n::BATCH_LINKS_HEADING.get(lang) }</span></summary>
            <div class="part-body">
                <p class="hint" id="batch-links-hint">{ i18n::BATCH_LINKS_HINT.get(lang) }</p>
                <label for="batch-links">{ i18n::BATCH_LINKS_LABEL.get(lang) }</label>
                <textarea id="batch-links" rows="4" spellcheck="false" autocomplete="off"
                    aria-describedby="batch-links-hint" disabled={running}
                    value={state.links.to_string()} oninput={typed} />
                <div class="buttons">
                    <button type="button" class="button secondary" id="batch-read-links"
                        disabled={running || state.links.trim().is_empty()} onclick={read}>
                        { i18n::BATCH_LINKS_READ.get(lang) }
                    </button>
                </div>
                if !state.link_problems.is_empty() {
                    <ul class="notice batch-link-problems" data-batch-link-problems="">
                        { for state.link_problems.iter().map(|p| html! { <li>{ p.get(lang).to_string() }</li> }) }
                    </ul>
                }
            </div>
        </details>
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
