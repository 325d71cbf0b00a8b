//! 批量筛查 / Batch: an HR officer picks a roster (and optionally a CE records file);
//! a Web Worker checks it with the app's own wasm while the page shows a progress bar
//! and a cancel button; the results appear in a table (sorted, filtered by status and
//! by a check not passed, each row opening the full verdict) and download as the
//! results CSV of crates/formats. Nothing is uploaded: the files are read here.

mod format;
pub mod job;
pub mod report;
mod table;

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;
use zhicheng_engine::profile::Target;
use zhicheng_engine::{evaluate, CheckId, Lang, Verdict};
use zhicheng_formats::roster::{FileError, RecordsFile, Roster, MAX_FILE_BYTES};

use crate::i18n;
use crate::web::worker::{self, Message, Running};
use crate::web::{files, page};
use report::{Bilingual, Row, RowStatus, Summary, Which};
pub use table::TableView;

/// A file chosen on the page, decoded.
#[derive(Debug, PartialEq)]
pub struct Chosen {
    pub name: String,
    pub text: String,
}

/// How far the worker has got.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Progress {
    pub checked: usize,
    pub read: f64,
    pub total: f64,
}

impl Progress {
    /// Per cent of the roster read.
    pub fn percent(&self) -> u32 {
        if self.total <= 0.0 {
            0
        } else {
            (100.0 * self.read / self.total).clamp(0.0, 100.0) as u32
        }
    }
}

/// A finished run: its files (for opening a row's full verdict), rows, summary, CSV.
#[derive(Debug, PartialEq)]
pub struct Finished {
    pub roster: Rc<Chosen>,
    pub records: Option<Rc<Chosen>>,
    pub rows: Vec<Row>,
    pub summary: Summary,
    pub csv: String,
}

/// Where the page is.
#[derive(Debug, Clone)]
pub enum Phase {
    Ready,
    Running {
        job: u32,
        progress: Progress,
        worker: Rc<Running>,
    },
    Cancelled,
    /// The worker broke (not a problem of the file).
    Failed(String),
    Done(Rc<Finished>),
}

impl Phase {
    fn name(&self) -> &'static str {
        match self {
            Phase::Ready => "ready",
            Phase::Running { .. } => "running",
            Phase::Cancelled => "cancelled",
            Phase::Failed(_) => "failed",
            Phase::Done(f) if f.summary.failure.is_some() => "file-error",
            Phase::Done(_) => "done",
        }
    }
}

/// A row opened: the person's target and full verdict, evaluated again here with
/// every check's text (the worker writes texts only for problems).
#[derive(Debug, PartialEq)]
pub struct Opened {
    pub line: usize,
    pub found: Option<(Target, Verdict)>,
}

#[derive(Debug, Clone)]
pub struct BatchState {
    pub roster: Option<Rc<Chosen>>,
    pub records: Option<Rc<Chosen>>,
    /// A chosen file that could not be read (its name and why).
    pub file_problem: Option<Bilingual>,
    pub phase: Phase,
    /// The number of the last job started.
    pub jobs: u32,
    pub view: TableView,
    pub open: Option<Rc<Opened>>,
    /// An element to focus after the next render, and a counter to repeat a request.
    pub focus: Option<(String, u32)>,
}

impl Default for BatchState {
    fn default() -> BatchState {
        BatchState {
            roster: None,
            records: None,
            file_problem: None,
            phase: Phase::Ready,
            jobs: 0,
            view: TableView::default(),
            open: None,
            focus: None,
        }
    }
}

#[derive(Debug, Clone)]
pub enum Action {
    Chosen(Which, Rc<Chosen>),
    Unreadable(Bilingual),
    RemoveRecords,
    Started { job: u32, worker: Rc<Running> },
    Progress { job: u32, progress: Progress },
    Done { job: u32, finished: Rc<Finished> },
    Failed { job: u32, message: String },
    Cancel,
    View(table::Change),
    Open(usize),
    Close,
}

impl BatchState {
    fn focus_on(&mut self, id: String) {
        let n = self.focus.as_ref().map_or(0, |(_, n)| n + 1);
        self.focus = Some((id, n));
    }

    fn is_job(&self, job: u32) -> bool {
        matches!(&self.phase, Phase::Running { job: j, .. } if *j == job)
    }
}

impl Reducible for BatchState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Chosen(which, chosen) => {
                s.file_problem = None;
                match which {
                    Which::Roster => s.roster = Some(chosen),
                    Which::Records => s.records = Some(chosen),
                }
            }
            Action::Unreadable(problem) => s.file_problem = Some(problem),
            Action::RemoveRecords => s.records = None,
            Action::Started { job, worker } => {
                s.jobs = job;
                s.open = None;
                s.phase = Phase::Running {
                    job,
                    progress: Progress::default(),
                    worker,
                };
            }
            Action::Progress { job, progress } => {
                if let Phase::Running {
                    job: j,
                    progress: p,
                    ..
                } = &mut s.phase
                {
                    if *j == job {
                        *p = progress;
                    }
                }
            }
            Action::Done { job, finished } => {
                if s.is_job(job) {
                    s.phase = Phase::Done(finished);
                    s.view = TableView::default();
                    s.focus_on(RESULTS_ID.to_string());
                }
            }
            Action::Failed { job, message } => {
                // The running job, or one that could not even start.
                if s.is_job(job) || job == s.jobs + 1 {
                    s.jobs = job;
                    s.phase = Phase::Failed(message);
                }
            }
            Action::Cancel => {
                if let Phase::Running { worker, .. } = &s.phase {
                    worker.stop();
                    s.phase = Phase::Cancelled;
                    s.focus_on(START_ID.to_string());
                }
            }
            Action::View(change) => {
                s.view = s.view.with(change);
                s.open = None;
            }
            Action::Open(line) => {
                if let Phase::Done(f) = &s.phase {
                    s.open = Some(Rc::new(Opened {
                        line,
                        found: verdict_at(f, line),
                    }));
                    s.focus_on(table::detail_heading_id(line));
                }
            }
            Action::Close => {
                if let Some(open) = s.open.take() {
                    s.focus_on(table::open_button_id(open.line));
                }
            }
        }
        Rc::new(s)
    }
}

/// The person on `line` of a finished run, read again from its files and evaluated
/// with every check's text.
fn verdict_at(f: &Finished, line: usize) -> Option<(Target, Verdict)> {
    let records = match &f.records {
        Some(r) => Some(RecordsFile::read(&r.text).ok()?),
        None => None,
    };
    let mut roster = Roster::read(&f.roster.text).ok()?;
    if let Some(r) = &records {
        roster = roster.with_records(r);
    }
    let entry = roster.find(|e| e.line == line)?;
    let profile = entry.profile.ok()?;
    let verdict = evaluate(&profile).ok()?;
    Some((profile.target, verdict))
}

/// The batch page's state; kept by `app::App`, so switching pages loses nothing.
#[hook]
pub fn use_batch() -> UseReducerHandle<BatchState> {
    let state = use_reducer(BatchState::default);
    use_effect_with(state.focus.clone(), |focus| {
        if let Some((id, _)) = focus {
            page::focus(id);
        }
    });
    state
}

const START_ID: &str = "batch-start";
const RESULTS_ID: &str = "batch-results-heading";

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
        wasm_bindgen_futures::spawn_local(async move {
            dispatch.dispatch(match files::csv_text(&file).await {
                Ok(text) => Action::Chosen(which, Rc::new(Chosen { name, text })),
                Err(_) => Action::Unreadable(Bilingual {
                    en: i18n::file_unreadable(&name, Lang::En),
                    zh: i18n::file_unreadable(&name, Lang::Zh),
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

fn files(state: &UseReducerHandle<BatchState>, lang: Lang) -> Html {
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
    let Phase::Running { progress, .. } = &state.phase else {
        return html! {};
    };
    let cancel = state.dispatcher();
    let percent = progress.percent();
    html! {
        <div class="batch-progress" data-checked={progress.checked.to_string()}>
            <label for="batch-progress-bar">{ i18n::BATCH_RUNNING.get(lang) }</label>
            <progress id="batch-progress-bar" max="100" value={percent.to_string()}
                aria-valuetext={i18n::batch_progress(progress.checked, percent, lang)}></progress>
            <p class="batch-progress-text">{ i18n::batch_progress(progress.checked, percent, lang) }</p>
            <button type="button" class="button danger" id="batch-cancel"
                onclick={Callback::from(move |_: MouseEvent| cancel.dispatch(Action::Cancel))}>
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
            None => i18n::batch_tally(&f.summary.tally, lang),
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
                            Which::Roster => i18n::batch_file_named(&f.roster.name, lang),
                            Which::Records => i18n::batch_file_named(
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
pub fn page(state: &UseReducerHandle<BatchState>, lang: Lang) -> Html {
    html! {
        <section class="batch-page" aria-labelledby="batch-heading" data-batch-state={state.phase.name()}>
            <h2 id="batch-heading" tabindex="-1">{ i18n::PAGE_BATCH.get(lang) }</h2>
            <p class="intro">{ i18n::BATCH_INTRO.get(lang) }</p>
            <p class="privacy-note">{ i18n::BATCH_PRIVACY.get(lang) }</p>
            { format::view(lang) }
            { files(state, lang) }
            { progress(state, lang) }
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="batch-announcer">
                { announcement(&state.phase, lang) }
            </div>
            { outcome(state, lang) }
        </section>
    }
}

/// The check ids a filter may offer: those not passed by someone in `rows`.
pub fn checks_not_passed(rows: &[Row]) -> Vec<(CheckId, usize)> {
    CheckId::ALL
        .iter()
        .map(|&id| {
            let n = rows
                .iter()
                .filter(|r| {
                    r.checks()
                        .is_some_and(|c| c.not_passed().any(|(i, _)| i == id))
                })
                .count();
            (id, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect()
}

/// How many rows have each status.
pub fn count(rows: &[Row], status: RowStatus) -> usize {
    rows.iter().filter(|r| r.status() == status).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_opens_with_its_full_verdict() {
        let text = include_str!("../../www/roster-template.csv");
        let roster = Rc::new(Chosen {
            name: "t.csv".into(),
            text: text.into(),
        });
        let mut job = job::Job::new(text.into(), None);
        while !job.step(100).finished {}
        let f = Finished {
            roster,
            records: None,
            rows: job.take_rows(),
            summary: job.summary(),
            csv: job.results_csv().to_string(),
        };
        let row = &f.rows[2];
        let (target, verdict) = verdict_at(&f, row.line).unwrap();
        assert_eq!(RowStatus::of(verdict.status), row.status());
        assert!(verdict.checks.iter().all(|c| !c.message.is_empty()));
        assert_eq!(target.title.as_str(), "senior_engineer");
        assert!(verdict_at(&f, 999).is_none());
        assert!(!checks_not_passed(&f.rows).is_empty());
        assert_eq!(count(&f.rows, RowStatus::Eligible), 2);
    }
}
