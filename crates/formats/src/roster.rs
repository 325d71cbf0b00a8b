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
//! [`row_for`] writes a profile as a row (the HR export; `roster/export.rs`).

mod export;
mod ids;
mod values;

pub use export::{export_file, export_header, row_for};
pub use values::date;

use crate::ce_csv;
use crate::csv::{self, CsvError, Record};
use ids::Ids;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;
use values::{
    assessment_item, ce_record_item, exam_item, flag, number, rule_set_id, sanction_item,
    specialty_id, year, Vocab, EDUCATIONS, EMPLOYMENTS, RETIREMENT_GROUPS, SERIES, TITLES,
};
use zhicheng_engine::date::{MAX_YEAR, MIN_YEAR};
use zhicheng_engine::error::megabytes;
use zhicheng_engine::profile::{
    record_hours, CeRecord, FraudFinding, HeldTitle, Person, Target, MAX_ITEMS, MAX_TEXT_CHARS,
};
use zhicheng_engine::rules;
use zhicheng_engine::vocab::{CeCategory, Title};
use zhicheng_engine::{Date, InputError, InputErrorKind, Profile};

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

/// A column of the roster that carries one profile field (the CE columns are
/// [`CeColumn`]s).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    PersonId,
    Name,
    RuleSet,
    EvaluationYear,
    Series,
    Title,
    Specialty,
    ReferenceDate,
    Exceptional,
    BirthDate,
    RetirementGroup,
    Employment,
    Retired,
    InTechnicalPost,
    ProfessionMatches,
    PostWagePaid,
    MovedFromGovernmentOrgan,
    Education,
    WorkStart,
    TechnicianObtained,
    AssistantEngineerObtained,
    EngineerObtained,
    SeniorEngineerObtained,
    ProfessorateSeniorEngineerObtained,
    EconomistObtained,
    SeniorEconomistObtained,
    Assessments,
    Sanctions,
    FraudFindings,
    Exams,
    /// CE records as one list cell (`2024:专业科目:24;2019:专业科目:50:网络`): the
    /// column of the HR export (`row_for`), one header for everyone.
    CeRecords,
}

const FIELD_COUNT: usize = 31;

impl Field {
    /// Every field, in the order of the template and of docs/batch.md.
    pub const ALL: [Field; FIELD_COUNT] = [
        Field::PersonId,
        Field::Name,
        Field::RuleSet,
        Field::EvaluationYear,
        Field::Series,
        Field::Title,
        Field::Specialty,
        Field::ReferenceDate,
        Field::Exceptional,
        Field::BirthDate,
        Field::RetirementGroup,
        Field::Employment,
        Field::Retired,
        Field::InTechnicalPost,
        Field::ProfessionMatches,
        Field::PostWagePaid,
        Field::MovedFromGovernmentOrgan,
        Field::Education,
        Field::WorkStart,
        Field::TechnicianObtained,
        Field::AssistantEngineerObtained,
        Field::EngineerObtained,
        Field::SeniorEngineerObtained,
        Field::ProfessorateSeniorEngineerObtained,
        Field::EconomistObtained,
        Field::SeniorEconomistObtained,
        Field::Assessments,
        Field::Sanctions,
        Field::FraudFindings,
        Field::Exams,
        Field::CeRecords,
    ];

    /// Header names accepted: the English name first, then the Chinese one, then other
    /// forms. Compared without case, spaces, `_`/`-` differences and a trailing hint in
    /// brackets (`出生日期（YYYY-MM-DD）`).
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Field::PersonId => &["person_id", "人员编号", "编号", "工号", "id", "人员id"],
            Field::Name => &["name", "姓名", "名字"],
            Field::RuleSet => &["rule_set", "适用规则", "规则", "评审文件", "规则集"],
            Field::EvaluationYear => &["evaluation_year", "评审年度", "申报年度"],
            Field::Series => &["series", "系列", "职称系列"],
            Field::Title => &[
                "title",
                "申报职称",
                "target_title",
                "申报资格",
                "拟申报职称",
            ],
            Field::Specialty => &["specialty", "申报专业", "专业"],
            Field::ReferenceDate => &["reference_date", "基准日期", "计算截止日期"],
            Field::Exceptional => &["exceptional", "破格申报", "破格"],
            Field::BirthDate => &["birth_date", "出生日期", "出生年月日"],
            Field::RetirementGroup => &["retirement_group", "退休年龄类别", "退休类别"],
            Field::Employment => &["employment", "单位性质", "单位类型"],
            Field::Retired => &["retired", "已退休", "是否退休"],
            Field::InTechnicalPost => &[
                "in_technical_post",
                "在专业技术岗位",
                "专业技术岗位",
                "专技岗位",
            ],
            Field::ProfessionMatches => &["profession_matches", "专业对口"],
            Field::PostWagePaid => &[
                "post_wage_paid",
                "在岗领取岗位工资",
                "聘用在岗并领取岗位工资",
                "岗位工资",
            ],
            Field::MovedFromGovernmentOrgan => {
                &["moved_from_government_organ", "从机关调入", "机关调入"]
            }
            Field::Education => &["education", "学历", "最高学历"],
            Field::WorkStart => &[
                "work_start",
                "参加专业技术工作时间",
                "参加工作时间",
                "参加专业技术工作日期",
                "参加工作日期",
            ],
            Field::TechnicianObtained => &[
                "technician_obtained",
                "技术员取得时间",
                "技术员取得日期",
                "技术员",
            ],
            Field::AssistantEngineerObtained => &[
                "assistant_engineer_obtained",
                "助理工程师取得时间",
                "助理工程师取得日期",
                "助理工程师",
            ],
            Field::EngineerObtained => &[
                "engineer_obtained",
                "工程师取得时间",
                "工程师取得日期",
                "工程师",
            ],
            Field::SeniorEngineerObtained => &[
                "senior_engineer_obtained",
                "高级工程师取得时间",
                "高级工程师取得日期",
                "高级工程师",
            ],
            Field::ProfessorateSeniorEngineerObtained => &[
                "professorate_senior_engineer_obtained",
                "正高级工程师取得时间",
                "正高级工程师取得日期",
                "正高级工程师",
            ],
            Field::EconomistObtained => &[
                "economist_obtained",
                "经济师取得时间",
                "经济师取得日期",
                "经济师",
            ],
            Field::SeniorEconomistObtained => &[
                "senior_economist_obtained",
                "高级经济师取得时间",
                "高级经济师取得日期",
                "高级经济师",
            ],
            Field::Assessments => &["assessments", "年度考核", "考核"],
            Field::Sanctions => &["sanctions", "处分"],
            Field::FraudFindings => &["fraud_findings", "弄虚作假年度", "弄虚作假"],
            Field::Exams => &["exams", "考试", "考试通过"],
            Field::CeRecords => &["ce_records", "继续教育学时记录", "学时记录", "继续教育记录"],
        }
    }

    /// The English header name (the JSON name of SPEC §2, flattened).
    pub fn name_en(self) -> &'static str {
        self.names()[0]
    }

    /// The Chinese header name used by the template.
    pub fn name_zh(self) -> &'static str {
        self.names()[1]
    }

    /// A roster without this column is refused: every row would lack it.
    pub fn required(self) -> bool {
        matches!(
            self,
            Field::PersonId
                | Field::RuleSet
                | Field::Title
                | Field::BirthDate
                | Field::RetirementGroup
                | Field::Employment
                | Field::Education
        )
    }

    /// The title whose date this column holds.
    pub fn obtained_title(self) -> Option<Title> {
        Some(match self {
            Field::TechnicianObtained => Title::Technician,
            Field::AssistantEngineerObtained => Title::AssistantEngineer,
            Field::EngineerObtained => Title::Engineer,
            Field::SeniorEngineerObtained => Title::SeniorEngineer,
            Field::ProfessorateSeniorEngineerObtained => Title::ProfessorateSeniorEngineer,
            Field::EconomistObtained => Title::Economist,
            Field::SeniorEconomistObtained => Title::SeniorEconomist,
            _ => return None,
        })
    }

    /// The column holding the date `title` was obtained.
    pub fn obtained(title: Title) -> Field {
        match title {
            Title::Technician => Field::TechnicianObtained,
            Title::AssistantEngineer => Field::AssistantEngineerObtained,
            Title::Engineer => Field::EngineerObtained,
            Title::SeniorEngineer => Field::SeniorEngineerObtained,
            Title::ProfessorateSeniorEngineer => Field::ProfessorateSeniorEngineerObtained,
            Title::Economist => Field::EconomistObtained,
            Title::SeniorEconomist => Field::SeniorEconomistObtained,
        }
    }

    /// The field a header names, given as [`header_key`] writes it. The names are
    /// written in that form (tested) and looked up in a table sorted by their first
    /// eight bytes as a number, then by the whole name: a header of millions of
    /// columns costs a few number comparisons per column.
    fn find(key: &str) -> Option<Field> {
        /// The first eight bytes (zeros after a shorter text), as a number.
        fn prefix(s: &str) -> u64 {
            let mut bytes = [0u8; 8];
            for (b, s) in bytes.iter_mut().zip(s.bytes()) {
                *b = s;
            }
            u64::from_be_bytes(bytes)
        }
        static BY_NAME: OnceLock<Vec<(u64, &'static str, Field)>> = OnceLock::new();
        let by_name = BY_NAME.get_or_init(|| {
            let mut v: Vec<(u64, &'static str, Field)> = Field::ALL
                .iter()
                .flat_map(|&f| f.names().iter().map(move |&n| (prefix(n), n, f)))
                .collect();
            zhicheng_engine::sort::stable_by(&mut v, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
            v
        });
        let p = prefix(key);
        by_name
            .binary_search_by(|(q, n, _)| q.cmp(&p).then_with(|| (*n).cmp(key)))
            .ok()
            .map(|i| by_name[i].2)
    }
}

/// A column of CE hours: one year, one category, offline or online.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CeColumn {
    pub year: i32,
    pub category: CeCategory,
    pub online: bool,
    pub authority_recognized: bool,
}

impl CeColumn {
    /// The English header: `ce_2024_professional`, `ce_2019_professional_online`.
    pub fn name_en(&self) -> String {
        let mut s = format!("ce_{}_{}", self.year, self.category.as_str());
        if self.online {
            s += "_online";
        }
        if self.authority_recognized {
            s += "_recognized";
        }
        s
    }

    /// The Chinese header: `2024年专业科目`, `2019年专业科目（网络）`.
    pub fn name_zh(&self) -> String {
        let mut s = format!("{}年{}", self.year, self.category.label_zh());
        match (self.online, self.authority_recognized) {
            (false, false) => {}
            (true, false) => s += "（网络）",
            (false, true) => s += "（认可）",
            (true, true) => s += "（网络，认可）",
        }
        s
    }

    /// How many different CE columns there can be: every year, category, online or
    /// not, recognized or not.
    const SLOTS: usize = (MAX_YEAR - MIN_YEAR + 1) as usize * CeCategory::ALL.len() * 2 * 2;

    /// The column's place among the [`CeColumn::SLOTS`] (a different one for each).
    fn slot(&self) -> usize {
        let year = (self.year - MIN_YEAR) as usize;
        ((year * CeCategory::ALL.len() + self.category.index()) * 2 + usize::from(self.online)) * 2
            + usize::from(self.authority_recognized)
    }

    /// Reads a CE header, `None` when the name is not one. Forms: `ce_2024_professional`,
    /// `2024_industry_public_online`, `2024年专业科目`, `2024专业科目学时（网络）`, …
    #[cfg(test)]
    fn parse(name: &str) -> Option<CeColumn> {
        CeColumn::from_key(&header_key(name))
    }

    /// [`CeColumn::parse`] of a name already made a [`header_key`]. Copies the name
    /// only where something is left out of it (a header of many columns costs little
    /// per column).
    fn from_key(key: &str) -> Option<CeColumn> {
        let left_out = |c: char| {
            matches!(
                c,
                '(' | ')' | '_' | '-' | '年' | ',' | '，' | '、' | '/' | '+'
            )
        };
        let s: Cow<str> = if key.contains(left_out) {
            Cow::Owned(key.chars().filter(|c| !left_out(*c)).collect())
        } else {
            Cow::Borrowed(key)
        };
        let s = s.strip_prefix("ce").unwrap_or(&s);
        // Each `replace` leaves the text as it is when the word is not in it.
        let s: Cow<str> = if s.contains("学时") || s.contains("小时") {
            Cow::Owned(s.replace("学时", "").replace("小时", ""))
        } else {
            Cow::Borrowed(s)
        };
        let (year, mut rest) = (s.get(..4)?, s.get(4..)?);
        let year: i32 = year
            .parse()
            .ok()
            .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y))?;
        const CATEGORIES: &[(&str, CeCategory)] = &[
            ("professional", CeCategory::Professional),
            ("industrypublic", CeCategory::IndustryPublic),
            ("generalpublic", CeCategory::GeneralPublic),
            ("专业科目", CeCategory::Professional),
            ("专业课", CeCategory::Professional),
            ("专业", CeCategory::Professional),
            ("行业公需科目", CeCategory::IndustryPublic),
            ("行业公需", CeCategory::IndustryPublic),
            ("一般公需科目", CeCategory::GeneralPublic),
            ("一般公需", CeCategory::GeneralPublic),
        ];
        let (word, category) = CATEGORIES.iter().find(|(w, _)| rest.starts_with(w))?;
        rest = &rest[word.len()..];
        let mut col = CeColumn {
            year,
            category: *category,
            online: false,
            authority_recognized: false,
        };
        const MODIFIERS: &[(&str, bool)] = &[
            ("online", true),
            ("网络课件", true),
            ("网络", true),
            ("线上", true),
            ("recognized", false),
            ("authorityrecognized", false),
            ("主管部门认可", false),
            ("认可", false),
        ];
        while !rest.is_empty() {
            let (word, online) = MODIFIERS.iter().find(|(w, _)| rest.starts_with(w))?;
            rest = &rest[word.len()..];
            if *online {
                col.online = true;
            } else {
                col.authority_recognized = true;
            }
        }
        Some(col)
    }
}

/// A header name as compared: no spaces, lower case, ASCII punctuation for the
/// full-width forms, `-` as `_`. Borrowed when the name is already so.
fn header_key(s: &str) -> Cow<'_, str> {
    let changes = |c: char| {
        c.is_whitespace() || c.is_ascii_uppercase() || matches!(c, '（' | '）' | '－' | '-')
    };
    if !s.contains(changes) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| match c {
                '（' => '(',
                '）' => ')',
                '－' | '-' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect(),
    )
}

/// What a header column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Field(Field),
    Ce(CeColumn),
    Ignored,
}

fn classify(name: &str) -> Result<Kind, FileError> {
    let key = header_key(name);
    if let Some(f) = Field::find(&key) {
        return Ok(Kind::Field(f));
    }
    // A hint in brackets after the name: `出生日期(YYYY-MM-DD)`.
    if let Some(i) = key.find('(') {
        if i > 0 && key.ends_with(')') {
            if let Some(f) = Field::find(&key[..i]) {
                return Ok(Kind::Field(f));
            }
        }
    }
    if let Some(c) = CeColumn::from_key(&key) {
        return Ok(Kind::Ce(c));
    }
    // `ce_…`, or a year followed by a CE word: meant as hours, but not readable. Other
    // headers starting with a year (`2023年度考核`) are just not ours.
    let looks_like_ce = key.starts_with("ce_")
        || (key.len() > 4
            && key.as_bytes()[..4].iter().all(u8::is_ascii_digit)
            && [
                "专业",
                "公需",
                "学时",
                "professional",
                "public",
                "online",
                "网络",
            ]
            .iter()
            .any(|w| key.contains(w)));
    if looks_like_ce {
        return Err(FileError::BadCeColumn {
            column: name.trim().to_string(),
        });
    }
    Ok(Kind::Ignored)
}

/// The header's names as written (trimmed), one after the other in one string: a
/// header of millions of columns is not millions of strings.
#[derive(Debug, Clone, Default)]
struct Names {
    text: String,
    /// Where each name ends in `text` (it starts where the one before ends).
    ends: Vec<usize>,
}

impl Names {
    fn get(&self, i: usize) -> &str {
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
    names: Names,
    fields: [Option<usize>; FIELD_COUNT],
    ce: Vec<(usize, CeColumn)>,
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

    fn width(&self) -> usize {
        self.names.len()
    }
}

/// A column named in both languages: the engine's two-language text.
pub type ColumnName = zhicheng_engine::Bi;

fn column_name(f: Field) -> ColumnName {
    ColumnName {
        en: f.name_en().to_string(),
        zh: f.name_zh().to_string(),
    }
}

/// A file that cannot be read as a roster (or a records file) at all.
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// Larger than [`MAX_FILE_BYTES`] (or the caller's own limit).
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
    /// Not a year.
    Year(String),
    /// Not a yes/no value.
    Flag(String),
    /// Not a number of hours.
    Hours(String),
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
            Problem::Year(v) => format!("\"{v}\" is not a year from {MIN_YEAR} to {MAX_YEAR}"),
            Problem::Flag(v) => format!("\"{v}\" should be yes or no (是/否, 1/0)"),
            Problem::Hours(v) => format!("\"{v}\" is not a number of hours"),
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
            Problem::Year(v) => format!("“{v}”不是 {MIN_YEAR}—{MAX_YEAR} 之间的年份"),
            Problem::Flag(v) => format!("“{v}”应为 是 或 否（也可写 1/0）"),
            Problem::Hours(v) => format!("“{v}”不是学时数"),
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
    /// More such columns, after the first [`IGNORED_COLUMNS_NAMED`].
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

/// The CE records of one person from a records file.
#[derive(Debug, Clone, Default, PartialEq)]
struct PersonRecords {
    first_line: usize,
    records: Vec<CeRecord>,
    error: Option<ce_csv::LineError>,
}

/// A CE records file keyed by person: the columns of the CE records import
/// ([`crate::ce_csv`]: year, category, hours, online, authority_recognized, note) plus
/// `person_id`. Read whole (a person's records may be anywhere in it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecordsFile {
    /// The person ids, numbered in the order first seen (so by their first line).
    ids: Ids,
    /// Each person's records, by the number of their id.
    people: Vec<PersonRecords>,
    without_person: Vec<usize>,
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
    fn person(&self, id: &str) -> Option<&PersonRecords> {
        self.ids.find(id).map(|i| &self.people[i])
    }
}

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

/// Reads one row's cells into a profile.
struct RowReader<'h, 'r, 'a> {
    header: &'h Header,
    rec: &'r Record<'a>,
}

type Cell<T> = Result<T, RowError>;

impl RowReader<'_, '_, '_> {
    fn err(&self, field: Field, problem: Problem) -> RowError {
        RowError {
            line: self.rec.line,
            column: Some(self.header.column_name(field).to_string()),
            problem,
        }
    }

    fn cell(&self, field: Field) -> &str {
        self.header
            .column(field)
            .map_or("", |i| self.rec.get(i).trim())
    }

    fn required(&self, field: Field) -> Cell<&str> {
        match self.cell(field) {
            "" => Err(self.err(field, Problem::Input(InputErrorKind::Missing))),
            s => Ok(s),
        }
    }

    fn word<T: Copy + PartialEq>(&self, field: Field, s: &str, vocab: &Vocab<T>) -> Cell<T> {
        vocab
            .find(s)
            .ok_or_else(|| self.err(field, vocab.unknown(s)))
    }

    fn required_word<T: Copy + PartialEq>(&self, field: Field, vocab: &Vocab<T>) -> Cell<T> {
        let s = self.required(field)?;
        self.word(field, s, vocab)
    }

    fn date(&self, field: Field) -> Cell<Option<Date>> {
        match self.cell(field) {
            "" => Ok(None),
            s => date(s).map(Some).map_err(|p| self.err(field, p)),
        }
    }

    fn year(&self, field: Field) -> Cell<Option<i32>> {
        match self.cell(field) {
            "" => Ok(None),
            s => year(s).map(Some).map_err(|p| self.err(field, p)),
        }
    }

    fn flag(&self, field: Field, default: bool) -> Cell<bool> {
        flag(self.cell(field), default).map_err(|p| self.err(field, p))
    }

    fn text(&self, field: Field) -> Cell<Option<String>> {
        match self.cell(field) {
            "" => Ok(None),
            s if s.chars().count() > MAX_TEXT_CHARS => Err(self.err(
                field,
                Problem::Input(InputErrorKind::TextTooLong {
                    max: MAX_TEXT_CHARS,
                }),
            )),
            s => Ok(Some(s.to_string())),
        }
    }

    /// The items of a list cell, split at `;`, `；`, `,`, `，`, `、` or a line break.
    fn items<T>(&self, field: Field, item: impl Fn(&str) -> Result<T, Problem>) -> Cell<Vec<T>> {
        let cell = self.cell(field);
        if cell.is_empty() {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for part in cell.split([';', '；', ',', '，', '、', '\n', '\r']) {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            if out.len() == MAX_ITEMS {
                return Err(self.err(
                    field,
                    Problem::Input(InputErrorKind::TooManyItems { max: MAX_ITEMS }),
                ));
            }
            out.push(item(part).map_err(|p| {
                self.err(
                    field,
                    match p {
                        p @ Problem::ItemForm { .. } => p,
                        p => Problem::Item {
                            item: part.to_string(),
                            problem: Box::new(p),
                        },
                    },
                )
            })?);
        }
        Ok(out)
    }

    fn profile(&self) -> Cell<Profile> {
        let rule_set = {
            let s = self.required(Field::RuleSet)?;
            rule_set_id(s)
                .ok_or_else(|| {
                    self.err(
                        Field::RuleSet,
                        Problem::Input(InputErrorKind::UnknownValue {
                            value: s.to_string(),
                            allowed: rules::rule_sets()
                                .iter()
                                .map(|r| format!("{} ({})", r.id, r.notice))
                                .collect::<Vec<_>>()
                                .join(", "),
                        }),
                    )
                })?
                .to_string()
        };
        let evaluation_year = self.year(Field::EvaluationYear)?;
        let series = match self.cell(Field::Series) {
            "" => None,
            s => Some(self.word(Field::Series, s, &SERIES)?),
        };
        let title = self.required_word(Field::Title, &TITLES)?;
        if !title.is_target() {
            return Err(self.err(
                Field::Title,
                Problem::Input(InputErrorKind::NotATarget { title }),
            ));
        }
        let series = series.unwrap_or(title.series());
        if title.series() != series {
            return Err(self.err(
                Field::Title,
                Problem::Input(InputErrorKind::TitleNotInSeries { title, series }),
            ));
        }
        let specialty = self
            .text(Field::Specialty)?
            .map(|s| csv::unguard(&s).to_string())
            .map(|s| specialty_id(&s).map_or(s, str::to_string));
        let reference_date = self.date(Field::ReferenceDate)?;
        let exceptional = self.flag(Field::Exceptional, false)?;
        let birth_date =
            date(self.required(Field::BirthDate)?).map_err(|p| self.err(Field::BirthDate, p))?;
        let person = Person {
            birth_date,
            retirement_group: self.required_word(Field::RetirementGroup, &RETIREMENT_GROUPS)?,
            employment: self.required_word(Field::Employment, &EMPLOYMENTS)?,
            retired: self.flag(Field::Retired, false)?,
            in_technical_post: self.flag(Field::InTechnicalPost, true)?,
            profession_matches: self.flag(Field::ProfessionMatches, true)?,
            post_wage_paid: self.flag(Field::PostWagePaid, true)?,
            moved_from_government_organ: self.flag(Field::MovedFromGovernmentOrgan, false)?,
        };
        let education = self.required_word(Field::Education, &EDUCATIONS)?;
        let work_start = self.date(Field::WorkStart)?;
        let mut titles = Vec::new();
        for f in Field::ALL {
            if let Some(t) = f.obtained_title() {
                if let Some(obtained) = self.date(f)? {
                    titles.push(HeldTitle { title: t, obtained });
                }
            }
        }
        let mut assessments = BTreeMap::new();
        for (y, a) in self.items(Field::Assessments, assessment_item)? {
            assessments.insert(y, a);
        }
        let sanctions = self.items(Field::Sanctions, sanction_item)?;
        let fraud_findings = self.items(Field::FraudFindings, |s| {
            year(s).map(|evaluation_year| FraudFinding { evaluation_year })
        })?;
        let exams = self.items(Field::Exams, exam_item)?;
        let mut ce_records = self.items(Field::CeRecords, ce_record_item)?;
        for &(i, col) in &self.header.ce {
            let s = self.rec.get(i).trim();
            if s.is_empty() {
                continue;
            }
            let field_err = |problem| RowError {
                line: self.rec.line,
                column: Some(self.header.names.get(i).to_string()),
                problem,
            };
            // Its text (as typed, or with full-width digits made ASCII) is what the
            // hours are checked on, at its exact value.
            let (x, text) = number(s).ok_or_else(|| field_err(Problem::Hours(s.to_string())))?;
            if x == 0.0 {
                continue; // 0 in a grid of hours means none
            }
            let hours = record_hours(&text).map_err(|k| field_err(Problem::Input(k)))?;
            ce_records.push(CeRecord {
                year: col.year,
                category: col.category,
                hours,
                online: col.online,
                authority_recognized: col.authority_recognized,
                note: None,
            });
        }
        Ok(Profile {
            rule_set,
            evaluation_year,
            target: Target {
                series,
                title,
                specialty,
            },
            reference_date,
            exceptional,
            person,
            education,
            work_start,
            titles,
            assessments,
            sanctions,
            fraud_findings,
            exams,
            ce_records,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhicheng_engine::vocab::{Assessment, SanctionKind, Series};

    fn profile(header: &str, row: &str) -> Result<Profile, RowError> {
        let text = format!("{header}\n{row}\n");
        let mut roster = Roster::read(&text).unwrap();
        roster.next().unwrap().profile
    }

    #[test]
    fn ce_headers_in_both_languages() {
        let c = |y, category, online| {
            Some(CeColumn {
                year: y,
                category,
                online,
                authority_recognized: false,
            })
        };
        use CeCategory::*;
        assert_eq!(
            CeColumn::parse("ce_2024_professional"),
            c(2024, Professional, false)
        );
        assert_eq!(
            CeColumn::parse("CE_2024_industry_public_online"),
            c(2024, IndustryPublic, true)
        );
        assert_eq!(
            CeColumn::parse("2024年一般公需科目"),
            c(2024, GeneralPublic, false)
        );
        assert_eq!(
            CeColumn::parse("2019年专业科目（网络）"),
            c(2019, Professional, true)
        );
        assert_eq!(
            CeColumn::parse("2019专业科目学时(网络课件)"),
            c(2019, Professional, true)
        );
        let r = CeColumn::parse("ce_2020_professional_online_recognized").unwrap();
        assert!(r.online && r.authority_recognized);
        for col in [
            c(2024, Professional, false).unwrap(),
            c(2019, GeneralPublic, true).unwrap(),
            r,
        ] {
            assert_eq!(CeColumn::parse(&col.name_en()), Some(col));
            assert_eq!(CeColumn::parse(&col.name_zh()), Some(col));
        }
        assert_eq!(CeColumn::parse("ce_2024_pro"), None);
        assert!(matches!(
            classify("ce_2024_pro"),
            Err(FileError::BadCeColumn { .. })
        ));
        assert!(matches!(
            classify("2024年专业课程"),
            Err(FileError::BadCeColumn { .. })
        ));
        assert_eq!(classify("部门"), Ok(Kind::Ignored));
        assert_eq!(classify("2023年度考核"), Ok(Kind::Ignored));
        assert_eq!(
            classify("出生日期（YYYY-MM-DD）"),
            Ok(Kind::Field(Field::BirthDate))
        );
    }

    #[test]
    fn field_names_are_written_as_they_are_compared() {
        let mut all = Vec::new();
        for f in Field::ALL {
            for n in f.names() {
                assert_eq!(header_key(n), *n, "{n}");
                all.push(*n);
            }
        }
        // One field per name, so the sorted table finds what a search in order found.
        all.sort_unstable();
        assert!(all.windows(2).all(|w| w[0] != w[1]), "a name of two fields");
    }

    #[test]
    fn every_ce_column_has_a_slot_of_its_own() {
        let mut seen = vec![false; CeColumn::SLOTS];
        for year in [MIN_YEAR, 2024, MAX_YEAR] {
            for &category in CeCategory::ALL {
                for (online, authority_recognized) in
                    [(false, false), (false, true), (true, false), (true, true)]
                {
                    let c = CeColumn {
                        year,
                        category,
                        online,
                        authority_recognized,
                    };
                    assert!(!std::mem::replace(&mut seen[c.slot()], true), "{c:?}");
                }
            }
        }
        let last = CeColumn {
            year: MAX_YEAR,
            category: *CeCategory::ALL.last().unwrap(),
            online: true,
            authority_recognized: true,
        };
        assert_eq!(last.slot(), CeColumn::SLOTS - 1);
    }

    /// Every one of the 3,612 different CE columns is taken; a repeat of any, however
    /// far along the header, is named with the first.
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
    /// warnings name the first hundred and count the rest.
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

    #[test]
    fn every_field_name_finds_its_field() {
        for f in Field::ALL {
            for n in f.names() {
                assert_eq!(classify(n), Ok(Kind::Field(f)), "{n}");
            }
        }
    }

    const H: &str = "person_id,rule_set,title,birth_date,retirement_group,employment,education,work_start,engineer_obtained,assessments,sanctions,fraud_findings,exams";

    #[test]
    fn compact_cells() {
        let p = profile(
            H,
            "1,sx-2020,高级经济师,1980-05-10,男,企业,本科,,,\"2021:不合格；2019：优秀\",记过:2019-05-01:政务,2018;2019,高级经济师:2019年",
        )
        .unwrap();
        assert_eq!(p.assessments.len(), 2);
        assert_eq!(p.assessments[&2021], Assessment::Unqualified);
        assert_eq!(p.sanctions[0].kind, SanctionKind::Demerit);
        assert!(p.sanctions[0].as_public_official);
        assert_eq!(p.fraud_findings.len(), 2);
        assert_eq!(p.exams[0].year, Some(2019));
        assert_eq!(p.target.series, Series::Economics);
    }

    #[test]
    fn bad_cells_name_their_column() {
        let e = profile(H, "1,sx-2020,高级工程师,1980-05-10,女,企业,本科,,,,,,").unwrap_err();
        assert_eq!(e.column.as_deref(), Some("retirement_group"));
        assert!(e.message_en().starts_with(
            "line 2: column retirement_group: unknown value \"女\"; expected one of: male (男)"
        ));
        assert!(e
            .message_zh()
            .starts_with("第 2 行：“retirement_group”列：无法识别的值“女”"));
        let e = profile(
            H,
            "1,sx-2020,高级工程师,1980-05-10,男,企业,本科,,,2021:很好,,,",
        )
        .unwrap_err();
        assert_eq!(e.column.as_deref(), Some("assessments"));
        assert!(e
            .message_en()
            .contains("in \"2021:很好\": unknown value \"很好\""));
        let e = profile(H, "1,sx-2020,高级工程师,1980-05-10,男,企业,本科,,,2021,,,").unwrap_err();
        assert!(
            e.message_zh().contains("应写成“年度:等次”"),
            "{}",
            e.message_zh()
        );
        let e = profile(H, "1,sx-2020,高级工程师,,男,企业,本科,,,,,,").unwrap_err();
        assert_eq!(e.message_en(), "line 2: column birth_date: is required");
        let e = profile(H, "1,nowhere,高级工程师,1980-05-10,男,企业,本科,,,,,,").unwrap_err();
        assert!(e
            .message_en()
            .contains("zj-liandu-2024 (莲人社〔2024〕42号)"));
        let e = profile(H, "1,sx-2020,经济师,1980-05-10,男,企业,本科,,,,,,").unwrap_err();
        assert!(matches!(
            e.problem,
            Problem::Input(InputErrorKind::NotATarget { .. })
        ));
    }
}
