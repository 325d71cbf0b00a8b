//! The CE records file of a roster: the CE import's columns plus `person_id`, read
//! whole and kept by person.

use super::columns::{header_key, Field};
use super::header::{column_name, ColumnName};
use super::ids::Ids;
use super::FileError;
use crate::ce_csv;
use crate::csv;
use std::borrow::Cow;
use zhicheng_engine::profile::CeRecord;

/// The CE records of one person from a records file.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct PersonRecords {
    pub(super) first_line: usize,
    pub(super) records: Vec<CeRecord>,
    pub(super) error: Option<ce_csv::LineError>,
}

/// A CE records file keyed by person: the columns of the CE records import
/// ([`crate::ce_csv`]: year, category, hours, online, authority_recognized, note) plus
/// `person_id`. Read whole (a person's records may be anywhere in it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordsFile {
    /// The person ids, numbered in the order first seen (so by their first line).
    pub(super) ids: Ids,
    /// Each person's records, by the number of their id.
    pub(super) people: Vec<PersonRecords>,
    pub(super) without_person: Vec<usize>,
    records: usize,
}

impl RecordsFile {
    /// Reads a records file from decoded text.
    pub fn read(text: &str) -> Result<RecordsFile, FileError> {
        let mut rows = csv::rows(text);
        let header = loop {
            match rows.next() {
                None => return Err(FileError::Empty),
                Some(Err(e)) => return Err(FileError::NotCsv(e)),
                Some(Ok(r)) if r.is_blank() => continue,
                Some(Ok(r)) => break r,
            }
        };
        let keys: Vec<Cow<str>> = header.fields.iter().map(|f| header_key(f)).collect();
        let id_col = keys
            .iter()
            .position(|k| Field::find(k) == Some(Field::PersonId));
        let index = ce_csv::columns(&header.fields, header.line);
        let (id_col, index) = match (id_col, index) {
            (Some(i), Ok(index)) => (i, index),
            (id, index) => {
                let mut missing = Vec::new();
                if id.is_none() {
                    missing.push(column_name(Field::PersonId));
                }
                if let Err(errors) = index {
                    for e in errors {
                        match e.problem {
                            ce_csv::Problem::MissingColumn(c) => missing.push(ColumnName {
                                en: c.name_en().to_string(),
                                zh: c.name_zh().to_string(),
                            }),
                            ce_csv::Problem::DuplicateColumn(c) => {
                                return Err(FileError::DuplicateColumn {
                                    first: c.name_en().to_string(),
                                    second: c.name_en().to_string(),
                                })
                            }
                            _ => {}
                        }
                    }
                }
                return Err(FileError::MissingColumns(missing));
            }
        };
        let width = header.fields.len();
        let mut out = RecordsFile::default();
        let mut any = false;
        for row in rows {
            let row = row.map_err(FileError::NotCsv)?;
            if row.is_blank() {
                continue;
            }
            any = true;
            let id = row.get(id_col).trim();
            if id.is_empty() {
                out.without_person.push(row.line);
                continue;
            }
            let (i, new) = out.ids.insert(id);
            if new {
                out.people.push(PersonRecords {
                    first_line: row.line,
                    ..PersonRecords::default()
                });
            }
            let person = &mut out.people[i];
            match ce_csv::record(&row.fields, &index, width) {
                Ok(r) => {
                    person.records.push(r);
                    out.records += 1;
                }
                Err(problem) => {
                    person.error.get_or_insert(ce_csv::LineError {
                        line: row.line,
                        problem,
                    });
                }
            }
        }
        if !any {
            return Err(FileError::NoRecords);
        }
        Ok(out)
    }

    /// How many records were read.
    pub fn len(&self) -> usize {
        self.records
    }

    pub fn is_empty(&self) -> bool {
        self.records == 0
    }

    /// How many people have records.
    pub fn people(&self) -> usize {
        self.ids.len()
    }

    /// The records of the person with this id.
    pub(super) fn person(&self, id: &str) -> Option<&PersonRecords> {
        self.ids.find(id).map(|i| &self.people[i])
    }
}
