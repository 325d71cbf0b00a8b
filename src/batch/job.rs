//! A batch job, checked a chunk of rows at a time: the roster (and CE records) text
//! in, each chunk's rows as JSON, then the summary and the results CSV. The pure part
//! ([`Job`]) is tested natively; [`BatchJob`] exports it to JavaScript for
//! www/batch-worker.js, which runs the app's own wasm in a Web Worker.

use wasm_bindgen::prelude::*;
use zhicheng_formats::batch::{self, Tally};
use zhicheng_formats::results;
use zhicheng_formats::roster::{FileError, Paused, RecordsFile, Roster};

use super::report::{rows_json, FileFailure, Row, Summary, Which};

/// How far a job has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// People checked so far.
    pub checked: usize,
    /// Bytes of the roster read so far, of `total`.
    pub read: usize,
    pub total: usize,
    pub finished: bool,
}

enum Stage {
    Reading(Box<Paused>),
    Finished { stopped_at: Option<usize> },
    Failed(FileFailure),
}

/// A roster being checked (see the module's documentation).
pub struct Job {
    roster: String,
    records: Option<RecordsFile>,
    stage: Stage,
    tally: Tally,
    warnings: Vec<super::report::Bilingual>,
    /// The rows of the last step, not yet taken.
    rows: Vec<Row>,
    csv: String,
    read: usize,
}

impl Job {
    /// Reads the header of the roster and the whole records file, if any; a file that
    /// cannot be used makes a job that is finished at once with a failure.
    pub fn new(roster: String, records: Option<String>) -> Job {
        let mut job = Job {
            roster,
            records: None,
            stage: Stage::Finished { stopped_at: None },
            tally: Tally::default(),
            warnings: Vec::new(),
            rows: Vec::new(),
            csv: results::header(),
            read: 0,
        };
        if let Some(text) = records {
            match RecordsFile::read(&text) {
                Ok(r) => job.records = Some(r),
                Err(e) => {
                    job.stage = Stage::Failed(FileFailure::new(Which::Records, &e));
                    return job;
                }
            }
        }
        job.stage = match Roster::read(&job.roster) {
            Ok(roster) => {
                job.warnings = roster
                    .header_warnings()
                    .iter()
                    .map(Summary::warning)
                    .collect();
                Stage::Reading(Box::new(roster.pause()))
            }
            Err(e) => Stage::Failed(FileFailure::new(Which::Roster, &e)),
        };
        job
    }

    /// Checks up to `max_rows` more people.
    pub fn step(&mut self, max_rows: usize) -> Progress {
        let stage = std::mem::replace(&mut self.stage, Stage::Finished { stopped_at: None });
        let Stage::Reading(paused) = stage else {
            self.stage = stage;
            return self.progress();
        };
        let mut roster = Roster::resume(&self.roster, *paused);
        if let Some(records) = &self.records {
            roster = roster.with_records(records);
        }
        let mut finished = false;
        for _ in 0..max_rows {
            let Some(entry) = roster.next() else {
                finished = true;
                break;
            };
            let checked = batch::check(roster.header(), entry);
            self.tally.add(&checked);
            results::write_row(&mut self.csv, &checked);
            self.rows.push(Row::of(&checked));
        }
        self.read = roster.position();
        self.stage = if !finished {
            Stage::Reading(Box::new(roster.pause()))
        } else if self.tally.total() == 0 {
            Stage::Failed(FileFailure::new(Which::Roster, &FileError::NoPeople))
        } else {
            self.warnings
                .extend(roster.records_warnings().iter().map(Summary::warning));
            Stage::Finished {
                stopped_at: roster.stopped_at(),
            }
        };
        self.progress()
    }

    pub fn progress(&self) -> Progress {
        Progress {
            checked: self.tally.total(),
            read: self.read,
            total: self
                .roster
                .strip_prefix('\u{feff}')
                .unwrap_or(&self.roster)
                .len(),
            finished: !matches!(self.stage, Stage::Reading(_)),
        }
    }

    /// The rows checked since the last call.
    pub fn take_rows(&mut self) -> Vec<Row> {
        std::mem::take(&mut self.rows)
    }

    /// The tally, warnings, and why a file could not be used (complete once finished).
    pub fn summary(&self) -> Summary {
        let (stopped_at, failure) = match &self.stage {
            Stage::Reading(_) => (None, None),
            Stage::Finished { stopped_at } => (*stopped_at, None),
            Stage::Failed(f) => (None, Some(f.clone())),
        };
        Summary {
            tally: self.tally,
            warnings: self.warnings.clone(),
            stopped_at,
            failure,
        }
    }

    /// The results CSV so far (docs/batch.md §5): BOM, header, a row per person.
    pub fn results_csv(&self) -> &str {
        &self.csv
    }
}

/// [`Job`] for JavaScript (www/batch-worker.js): plain numbers and strings only, so
/// everything it gives can be posted from the worker to the page as it is.
#[wasm_bindgen]
pub struct BatchJob(Job);

// Called from JavaScript only: natively (cargo test, clippy) nothing calls these.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
#[wasm_bindgen]
impl BatchJob {
    /// `new BatchJob(rosterText, recordsText?)`: decoded CSV text.
    #[wasm_bindgen(constructor)]
    pub fn new(roster: String, records: Option<String>) -> BatchJob {
        BatchJob(Job::new(roster, records))
    }

    /// Checks up to `max_rows` more people; `true` once the job is finished.
    pub fn step(&mut self, max_rows: u32) -> bool {
        self.0.step(max_rows as usize).finished
    }

    /// People checked so far.
    #[wasm_bindgen(getter)]
    pub fn checked(&self) -> u32 {
        self.0.progress().checked as u32
    }

    /// Bytes of the roster read so far.
    #[wasm_bindgen(getter)]
    pub fn read(&self) -> f64 {
        self.0.progress().read as f64
    }

    /// Bytes of the roster in all.
    #[wasm_bindgen(getter)]
    pub fn total(&self) -> f64 {
        self.0.progress().total as f64
    }

    /// The rows checked since the last call, as a JSON array (`batch::report`).
    #[wasm_bindgen(js_name = takeRows)]
    pub fn take_rows(&mut self) -> String {
        rows_json(&self.0.take_rows())
    }

    /// The summary as JSON (`batch::report::Summary`).
    pub fn summary(&self) -> String {
        self.0.summary().to_json()
    }

    /// The results CSV (UTF-8 text starting with a BOM).
    #[wasm_bindgen(js_name = resultsCsv)]
    pub fn results_csv(&self) -> String {
        self.0.results_csv().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::report::{rows_from_json, Outcome, RowStatus};
    use zhicheng_formats::batch::Batch;

    const TEMPLATE: &str = include_str!("../../www/roster-template.csv");

    fn run(job: &mut Job, chunk: usize) -> Vec<Row> {
        let mut rows = Vec::new();
        loop {
            let p = job.step(chunk);
            let taken = rows_json(&job.take_rows());
            rows.extend(rows_from_json(&taken).unwrap());
            if p.finished {
                return rows;
            }
            assert!(p.read <= p.total);
        }
    }

    #[test]
    fn chunks_give_what_the_batch_gives_at_once() {
        let expected: Vec<_> = Batch::new(Roster::read(TEMPLATE).unwrap()).collect();
        for chunk in [1, 2, 5, 100] {
            let mut job = Job::new(TEMPLATE.to_string(), None);
            let rows = run(&mut job, chunk);
            assert_eq!(rows, expected.iter().map(Row::of).collect::<Vec<_>>());
            assert_eq!(
                job.results_csv(),
                results::to_csv(&expected),
                "chunk {chunk}"
            );
            let summary = job.summary();
            assert_eq!(summary.tally.total(), 5);
            assert_eq!(summary.failure, None);
            assert_eq!(job.progress().read, job.progress().total);
        }
    }

    #[test]
    fn a_bad_row_is_kept_with_its_line_and_records_are_used() {
        let roster = "person_id,rule_set,title,birth_date,retirement_group,employment,education,work_start\n\
                      A1,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01\n\
                      A2,sx-2020,技术员,1990-02-30,男,企业,本科,2019-07-01\n\
                      A3,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01\n";
        let records = "person_id,year,category,hours\nA9,2019,专业科目,30\n";
        let mut job = Job::new(roster.into(), Some(records.into()));
        let rows = run(&mut job, 1);
        let statuses: Vec<_> = rows.iter().map(|r| r.status()).collect();
        assert_eq!(statuses[1], RowStatus::Error);
        assert_ne!(statuses[2], RowStatus::Error);
        let Outcome::Error(e) = &rows[1].outcome else {
            panic!()
        };
        assert!(e.zh.starts_with("第 3 行：“birth_date”列"), "{}", e.zh);
        // A9 is not in the roster: a warning.
        let summary = job.summary();
        assert_eq!(summary.warnings.len(), 1);
        assert!(summary.warnings[0].en.contains("A9"));
    }

    #[test]
    fn files_that_cannot_be_used_fail_at_once() {
        let mut job = Job::new("name\nx\n".into(), None);
        assert!(job.progress().finished);
        assert!(job.step(10).finished);
        let failure = job.summary().failure.unwrap();
        assert_eq!(failure.file, Which::Roster);
        assert!(failure.reason.en.contains("person_id"));

        let mut job = Job::new(TEMPLATE.into(), Some("year\n".into()));
        assert!(job.step(10).finished);
        assert_eq!(job.summary().failure.unwrap().file, Which::Records);

        let header_only = TEMPLATE.lines().next().unwrap().to_string() + "\n\n";
        let mut job = Job::new(header_only, None);
        assert!(job.step(10).finished);
        assert_eq!(
            job.summary().failure.unwrap().reason.en,
            FileError::NoPeople.message_en()
        );
    }

    #[test]
    fn an_unclosed_quote_stops_the_reading_after_the_rows_before_it() {
        let mut text = TEMPLATE.to_string();
        text.push_str("\"open,\n");
        let mut job = Job::new(text, None);
        let rows = run(&mut job, 2);
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[5].status(), RowStatus::Error);
        assert_eq!(job.summary().stopped_at, Some(7));
    }
}
