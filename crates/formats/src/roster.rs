//! The HR roster (docs/batch.md): one CSV row per person, its columns the profile
//! fields of SPEC §2 flattened, continuing-education hours either as columns per year
//! and category (`ce_2024_professional`, `2024年专业科目`) or in a second CSV of
//! records keyed by `person_id` ([`RecordsFile`]).
//!
//! Headers and values may be written in English (the JSON names) or Chinese, the way
//! an HR officer fills in a spreadsheet: `高级工程师`, `本科`, `是`/`否`, `2024/5/10`.
//! The roster is read lazily ([`Roster`] is an iterator), so a large file is never
//! held as profiles all at once. A bad row becomes an [`Entry`] with a [`RowError`]
//! (line, column, reason in English and Chinese) and does not stop the others.
//! [`row_for`] writes a profile as a row (the HR export; `roster/export.rs`), and
//! [`merge`] joins files with the same header (several people's exports) into one.
//!
//! Its modules, by concern: `columns` (the fields and CE columns a header may name),
//! `header` (a header read once), `errors` (file and row errors, warnings), `records`
//! (the CE records file keyed by person), `rows` (one row's cells into a profile),
//! `values` (the vocabularies and list cells as HR officers write them; dates,
//! years, hours and yes/no are [`crate::lenient`]'s) and `ids` (person ids found by
//! hash), `export` and `merge`; this file holds the reader itself ([`Roster`]).

mod columns;
mod errors;
mod export;
mod header;
mod ids;
mod merge;
mod records;
mod rows;
mod values;

pub use columns::{CeColumn, Field};
pub use errors::{FileError, Problem, RowError, Warning};
pub use export::{default_person_id, export_file, export_header, row_for};
pub use header::{ColumnName, Header};
pub use merge::{merge, MergeError, Part};
pub use records::RecordsFile;

use crate::csv::{self, Record};
use ids::Ids;
use rows::RowReader;
use zhicheng_engine::profile::MAX_ITEMS;
use zhicheng_engine::{InputErrorKind, Profile};

/// The largest roster or records file accepted, in bytes (decimal MB, as the messages
/// say). A file this size holds about a million people; larger ones are refused with
/// [`FileError::TooLarge`] before they are decoded.
pub const MAX_FILE_BYTES: usize = 200_000_000;

/// The longest `person_id` accepted, in characters.
pub const MAX_ID_CHARS: usize = 100;

/// How many columns the reader does not know are named one by one in the warnings
/// ([`Roster::header_warnings`]); any more are counted in one warning. A header of
/// millions of one-letter columns made millions of warnings (200 MB of them on
/// standard error, and a batch page summary larger than its JSON reader takes).
pub const IGNORED_COLUMNS_NAMED: usize = 100;

/// One row of the roster: who, and their profile or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub line: usize,
    /// As written (trimmed); empty when the row has none.
    pub person_id: String,
    /// As written (trimmed); may be empty.
    pub name: String,
    pub profile: Result<Profile, RowError>,
}

/// A roster read part of the way, kept without the text it borrows
/// ([`Roster::pause`]); [`Roster::resume`] goes on from the next row on the same text,
/// with the same line numbers and the same check for a repeated `person_id`. For a
/// caller that checks a large roster in chunks across calls (the browser's batch
/// worker keeps the text and this between its steps).
#[derive(Debug, Clone)]
pub struct Paused {
    header: Header,
    place: csv::Place,
    seen: Seen,
    stopped_at: Option<usize>,
}

/// The person ids of the rows read so far, each with its line.
#[derive(Debug, Clone, Default)]
struct Seen {
    ids: Ids,
    /// The line of each id (by its number).
    lines: Vec<usize>,
}

/// A roster being read: an iterator of [`Entry`]s, one per non-blank row.
pub struct Roster<'a> {
    header: Header,
    rows: csv::Rows<'a>,
    records: Option<&'a RecordsFile>,
    seen: Seen,
    stopped_at: Option<usize>,
}

impl<'a> Roster<'a> {
    /// Reads the header of decoded roster text; the rows are read as the roster is
    /// iterated.
    pub fn read(text: &'a str) -> Result<Roster<'a>, FileError> {
        let mut rows = csv::rows(text);
        let header = loop {
            match rows.next() {
                None => return Err(FileError::Empty),
                Some(Err(e)) => return Err(FileError::NotCsv(e)),
                Some(Ok(r)) if r.is_blank() => continue,
                Some(Ok(r)) => break r,
            }
        };
        let header = Header::read(&header.fields, header.line)?;
        Ok(Roster {
            header,
            rows,
            records: None,
            seen: Seen::default(),
            stopped_at: None,
        })
    }

    /// Stops reading here, keeping what the next rows need (see [`Paused`]); the
    /// records file, if any, is given again to the resumed roster.
    pub fn pause(self) -> Paused {
        Paused {
            header: self.header,
            place: self.rows.place(),
            seen: self.seen,
            stopped_at: self.stopped_at,
        }
    }

    /// Goes on reading `text`, the text the paused roster was reading, from its next
    /// row.
    pub fn resume(text: &'a str, paused: Paused) -> Roster<'a> {
        Roster {
            header: paused.header,
            rows: csv::Rows::resume(text, paused.place),
            records: None,
            seen: paused.seen,
            stopped_at: paused.stopped_at,
        }
    }

    /// Takes CE hours from `records` as well (added to any CE columns of the roster).
    pub fn with_records(mut self, records: &'a RecordsFile) -> Roster<'a> {
        self.records = Some(records);
        self
    }

    pub fn header(&self) -> &Header {
        &self.header
    }

    /// How many bytes of the text have been read (for progress).
    pub fn position(&self) -> usize {
        self.rows.position()
    }

    /// The line of a CSV error that stopped the reading early, if one did.
    pub fn stopped_at(&self) -> Option<usize> {
        self.stopped_at
    }

    /// Warnings about the header (known at once): each column this reader does not
    /// know, the first [`IGNORED_COLUMNS_NAMED`] by name and any more in one warning.
    pub fn header_warnings(&self) -> Vec<Warning> {
        let ignored = self.header.ignored();
        let mut out: Vec<Warning> = ignored
            .iter()
            .take(IGNORED_COLUMNS_NAMED)
            .map(|c| Warning::IgnoredColumn {
                column: c.to_string(),
            })
            .collect();
        if ignored.len() > IGNORED_COLUMNS_NAMED {
            out.push(Warning::MoreIgnoredColumns {
                count: ignored.len() - IGNORED_COLUMNS_NAMED,
            });
        }
        out
    }

    /// Warnings about the records file, complete once the roster has been read to
    /// the end: records without a person, records of people not in the roster.
    pub fn records_warnings(&self) -> Vec<Warning> {
        let Some(records) = self.records else {
            return Vec::new();
        };
        let mut out: Vec<Warning> = records
            .without_person
            .iter()
            .map(|&line| Warning::RecordWithoutPerson { line })
            .collect();
        // By the line of each person's first record: the order their ids were numbered.
        out.extend(
            records
                .people
                .iter()
                .enumerate()
                .map(|(i, p)| (records.ids.get(i), p))
                .filter(|(id, _)| self.seen.ids.find(id).is_none())
                .map(|(id, p)| Warning::RecordsForUnknownPerson {
                    person_id: id.to_string(),
                    line: p.first_line,
                    count: p.records.len() + usize::from(p.error.is_some()),
                }),
        );
        out
    }

    fn entry(&mut self, rec: Record<'_>) -> Entry {
        // As written, less the `'` guard a formula-like value gets when written
        // (`csv::cell`, and `row_for`), so that an export reads back as it was.
        let person_id = self
            .header
            .column(Field::PersonId)
            .map_or("", |i| csv::unguard(rec.get(i).trim()))
            .to_string();
        let name = self
            .header
            .column(Field::Name)
            .map_or("", |i| csv::unguard(rec.get(i).trim()))
            .to_string();
        let profile = self.profile(&rec, &person_id);
        Entry {
            line: rec.line,
            person_id,
            name,
            profile,
        }
    }

    fn profile(&mut self, rec: &Record<'_>, id: &str) -> Result<Profile, RowError> {
        let line = rec.line;
        let width = self.header.width();
        if rec.fields.len() > width && rec.fields[width..].iter().any(|f| !f.trim().is_empty()) {
            return Err(RowError {
                line,
                column: None,
                problem: Problem::TooManyFields {
                    found: rec.fields.len(),
                    expected: width,
                },
            });
        }
        let id_error = |problem| RowError {
            line,
            column: Some(self.header.column_name(Field::PersonId).to_string()),
            problem,
        };
        if id.is_empty() {
            return Err(id_error(Problem::Input(InputErrorKind::Missing)));
        }
        if id.chars().count() > MAX_ID_CHARS {
            return Err(id_error(Problem::Input(InputErrorKind::TextTooLong {
                max: MAX_ID_CHARS,
            })));
        }
        match self.seen.ids.insert(id) {
            (i, false) => {
                return Err(id_error(Problem::DuplicateId {
                    first_line: self.seen.lines[i],
                }))
            }
            (_, true) => self.seen.lines.push(line),
        }
        let mut profile = RowReader {
            header: &self.header,
            rec,
        }
        .profile()?;
        if let Some(person) = self.records.and_then(|r| r.person(id)) {
            if let Some(e) = &person.error {
                return Err(RowError {
                    line,
                    column: None,
                    problem: Problem::Records(e.clone()),
                });
            }
            profile.ce_records.extend(person.records.iter().cloned());
        }
        if profile.ce_records.len() > MAX_ITEMS {
            return Err(RowError {
                line,
                column: None,
                problem: Problem::Input(InputErrorKind::TooManyItems { max: MAX_ITEMS }),
            });
        }
        Ok(profile)
    }
}

impl Iterator for Roster<'_> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            match self.rows.next()? {
                Ok(rec) if rec.is_blank() => continue,
                Ok(rec) => return Some(self.entry(rec)),
                Err(e) => {
                    let line = e.line();
                    self.stopped_at = Some(line);
                    return Some(Entry {
                        line,
                        person_id: String::new(),
                        name: String::new(),
                        profile: Err(RowError {
                            line,
                            column: None,
                            problem: Problem::NotCsv(e),
                        }),
                    });
                }
            }
        }
    }
}
