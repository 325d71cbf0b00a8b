//! The form converted into a [`Profile`]: every field checked as the engine checks
//! its JSON (a date that exists, hours > 0 with one decimal, a known word), each
//! problem named on its field, so the engine gets a valid profile or the user sees
//! which field to fix. Nothing here decides eligibility. Also what the CE step shows
//! of what was entered (valid records, the records list's sums, the grid's years).

use zhicheng_engine::profile::{
    CeRecord, FraudFinding, HeldTitle, PassedExam, Person, Sanction, Target, MAX_TEXT_CHARS,
};
use zhicheng_engine::rules;
use zhicheng_engine::sorted::{SortedMap, SortedSet};
use zhicheng_engine::vocab::{
    Assessment, CeCategory, Education, Employment, Exam, RetirementGroup, SanctionKind, Title,
};
use zhicheng_engine::{Date, Hours, InputError, InputErrorKind, Lang, Profile};

use super::field::{Field, List, Name};
use super::parse::{self, Refusal};
use super::table::{FieldDef, Place, FIELDS};
use super::typed::{cell_index, Form, CE_CELLS};
use crate::i18n;

/// Why a field cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Required and empty.
    Missing,
    /// Not a valid value (the engine's own words for it).
    Bad(InputErrorKind),
    /// A value as typed that cannot be read (a date, year or hours: the words of the
    /// lenient reader the roster and the CE CSV share).
    Value(Refusal),
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

    /// What is wrong, in `lang` (the engine's own words for a bad value).
    pub fn text(&self, lang: Lang) -> String {
        let engine = |e: &InputError| match lang {
            Lang::Zh => e.message_zh(),
            Lang::En => e.message_en(),
        };
        match self {
            Problem::Missing => i18n::REQUIRED.get(lang).to_string(),
            Problem::Bad(kind) => engine(&InputError::new("", kind.clone())),
            Problem::Value(r) => r.message().into_lang(lang),
            Problem::RepeatedYear => i18n::YEAR_ENTERED_TWICE.get(lang).to_string(),
            Problem::Engine(e) => engine(e),
        }
    }
}

/// For each list of the profile, the form's row each of its items came from (`None`:
/// an item of the CE grid): how an engine error's path finds its row.
#[derive(Clone, Debug, PartialEq, Default)]
struct Origins(Vec<(List, Vec<Option<usize>>)>);

impl Origins {
    fn push(&mut self, list: List, row: Option<usize>) {
        match self.0.iter_mut().find(|(l, _)| *l == list) {
            Some((_, rows)) => rows.push(row),
            None => self.0.push((list, vec![row])),
        }
    }

    fn row(&self, list: List, item: usize) -> Option<usize> {
        let (_, rows) = self.0.iter().find(|(l, _)| *l == list)?;
        *rows.get(item)?
    }
}

/// The form converted: the profile when every field is usable, else what is wrong.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Checked {
    pub profile: Option<Profile>,
    pub problems: Vec<(Field, Problem)>,
    /// The rows the profile's list items came from.
    origins: Origins,
}

impl Checked {
    pub fn problem(&self, field: Field) -> Option<&Problem> {
        self.problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, p)| p)
    }

    /// The form field an engine error's JSON path names, if any: the field whose
    /// descriptor gives that path (`titles[1].obtained` through the row its item came
    /// from).
    pub fn field_for_path(&self, path: &str) -> Option<Field> {
        FIELDS.iter().find_map(|def| {
            def.json
                .iter()
                .find_map(|pattern| self.field_at(def, pattern, path))
        })
    }

    fn field_at(&self, def: &FieldDef, pattern: &str, path: &str) -> Option<Field> {
        match (pattern.split_once("[]"), def.place) {
            (None, Place::Form) => (pattern == path).then_some(Field::new(def.name)),
            (Some((array, part)), Place::List(list)) => {
                let (index, rest) = path
                    .strip_prefix(array)?
                    .strip_prefix('[')?
                    .split_once(']')?;
                let row = self.origins.row(list, index.parse().ok()?)?;
                (rest == part).then_some(Field::row(def.name, row))
            }
            _ => None,
        }
    }
}

/// Collects problems while converting.
#[derive(Default)]
struct Collector {
    problems: Vec<(Field, Problem)>,
    origins: Origins,
}

impl Collector {
    fn push(&mut self, field: Field, problem: Problem) {
        self.problems.push((field, problem));
    }

    /// The item just added to a list of the profile came from this row of the form.
    fn came_from(&mut self, list: List, row: Option<usize>) {
        self.origins.push(list, row);
    }

    fn take<T>(&mut self, field: Field, result: Result<Option<T>, Refusal>) -> Option<T> {
        result.unwrap_or_else(|r| {
            self.push(field, Problem::Value(r));
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
        self.take(field, parse::date(raw))
    }

    fn required_date(&mut self, field: Field, raw: &str) -> Option<Date> {
        let d = self.date(field, raw);
        self.required(field, d, raw.trim().is_empty())
    }

    fn year(&mut self, field: Field, raw: &str) -> Option<i32> {
        self.take(field, parse::year(raw))
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
    /// Whether the rule set chosen names the specialties it covers (then one is needed).
    pub fn needs_specialty(&self) -> bool {
        rules::rule_set(&self.rule_set).is_some_and(|rs| rs.coverage.specialties.is_some())
    }

    /// The CE records of the grid and the list, with the problems of their cells.
    fn ce_records(&self, c: &mut Collector) -> Vec<CeRecord> {
        let mut out = Vec::new();
        for (&year, cells) in &self.ce_grid {
            for (cell, raw) in cells.iter().enumerate() {
                let field = Field::cell(year, cell);
                if let Some(hours) = c.take(field, parse::grid_hours(raw)) {
                    c.came_from(List::Records, None);
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
            let year = c.required_year(Field::row(Name::RecordYear, i), &row.year);
            let category = c.word(
                Field::row(Name::RecordCategory, i),
                &row.category,
                CeCategory::parse,
            );
            let hours = c.take(Field::row(Name::RecordHours, i), parse::hours(&row.hours));
            let hours = c.required(Field::row(Name::RecordHours, i), hours, blank(&row.hours));
            let note = c.text(Field::row(Name::RecordNote, i), &row.note);
            if let (Some(year), Some(category), Some(hours)) = (year, category, hours) {
                c.came_from(List::Records, Some(i));
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
        self.ce_records(&mut Collector::default())
    }

    /// Per year and cell, the hours of the valid rows of the records list.
    pub fn record_sums(&self) -> SortedMap<i32, [Hours; CE_CELLS]> {
        let mut out: SortedMap<i32, [Hours; CE_CELLS]> = SortedMap::new();
        for row in &self.records {
            let (Ok(Some(year)), Some(cat), Ok(Some(hours))) = (
                parse::year(&row.year),
                CeCategory::parse(&row.category),
                parse::hours(&row.hours),
            ) else {
                continue;
            };
            out.get_or_default(year)[cell_index(cat.index(), row.online)] += hours;
        }
        out
    }

    /// The years the grid shows: those with entries, those of the list's records, and
    /// `suggested` (the years the verdict looks at), ascending.
    pub fn ce_years(&self, suggested: impl IntoIterator<Item = i32>) -> Vec<i32> {
        let mut years: SortedSet<i32> = SortedSet::new();
        years.extend(self.ce_grid.keys().copied());
        years.extend(
            self.records
                .iter()
                .filter_map(|r| parse::year(&r.year).ok().flatten()),
        );
        years.extend(suggested);
        years.into_iter().collect()
    }

    /// The titles held, from the rows that are not blank.
    fn titles_held(&self, c: &mut Collector) -> Vec<HeldTitle> {
        let mut titles = Vec::new();
        for (i, row) in self.titles.iter().enumerate() {
            if row.title.is_empty() && blank(&row.obtained) {
                continue;
            }
            let title = c.word(Field::row(Name::TitleHeld, i), &row.title, Title::parse);
            let obtained = c.required_date(Field::row(Name::TitleObtained, i), &row.obtained);
            if let (Some(title), Some(obtained)) = (title, obtained) {
                titles.push(HeldTitle { title, obtained });
                c.came_from(List::Titles, Some(i));
            }
        }
        titles
    }

    /// The annual assessments (a year entered twice is a problem).
    fn assessments_given(&self, c: &mut Collector) -> SortedMap<i32, Assessment> {
        let mut assessments = SortedMap::new();
        for (i, row) in self.assessments.iter().enumerate() {
            if blank(&row.year) && row.grade.is_empty() {
                continue;
            }
            let year = c.required_year(Field::row(Name::AssessmentYear, i), &row.year);
            let grade = c.word(
                Field::row(Name::AssessmentGrade, i),
                &row.grade,
                Assessment::parse,
            );
            if let (Some(year), Some(grade)) = (year, grade) {
                if assessments.insert(year, grade).is_some() {
                    c.push(Field::row(Name::AssessmentYear, i), Problem::RepeatedYear);
                }
            }
        }
        assessments
    }

    fn sanctions_given(&self, c: &mut Collector) -> Vec<Sanction> {
        let mut sanctions = Vec::new();
        for (i, row) in self.sanctions.iter().enumerate() {
            if row.kind.is_empty() && blank(&row.effective) {
                continue;
            }
            let kind = c.word(
                Field::row(Name::SanctionKind, i),
                &row.kind,
                SanctionKind::parse,
            );
            let effective = c.required_date(Field::row(Name::SanctionEffective, i), &row.effective);
            if let (Some(kind), Some(effective)) = (kind, effective) {
                c.came_from(List::Sanctions, Some(i));
                sanctions.push(Sanction {
                    kind,
                    effective,
                    as_public_official: row.as_public_official,
                });
            }
        }
        sanctions
    }

    fn fraud_findings_given(&self, c: &mut Collector) -> Vec<FraudFinding> {
        let mut fraud_findings = Vec::new();
        for (i, row) in self.fraud_findings.iter().enumerate() {
            if blank(&row.year) {
                continue;
            }
            if let Some(year) = c.year(Field::row(Name::FraudYear, i), &row.year) {
                c.came_from(List::Fraud, Some(i));
                fraud_findings.push(FraudFinding {
                    evaluation_year: year,
                });
            }
        }
        fraud_findings
    }

    /// Converts the form; the profile is there when no field has a problem.
    pub fn check(&self) -> Checked {
        let mut c = Collector::default();
        let rule_set = c.required(
            Field::new(Name::RuleSet),
            (!self.rule_set.is_empty()).then(|| self.rule_set.clone()),
            true,
        );
        let evaluation_year = c.year(Field::new(Name::EvaluationYear), &self.evaluation_year);
        let title = c.word(Field::new(Name::Title), &self.title, Title::parse);
        let title = title.filter(|t| {
            let ok = t.is_target();
            if !ok {
                c.push(
                    Field::new(Name::Title),
                    Problem::Bad(InputErrorKind::NotATarget { title: *t }),
                );
            }
            ok
        });
        let specialty = c.text(Field::new(Name::Specialty), &self.specialty);
        if specialty.is_none() && self.needs_specialty() {
            c.push(Field::new(Name::Specialty), Problem::Missing);
        }
        let reference_date = c.date(Field::new(Name::ReferenceDate), &self.reference_date);
        let birth_date = c.required_date(Field::new(Name::BirthDate), &self.birth_date);
        let retirement_group = c.word(
            Field::new(Name::RetirementGroup),
            &self.retirement_group,
            RetirementGroup::parse,
        );
        let employment = c.word(
            Field::new(Name::Employment),
            &self.employment,
            Employment::parse,
        );
        let education = c.word(
            Field::new(Name::Education),
            &self.education,
            Education::parse,
        );
        let work_start = c.date(Field::new(Name::WorkStart), &self.work_start);

        let titles = self.titles_held(&mut c);
        let assessments = self.assessments_given(&mut c);
        let sanctions = self.sanctions_given(&mut c);
        let fraud_findings = self.fraud_findings_given(&mut c);

        let exams = if self.exam_passed {
            vec![PassedExam {
                exam: Exam::SeniorEconomist,
                year: c.year(Field::new(Name::ExamYear), &self.exam_year),
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
            origins: c.origins,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::edit::Edit;
    use crate::form::examples::EXAMPLES;
    use zhicheng_formats::lenient::{Kind as Spelled, Outcome, Reason, Source, Value, SPELLINGS};

    /// The one table of spellings (crates/formats/src/lenient/spellings.rs), typed into
    /// the form: the form reads each as the roster and the CE CSV do (`in_form`).
    #[test]
    fn the_form_reads_the_table_of_spellings() {
        let mut base = Form::from_profile(&Profile::from_json(EXAMPLES[3]).unwrap());
        base.ce_new_year = "2031".into();
        base.apply(Edit::CeAddYear);
        let mut checked_rows = 0;
        for s in SPELLINGS {
            let mut form = base.clone();
            let field = match s.kind {
                Spelled::Date => Field::new(Name::ReferenceDate),
                Spelled::Year => Field::new(Name::EvaluationYear),
                Spelled::GridHours => Field::cell(2031, 0),
                Spelled::Hours => {
                    form.apply(Edit::Add(List::Records));
                    let row = form.records.len() - 1;
                    form.apply(Edit::Set(Field::row(Name::RecordYear, row), "2031".into()));
                    form.apply(Edit::Set(
                        Field::row(Name::RecordCategory, row),
                        "professional".into(),
                    ));
                    Field::row(Name::RecordHours, row)
                }
                // Yes/no are check boxes in the form.
                Spelled::YesNo => continue,
            };
            form.apply(Edit::Set(field, s.input.to_string()));
            let checked = form.check();
            let got = match (checked.problem(field), &checked.profile) {
                (Some(Problem::Value(r)), _) => Outcome::Refused(r.reason),
                (Some(Problem::Missing), _) => Outcome::Empty,
                (None, Some(p)) => match s.kind {
                    Spelled::Date => p.reference_date.map(Value::Date),
                    Spelled::Year => p.evaluation_year.map(Value::Year),
                    _ => p
                        .ce_records
                        .iter()
                        .find(|r| r.year == 2031)
                        .map(|r| Value::Hours(r.hours)),
                }
                .map_or(Outcome::Empty, Outcome::Value),
                // A year refused by the engine once the profile is whole (a projection
                // beyond the rule set's five years) is not a reading problem.
                (None, None) => continue,
                other => panic!("{:?}: {other:?} {:?}", s.input, checked.problems),
            };
            assert_eq!(got, s.expected(Source::Form), "{:?} {:?}", s.kind, s.input);
            checked_rows += 1;
        }
        assert!(checked_rows > 100, "only {checked_rows} spellings checked");
    }

    #[test]
    fn bad_input_is_named_and_kept() {
        let mut form = Form::from_profile(&Profile::from_json(EXAMPLES[3]).unwrap());
        form.apply(Edit::Set(Field::new(Name::BirthDate), "1980-02-30".into()));
        form.apply(Edit::Set(Field::cell(2024, 0), "-5".into()));
        form.apply(Edit::Tidy(Field::new(Name::BirthDate)));
        let checked = form.check();
        assert!(checked.profile.is_none());
        assert_eq!(form.birth_date, "1980-02-30", "the bad text stays");
        assert!(matches!(
            checked.problem(Field::new(Name::BirthDate)),
            Some(Problem::Value(r)) if r.reason == Reason::InvalidDate
        ));
        assert!(matches!(
            checked.problem(Field::cell(2024, 0)),
            Some(Problem::Value(r)) if r.reason == Reason::HoursNotPositive
        ));
        assert_eq!(form.education, "bachelor", "other fields are untouched");
    }

    #[test]
    fn missing_fields_are_listed_and_tidy_writes_dates() {
        let mut form = Form::default();
        let missing: Vec<Field> = form.check().problems.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            missing,
            vec![
                Field::new(Name::RuleSet),
                Field::new(Name::Title),
                Field::new(Name::BirthDate),
                Field::new(Name::RetirementGroup),
                Field::new(Name::Employment),
                Field::new(Name::Education)
            ]
        );
        form.apply(Edit::Set(Field::new(Name::BirthDate), "1980/5/1".into()));
        form.apply(Edit::Tidy(Field::new(Name::BirthDate)));
        assert_eq!(form.birth_date, "1980-05-01");
        form.apply(Edit::Set(
            Field::new(Name::RuleSet),
            "zj-jxt-gaogong-2020".into(),
        ));
        assert!(form.check().problem(Field::new(Name::Specialty)).is_some());
    }

    #[test]
    fn paths_of_the_engine_find_their_fields() {
        let checked = Form::default().check();
        for (path, field) in [
            ("person.birth_date", Field::new(Name::BirthDate)),
            ("target.specialty", Field::new(Name::Specialty)),
            ("work_start", Field::new(Name::WorkStart)),
            ("exams[0].year", Field::new(Name::ExamYear)),
        ] {
            assert_eq!(checked.field_for_path(path), Some(field), "{path}");
        }
        assert_eq!(
            checked.field_for_path("titles[0].obtained"),
            None,
            "no such item"
        );
        assert_eq!(checked.field_for_path("ce_records[0].hours"), None);
        assert_eq!(
            Problem::Bad(InputErrorKind::HoursNotPositive).text(Lang::En),
            "must be greater than 0"
        );
        assert_eq!(Problem::Missing.text(Lang::Zh), "必填");
    }

    #[test]
    fn rows_grid_and_records() {
        let mut form = Form::default();
        form.apply(Edit::Add(List::Titles));
        form.apply(Edit::Add(List::Titles));
        form.apply(Edit::Set(Field::row(Name::TitleHeld, 1), "engineer".into()));
        form.apply(Edit::Set(
            Field::row(Name::TitleObtained, 1),
            "2018-12-20".into(),
        ));
        let checked = form.check();
        assert_eq!(
            checked.field_for_path("titles[0].obtained"),
            Some(Field::row(Name::TitleObtained, 1)),
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
            form.record_sums()
                .get(&2022)
                .map(|c| c[cell_index(2, true)]),
            Some(Hours::from_tenths(80))
        );
        form.apply(Edit::CeClearYear(2023));
        assert_eq!(form.ce_years([]), vec![2022]);
    }
}
