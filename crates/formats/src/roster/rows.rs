//! One roster row read cell by cell into a [`Profile`]: dates, years, hours and yes/no
//! through [`crate::lenient`], the vocabularies and list cells through `values`, each
//! refusal put on its column.

use super::columns::Field;
use super::errors::{Problem, RowError};
use super::header::Header;
use super::values::{
    assessment_item, ce_record_item, exam_item, rule_set_id, sanction_item, specialty_id, year,
    Vocab, EDUCATIONS, EMPLOYMENTS, RETIREMENT_GROUPS, SERIES, TITLES,
};
use crate::csv::Record;
use crate::lenient::{self, Refusal};
use zhicheng_engine::profile::{
    CeRecord, FraudFinding, HeldTitle, Person, Target, MAX_ITEMS, MAX_TEXT_CHARS,
};
use zhicheng_engine::rules;
use zhicheng_engine::sorted::SortedMap;
use zhicheng_engine::{Date, InputErrorKind, Profile};

/// Reads one row's cells into a profile.
pub(super) struct RowReader<'h, 'r, 'a> {
    pub(super) header: &'h Header,
    pub(super) rec: &'r Record<'a>,
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

    /// A value through its lenient reader, refused on its column.
    fn value<T>(
        &self,
        field: Field,
        read: fn(&str) -> Result<Option<T>, Refusal>,
    ) -> Cell<Option<T>> {
        read(self.cell(field)).map_err(|r| self.err(field, Problem::Value(r)))
    }

    /// A date as a spreadsheet writes it (Excel serials too).
    fn date(&self, field: Field) -> Cell<Option<Date>> {
        self.value(field, lenient::spreadsheet_date)
    }

    fn year(&self, field: Field) -> Cell<Option<i32>> {
        self.value(field, lenient::year)
    }

    /// Yes or no; empty is `default`.
    fn flag(&self, field: Field, default: bool) -> Cell<bool> {
        Ok(self.value(field, lenient::yes_no)?.unwrap_or(default))
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

    /// The CE records of the row's CE columns: one per cell with hours (a cell of 0
    /// has none).
    fn ce_columns(&self) -> Cell<Vec<CeRecord>> {
        let mut out = Vec::new();
        for &(i, col) in &self.header.ce {
            let hours = lenient::grid_hours(self.rec.get(i)).map_err(|r| RowError {
                line: self.rec.line,
                column: Some(self.header.names.get(i).to_string()),
                problem: Problem::Value(r),
            })?;
            if let Some(hours) = hours {
                out.push(CeRecord {
                    year: col.year,
                    category: col.category,
                    hours,
                    online: col.online,
                    authority_recognized: col.authority_recognized,
                    note: None,
                });
            }
        }
        Ok(out)
    }

    pub(super) fn profile(&self) -> Cell<Profile> {
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
            .map(|s| crate::csv::unguard(&s).to_string())
            .map(|s| specialty_id(&s).map_or(s, str::to_string));
        let reference_date = self.date(Field::ReferenceDate)?;
        let exceptional = self.flag(Field::Exceptional, false)?;
        let birth_date = self
            .date(Field::BirthDate)?
            .ok_or_else(|| self.err(Field::BirthDate, Problem::Input(InputErrorKind::Missing)))?;
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
        let mut assessments = SortedMap::new();
        for (y, a) in self.items(Field::Assessments, assessment_item)? {
            assessments.insert(y, a);
        }
        let sanctions = self.items(Field::Sanctions, sanction_item)?;
        let fraud_findings = self.items(Field::FraudFindings, |s| {
            year(s).map(|evaluation_year| FraudFinding { evaluation_year })
        })?;
        let exams = self.items(Field::Exams, exam_item)?;
        let mut ce_records = self.items(Field::CeRecords, ce_record_item)?;
        ce_records.extend(self.ce_columns()?);
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
    use crate::roster::Roster;
    use zhicheng_engine::vocab::{Assessment, SanctionKind, Series};

    fn profile(header: &str, row: &str) -> Result<Profile, RowError> {
        let text = format!("{header}\n{row}\n");
        let mut roster = Roster::read(&text).unwrap();
        roster.next().unwrap().profile
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
        assert_eq!(p.assessments.get(&2021), Some(&Assessment::Unqualified));
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
