//! What goes wrong, in both languages: a file that cannot be used ([`FileError`]), a
//! row that gives no verdict ([`RowError`], its [`Problem`]), and what the officer
//! should look at without any row failing ([`Warning`]).

use super::header::ColumnName;
use crate::ce_csv;
use crate::csv::CsvError;
use crate::lenient::Refusal;
use std::fmt;
use zhicheng_engine::error::megabytes;
use zhicheng_engine::{InputError, InputErrorKind};

/// A file that cannot be read as a roster (or a records file) at all.
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`](super::MAX_FILE_BYTES) (or the caller's own limit).
    TooLarge { bytes: usize, limit: usize },
    /// Nothing but blank lines.
    Empty,
    /// The header cannot be split into fields.
    NotCsv(CsvError),
    /// The header lacks required columns.
    MissingColumns(Vec<ColumnName>),
    /// Two header names for the same column.
    DuplicateColumn { first: String, second: String },
    /// A header that looks like a CE column (`ce_…`, `2024…`) but is not one.
    BadCeColumn { column: String },
    /// A roster with a header and no people.
    NoPeople,
    /// A records file with a header and no records.
    NoRecords,
}

impl FileError {
    pub fn message_en(&self) -> String {
        match self {
            FileError::TooLarge { bytes, limit } => format!(
                "the file is {} MB; the limit is {} MB — split it into smaller files",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            FileError::Empty => "the file is empty".to_string(),
            FileError::NotCsv(e) => format!("not CSV: {e}"),
            FileError::MissingColumns(cols) => format!(
                "the header has no column {} (see docs/batch.md)",
                cols.iter()
                    .map(|c| format!("`{}` ({})", c.en, c.zh))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            FileError::DuplicateColumn { first, second } => {
                format!("the header has `{first}` and `{second}`, the same column twice")
            }
            FileError::BadCeColumn { column } => format!(
                "column `{column}` looks like CE hours but is not ce_YEAR_CATEGORY \
                 (professional, industry_public, general_public; _online for network courses)"
            ),
            FileError::NoPeople => "the file has a header but no people".to_string(),
            FileError::NoRecords => "the file has a header but no records".to_string(),
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            FileError::TooLarge { bytes, limit } => format!(
                "文件大小 {} MB，超过上限 {} MB，请拆分为几个较小的文件",
                megabytes(*bytes),
                megabytes(*limit)
            ),
            FileError::Empty => "文件是空的".to_string(),
            FileError::NotCsv(e) => format!("不是有效的 CSV：{}", e.message_zh()),
            FileError::MissingColumns(cols) => format!(
                "表头缺少{}列（见 docs/batch.md）",
                cols.iter()
                    .map(|c| format!("“{}”（{}）", c.zh, c.en))
                    .collect::<Vec<_>>()
                    .join("、")
            ),
            FileError::DuplicateColumn { first, second } => {
                format!("表头中“{first}”和“{second}”是同一列")
            }
            FileError::BadCeColumn { column } => format!(
                "“{column}”列像是继续教育学时，但格式不对：应为“2024年专业科目”“2024年行业公需科目”\
                 “2024年一般公需科目”，网络课件加“（网络）”"
            ),
            FileError::NoPeople => "文件只有表头，没有人员数据".to_string(),
            FileError::NoRecords => "文件只有表头，没有学时记录".to_string(),
        }
    }

    /// One line: `English — 中文`.
    pub fn one_line(&self) -> String {
        format!("{} — {}", self.message_en(), self.message_zh())
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl std::error::Error for FileError {}

/// Why a row gives no verdict.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// An engine input error (its messages are the engine's).
    Input(InputErrorKind),
    /// A date, year, hours or yes/no the lenient reader refused (its words, the same
    /// in every reader).
    Value(Refusal),
    /// One item of a list cell (`2021:不合格;2022:优秀`) is wrong.
    Item { item: String, problem: Box<Problem> },
    /// A list item not in the expected form.
    ItemForm {
        item: String,
        form: &'static str,
        form_zh: &'static str,
    },
    /// The same person_id as an earlier row.
    DuplicateId { first_line: usize },
    /// More fields than the header has columns.
    TooManyFields { found: usize, expected: usize },
    /// A line of the CE records file for this person is wrong.
    Records(ce_csv::LineError),
    /// The text from here on cannot be read as CSV (an unclosed quote); reading stops.
    NotCsv(CsvError),
}

impl Problem {
    pub fn message_en(&self) -> String {
        match self {
            Problem::Input(kind) => InputError::new("", kind.clone()).message_en(),
            Problem::Value(r) => r.message().en,
            Problem::Item { item, problem } => {
                format!("in \"{item}\": {}", problem.message_en())
            }
            Problem::ItemForm { item, form, .. } => format!("\"{item}\" should be {form}"),
            Problem::DuplicateId { first_line } => {
                format!("this person_id was already used on line {first_line}")
            }
            Problem::TooManyFields { found, expected } => {
                format!("{found} fields, but the header has {expected} columns")
            }
            Problem::Records(e) => format!("CE records file, {}", e.message_en()),
            Problem::NotCsv(e) => {
                format!("{e}; the rest of the file cannot be read")
            }
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            Problem::Input(kind) => InputError::new("", kind.clone()).message_zh(),
            Problem::Value(r) => r.message().zh,
            Problem::Item { item, problem } => format!("“{item}”：{}", problem.message_zh()),
            Problem::ItemForm { item, form_zh, .. } => format!("“{item}”应写成{form_zh}"),
            Problem::DuplicateId { first_line } => {
                format!("人员编号与第 {first_line} 行重复")
            }
            Problem::TooManyFields { found, expected } => {
                format!("有 {found} 个字段，但表头只有 {expected} 列")
            }
            Problem::Records(e) => format!("学时记录文件{}", e.message_zh()),
            Problem::NotCsv(e) => format!("{}；其后的内容无法读取", e.message_zh()),
        }
    }
}

/// A row that gives no verdict: where and why.
#[derive(Debug, Clone, PartialEq)]
pub struct RowError {
    /// The line the row starts on (1-based, the header is line 1).
    pub line: usize,
    /// The column as named in the file, when one column is at fault.
    pub column: Option<String>,
    pub problem: Problem,
}

impl RowError {
    /// `line 5: column birth_date: …`
    pub fn message_en(&self) -> String {
        match &self.column {
            Some(c) => format!(
                "line {}: column {c}: {}",
                self.line,
                self.problem.message_en()
            ),
            None => format!("line {}: {}", self.line, self.problem.message_en()),
        }
    }

    /// `第 5 行：“出生日期”列：…`
    pub fn message_zh(&self) -> String {
        match &self.column {
            Some(c) => format!(
                "第 {} 行：“{c}”列：{}",
                self.line,
                self.problem.message_zh()
            ),
            None => format!("第 {} 行：{}", self.line, self.problem.message_zh()),
        }
    }

    /// Without the line: `column X: reason — “X”列：原因` (the results CSV has a line
    /// column of its own).
    pub fn reason(&self) -> String {
        match &self.column {
            Some(c) => format!(
                "column {c}: {} — “{c}”列：{}",
                self.problem.message_en(),
                self.problem.message_zh()
            ),
            None => format!(
                "{} — {}",
                self.problem.message_en(),
                self.problem.message_zh()
            ),
        }
    }

    /// One line: `line N: column X: reason — 第 N 行：“X”列：原因`.
    pub fn one_line(&self) -> String {
        format!("{} — {}", self.message_en(), self.message_zh())
    }
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

/// Something the officer should look at that does not stop any row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A roster column this reader does not know; its values are not used.
    IgnoredColumn { column: String },
    /// More such columns, after the first
    /// [`IGNORED_COLUMNS_NAMED`](super::IGNORED_COLUMNS_NAMED).
    MoreIgnoredColumns { count: usize },
    /// A records-file line without a person_id; not used.
    RecordWithoutPerson { line: usize },
    /// Records for a person_id the roster does not have; not used.
    RecordsForUnknownPerson {
        person_id: String,
        line: usize,
        count: usize,
    },
}

impl Warning {
    pub fn message_en(&self) -> String {
        match self {
            Warning::IgnoredColumn { column } => {
                format!("column `{column}` is not a roster column and is ignored")
            }
            Warning::MoreIgnoredColumns { count } => {
                format!("{count} more columns are not roster columns and are ignored")
            }
            Warning::RecordWithoutPerson { line } => {
                format!("CE records file, line {line}: no person_id; the record is not used")
            }
            Warning::RecordsForUnknownPerson {
                person_id,
                line,
                count,
            } => format!(
                "CE records file, line {line}: person_id \"{person_id}\" is not in the roster; \
                 its {count} record(s) are not used"
            ),
        }
    }

    pub fn message_zh(&self) -> String {
        match self {
            Warning::IgnoredColumn { column } => format!("“{column}”不是花名册的列，已忽略"),
            Warning::MoreIgnoredColumns { count } => {
                format!("另有 {count} 列不是花名册的列，已忽略")
            }
            Warning::RecordWithoutPerson { line } => {
                format!("学时记录文件第 {line} 行：没有人员编号，未使用")
            }
            Warning::RecordsForUnknownPerson {
                person_id,
                line,
                count,
            } => format!(
                "学时记录文件第 {line} 行：人员编号“{person_id}”不在花名册中，其 {count} 条记录未使用"
            ),
        }
    }

    pub fn one_line(&self) -> String {
        format!("{} — {}", self.message_en(), self.message_zh())
    }
}
