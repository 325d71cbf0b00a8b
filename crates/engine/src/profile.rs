//! The applicant's profile (`zhicheng-profile/1`, SPEC §2): types, reading, writing.
//!
//! Reading checks each field on its own (types, enums, dates, hours) and names its
//! JSON path on error. Checks across fields that need the rule set (the evaluation
//! year's range, titles obtained after it, a missing `work_start`) are made by
//! `evaluate`, so a profile built in code is checked the same way.

use crate::date::{Date, MAX_YEAR, MIN_YEAR};
use crate::decimal::{Decimal, Whole};
use crate::error::{InputError, InputErrorKind, JsonType};
use crate::hours::Hours;
// The hours of a CE record are read where hours are kept; re-exported for the readers
// of CE records (the CSV import, the roster, the form).
pub use crate::hours::{record_hours, MAX_RECORD_HOURS};
use crate::json::{self, Json};
use crate::sorted::SortedMap;
use crate::vocab::{
    Assessment, CeCategory, Education, Employment, Exam, RetirementGroup, SanctionKind, Series,
    Title,
};

/// The value of `format`.
pub const PROFILE_FORMAT: &str = "zhicheng-profile/1";

/// The longest free text (`note`, `specialty`) accepted.
pub const MAX_TEXT_CHARS: usize = 500;
/// The most entries of any list.
pub const MAX_ITEMS: usize = 10_000;

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub rule_set: String,
    pub evaluation_year: Option<i32>,
    pub target: Target,
    pub reference_date: Option<Date>,
    pub exceptional: bool,
    pub person: Person,
    pub education: Education,
    pub work_start: Option<Date>,
    pub titles: Vec<HeldTitle>,
    pub assessments: SortedMap<i32, Assessment>,
    pub sanctions: Vec<Sanction>,
    pub fraud_findings: Vec<FraudFinding>,
    pub exams: Vec<PassedExam>,
    pub ce_records: Vec<CeRecord>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub series: Series,
    pub title: Title,
    pub specialty: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub birth_date: Date,
    pub retirement_group: RetirementGroup,
    pub employment: Employment,
    pub retired: bool,
    pub in_technical_post: bool,
    pub profession_matches: bool,
    pub post_wage_paid: bool,
    pub moved_from_government_organ: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeldTitle {
    pub title: Title,
    pub obtained: Date,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sanction {
    pub kind: SanctionKind,
    pub effective: Date,
    pub as_public_official: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FraudFinding {
    pub evaluation_year: i32,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PassedExam {
    pub exam: Exam,
    pub year: Option<i32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CeRecord {
    pub year: i32,
    pub category: CeCategory,
    pub hours: Hours,
    pub online: bool,
    pub authority_recognized: bool,
    pub note: Option<String>,
}

impl Profile {
    /// Reads a profile from JSON text.
    pub fn from_json(text: &str) -> Result<Profile, InputError> {
        Profile::from_value(&json::parse(text)?)
    }

    /// Reads a profile from a parsed JSON value.
    pub fn from_value(value: &Json) -> Result<Profile, InputError> {
        let mut r = Reader { path: Vec::new() };
        r.profile(value)
    }

    /// The earliest date the profile holds `title`, if it does.
    pub fn title_obtained(&self, title: Title) -> Option<Date> {
        self.titles
            .iter()
            .filter(|t| t.title == title)
            .map(|t| t.obtained)
            .min()
    }

    /// The profile as a JSON value (defaults written out only where they differ).
    pub fn to_value(&self) -> Json {
        let date = |d: Date| Json::str(d.to_string());
        let mut f: Vec<(&str, Json)> = vec![
            ("format", Json::str(PROFILE_FORMAT)),
            ("rule_set", Json::str(&self.rule_set)),
        ];
        if let Some(y) = self.evaluation_year {
            f.push(("evaluation_year", Json::int(i64::from(y))));
        }
        let mut target = vec![
            ("series", Json::str(self.target.series.as_str())),
            ("title", Json::str(self.target.title.as_str())),
        ];
        if let Some(s) = &self.target.specialty {
            target.push(("specialty", Json::str(s)));
        }
        f.push(("target", Json::object(target)));
        if let Some(d) = self.reference_date {
            f.push(("reference_date", date(d)));
        }
        if self.exceptional {
            f.push(("exceptional", Json::Bool(true)));
        }
        let p = &self.person;
        let mut person = vec![
            ("birth_date", date(p.birth_date)),
            ("retirement_group", Json::str(p.retirement_group.as_str())),
            ("employment", Json::str(p.employment.as_str())),
        ];
        for (name, value, default) in [
            ("retired", p.retired, false),
            ("in_technical_post", p.in_technical_post, true),
            ("profession_matches", p.profession_matches, true),
            ("post_wage_paid", p.post_wage_paid, true),
            (
                "moved_from_government_organ",
                p.moved_from_government_organ,
                false,
            ),
        ] {
            if value != default {
                person.push((name, Json::Bool(value)));
            }
        }
        f.push(("person", Json::object(person)));
        f.push(("education", Json::str(self.education.as_str())));
        if let Some(d) = self.work_start {
            f.push(("work_start", date(d)));
        }
        f.push((
            "titles",
            Json::Array(
                self.titles
                    .iter()
                    .map(|t| {
                        Json::object(vec![
                            ("title", Json::str(t.title.as_str())),
                            ("obtained", date(t.obtained)),
                        ])
                    })
                    .collect(),
            ),
        ));
        if !self.assessments.is_empty() {
            f.push((
                "assessments",
                Json::Object(
                    self.assessments
                        .iter()
                        .map(|(y, a)| (y.to_string(), Json::str(a.as_str())))
                        .collect(),
                ),
            ));
        }
        if !self.sanctions.is_empty() {
            f.push((
                "sanctions",
                Json::Array(
                    self.sanctions
                        .iter()
                        .map(|s| {
                            Json::object(vec![
                                ("kind", Json::str(s.kind.as_str())),
                                ("effective", date(s.effective)),
                                ("as_public_official", Json::Bool(s.as_public_official)),
                            ])
                        })
                        .collect(),
                ),
            ));
        }
        if !self.fraud_findings.is_empty() {
            f.push((
                "fraud_findings",
                Json::Array(
                    self.fraud_findings
                        .iter()
                        .map(|x| {
                            Json::object(vec![(
                                "evaluation_year",
                                Json::int(i64::from(x.evaluation_year)),
                            )])
                        })
                        .collect(),
                ),
            ));
        }
        if !self.exams.is_empty() {
            f.push((
                "exams",
                Json::Array(
                    self.exams
                        .iter()
                        .map(|e| {
                            let mut o = vec![("exam", Json::str(e.exam.as_str()))];
                            if let Some(y) = e.year {
                                o.push(("year", Json::int(i64::from(y))));
                            }
                            Json::object(o)
                        })
                        .collect(),
                ),
            ));
        }
        f.push((
            "ce_records",
            Json::Array(
                self.ce_records
                    .iter()
                    .map(|c| {
                        let mut o = vec![
                            ("year", Json::int(i64::from(c.year))),
                            ("category", Json::str(c.category.as_str())),
                            ("hours", Json::Number(c.hours.to_string())),
                            ("online", Json::Bool(c.online)),
                            ("authority_recognized", Json::Bool(c.authority_recognized)),
                        ];
                        if let Some(n) = &c.note {
                            o.push(("note", Json::str(n)));
                        }
                        Json::object(o)
                    })
                    .collect(),
            ),
        ));
        Json::object(f)
    }

    /// The profile as indented JSON text, as exported to a file.
    pub fn to_json_pretty(&self) -> String {
        self.to_value().to_pretty_text()
    }

    /// The profile as compact JSON text, as carried in a share link.
    pub fn to_json(&self) -> String {
        self.to_value().to_text()
    }
}

/// Walks a JSON value, keeping the path for error messages.
struct Reader {
    path: Vec<json::Segment>,
}

type Fields<'a> = &'a [(String, Json)];

// The helpers every field calls are kept out of line (`#[inline(never)]`): inlined,
// each of the profile's forty-odd fields carried its own copy of the path's upkeep and
// of an error's making, in the wasm (docs/performance.md).
impl Reader {
    #[inline(never)]
    fn err(&self, kind: InputErrorKind) -> InputError {
        InputError::new(json::path_text(&self.path), kind)
    }

    #[inline(never)]
    fn enter(&mut self, key: &str) {
        self.path.push(json::Segment::Key(key.to_string()));
    }

    #[inline(never)]
    fn leave(&mut self) {
        self.path.pop();
    }

    fn at<T>(
        &mut self,
        key: &str,
        f: impl FnOnce(&mut Reader) -> Result<T, InputError>,
    ) -> Result<T, InputError> {
        self.enter(key);
        let out = f(self)?;
        self.leave();
        Ok(out)
    }

    #[inline(never)]
    fn object<'a>(&self, v: &'a Json, allowed: &[&str]) -> Result<Fields<'a>, InputError> {
        let Json::Object(fields) = v else {
            return Err(self.err(InputErrorKind::WrongType {
                expected: JsonType::Object,
            }));
        };
        if let Some((k, _)) = fields.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
            let mut path = self.path.clone();
            path.push(json::Segment::Key(k.clone()));
            return Err(InputError::new(
                json::path_text(&path),
                InputErrorKind::UnknownField {
                    allowed: allowed.join(", "),
                },
            ));
        }
        Ok(fields)
    }

    /// A field's value; `null` counts as absent.
    fn get<'a>(fields: Fields<'a>, key: &str) -> Option<&'a Json> {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Json::Null)
    }

    fn required<T>(
        &mut self,
        fields: Fields,
        key: &str,
        f: impl FnOnce(&mut Reader, &Json) -> Result<T, InputError>,
    ) -> Result<T, InputError> {
        self.at(key, |r| match Reader::get(fields, key) {
            Some(v) => f(r, v),
            None => Err(r.err(InputErrorKind::Missing)),
        })
    }

    fn optional<T>(
        &mut self,
        fields: Fields,
        key: &str,
        f: impl FnOnce(&mut Reader, &Json) -> Result<T, InputError>,
    ) -> Result<Option<T>, InputError> {
        match Reader::get(fields, key) {
            None => Ok(None),
            Some(v) => self.at(key, |r| f(r, v)).map(Some),
        }
    }

    fn string<'a>(&self, v: &'a Json) -> Result<&'a str, InputError> {
        match v {
            Json::String(s) => Ok(s),
            _ => Err(self.err(InputErrorKind::WrongType {
                expected: JsonType::String,
            })),
        }
    }

    fn text(&self, v: &Json) -> Result<String, InputError> {
        let s = self.string(v)?;
        if s.chars().count() > MAX_TEXT_CHARS {
            return Err(self.err(InputErrorKind::TextTooLong {
                max: MAX_TEXT_CHARS,
            }));
        }
        Ok(s.to_string())
    }

    fn boolean(&self, v: &Json) -> Result<bool, InputError> {
        match v {
            Json::Bool(b) => Ok(*b),
            _ => Err(self.err(InputErrorKind::WrongType {
                expected: JsonType::Boolean,
            })),
        }
    }

    fn flag(&mut self, fields: Fields, key: &str, default: bool) -> Result<bool, InputError> {
        Ok(self
            .optional(fields, key, |r, v| r.boolean(v))?
            .unwrap_or(default))
    }

    fn date(&self, v: &Json) -> Result<Date, InputError> {
        let s = self.string(v)?;
        if let Some(d) = Date::parse(s) {
            return Ok(d);
        }
        // A well-formed date whose only fault is a year outside the range.
        let year_only = s.len() == 10
            && s.get(..4)
                .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|y| y.parse::<i32>().ok())
                .is_some_and(|y| !(MIN_YEAR..=MAX_YEAR).contains(&y))
            && s.get(4..)
                .is_some_and(|rest| Date::parse(&format!("2000{rest}")).is_some());
        Err(self.err(if year_only {
            InputErrorKind::YearOutOfRange {
                min: MIN_YEAR,
                max: MAX_YEAR,
            }
        } else {
            InputErrorKind::InvalidDate {
                value: s.chars().take(40).collect(),
            }
        }))
    }

    /// A year: a whole number within `MIN_YEAR..=MAX_YEAR`, judged by the exact value
    /// its text writes (`2024.0` is 2024; `2024.0000000000000001` is not whole).
    fn year(&self, v: &Json) -> Result<i32, InputError> {
        let wrong = || {
            self.err(InputErrorKind::WrongType {
                expected: JsonType::Integer,
            })
        };
        let Json::Number(n) = v else {
            return Err(wrong());
        };
        let d = Decimal::read(n).ok_or_else(wrong)?;
        match d.whole_within(i64::from(MIN_YEAR), i64::from(MAX_YEAR)) {
            Ok(year) => Ok(year as i32),
            Err(Whole::Not) => Err(self.err(InputErrorKind::NotWholeNumber)),
            Err(Whole::OutOfRange) => Err(self.err(InputErrorKind::YearOutOfRange {
                min: MIN_YEAR,
                max: MAX_YEAR,
            })),
        }
    }

    fn hours(&self, v: &Json) -> Result<Hours, InputError> {
        match v {
            Json::Number(text) => record_hours(text).map_err(|kind| self.err(kind)),
            _ => Err(self.err(InputErrorKind::WrongType {
                expected: JsonType::Number,
            })),
        }
    }

    fn word<T>(
        &self,
        v: &Json,
        parse: fn(&str) -> Option<T>,
        names: fn() -> String,
    ) -> Result<T, InputError> {
        let s = self.string(v)?;
        parse(s).ok_or_else(|| {
            self.err(InputErrorKind::UnknownValue {
                value: s.to_string(),
                allowed: names(),
            })
        })
    }

    fn list<T>(
        &mut self,
        fields: Fields,
        key: &str,
        mut item: impl FnMut(&mut Reader, &Json) -> Result<T, InputError>,
    ) -> Result<Vec<T>, InputError> {
        let Some(v) = Reader::get(fields, key) else {
            return Ok(Vec::new());
        };
        self.at(key, |r| {
            let Json::Array(items) = v else {
                return Err(r.err(InputErrorKind::WrongType {
                    expected: JsonType::Array,
                }));
            };
            if items.len() > MAX_ITEMS {
                return Err(r.err(InputErrorKind::TooManyItems { max: MAX_ITEMS }));
            }
            let mut out = Vec::with_capacity(items.len());
            for (i, v) in items.iter().enumerate() {
                r.path.push(json::Segment::Index(i));
                out.push(item(r, v)?);
                r.path.pop();
            }
            Ok(out)
        })
    }

    fn profile(&mut self, v: &Json) -> Result<Profile, InputError> {
        let Json::Object(all) = v else {
            return Err(self.err(InputErrorKind::WrongType {
                expected: JsonType::Object,
            }));
        };
        // `format` first: a file of another kind is named as such, not as a list of errors.
        self.required(all, "format", |r, v| {
            let s = r.string(v)?;
            if s == PROFILE_FORMAT {
                Ok(())
            } else {
                Err(r.err(InputErrorKind::WrongFormat {
                    found: s.chars().take(60).collect(),
                }))
            }
        })?;
        let f = self.object(
            v,
            &[
                "format",
                "rule_set",
                "evaluation_year",
                "target",
                "reference_date",
                "exceptional",
                "person",
                "education",
                "work_start",
                "titles",
                "assessments",
                "sanctions",
                "fraud_findings",
                "exams",
                "ce_records",
            ],
        )?;
        let rule_set = self.required(f, "rule_set", |r, v| r.string(v).map(str::to_string))?;
        let evaluation_year = self.optional(f, "evaluation_year", |r, v| r.year(v))?;
        let target = self.required(f, "target", |r, v| r.target(v))?;
        let reference_date = self.optional(f, "reference_date", |r, v| r.date(v))?;
        let exceptional = self.flag(f, "exceptional", false)?;
        let person = self.required(f, "person", |r, v| r.person(v))?;
        let education = self.required(f, "education", |r, v| {
            r.word(v, Education::parse, Education::names)
        })?;
        let work_start = self.optional(f, "work_start", |r, v| r.date(v))?;
        let titles = self.list(f, "titles", |r, v| {
            let f = r.object(v, &["title", "obtained"])?;
            Ok(HeldTitle {
                title: r.required(f, "title", |r, v| r.word(v, Title::parse, Title::names))?,
                obtained: r.required(f, "obtained", |r, v| r.date(v))?,
            })
        })?;
        let assessments = self
            .optional(f, "assessments", |r, v| {
                let Json::Object(entries) = v else {
                    return Err(r.err(InputErrorKind::WrongType {
                        expected: JsonType::Object,
                    }));
                };
                let mut out = SortedMap::new();
                for (key, grade) in entries {
                    r.at(key, |r| {
                        let year = key
                            .parse::<i32>()
                            .ok()
                            .filter(|y| (MIN_YEAR..=MAX_YEAR).contains(y) && key.len() == 4)
                            .ok_or_else(|| {
                                r.err(InputErrorKind::YearOutOfRange {
                                    min: MIN_YEAR,
                                    max: MAX_YEAR,
                                })
                            })?;
                        out.insert(year, r.word(grade, Assessment::parse, Assessment::names)?);
                        Ok(())
                    })?;
                }
                Ok(out)
            })?
            .unwrap_or_default();
        let sanctions = self.list(f, "sanctions", |r, v| {
            let f = r.object(v, &["kind", "effective", "as_public_official"])?;
            Ok(Sanction {
                kind: r.required(f, "kind", |r, v| {
                    r.word(v, SanctionKind::parse, SanctionKind::names)
                })?,
                effective: r.required(f, "effective", |r, v| r.date(v))?,
                as_public_official: r.flag(f, "as_public_official", false)?,
            })
        })?;
        let fraud_findings = self.list(f, "fraud_findings", |r, v| {
            let f = r.object(v, &["evaluation_year"])?;
            Ok(FraudFinding {
                evaluation_year: r.required(f, "evaluation_year", |r, v| r.year(v))?,
            })
        })?;
        let exams = self.list(f, "exams", |r, v| {
            let f = r.object(v, &["exam", "year"])?;
            Ok(PassedExam {
                exam: r.required(f, "exam", |r, v| r.word(v, Exam::parse, Exam::names))?,
                year: r.optional(f, "year", |r, v| r.year(v))?,
            })
        })?;
        let ce_records = self.list(f, "ce_records", |r, v| {
            let f = r.object(
                v,
                &[
                    "year",
                    "category",
                    "hours",
                    "online",
                    "authority_recognized",
                    "note",
                ],
            )?;
            Ok(CeRecord {
                year: r.required(f, "year", |r, v| r.year(v))?,
                category: r.required(f, "category", |r, v| {
                    r.word(v, CeCategory::parse, CeCategory::names)
                })?,
                hours: r.required(f, "hours", |r, v| r.hours(v))?,
                online: r.flag(f, "online", false)?,
                authority_recognized: r.flag(f, "authority_recognized", false)?,
                note: r.optional(f, "note", |r, v| r.text(v))?,
            })
        })?;
        Ok(Profile {
            rule_set,
            evaluation_year,
            target,
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

    fn target(&mut self, v: &Json) -> Result<Target, InputError> {
        let f = self.object(v, &["series", "title", "specialty"])?;
        let series = self.required(f, "series", |r, v| r.word(v, Series::parse, Series::names))?;
        let title = self.required(f, "title", |r, v| {
            let title = r.word(v, Title::parse, Title::names)?;
            if !title.is_target() {
                return Err(r.err(InputErrorKind::NotATarget { title }));
            }
            if title.series() != series {
                return Err(r.err(InputErrorKind::TitleNotInSeries { title, series }));
            }
            Ok(title)
        })?;
        let specialty = self.optional(f, "specialty", |r, v| r.text(v))?;
        Ok(Target {
            series,
            title,
            specialty,
        })
    }

    fn person(&mut self, v: &Json) -> Result<Person, InputError> {
        let f = self.object(
            v,
            &[
                "birth_date",
                "retirement_group",
                "employment",
                "retired",
                "in_technical_post",
                "profession_matches",
                "post_wage_paid",
                "moved_from_government_organ",
            ],
        )?;
        Ok(Person {
            birth_date: self.required(f, "birth_date", |r, v| r.date(v))?,
            retirement_group: self.required(f, "retirement_group", |r, v| {
                r.word(v, RetirementGroup::parse, RetirementGroup::names)
            })?,
            employment: self.required(f, "employment", |r, v| {
                r.word(v, Employment::parse, Employment::names)
            })?,
            retired: self.flag(f, "retired", false)?,
            in_technical_post: self.flag(f, "in_technical_post", true)?,
            profession_matches: self.flag(f, "profession_matches", true)?,
            post_wage_paid: self.flag(f, "post_wage_paid", true)?,
            moved_from_government_organ: self.flag(f, "moved_from_government_organ", false)?,
        })
    }
}
