//! The roster's header read once: which column holds which field, the CE columns in
//! file order, the columns this reader does not know.

use super::columns::{classify, CeColumn, Field, Kind, FIELD_COUNT};
use super::FileError;

/// The header's names as written (trimmed), one after the other in one string: a
/// header of millions of columns is not millions of strings.
#[derive(Debug, Clone, Default)]
pub(super) struct Names {
    text: String,
    /// Where each name ends in `text` (it starts where the one before ends).
    ends: Vec<usize>,
}

impl Names {
    pub(super) fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.ends.len()).map(|i| self.get(i))
    }

    fn len(&self) -> usize {
        self.ends.len()
    }
}

/// The roster's header: which column holds what.
#[derive(Debug, Clone)]
pub struct Header {
    pub(super) names: Names,
    fields: [Option<usize>; FIELD_COUNT],
    pub(super) ce: Vec<(usize, CeColumn)>,
    line: usize,
}

impl Header {
    /// Reads a header row.
    pub fn read<S: AsRef<str>>(fields: &[S], line: usize) -> Result<Header, FileError> {
        let mut names = Names::default();
        for f in fields {
            names.text.push_str(f.as_ref().trim());
            names.ends.push(names.text.len());
        }
        let mut h = Header {
            names,
            fields: [None; FIELD_COUNT],
            ce: Vec::new(),
            line,
        };
        let mut ce_seen: Option<Vec<Option<usize>>> = None;
        for (i, name) in h.names.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            match classify(name)? {
                Kind::Field(f) => {
                    if let Some(first) = h.fields[f as usize] {
                        return Err(FileError::DuplicateColumn {
                            first: h.names.get(first).to_string(),
                            second: name.to_string(),
                        });
                    }
                    h.fields[f as usize] = Some(i);
                }
                Kind::Ce(c) => {
                    // Where each CE column was seen first: a slot per possible column
                    // rather than a search of those seen (up to 3,612 of them).
                    let seen = ce_seen.get_or_insert_with(|| vec![None; CeColumn::SLOTS]);
                    if let Some(first) = seen[c.slot()] {
                        return Err(FileError::DuplicateColumn {
                            first: h.names.get(first).to_string(),
                            second: name.to_string(),
                        });
                    }
                    seen[c.slot()] = Some(i);
                    h.ce.push((i, c));
                }
                Kind::Ignored => {}
            }
        }
        let missing: Vec<ColumnName> = Field::ALL
            .iter()
            .filter(|f| f.required() && h.fields[**f as usize].is_none())
            .map(|f| column_name(*f))
            .collect();
        if !missing.is_empty() {
            return Err(FileError::MissingColumns(missing));
        }
        Ok(h)
    }

    /// The line of the header.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The index of the column holding `field`.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.fields[field as usize]
    }

    /// How the column holding `field` is named in this file (or its English name when
    /// the file has no such column).
    pub fn column_name(&self, field: Field) -> &str {
        self.column(field)
            .map_or(field.name_en(), |i| self.names.get(i))
    }

    /// The CE columns, in file order.
    pub fn ce_columns(&self) -> impl Iterator<Item = CeColumn> + '_ {
        self.ce.iter().map(|(_, c)| *c)
    }

    /// Columns this reader does not know (kept out of the check; listed as warnings).
    /// One pass over the header: the columns used are marked first.
    pub fn ignored(&self) -> Vec<&str> {
        let mut used = vec![false; self.names.len()];
        for i in self
            .fields
            .iter()
            .flatten()
            .chain(self.ce.iter().map(|(i, _)| i))
        {
            used[*i] = true;
        }
        self.names
            .iter()
            .zip(used)
            .filter(|(n, used)| !n.is_empty() && !used)
            .map(|(n, _)| n)
            .collect()
    }

    pub(super) fn width(&self) -> usize {
        self.names.len()
    }
}

/// A column named in both languages: the engine's two-language text.
pub type ColumnName = zhicheng_engine::Bi;

pub(super) fn column_name(f: Field) -> ColumnName {
    ColumnName {
        en: f.name_en().to_string(),
        zh: f.name_zh().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roster::{Roster, Warning, IGNORED_COLUMNS_NAMED};
    use zhicheng_engine::date::{MAX_YEAR, MIN_YEAR};
    use zhicheng_engine::vocab::CeCategory;

    const H: &str = "person_id,rule_set,title,birth_date,retirement_group,employment,education,work_start,engineer_obtained,assessments,sanctions,fraud_findings,exams";

    #[test]
    fn a_header_of_every_ce_column() {
        let mut names = H.split(',').map(str::to_string).collect::<Vec<_>>();
        let base = names.len();
        for year in MIN_YEAR..=MAX_YEAR {
            for &category in CeCategory::ALL {
                for online in [false, true] {
                    for authority_recognized in [false, true] {
                        let c = CeColumn {
                            year,
                            category,
                            online,
                            authority_recognized,
                        };
                        names.push(if year % 2 == 0 {
                            c.name_en()
                        } else {
                            c.name_zh()
                        });
                    }
                }
            }
        }
        names.push("部门".into());
        let h = Header::read(&names, 1).unwrap();
        assert_eq!(h.ce_columns().count(), CeColumn::SLOTS);
        assert_eq!(h.ignored(), vec!["部门"]);
        names.push("2023年专业科目".into());
        // The columns were written in the order of their slots.
        let first = CeColumn {
            year: 2023,
            category: CeCategory::Professional,
            online: false,
            authority_recognized: false,
        };
        assert_eq!(
            Header::read(&names, 1).unwrap_err(),
            FileError::DuplicateColumn {
                first: names[base + first.slot()].clone(),
                second: "2023年专业科目".into(),
            }
        );
    }

    /// Unknown columns are listed once each, in header order, however many; the

    #[test]
    fn many_unknown_columns_are_listed_in_order() {
        let mut names: Vec<String> = H.split(',').map(str::to_string).collect();
        names.extend((0..20_000).map(|i| format!("备注{i}")));
        names.insert(3, "ce_2024_professional".into());
        names.insert(5, "  ".into());
        let h = Header::read(&names, 1).unwrap();
        let ignored = h.ignored();
        assert_eq!(ignored.len(), 20_000);
        assert_eq!((ignored[0], ignored[19_999]), ("备注0", "备注19999"));
        let text = format!("{}\n", names.join(","));
        let warnings = Roster::read(&text).unwrap().header_warnings();
        assert_eq!(warnings.len(), IGNORED_COLUMNS_NAMED + 1);
        assert_eq!(
            warnings[IGNORED_COLUMNS_NAMED - 1],
            Warning::IgnoredColumn {
                column: format!("备注{}", IGNORED_COLUMNS_NAMED - 1)
            }
        );
        let more = &warnings[IGNORED_COLUMNS_NAMED];
        assert_eq!(more, &Warning::MoreIgnoredColumns { count: 19_900 });
        assert_eq!(
            more.one_line(),
            "19900 more columns are not roster columns and are ignored \
             — 另有 19900 列不是花名册的列，已忽略"
        );
        // Up to the limit, one warning a column, as ever.
        let text = format!(
            "{H},{}\n",
            (0..100)
                .map(|i| format!("x{i}"))
                .collect::<Vec<_>>()
                .join(",")
        );
        let warnings = Roster::read(&text).unwrap().header_warnings();
        assert_eq!(warnings.len(), 100);
        assert!(warnings
            .iter()
            .all(|w| matches!(w, Warning::IgnoredColumn { .. })));
    }
}
