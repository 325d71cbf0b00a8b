//! The form: the raw text of every field as typed, the edits the views send, and the
//! conversion to a [`Profile`] that names every missing or bad field.
//!
//! Nothing here decides eligibility: the conversion only checks that each value is
//! well formed (a date that exists, hours > 0 with one decimal, a known word), the
//! same checks `Profile::from_json` makes, so the engine gets a valid profile or the
//! user sees which field to fix. Everything typed stays in the form, right or wrong.

use std::collections::{BTreeMap, BTreeSet};
use zhicheng_engine::date::{MAX_YEAR, MIN_YEAR};
use zhicheng_engine::error::JsonType;
use zhicheng_engine::profile::{
    record_hours, CeRecord, FraudFinding, HeldTitle, PassedExam, Person, Sanction, Target,
    MAX_TEXT_CHARS,
};
use zhicheng_engine::rules;
use zhicheng_engine::vocab::{
    Assessment, CeCategory, Education, Employment, Exam, RetirementGroup, SanctionKind, Title,
};
use zhicheng_engine::{Date, Hours, InputError, InputErrorKind, Profile};

/// The steps of the self-check, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Step {
    Target,
    About,
    Education,
    Other,
    Ce,
    Result,
}

impl Step {
    pub const ALL: [Step; 6] = [
        Step::Target,
        Step::About,
        Step::Education,
        Step::Other,
        Step::Ce,
        Step::Result,
    ];

    /// The name used in stored data and in `data-step` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Target => "target",
            Step::About => "about",
            Step::Education => "education",
            Step::Other => "other",
            Step::Ce => "ce",
            Step::Result => "result",
        }
    }

    pub fn parse(s: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.as_str() == s)
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.index() + 1).copied()
    }

    pub fn prev(self) -> Option<Step> {
        self.index().checked_sub(1).map(|i| Step::ALL[i])
    }
}

/// Cells of one year of the CE grid: three categories, each offline and online.
pub const CE_CELLS: usize = 6;

/// The cell of a category (index in `CeCategory::ALL`) and mode.
pub fn cell_index(cat: usize, online: bool) -> usize {
    cat * 2 + usize::from(online)
}

/// A field that holds text (or a choice), with the row for list fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    RuleSet,
    EvaluationYear,
    Title,
    Specialty,
    ReferenceDate,
    BirthDate,
    RetirementGroup,
    Employment,
    Education,
    WorkStart,
    TitleName(usize),
    TitleObtained(usize),
    AssessmentYear(usize),
    AssessmentGrade(usize),
    SanctionKind(usize),
    SanctionEffective(usize),
    FraudYear(usize),
    ExamYear,
    CeNewYear,
    CeCell { year: i32, cell: usize },
    RecordYear(usize),
    RecordCategory(usize),
    RecordHours(usize),
    RecordNote(usize),
}

impl Field {
    /// The id of the field's element in the page.
    pub fn dom_id(self) -> String {
        match self {
            Field::RuleSet => "f-rule-set".into(),
            Field::EvaluationYear => "f-evaluation-year".into(),
            Field::Title => "f-title".into(),
            Field::Specialty => "f-specialty".into(),
            Field::ReferenceDate => "f-reference-date".into(),
            Field::BirthDate => "f-birth-date".into(),
            Field::RetirementGroup => "f-retirement-group".into(),
            Field::Employment => "f-employment".into(),
            Field::Education => "f-education".into(),
            Field::WorkStart => "f-work-start".into(),
            Field::TitleName(i) => format!("f-title-{i}-name"),
            Field::TitleObtained(i) => format!("f-title-{i}-obtained"),
            Field::AssessmentYear(i) => format!("f-assessment-{i}-year"),
            Field::AssessmentGrade(i) => format!("f-assessment-{i}-grade"),
            Field::SanctionKind(i) => format!("f-sanction-{i}-kind"),
            Field::SanctionEffective(i) => format!("f-sanction-{i}-effective"),
            Field::FraudYear(i) => format!("f-fraud-{i}-year"),
            Field::ExamYear => "f-exam-year".into(),
            Field::CeNewYear => "f-ce-new-year".into(),
            Field::CeCell { year, cell } => {
                let cat = CeCategory::ALL[cell / 2].as_str();
                let mode = if cell % 2 == 1 { "online" } else { "offline" };
                format!("f-ce-{year}-{cat}-{mode}")
            }
            Field::RecordYear(i) => format!("f-record-{i}-year"),
            Field::RecordCategory(i) => format!("f-record-{i}-category"),
            Field::RecordHours(i) => format!("f-record-{i}-hours"),
            Field::RecordNote(i) => format!("f-record-{i}-note"),
        }
    }

    /// The step that shows the field.
    pub fn step(self) -> Step {
        match self {
            Field::RuleSet | Field::EvaluationYear | Field::Title | Field::Specialty => {
                Step::Target
            }
            Field::BirthDate | Field::RetirementGroup | Field::Employment => Step::About,
            Field::Education | Field::WorkStart | Field::TitleName(_) | Field::TitleObtained(_) => {
                Step::Education
            }
            Field::ReferenceDate
            | Field::AssessmentYear(_)
            | Field::AssessmentGrade(_)
            | Field::SanctionKind(_)
            | Field::SanctionEffective(_)
            | Field::FraudYear(_)
            | Field::ExamYear => Step::Other,
            Field::CeNewYear
            | Field::CeCell { .. }
            | Field::RecordYear(_)
            | Field::RecordCategory(_)
            | Field::RecordHours(_)
            | Field::RecordNote(_) => Step::Ce,
        }
    }

    /// Whether the field holds a date (tidied to `YYYY-MM-DD` when left).
    fn is_date(self) -> bool {
        matches!(
            self,
            Field::ReferenceDate
                | Field::BirthDate
                | Field::WorkStart
                | Field::TitleObtained(_)
                | Field::SanctionEffective(_)
        )
    }
}

/// A yes/no field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flag {
    Exceptional,
    Retired,
    InTechnicalPost,
    ProfessionMatches,
    PostWagePaid,
    MovedFromGovernmentOrgan,
    ExamPassed,
    SanctionOfficial(usize),
    RecordOnline(usize),
    RecordAuthority(usize),
}

impl Flag {
    pub fn dom_id(self) -> String {
        match self {
            Flag::Exceptional => "f-exceptional".into(),
            Flag::Retired => "f-retired".into(),
            Flag::InTechnicalPost => "f-in-technical-post".into(),
            Flag::ProfessionMatches => "f-profession-matches".into(),
            Flag::PostWagePaid => "f-post-wage-paid".into(),
            Flag::MovedFromGovernmentOrgan => "f-moved-from-government-organ".into(),
            Flag::ExamPassed => "f-exam-passed".into(),
            Flag::SanctionOfficial(i) => format!("f-sanction-{i}-official"),
            Flag::RecordOnline(i) => format!("f-record-{i}-online"),
            Flag::RecordAuthority(i) => format!("f-record-{i}-authority"),
        }
    }
}

/// A list of rows the user can add to and remove from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum List {
    Titles,
    Assessments,
    Sanctions,
    Fraud,
    Records,
}

/// One change to the form.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Set(Field, String),
    Flag(Flag, bool),
    Add(List),
    Remove(List, usize),
    /// Adds the year typed in `ce_new_year` to the grid (if it is a year).
    CeAddYear,
    /// Empties one year of the grid.
    CeClearYear(i32),
    AppendRecords(Vec<CeRecord>),
    ClearRecords,
    /// The user left a field: write a recognised date as `YYYY-MM-DD`, a year or hours
    /// typed with full-width digits in ASCII.
    Tidy(Field),
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct TitleRow {
    pub key: u32,
    pub title: String,
    pub obtained: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct AssessmentRow {
    pub key: u32,
    pub year: String,
    pub grade: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct SanctionRow {
    pub key: u32,
    pub kind: String,
    pub effective: String,
    pub as_public_official: bool,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct FraudRow {
    pub key: u32,
    pub year: String,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct RecordRow {
    pub key: u32,
    pub year: String,
    pub category: String,
    pub hours: String,
    pub online: bool,
    pub authority_recognized: bool,
    pub note: String,
}

/// Everything the user entered, as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub rule_set: String,
    /// Empty: the rule set's own year.
    pub evaluation_year: String,
    pub title: String,
    pub specialty: String,
    /// Empty: the rule set's default.
    pub reference_date: String,
    pub exceptional: bool,
    pub birth_date: String,
    pub retirement_group: String,
    pub employment: String,
    pub retired: bool,
    pub in_technical_post: bool,
    pub profession_matches: bool,
    pub post_wage_paid: bool,
    pub moved_from_government_organ: bool,
    pub education: String,
    pub work_start: String,
    pub titles: Vec<TitleRow>,
    pub assessments: Vec<AssessmentRow>,
    pub sanctions: Vec<SanctionRow>,
    pub fraud_findings: Vec<FraudRow>,
    pub exam_passed: bool,
    /// Empty: the year is not given.
    pub exam_year: String,
    /// Year → the six cells (see [`cell_index`]).
    pub ce_grid: BTreeMap<i32, [String; CE_CELLS]>,
    pub ce_new_year: String,
    pub records: Vec<RecordRow>,
    next_key: u32,
}

impl Default for Form {
    fn default() -> Form {
        Form {
            rule_set: String::new(),
            evaluation_year: String::new(),
            title: String::new(),
            specialty: String::new(),
            reference_date: String::new(),
            exceptional: false,
            birth_date: String::new(),
            retirement_group: String::new(),
            employment: String::new(),
            retired: false,
            in_technical_post: true,
            profession_matches: true,
            post_wage_paid: true,
            moved_from_government_organ: false,
            education: String::new(),
            work_start: String::new(),
            titles: Vec::new(),
            assessments: Vec::new(),
            sanctions: Vec::new(),
            fraud_findings: Vec::new(),
            exam_passed: false,
            exam_year: String::new(),
            ce_grid: BTreeMap::new(),
            ce_new_year: String::new(),
            records: Vec::new(),
            next_key: 0,
        }
    }
}

/// Why a field cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Required and empty.
    Missing,
    /// Not a valid value (the engine's own words for it).
    Bad(InputErrorKind),
    /// The same year twice in annual assessments.
    RepeatedYear,
    /// What the engine refused once the profile was complete.
    Engine(InputError),
}

impl Problem {
    pub fn is_missing(&self) -> bool {
        matches!(self, Problem::Missing)
            || matches!(self, Problem::Engine(e) if matches!(e.kind, InputErrorKind::WorkStartRequired { .. }))
    }
}

/// The form converted: the profile when every field is usable, else what is wrong.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Checked {
    pub profile: Option<Profile>,
    pub problems: Vec<(Field, Problem)>,
    /// `profile.titles[i]` came from `form.titles[title_rows[i]]`.
    title_rows: Vec<usize>,
}

impl Checked {
    pub fn problem(&self, field: Field) -> Option<&Problem> {
        self.problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, p)| p)
    }

    /// The form field an engine error's JSON path names, if any.
    pub fn field_for_path(&self, path: &str) -> Option<Field> {
        match path {
            "rule_set" => return Some(Field::RuleSet),
            "evaluation_year" => return Some(Field::EvaluationYear),
            "work_start" => return Some(Field::WorkStart),
            "reference_date" => return Some(Field::ReferenceDate),
            "target.title" => return Some(Field::Title),
            "target.specialty" => return Some(Field::Specialty),
            "person.birth_date" => return Some(Field::BirthDate),
            _ => {}
        }
        let rest = path.strip_prefix("titles[")?;
        let (index, field) = rest.split_once(']')?;
        let row = *self.title_rows.get(index.parse::<usize>().ok()?)?;
        match field {
            ".obtained" => Some(Field::TitleObtained(row)),
            ".title" => Some(Field::TitleName(row)),
            _ => None,
        }
    }
}

/// Full-width digits and punctuation, as typed with a Chinese input method, in ASCII;
/// surrounding space removed.
fn ascii(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '．' | '。' => '.',
            '－' | '—' | '–' => '-',
            '／' => '/',
            '＋' => '+',
            c => c,
        })
        .collect()
}

/// A date as people type it: `1980-05-10`, `1980/5/10`, `1980.5.10`, `1980年5月10日`
/// or `19800510`. Empty is `None`.
pub fn parse_date(raw: &str) -> Result<Option<Date>, InputErrorKind> {
    let s = ascii(raw);
    if s.is_empty() {
        return Ok(None);
    }
    let invalid = || InputErrorKind::InvalidDate {
        value: raw.trim().chars().take(40).collect(),
    };
    let parts: Vec<&str> = if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        vec![&s[..4], &s[4..6], &s[6..]]
    } else {
        s.strip_suffix('日')
            .unwrap_or(&s)
            .split(['-', '/', '.', '年', '月'])
            .collect()
    };
    let number = |p: &str, max_len: usize| -> Option<u32> {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let [y, m, d] = parts[..] else {
        return Err(invalid());
    };
    let (Some(year), Some(month), Some(day)) = (
        number(y, 4).filter(|_| y.len() == 4),
        number(m, 2),
        number(d, 2),
    ) else {
        return Err(invalid());
    };
    let year = year as i32;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) && Date::new(2000, month, day).is_some() {
        return Err(InputErrorKind::YearOutOfRange {
            min: MIN_YEAR,
            max: MAX_YEAR,
        });
    }
    Date::new(year, month, day).map(Some).ok_or_else(invalid)
}

/// A year (`2024`, `2024年`, full-width digits). Empty is `None`.
pub fn parse_year(raw: &str) -> Result<Option<i32>, InputErrorKind> {
    let s = ascii(raw);
    let s = s.strip_suffix('年').unwrap_or(&s);
    if s.is_empty() {
        return Ok(None);
    }
    if s.len() > 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(InputErrorKind::WrongType {
            expected: JsonType::Integer,
        });
    }
    let year: i32 = s.parse().map_err(|_| InputErrorKind::NotWholeNumber)?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(InputErrorKind::YearOutOfRange {
            min: MIN_YEAR,
            max: MAX_YEAR,
        });
    }
    Ok(Some(year))
}

/// Hours (> 0, at most one decimal; the engine's own check). Empty is `None`; so is
/// `0` when `zero_is_empty` (a grid cell with nothing in it).
pub fn parse_hours(raw: &str, zero_is_empty: bool) -> Result<Option<Hours>, InputErrorKind> {
    let s = ascii(raw);
    if s.is_empty() {
        return Ok(None);
    }
    let body = s.strip_prefix(['-', '+']).unwrap_or(&s);
    let well_formed = !body.is_empty()
        && body.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && body.bytes().filter(|&b| b == b'.').count() <= 1
        && body.bytes().any(|b| b.is_ascii_digit());
    let x: f64 =
        well_formed
            .then(|| s.parse().ok())
            .flatten()
            .ok_or(InputErrorKind::WrongType {
                expected: JsonType::Number,
            })?;
    if zero_is_empty && x == 0.0 {
        return Ok(None);
    }
    record_hours(&s).map(Some)
}

/// Collects problems while converting.
struct Collector {
    problems: Vec<(Field, Problem)>,
}

impl Collector {
    fn push(&mut self, field: Field, problem: Problem) {
        self.problems.push((field, problem));
    }

    fn take<T>(&mut self, field: Field, result: Result<Option<T>, InputErrorKind>) -> Option<T> {
        result.unwrap_or_else(|kind| {
            self.push(field, Problem::Bad(kind));
            None
        })
    }

    fn required<T>(&mut self, field: Field, value: Option<T>, empty: bool) -> Option<T> {
        if value.is_none() && empty {
            self.push(field, Problem::Missing);
        }
        value
    }

    fn date(&mut self, field: Field, raw: &str) -> Option<Date> {
        self.take(field, parse_date(raw))
    }

    fn required_date(&mut self, field: Field, raw: &str) -> Option<Date> {
        let d = self.date(field, raw);
        self.required(field, d, raw.trim().is_empty())
    }

    fn year(&mut self, field: Field, raw: &str) -> Option<i32> {
        self.take(field, parse_year(raw))
    }

    fn required_year(&mut self, field: Field, raw: &str) -> Option<i32> {
        let y = self.year(field, raw);
        self.required(field, y, raw.trim().is_empty())
    }

    fn word<T>(&mut self, field: Field, raw: &str, parse: fn(&str) -> Option<T>) -> Option<T> {
        if raw.is_empty() {
            self.push(field, Problem::Missing);
            return None;
        }
        let v = parse(raw);
        if v.is_none() {
            self.push(
                field,
                Problem::Bad(InputErrorKind::UnknownValue {
                    value: raw.to_string(),
                    allowed: String::new(),
                }),
            );
        }
        v
    }

    fn text(&mut self, field: Field, raw: &str) -> Option<String> {
        let s = raw.trim();
        if s.chars().count() > MAX_TEXT_CHARS {
            self.push(
                field,
                Problem::Bad(InputErrorKind::TextTooLong {
                    max: MAX_TEXT_CHARS,
                }),
            );
        }
        (!s.is_empty()).then(|| s.to_string())
    }
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

impl Form {
    fn key(&mut self) -> u32 {
        self.next_key += 1;
        self.next_key
    }

    /// Applies one edit. Edits that name a row that does not exist do nothing.
    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Set(field, value) => self.set(field, value),
            Edit::Flag(flag, on) => self.set_flag(flag, on),
            Edit::Add(list) => {
                let key = self.key();
                match list {
                    List::Titles => self.titles.push(TitleRow {
                        key,
                        ..TitleRow::default()
                    }),
                    List::Assessments => self.assessments.push(AssessmentRow {
                        key,
                        ..AssessmentRow::default()
                    }),
                    List::Sanctions => self.sanctions.push(SanctionRow {
                        key,
                        ..SanctionRow::default()
                    }),
                    List::Fraud => self.fraud_findings.push(FraudRow {
                        key,
                        ..FraudRow::default()
                    }),
                    List::Records => {
                        let year = self.ce_grid.keys().next_back().map(i32::to_string);
                        self.records.push(RecordRow {
                            key,
                            year: year.unwrap_or_default(),
                            category: CeCategory::Professional.as_str().into(),
                            ..RecordRow::default()
                        })
                    }
                }
            }
            Edit::Remove(list, i) => {
                fn remove<T>(v: &mut Vec<T>, i: usize) {
                    if i < v.len() {
                        v.remove(i);
                    }
                }
                match list {
                    List::Titles => remove(&mut self.titles, i),
                    List::Assessments => remove(&mut self.assessments, i),
                    List::Sanctions => remove(&mut self.sanctions, i),
                    List::Fraud => remove(&mut self.fraud_findings, i),
                    List::Records => remove(&mut self.records, i),
                }
            }
            Edit::CeAddYear => {
                if let Ok(Some(year)) = parse_year(&self.ce_new_year) {
                    self.ce_grid.entry(year).or_default();
                    self.ce_new_year.clear();
                }
            }
            Edit::CeClearYear(year) => {
                self.ce_grid.remove(&year);
            }
            Edit::AppendRecords(records) => {
                for r in records {
                    let key = self.key();
                    self.records.push(RecordRow {
                        key,
                        year: r.year.to_string(),
                        category: r.category.as_str().into(),
                        hours: r.hours.to_string(),
                        online: r.online,
                        authority_recognized: r.authority_recognized,
                        note: r.note.unwrap_or_default(),
                    });
                }
            }
            Edit::ClearRecords => self.records.clear(),
            Edit::Tidy(field) => self.tidy(field),
        }
    }

    fn slot(&mut self, field: Field) -> Option<&mut String> {
        Some(match field {
            Field::RuleSet => &mut self.rule_set,
            Field::EvaluationYear => &mut self.evaluation_year,
            Field::Title => &mut self.title,
            Field::Specialty => &mut self.specialty,
            Field::ReferenceDate => &mut self.reference_date,
            Field::BirthDate => &mut self.birth_date,
            Field::RetirementGroup => &mut self.retirement_group,
            Field::Employment => &mut self.employment,
            Field::Education => &mut self.education,
            Field::WorkStart => &mut self.work_start,
            Field::TitleName(i) => &mut self.titles.get_mut(i)?.title,
            Field::TitleObtained(i) => &mut self.titles.get_mut(i)?.obtained,
            Field::AssessmentYear(i) => &mut self.assessments.get_mut(i)?.year,
            Field::AssessmentGrade(i) => &mut self.assessments.get_mut(i)?.grade,
            Field::SanctionKind(i) => &mut self.sanctions.get_mut(i)?.kind,
            Field::SanctionEffective(i) => &mut self.sanctions.get_mut(i)?.effective,
            Field::FraudYear(i) => &mut self.fraud_findings.get_mut(i)?.year,
            Field::ExamYear => &mut self.exam_year,
            Field::CeNewYear => &mut self.ce_new_year,
            Field::CeCell { year, cell } => {
                if cell >= CE_CELLS {
                    return None;
                }
                &mut self.ce_grid.entry(year).or_default()[cell]
            }
            Field::RecordYear(i) => &mut self.records.get_mut(i)?.year,
            Field::RecordCategory(i) => &mut self.records.get_mut(i)?.category,
            Field::RecordHours(i) => &mut self.records.get_mut(i)?.hours,
            Field::RecordNote(i) => &mut self.records.get_mut(i)?.note,
        })
    }

    /// The raw text of a field ("" for a row that does not exist).
    pub fn value(&self, field: Field) -> &str {
        let s: Option<&String> = match field {
            Field::RuleSet => Some(&self.rule_set),
            Field::EvaluationYear => Some(&self.evaluation_year),
            Field::Title => Some(&self.title),
            Field::Specialty => Some(&self.specialty),
            Field::ReferenceDate => Some(&self.reference_date),
            Field::BirthDate => Some(&self.birth_date),
            Field::RetirementGroup => Some(&self.retirement_group),
            Field::Employment => Some(&self.employment),
            Field::Education => Some(&self.education),
            Field::WorkStart => Some(&self.work_start),
            Field::TitleName(i) => self.titles.get(i).map(|r| &r.title),
            Field::TitleObtained(i) => self.titles.get(i).map(|r| &r.obtained),
            Field::AssessmentYear(i) => self.assessments.get(i).map(|r| &r.year),
            Field::AssessmentGrade(i) => self.assessments.get(i).map(|r| &r.grade),
            Field::SanctionKind(i) => self.sanctions.get(i).map(|r| &r.kind),
            Field::SanctionEffective(i) => self.sanctions.get(i).map(|r| &r.effective),
            Field::FraudYear(i) => self.fraud_findings.get(i).map(|r| &r.year),
            Field::ExamYear => Some(&self.exam_year),
            Field::CeNewYear => Some(&self.ce_new_year),
            Field::CeCell { year, cell } => self.ce_grid.get(&year).and_then(|c| c.get(cell)),
            Field::RecordYear(i) => self.records.get(i).map(|r| &r.year),
            Field::RecordCategory(i) => self.records.get(i).map(|r| &r.category),
            Field::RecordHours(i) => self.records.get(i).map(|r| &r.hours),
            Field::RecordNote(i) => self.records.get(i).map(|r| &r.note),
        };
        s.map_or("", String::as_str)
    }

    fn set(&mut self, field: Field, value: String) {
        if field == Field::RuleSet && value != self.rule_set {
            // The evaluation years offered depend on the rule set.
            self.evaluation_year.clear();
        }
        if let Some(slot) = self.slot(field) {
            *slot = value;
        }
    }

    pub fn flag(&self, flag: Flag) -> bool {
        match flag {
            Flag::Exceptional => self.exceptional,
            Flag::Retired => self.retired,
            Flag::InTechnicalPost => self.in_technical_post,
            Flag::ProfessionMatches => self.profession_matches,
            Flag::PostWagePaid => self.post_wage_paid,
            Flag::MovedFromGovernmentOrgan => self.moved_from_government_organ,
            Flag::ExamPassed => self.exam_passed,
            Flag::SanctionOfficial(i) => {
                self.sanctions.get(i).is_some_and(|r| r.as_public_official)
            }
            Flag::RecordOnline(i) => self.records.get(i).is_some_and(|r| r.online),
            Flag::RecordAuthority(i) => self.records.get(i).is_some_and(|r| r.authority_recognized),
        }
    }

    fn set_flag(&mut self, flag: Flag, on: bool) {
        let slot = match flag {
            Flag::Exceptional => &mut self.exceptional,
            Flag::Retired => &mut self.retired,
            Flag::InTechnicalPost => &mut self.in_technical_post,
            Flag::ProfessionMatches => &mut self.profession_matches,
            Flag::PostWagePaid => &mut self.post_wage_paid,
            Flag::MovedFromGovernmentOrgan => &mut self.moved_from_government_organ,
            Flag::ExamPassed => &mut self.exam_passed,
            Flag::SanctionOfficial(i) => match self.sanctions.get_mut(i) {
                Some(r) => &mut r.as_public_official,
                None => return,
            },
            Flag::RecordOnline(i) => match self.records.get_mut(i) {
                Some(r) => &mut r.online,
                None => return,
            },
            Flag::RecordAuthority(i) => match self.records.get_mut(i) {
                Some(r) => &mut r.authority_recognized,
                None => return,
            },
        };
        *slot = on;
    }

    fn tidy(&mut self, field: Field) {
        let raw = self.value(field).to_string();
        let tidy = if field.is_date() {
            parse_date(&raw).ok().flatten().map(|d| d.to_string())
        } else {
            match field {
                Field::EvaluationYear
                | Field::AssessmentYear(_)
                | Field::FraudYear(_)
                | Field::ExamYear
                | Field::CeNewYear
                | Field::RecordYear(_) => parse_year(&raw).ok().flatten().map(|y| y.to_string()),
                Field::CeCell { .. } | Field::RecordHours(_) => parse_hours(&raw, false)
                    .ok()
                    .flatten()
                    .map(|h| h.to_string()),
                _ => None,
            }
        };
        if let Some(tidy) = tidy {
            if tidy != raw {
                self.set(field, tidy);
            }
        }
    }

    /// Whether the rule set chosen names the specialties it covers (then one is needed).
    pub fn needs_specialty(&self) -> bool {
        rules::rule_set(&self.rule_set).is_some_and(|rs| rs.coverage.specialties.is_some())
    }

    /// The CE records of the grid and the list, with the problems of their cells.
    fn ce_records(&self, c: &mut Collector) -> Vec<CeRecord> {
        let mut out = Vec::new();
        for (&year, cells) in &self.ce_grid {
            for (cell, raw) in cells.iter().enumerate() {
                let field = Field::CeCell { year, cell };
                if let Some(hours) = c.take(field, parse_hours(raw, true)) {
                    out.push(CeRecord {
                        year,
                        category: CeCategory::ALL[cell / 2],
                        hours,
                        online: cell % 2 == 1,
                        authority_recognized: false,
                        note: None,
                    });
                }
            }
        }
        for (i, row) in self.records.iter().enumerate() {
            if blank(&row.year) && blank(&row.hours) && blank(&row.note) {
                continue;
            }
            let year = c.required_year(Field::RecordYear(i), &row.year);
            let category = c.word(Field::RecordCategory(i), &row.category, CeCategory::parse);
            let hours = c.take(Field::RecordHours(i), parse_hours(&row.hours, false));
            let hours = c.required(Field::RecordHours(i), hours, blank(&row.hours));
            let note = c.text(Field::RecordNote(i), &row.note);
            if let (Some(year), Some(category), Some(hours)) = (year, category, hours) {
                out.push(CeRecord {
                    year,
                    category,
                    hours,
                    online: row.online,
                    authority_recognized: row.authority_recognized,
                    note,
                });
            }
        }
        out
    }

    /// The CE records that are valid so far (for a CSV download of what was entered).
    pub fn valid_ce_records(&self) -> Vec<CeRecord> {
        self.ce_records(&mut Collector {
            problems: Vec::new(),
        })
    }

    /// Per year and cell, the hours of the valid rows of the records list.
    pub fn record_sums(&self) -> BTreeMap<i32, [Hours; CE_CELLS]> {
        let mut out: BTreeMap<i32, [Hours; CE_CELLS]> = BTreeMap::new();
        for row in &self.records {
            let (Ok(Some(year)), Some(cat), Ok(Some(hours))) = (
                parse_year(&row.year),
                CeCategory::parse(&row.category),
                parse_hours(&row.hours, false),
            ) else {
                continue;
            };
            out.entry(year).or_default()[cell_index(cat.index(), row.online)] += hours;
        }
        out
    }

    /// The years the grid shows: those with entries, those of the list's records, and
    /// `suggested` (the years the verdict looks at), ascending.
    pub fn ce_years(&self, suggested: impl IntoIterator<Item = i32>) -> Vec<i32> {
        // Inserted one by one (`extend`, not `collect`, which sorts: a copy of the
        // sorting code per type in the wasm).
        let mut years: BTreeSet<i32> = BTreeSet::new();
        years.extend(self.ce_grid.keys().copied());
        years.extend(
            self.records
                .iter()
                .filter_map(|r| parse_year(&r.year).ok().flatten()),
        );
        years.extend(suggested);
        years.into_iter().collect()
    }

    /// Converts the form; the profile is there when no field has a problem.
    pub fn check(&self) -> Checked {
        let mut c = Collector {
            problems: Vec::new(),
        };
        let rule_set = c.required(
            Field::RuleSet,
            (!self.rule_set.is_empty()).then(|| self.rule_set.clone()),
            true,
        );
        let evaluation_year = c.year(Field::EvaluationYear, &self.evaluation_year);
        let title = c.word(Field::Title, &self.title, Title::parse);
        let title = title.filter(|t| {
            let ok = t.is_target();
            if !ok {
                c.push(
                    Field::Title,
                    Problem::Bad(InputErrorKind::NotATarget { title: *t }),
                );
            }
            ok
        });
        let specialty = c.text(Field::Specialty, &self.specialty);
        if specialty.is_none() && self.needs_specialty() {
            c.push(Field::Specialty, Problem::Missing);
        }
        let reference_date = c.date(Field::ReferenceDate, &self.reference_date);
        let birth_date = c.required_date(Field::BirthDate, &self.birth_date);
        let retirement_group = c.word(
            Field::RetirementGroup,
            &self.retirement_group,
            RetirementGroup::parse,
        );
        let employment = c.word(Field::Employment, &self.employment, Employment::parse);
        let education = c.word(Field::Education, &self.education, Education::parse);
        let work_start = c.date(Field::WorkStart, &self.work_start);

        let mut titles = Vec::new();
        let mut title_rows = Vec::new();
        for (i, row) in self.titles.iter().enumerate() {
            if row.title.is_empty() && blank(&row.obtained) {
                continue;
            }
            let title = c.word(Field::TitleName(i), &row.title, Title::parse);
            let obtained = c.required_date(Field::TitleObtained(i), &row.obtained);
            if let (Some(title), Some(obtained)) = (title, obtained) {
                titles.push(HeldTitle { title, obtained });
                title_rows.push(i);
            }
        }

        let mut assessments = BTreeMap::new();
        for (i, row) in self.assessments.iter().enumerate() {
            if blank(&row.year) && row.grade.is_empty() {
                continue;
            }
            let year = c.required_year(Field::AssessmentYear(i), &row.year);
            let grade = c.word(Field::AssessmentGrade(i), &row.grade, Assessment::parse);
            if let (Some(year), Some(grade)) = (year, grade) {
                if assessments.insert(year, grade).is_some() {
                    c.push(Field::AssessmentYear(i), Problem::RepeatedYear);
                }
            }
        }

        let mut sanctions = Vec::new();
        for (i, row) in self.sanctions.iter().enumerate() {
            if row.kind.is_empty() && blank(&row.effective) {
                continue;
            }
            let kind = c.word(Field::SanctionKind(i), &row.kind, SanctionKind::parse);
            let effective = c.required_date(Field::SanctionEffective(i), &row.effective);
            if let (Some(kind), Some(effective)) = (kind, effective) {
                sanctions.push(Sanction {
                    kind,
                    effective,
                    as_public_official: row.as_public_official,
                });
            }
        }

        let mut fraud_findings = Vec::new();
        for (i, row) in self.fraud_findings.iter().enumerate() {
            if blank(&row.year) {
                continue;
            }
            if let Some(year) = c.year(Field::FraudYear(i), &row.year) {
                fraud_findings.push(FraudFinding {
                    evaluation_year: year,
                });
            }
        }

        let exams = if self.exam_passed {
            vec![PassedExam {
                exam: Exam::SeniorEconomist,
                year: c.year(Field::ExamYear, &self.exam_year),
            }]
        } else {
            Vec::new()
        };

        let ce_records = self.ce_records(&mut c);

        let profile = match (
            c.problems.is_empty(),
            rule_set,
            title,
            birth_date,
            retirement_group,
            employment,
            education,
        ) {
            (
                true,
                Some(rule_set),
                Some(title),
                Some(birth_date),
                Some(retirement_group),
                Some(employment),
                Some(education),
            ) => Some(Profile {
                rule_set,
                evaluation_year,
                target: Target {
                    series: title.series(),
                    title,
                    specialty,
                },
                reference_date,
                exceptional: self.exceptional,
                person: Person {
                    birth_date,
                    retirement_group,
                    employment,
                    retired: self.retired,
                    in_technical_post: self.in_technical_post,
                    profession_matches: self.profession_matches,
                    post_wage_paid: self.post_wage_paid,
                    moved_from_government_organ: self.moved_from_government_organ,
                },
                education,
                work_start,
                titles,
                assessments,
                sanctions,
                fraud_findings,
                exams,
                ce_records,
            }),
            _ => None,
        };
        Checked {
            profile,
            problems: c.problems,
            title_rows,
        }
    }

    /// The form showing a profile. CE records without a note or the authority mark go
    /// into the grid (one per cell); the rest stay in the list, as entered.
    pub fn from_profile(p: &Profile) -> Form {
        let mut f = Form {
            rule_set: p.rule_set.clone(),
            evaluation_year: p.evaluation_year.map(|y| y.to_string()).unwrap_or_default(),
            title: p.target.title.as_str().into(),
            specialty: p.target.specialty.clone().unwrap_or_default(),
            reference_date: p.reference_date.map(|d| d.to_string()).unwrap_or_default(),
            exceptional: p.exceptional,
            birth_date: p.person.birth_date.to_string(),
            retirement_group: p.person.retirement_group.as_str().into(),
            employment: p.person.employment.as_str().into(),
            retired: p.person.retired,
            in_technical_post: p.person.in_technical_post,
            profession_matches: p.person.profession_matches,
            post_wage_paid: p.person.post_wage_paid,
            moved_from_government_organ: p.person.moved_from_government_organ,
            education: p.education.as_str().into(),
            work_start: p.work_start.map(|d| d.to_string()).unwrap_or_default(),
            ..Form::default()
        };
        for t in &p.titles {
            let key = f.key();
            f.titles.push(TitleRow {
                key,
                title: t.title.as_str().into(),
                obtained: t.obtained.to_string(),
            });
        }
        for (year, grade) in &p.assessments {
            let key = f.key();
            f.assessments.push(AssessmentRow {
                key,
                year: year.to_string(),
                grade: grade.as_str().into(),
            });
        }
        for s in &p.sanctions {
            let key = f.key();
            f.sanctions.push(SanctionRow {
                key,
                kind: s.kind.as_str().into(),
                effective: s.effective.to_string(),
                as_public_official: s.as_public_official,
            });
        }
        for x in &p.fraud_findings {
            let key = f.key();
            f.fraud_findings.push(FraudRow {
                key,
                year: x.evaluation_year.to_string(),
            });
        }
        // One exam entry is enough: it counts when any entry has no year or the
        // earliest year is not after the evaluation year.
        if !p.exams.is_empty() {
            f.exam_passed = true;
            f.exam_year = if p.exams.iter().any(|e| e.year.is_none()) {
                String::new()
            } else {
                p.exams
                    .iter()
                    .filter_map(|e| e.year)
                    .min()
                    .map(|y| y.to_string())
                    .unwrap_or_default()
            };
        }
        let mut listed = Vec::new();
        for r in &p.ce_records {
            let cell = cell_index(r.category.index(), r.online);
            let cells = f.ce_grid.entry(r.year).or_default();
            if r.note.is_none() && !r.authority_recognized && cells[cell].is_empty() {
                cells[cell] = r.hours.to_string();
            } else {
                listed.push(r.clone());
            }
        }
        f.apply(Edit::AppendRecords(listed));
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXAMPLES: [&str; 5] = [
        include_str!("../tests/examples/huzhou_assistant_engineer_associate_degree.profile.json"),
        include_str!("../tests/examples/jxt_2019_online_hours_over_cap.profile.json"),
        include_str!("../tests/examples/liandu_2024_professional_hours_short.profile.json"),
        include_str!("../tests/examples/liandu_senior_engineer_eligible.profile.json"),
        include_str!("../tests/examples/shanxi_senior_economist_without_exam.profile.json"),
    ];

    fn sorted(mut records: Vec<CeRecord>) -> Vec<String> {
        records.sort_by_key(|r| (r.year, r.category, r.online, r.hours));
        records.iter().map(|r| format!("{r:?}")).collect()
    }

    #[test]
    fn every_example_survives_the_form() {
        for text in EXAMPLES {
            let profile = Profile::from_json(text).unwrap();
            let form = Form::from_profile(&profile);
            let checked = form.check();
            assert!(checked.problems.is_empty(), "{:?}", checked.problems);
            let mut back = checked.profile.unwrap();
            assert_eq!(
                sorted(back.ce_records.clone()),
                sorted(profile.ce_records.clone())
            );
            back.ce_records = profile.ce_records.clone();
            assert_eq!(back, profile);
        }
    }

    #[test]
    fn a_profile_with_everything_survives_the_form() {
        let text = r#"{"format":"zhicheng-profile/1","rule_set":"sx-2020","evaluation_year":2021,
          "target":{"series":"economics","title":"senior_economist","specialty":"财务"},
          "reference_date":"2021-06-01","exceptional":true,
          "person":{"birth_date":"1975-02-28","retirement_group":"female_55","employment":"public_institution",
            "retired":false,"in_technical_post":false,"profession_matches":false,"post_wage_paid":false,
            "moved_from_government_organ":true},
          "education":"master","work_start":"2000-07-01",
          "titles":[{"title":"economist","obtained":"2012-10-01"}],
          "assessments":{"2019":"unqualified","2020":"excellent"},
          "sanctions":[{"kind":"demerit","effective":"2020-03-01","as_public_official":true}],
          "fraud_findings":[{"evaluation_year":2018}],
          "exams":[{"exam":"senior_economist","year":2019}],
          "ce_records":[
            {"year":2020,"category":"professional","hours":30,"online":true,"authority_recognized":false},
            {"year":2020,"category":"professional","hours":12.5,"online":true,"authority_recognized":false},
            {"year":2020,"category":"general_public","hours":6,"online":false,"authority_recognized":true},
            {"year":2021,"category":"industry_public","hours":4,"online":false,"authority_recognized":false,"note":"讲座"}
          ]}"#;
        let profile = Profile::from_json(text).unwrap();
        let form = Form::from_profile(&profile);
        assert_eq!(form.ce_grid[&2020][cell_index(0, true)], "30");
        assert_eq!(
            form.records.len(),
            3,
            "a second record of a cell, the authority mark and a note stay listed"
        );
        let back = form.check().profile.unwrap();
        assert_eq!(
            sorted(back.ce_records.clone()),
            sorted(profile.ce_records.clone())
        );
        assert_eq!(
            Profile {
                ce_records: profile.ce_records.clone(),
                ..back
            },
            profile
        );
    }

    #[test]
    fn dates_as_people_type_them() {
        let d = |s: &str| parse_date(s).map(|d| d.map(|d| d.to_string()));
        assert_eq!(d("1980-05-10"), Ok(Some("1980-05-10".into())));
        assert_eq!(d(" 1980/5/1 "), Ok(Some("1980-05-01".into())));
        assert_eq!(d("1980.5.10"), Ok(Some("1980-05-10".into())));
        assert_eq!(d("1980年5月10日"), Ok(Some("1980-05-10".into())));
        assert_eq!(d("19800510"), Ok(Some("1980-05-10".into())));
        assert_eq!(d("１９８０－０５－１０"), Ok(Some("1980-05-10".into())));
        assert_eq!(d(""), Ok(None));
        assert_eq!(
            d("1980-02-30"),
            Err(InputErrorKind::InvalidDate {
                value: "1980-02-30".into()
            })
        );
        assert!(matches!(
            d("80-05-10"),
            Err(InputErrorKind::InvalidDate { .. })
        ));
        assert!(matches!(
            d("1980-5"),
            Err(InputErrorKind::InvalidDate { .. })
        ));
        assert!(matches!(d("abc"), Err(InputErrorKind::InvalidDate { .. })));
        assert!(matches!(
            d("1800-01-01"),
            Err(InputErrorKind::YearOutOfRange { .. })
        ));
    }

    #[test]
    fn hours_and_years() {
        assert_eq!(
            parse_hours("12.5", false),
            Ok(Some(Hours::from_tenths(125)))
        );
        assert_eq!(parse_hours("０", true), Ok(None));
        assert_eq!(
            parse_hours("0", false),
            Err(InputErrorKind::HoursNotPositive)
        );
        assert_eq!(
            parse_hours("-5", true),
            Err(InputErrorKind::HoursNotPositive)
        );
        assert_eq!(
            parse_hours("1.25", true),
            Err(InputErrorKind::HoursTooPrecise)
        );
        assert!(matches!(
            parse_hours("inf", true),
            Err(InputErrorKind::WrongType { .. })
        ));
        assert!(matches!(
            parse_hours("1e3", true),
            Err(InputErrorKind::WrongType { .. })
        ));
        assert_eq!(parse_year("2024年"), Ok(Some(2024)));
        assert!(parse_year("24").is_err());
        assert!(parse_year("20x4").is_err());
    }

    #[test]
    fn bad_input_is_named_and_kept() {
        let mut form = Form::from_profile(&Profile::from_json(EXAMPLES[3]).unwrap());
        form.apply(Edit::Set(Field::BirthDate, "1980-02-30".into()));
        form.apply(Edit::Set(
            Field::CeCell {
                year: 2024,
                cell: 0,
            },
            "-5".into(),
        ));
        form.apply(Edit::Tidy(Field::BirthDate));
        let checked = form.check();
        assert!(checked.profile.is_none());
        assert_eq!(form.birth_date, "1980-02-30", "the bad text stays");
        assert!(matches!(
            checked.problem(Field::BirthDate),
            Some(Problem::Bad(InputErrorKind::InvalidDate { .. }))
        ));
        assert_eq!(
            checked.problem(Field::CeCell {
                year: 2024,
                cell: 0
            }),
            Some(&Problem::Bad(InputErrorKind::HoursNotPositive))
        );
        assert_eq!(form.education, "bachelor", "other fields are untouched");
    }

    #[test]
    fn missing_fields_are_listed_and_tidy_writes_dates() {
        let mut form = Form::default();
        let missing: Vec<Field> = form.check().problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            missing,
            vec![
                Field::RuleSet,
                Field::Title,
                Field::BirthDate,
                Field::RetirementGroup,
                Field::Employment,
                Field::Education
            ]
        );
        form.apply(Edit::Set(Field::BirthDate, "1980/5/1".into()));
        form.apply(Edit::Tidy(Field::BirthDate));
        assert_eq!(form.birth_date, "1980-05-01");
        form.apply(Edit::Set(Field::RuleSet, "zj-jxt-gaogong-2020".into()));
        assert!(form.check().problem(Field::Specialty).is_some());
    }

    #[test]
    fn rows_grid_and_records() {
        let mut form = Form::default();
        form.apply(Edit::Add(List::Titles));
        form.apply(Edit::Add(List::Titles));
        form.apply(Edit::Set(Field::TitleName(1), "engineer".into()));
        form.apply(Edit::Set(Field::TitleObtained(1), "2018-12-20".into()));
        let checked = form.check();
        assert_eq!(
            checked.field_for_path("titles[0].obtained"),
            Some(Field::TitleObtained(1)),
            "an empty row is skipped, the path still finds its row"
        );
        form.apply(Edit::Remove(List::Titles, 0));
        assert_eq!(form.titles.len(), 1);
        assert_ne!(form.titles[0].key, 0);

        form.ce_new_year = "2023".into();
        form.apply(Edit::CeAddYear);
        assert!(form.ce_grid.contains_key(&2023));
        assert!(form.ce_new_year.is_empty());
        form.apply(Edit::AppendRecords(vec![CeRecord {
            year: 2022,
            category: CeCategory::GeneralPublic,
            hours: Hours::from_tenths(80),
            online: true,
            authority_recognized: false,
            note: None,
        }]));
        assert_eq!(form.ce_years([2024]), vec![2022, 2023, 2024]);
        assert_eq!(
            form.record_sums()[&2022][cell_index(2, true)],
            Hours::from_tenths(80)
        );
        form.apply(Edit::CeClearYear(2023));
        assert_eq!(form.ce_years([]), vec![2022]);
    }
}
