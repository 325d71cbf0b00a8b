//! Continuing-education records from CSV: Chinese or English headers and values,
//! every bad line reported by number and reason, the good ones imported.

use crate::csv;
use crate::lenient::{self, Refusal};
use std::borrow::Cow;
use std::fmt;
use zhicheng_engine::profile::{CeRecord, MAX_TEXT_CHARS};
use zhicheng_engine::sort;
use zhicheng_engine::vocab::CeCategory;
use zhicheng_engine::{Bi, Hours};

/// The downloadable template (UTF-8 with BOM so Excel opens it right).
pub const TEMPLATE: &str = "\u{feff}年度,类别,学时,网络课件,主管部门认可,备注\r\n\
2024,专业科目,24,否,否,示例：专业课程（可删除本行）\r\n\
2024,行业公需科目,8,是,否,示例：网络课件\r\n\
2024,一般公需科目,12,否,否,示例：一般公需科目\r\n";

/// A column of the records file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Year,
    Category,
    Hours,
    Online,
    AuthorityRecognized,
    Note,
}

impl Column {
    const ALL: [Column; 6] = [
        Column::Year,
        Column::Category,
        Column::Hours,
        Column::Online,
        Column::AuthorityRecognized,
        Column::Note,
    ];

    /// Header names accepted for the column (compared without case and spaces).
    fn names(self) -> &'static [&'static str] {
        match self {
            Column::Year => &["year", "年度", "年份", "学时年度"],
            Column::Category => &["category", "类别", "科目类别", "科目"],
            Column::Hours => &["hours", "学时", "学时数"],
            Column::Online => &["online", "网络课件", "网络", "线上", "是否网络课件"],
            Column::AuthorityRecognized => &[
                "authority_recognized",
                "主管部门认可",
                "认可",
                "主管部门提供或认可",
            ],
            Column::Note => &["note", "备注", "课程名称", "course"],
        }
    }

    pub fn name_en(self) -> &'static str {
        self.names()[0]
    }

    pub fn name_zh(self) -> &'static str {
        self.names()[1]
    }

    /// The column a header names, if any (compared without case and spaces). The
    /// names are written squashed (tested), so a header costs one `squash` per
    /// column, however wide.
    pub(crate) fn find(name: &str) -> Option<Column> {
        let name = squash(name);
        Column::ALL
            .iter()
            .copied()
            .find(|c| c.names().contains(&name.as_ref()))
    }

    fn required(self) -> bool {
        matches!(self, Column::Year | Column::Category | Column::Hours)
    }

    /// How a message names the column before a refused value ([`Refusal::after`]).
    fn subject(self) -> Bi {
        match self {
            Column::Year => Bi::new("年度".into(), "year".into()),
            Column::Hours => Bi::new("学时".into(), "hours".into()),
            c => Bi::new(
                format!("“{}”的值", c.name_zh()),
                format!("`{}`", c.name_en()),
            ),
        }
    }
}

/// Why a line was not imported.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The text is not CSV (an unclosed quote, …).
    NotCsv(csv::CsvError),
    /// The header lacks a required column.
    MissingColumn(Column),
    /// A header names the same column twice.
    DuplicateColumn(Column),
    /// The file has a header and nothing else.
    NoRecords,
    Missing(Column),
    Category(String),
    /// A year, hours or yes/no the lenient reader refused (its words, after the
    /// column's name).
    Value(Column, Refusal),
    NoteTooLong,
    TooManyFields {
        found: usize,
        expected: usize,
    },
}

/// A line that was not imported, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LineError {
    pub line: usize,
    pub problem: Problem,
}

impl LineError {
    pub fn message_en(&self) -> String {
        let what = match &self.problem {
            Problem::NotCsv(e) => return e.to_string(),
            Problem::MissingColumn(c) => format!("the header has no `{}` (or `{}`) column", c.name_en(), c.name_zh()),
            Problem::DuplicateColumn(c) => format!("the header names `{}` twice", c.name_en()),
            Problem::NoRecords => "the file has no records".to_string(),
            Problem::Missing(c) => format!("`{}` is empty", c.name_en()),
            Problem::Category(v) => format!(
                "category \"{v}\" is not professional, industry_public or general_public (专业科目, 行业公需科目, 一般公需科目)"
            ),
            Problem::Value(c, r) => r.after(c.subject().as_str()).en,
            Problem::NoteTooLong => format!("the note is longer than {MAX_TEXT_CHARS} characters"),
            Problem::TooManyFields { found, expected } => format!("{found} fields, the header has {expected}"),
        };
        format!("line {}: {what}", self.line)
    }

    pub fn message_zh(&self) -> String {
        let what = match &self.problem {
            Problem::NotCsv(e) => return e.message_zh(),
            Problem::MissingColumn(c) => format!("表头缺少“{}”列", c.name_zh()),
            Problem::DuplicateColumn(c) => format!("表头中“{}”列出现两次", c.name_zh()),
            Problem::NoRecords => "文件中没有学时记录".to_string(),
            Problem::Missing(c) => format!("“{}”为空", c.name_zh()),
            Problem::Category(v) => format!("类别“{v}”应为 专业科目、行业公需科目 或 一般公需科目"),
            Problem::Value(c, r) => r.after(c.subject().as_str()).zh,
            Problem::NoteTooLong => format!("备注超过 {MAX_TEXT_CHARS} 个字符"),
            Problem::TooManyFields { found, expected } => {
                format!("有 {found} 个字段，表头只有 {expected} 列")
            }
        };
        format!("第 {} 行：{what}", self.line)
    }
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

/// A line imported that repeats an earlier one (imported all the same: two courses
/// can have the same hours, but the user should look).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub line: usize,
    pub same_as: usize,
}

/// What an import produced.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Import {
    pub records: Vec<CeRecord>,
    /// The line each record came from.
    pub lines: Vec<usize>,
    pub errors: Vec<LineError>,
    pub repeats: Vec<Repeat>,
}

/// A name or value as compared: no spaces, ASCII lower case, full-width forms
/// [`narrow`](lenient::narrow)ed. Borrowed when it is already so (ASCII without spaces
/// or capitals: most cells, and no copy per cell).
pub(crate) fn squash(s: &str) -> Cow<'_, str> {
    if s.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_whitespace() && !b.is_ascii_uppercase())
    {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(lenient::narrow)
            .filter(|c| !c.is_whitespace())
            // Every column's name is ASCII or Chinese: ASCII lower case matches them all
            // (and keeps the Unicode case tables out of the wasm).
            .map(|c| c.to_ascii_lowercase())
            .collect(),
    )
}

/// Reads CE records from decoded CSV text.
pub fn import(text: &str) -> Import {
    let mut out = Import::default();
    // The whole text is split first (a CSV error imports nothing), into fields
    // borrowed from it: no string per cell.
    let rows = match csv::rows(text).collect::<Result<Vec<_>, _>>() {
        Ok(rows) => rows,
        Err(e) => {
            out.errors.push(LineError {
                line: e.line(),
                problem: Problem::NotCsv(e),
            });
            return out;
        }
    };
    let mut rows = rows.into_iter().filter(|r| !r.is_blank());
    let Some(header) = rows.next() else {
        out.errors.push(LineError {
            line: 1,
            problem: Problem::NoRecords,
        });
        return out;
    };
    let index = match columns(&header.fields, header.line) {
        Ok(index) => index,
        Err(errors) => {
            out.errors = errors;
            return out;
        }
    };
    let width = header.fields.len();
    let mut any = false;
    for row in rows {
        any = true;
        match record(&row.fields, &index, width) {
            Ok(rec) => {
                out.records.push(rec);
                out.lines.push(row.line);
            }
            Err(problem) => out.errors.push(LineError {
                line: row.line,
                problem,
            }),
        }
    }
    if !any {
        out.errors.push(LineError {
            line: header.line,
            problem: Problem::NoRecords,
        });
    }
    out.repeats = repeats(&out.records, &out.lines);
    out
}

/// Each record equal to an earlier one, with the line of the first of them, in the
/// order of the lines. The records are sorted by value (stably, so the first of equal
/// ones leads its group): O(n log n), where comparing each record with every earlier
/// one took minutes for a file of 200,000 different courses.
fn repeats(records: &[CeRecord], lines: &[usize]) -> Vec<Repeat> {
    // Equal keys are exactly equal records: every field of `CeRecord` (a field added
    // to it stops this from compiling until it is added here).
    fn key(r: &CeRecord) -> (i32, CeCategory, Hours, bool, bool, Option<&str>) {
        let CeRecord {
            year,
            category,
            hours,
            online,
            authority_recognized,
            note,
        } = r;
        (
            *year,
            *category,
            *hours,
            *online,
            *authority_recognized,
            note.as_deref(),
        )
    }
    let mut order: Vec<usize> = (0..records.len()).collect();
    sort::stable_by_key(&mut order, |&i| key(&records[i]));
    // The first record equal to each record (itself when it has no earlier equal).
    let mut first: Vec<usize> = (0..records.len()).collect();
    for pair in order.windows(2) {
        if key(&records[pair[0]]) == key(&records[pair[1]]) {
            first[pair[1]] = first[pair[0]];
        }
    }
    first
        .iter()
        .enumerate()
        .filter(|(i, f)| *i != **f)
        .map(|(i, &f)| Repeat {
            line: lines[i],
            same_as: lines[f],
        })
        .collect()
}

/// Where each column is in a header (ignoring columns it does not know), or why the
/// header will not do.
pub(crate) fn columns<S: AsRef<str>>(
    header: &[S],
    line: usize,
) -> Result<[Option<usize>; 6], Vec<LineError>> {
    let mut errors = Vec::new();
    let mut index: [Option<usize>; 6] = [None; 6];
    for (i, name) in header.iter().enumerate() {
        if let Some(col) = Column::find(name.as_ref()) {
            let slot = &mut index[col as usize];
            if slot.is_some() {
                errors.push(LineError {
                    line,
                    problem: Problem::DuplicateColumn(col),
                });
            }
            *slot = Some(i);
        }
    }
    for col in Column::ALL {
        if col.required() && index[col as usize].is_none() {
            errors.push(LineError {
                line,
                problem: Problem::MissingColumn(col),
            });
        }
    }
    if errors.is_empty() {
        Ok(index)
    } else {
        Err(errors)
    }
}

/// One record from the fields of a line (`width`: the header's).
pub(crate) fn record<S: AsRef<str>>(
    fields: &[S],
    index: &[Option<usize>; 6],
    width: usize,
) -> Result<CeRecord, Problem> {
    if fields.len() > width
        && fields[width..]
            .iter()
            .any(|f| !f.as_ref().trim().is_empty())
    {
        return Err(Problem::TooManyFields {
            found: fields.len(),
            expected: width,
        });
    }
    let get = |col: Column| -> &str {
        index[col as usize]
            .and_then(|i| fields.get(i))
            .map_or("", |s| s.as_ref().trim())
    };
    let need = |col: Column| -> Result<&str, Problem> {
        let v = get(col);
        if v.is_empty() {
            Err(Problem::Missing(col))
        } else {
            Ok(v)
        }
    };
    let year = lenient::year(need(Column::Year)?)
        .map_err(|r| Problem::Value(Column::Year, r))?
        .ok_or(Problem::Missing(Column::Year))?;
    let cat_text = need(Column::Category)?;
    let category = category(cat_text).ok_or_else(|| Problem::Category(cat_text.to_string()))?;
    let hours = lenient::hours(need(Column::Hours)?)
        .map_err(|r| Problem::Value(Column::Hours, r))?
        .ok_or(Problem::Missing(Column::Hours))?;
    // Yes or no, empty is no.
    let flag = |col: Column| -> Result<bool, Problem> {
        lenient::yes_no(get(col))
            .map(|b| b.unwrap_or(false))
            .map_err(|r| Problem::Value(col, r))
    };
    let online = flag(Column::Online)?;
    let authority_recognized = flag(Column::AuthorityRecognized)?;
    let note = csv::unguard(get(Column::Note));
    if note.chars().count() > MAX_TEXT_CHARS {
        return Err(Problem::NoteTooLong);
    }
    Ok(CeRecord {
        year,
        category,
        hours,
        online,
        authority_recognized,
        note: (!note.is_empty()).then(|| note.to_string()),
    })
}

pub(crate) fn category(s: &str) -> Option<CeCategory> {
    let s = squash(s);
    CeCategory::parse(&s).or(match s.as_ref() {
        "专业科目" | "专业" | "专业课" => Some(CeCategory::Professional),
        "行业公需科目" | "行业公需" | "industry" => Some(CeCategory::IndustryPublic),
        "一般公需科目" | "一般公需" | "general" => Some(CeCategory::GeneralPublic),
        _ => None,
    })
}

/// Records as CSV in the template's layout (for a download of what was entered).
pub fn export(records: &[CeRecord]) -> String {
    let mut out = String::from("\u{feff}");
    out += &csv::row(&["年度", "类别", "学时", "网络课件", "主管部门认可", "备注"]);
    for r in records {
        let yes = |b: bool| if b { "是" } else { "否" };
        out += &csv::row(&[
            r.year.to_string(),
            r.category.label_zh().to_string(),
            r.hours.to_string(),
            yes(r.online).to_string(),
            yes(r.authority_recognized).to_string(),
            r.note.clone().unwrap_or_default(),
        ]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhicheng_engine::Hours;

    #[test]
    fn the_template_imports() {
        let imp = import(TEMPLATE);
        assert!(imp.errors.is_empty(), "{:?}", imp.errors);
        assert_eq!(imp.records.len(), 3);
        assert_eq!(imp.records[1].category, CeCategory::IndustryPublic);
        assert!(imp.records[1].online);
        assert_eq!(import(&export(&imp.records)).records, imp.records);
    }

    #[test]
    fn bad_lines_are_reported_and_good_ones_imported() {
        let text = "year,category,hours,online\n2024,professional,24,no\n2024,unknown,8,no\n2024,general_public,-3,no\n\n2023,专业科目,1.25,否\n2023,一般公需,１２．５,是\n20x4,professional,1,no\n";
        let imp = import(text);
        assert_eq!(imp.records.len(), 2);
        assert_eq!(imp.lines, vec![2, 7]);
        assert_eq!(imp.records[1].hours, Hours::from_tenths(125));
        let lines: Vec<usize> = imp.errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 4, 6, 8]);
        assert!(imp.errors[1]
            .message_en()
            .contains("must be greater than 0"));
        assert!(imp.errors[2].message_zh().contains("第 6 行"));
    }

    #[test]
    fn header_problems_stop_the_import() {
        let imp = import("年度,学时\n2024,10\n");
        assert_eq!(
            imp.errors,
            vec![LineError {
                line: 1,
                problem: Problem::MissingColumn(Column::Category)
            }]
        );
        assert_eq!(import("").errors[0].problem, Problem::NoRecords);
        assert_eq!(
            import("year,category,hours\n").errors[0].problem,
            Problem::NoRecords
        );
    }

    /// Found by fuzzing (fuzz/corpus/ce_csv/regression-guarded-note): a note that
    /// looks like a formula is written with the `'` guard and must read back as it was.
    #[test]
    fn formula_like_notes_round_trip() {
        let text = "year,category,hours,note\n2024,industry_public,8,-\n2024,professional,1,'=SUM(A1)\n2024,professional,2,=1\n";
        let imp = import(text);
        let notes: Vec<Option<&str>> = imp.records.iter().map(|r| r.note.as_deref()).collect();
        assert_eq!(notes, vec![Some("-"), Some("=SUM(A1)"), Some("=1")]);
        assert_eq!(import(&export(&imp.records)).records, imp.records);
    }

    #[test]
    fn column_names_are_written_as_they_are_compared() {
        for c in Column::ALL {
            for n in c.names() {
                assert_eq!(squash(n), *n, "{n}");
                assert_eq!(Column::find(&format!(" {} ", n.to_uppercase())), Some(c));
            }
        }
    }

    /// Repeats are found by sorting (O(n log n)); they are the ones comparing each
    /// record with every earlier one finds.
    #[test]
    fn repeats_are_those_of_a_record_by_record_comparison() {
        let mut text = String::from("year,category,hours,online,note\n");
        for i in 0..3_000u32 {
            // Records differing in one field at a time, most of them repeated.
            let note = if i % 7 == 0 {
                String::new()
            } else {
                format!("c{}", i % 11)
            };
            let online = if i % 5 == 0 { "是" } else { "否" };
            let _ = std::fmt::Write::write_fmt(
                &mut text,
                format_args!(
                    "{},{},{},{online},{note}\n",
                    2020 + i % 3,
                    ["专业科目", "一般公需"][(i % 2) as usize],
                    1 + i % 4
                ),
            );
        }
        let imp = import(&text);
        assert_eq!(imp.records.len(), 3_000);
        let mut expected = Vec::new();
        for (i, r) in imp.records.iter().enumerate() {
            if let Some(j) = imp.records[..i].iter().position(|s| s == r) {
                expected.push(Repeat {
                    line: imp.lines[i],
                    same_as: imp.lines[j],
                });
            }
        }
        assert!(expected.len() > 2_000);
        assert_eq!(imp.repeats, expected);
        // Different courses of the same year, category and hours are not repeats.
        let mut text = String::from("year,category,hours,note\n");
        for i in 0..10_000 {
            text += &format!("2024,professional,8,课程{i}\n");
        }
        assert!(import(&text).repeats.is_empty());
    }

    #[test]
    fn repeats_are_flagged_not_dropped() {
        let imp = import("year,category,hours\n2024,professional,8\n2024,professional,8\n");
        assert_eq!(imp.records.len(), 2);
        assert_eq!(
            imp.repeats,
            vec![Repeat {
                line: 3,
                same_as: 2
            }]
        );
    }
}
