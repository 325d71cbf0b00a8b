//! The batch page's state (kept by `app::App`, so switching pages loses nothing): the
//! files chosen, the phase of a run (ready, running with its worker, cancelled,
//! failed, done), how the table is shown and the row opened; its actions and a pure
//! reducer (the page starts and stops workers and moves the focus: src/batch/mod.rs).

use std::rc::Rc;

use yew::Reducible;
use zhicheng_engine::profile::Target;
use zhicheng_engine::{evaluate, CheckId, Verdict};
use zhicheng_formats::roster::{RecordsFile, Roster};

use super::report::{Bilingual, Row, RowStatus, Summary, Which};
use super::table_view::{Change, TableView};
use crate::web::worker::Running;

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
    /// The name in `data-batch-state`.
    pub fn name(&self) -> &'static str {
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
    /// The share links pasted (kept as typed), and the lines of the last reading of
    /// them that gave no one.
    pub links: Rc<str>,
    pub link_problems: Vec<Bilingual>,
    pub phase: Phase,
    /// The number of the last job started.
    pub jobs: u32,
    pub view: TableView,
    pub open: Option<Rc<Opened>>,
    /// What to focus after the next render.
    pub focus: Option<FocusRequest>,
}

impl Default for BatchState {
    fn default() -> BatchState {
        BatchState {
            roster: None,
            records: None,
            file_problem: None,
            links: Rc::from(""),
            link_problems: Vec::new(),
            phase: Phase::Ready,
            jobs: 0,
            view: TableView::default(),
            open: None,
            focus: None,
        }
    }
}

/// What to focus, by what it is (the page knows its element).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The results' heading, when a run is done.
    Results,
    /// The start button, after a cancel.
    Start,
    /// A row's full verdict, opened.
    Detail(usize),
    /// A row's open button, after its verdict is closed.
    OpenButton(usize),
}

/// A focus request; its number changes with each request, so the same place asked
/// twice is focused twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FocusRequest {
    pub focus: Focus,
    pub number: u32,
}

#[derive(Debug, Clone)]
pub enum Action {
    Chosen(Which, Rc<Chosen>),
    Unreadable(Bilingual),
    /// The pasted links, as typed.
    LinksTyped(Rc<str>),
    /// The pasted links read: the roster they make (none if no line gave anyone) and
    /// the lines that gave no one.
    LinksRead {
        roster: Option<Rc<Chosen>>,
        problems: Vec<Bilingual>,
    },
    RemoveRecords,
    Started {
        job: u32,
        worker: Rc<Running>,
    },
    Progress {
        job: u32,
        progress: Progress,
    },
    Done {
        job: u32,
        finished: Rc<Finished>,
    },
    Failed {
        job: u32,
        message: String,
    },
    Cancel,
    View(Change),
    Open(usize),
    Close,
}

impl BatchState {
    fn focus_on(&mut self, focus: Focus) {
        let number = self.focus.map_or(0, |r| r.number + 1);
        self.focus = Some(FocusRequest { focus, number });
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
            Action::LinksTyped(text) => s.links = text,
            Action::LinksRead { roster, problems } => {
                s.file_problem = None;
                if roster.is_some() {
                    s.roster = roster;
                }
                s.link_problems = problems;
            }
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
                    s.focus_on(Focus::Results);
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
                // The page stopped the worker already (src/batch/mod.rs); dropping
                // its handle here would too.
                if let Phase::Running { .. } = &s.phase {
                    s.phase = Phase::Cancelled;
                    s.focus_on(Focus::Start);
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
                    s.focus_on(Focus::Detail(line));
                }
            }
            Action::Close => {
                if let Some(open) = s.open.take() {
                    s.focus_on(Focus::OpenButton(open.line));
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
        let mut job = crate::batch::job::Job::new(text.into(), None);
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

    #[test]
    fn pasted_links_replace_the_roster_only_when_they_give_someone() {
        let chosen = |name: &str| {
            Rc::new(Chosen {
                name: name.into(),
                text: String::new(),
            })
        };
        let problem = Bilingual::new("第 2 行".into(), "line 2".into());
        let s = Rc::new(BatchState::default())
            .reduce(Action::Chosen(Which::Roster, chosen("a.csv")))
            .reduce(Action::LinksTyped(Rc::from("x\ny")))
            .reduce(Action::LinksRead {
                roster: None,
                problems: vec![problem.clone()],
            });
        assert_eq!(s.roster.as_ref().unwrap().name, "a.csv");
        assert_eq!(&*s.links, "x\ny");
        assert_eq!(s.link_problems, [problem]);
        let s = s.reduce(Action::LinksRead {
            roster: Some(chosen("links")),
            problems: vec![],
        });
        assert_eq!(s.roster.as_ref().unwrap().name, "links");
        assert!(s.link_problems.is_empty());
        assert_eq!(&*s.links, "x\ny", "what was pasted stays");
    }
}
