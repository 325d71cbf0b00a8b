//! One descriptor per field of the form, in one table (as ripgrep has one `Flag` per
//! flag): each field's DOM id stem, its step, its label in both languages, its kind,
//! where it stands (the form, a list's rows, the CE grid), where a profile holds it,
//! its key in the stored form, and how to reach it in a [`Form`]. Everything the app
//! knows of a field comes from here: its DOM id, step and label ([`Field::dom_id`],
//! [`Field::step`], [`Field::label`]), its value (`form::edit`), the engine's JSON
//! paths back to fields (`form::check`) and the stored form (`form::stored`). A new
//! field is a [`Name`], an entry here and its slot in `Form`.

use zhicheng_engine::vocab::CeCategory;
use zhicheng_engine::Lang;

use super::field::{At, Field, List, Name};
use super::step::Step;
use super::typed::{AssessmentRow, Form, FraudRow, RecordRow, SanctionRow, TitleRow, CE_CELLS};
use crate::i18n::{self, Text};

/// What a field holds, and so how it is entered and tidied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// A date, typed (`1980-05-10`, `1980/5/10`, `19800510`), tidied to `YYYY-MM-DD`.
    Date,
    /// A year, typed, tidied to four ASCII digits.
    Year,
    /// Hours with at most one decimal, typed.
    Hours,
    /// One of a list of values, in a `<select>`.
    Select,
    /// One of a few values, as radio buttons.
    Radio,
    /// A tick.
    Checkbox,
}

/// Where a field stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// On the form itself.
    Form,
    /// In each row of a list.
    List(List),
    /// In each cell of the CE grid.
    Grid,
}

/// How a field is reached in a [`Form`] (where it stands given by an [`At`]); `None`
/// for a row or cell that does not exist.
#[derive(Clone, Copy)]
pub enum Access {
    /// Text, or the value of a choice.
    Text {
        get: fn(&Form, At) -> Option<&String>,
        slot: fn(&mut Form, At) -> Option<&mut String>,
    },
    /// A tick.
    Flag {
        get: fn(&Form, At) -> Option<bool>,
        slot: fn(&mut Form, At) -> Option<&mut bool>,
    },
}

/// What is known of a field.
pub struct FieldDef {
    pub name: Name,
    /// The DOM id's stem: `f-{stem}` on the form, `f-{list's stem}-{row}-{stem}` in a
    /// list, `f-ce-{year}-{category}-{online|offline}` in the grid.
    pub stem: &'static str,
    /// The step that shows it.
    pub step: Step,
    /// Its label (in a list, the row's part: "取得日期"; the row is named by its list).
    pub label: Text,
    pub kind: Kind,
    pub place: Place,
    /// Where a profile holds what it makes (`person.birth_date`; in a list or the
    /// grid, `titles[].obtained`, `[]` standing for the item's index); empty where the
    /// profile has no place for it.
    pub json: &'static [&'static str],
    /// Its key in the stored form (`zhicheng:v1`'s `"form"`; in a list, in each row's
    /// object); `None` where it is not stored.
    pub stored: Option<&'static str>,
    pub access: Access,
}

/// How a list's rows are reached in a [`Form`].
#[derive(Clone, Copy)]
pub struct Rows {
    pub len: fn(&Form) -> usize,
    /// Appends an empty row with this key.
    pub push: fn(&mut Form, u32),
    /// Removes a row (nothing if there is no such row).
    pub remove: fn(&mut Form, usize),
}

/// What is known of a list.
pub struct ListDef {
    pub list: List,
    /// The DOM id stem of its rows' fields (`f-{stem}-{row}-…`).
    pub stem: &'static str,
    /// What one row is called, numbered in labels ("职称2的取得日期").
    pub row_label: Text,
    /// Its key in the stored form.
    pub stored: &'static str,
    pub rows: Rows,
}

// Accessors, written once for every field of a kind.

macro_rules! text {
    ($field:ident) => {
        Access::Text {
            get: |f, _| Some(&f.$field),
            slot: |f, _| Some(&mut f.$field),
        }
    };
    ($rows:ident[].$field:ident) => {
        Access::Text {
            get: |f, at| f.$rows.get(at.row()?).map(|r| &r.$field),
            slot: |f, at| f.$rows.get_mut(at.row()?).map(|r| &mut r.$field),
        }
    };
}

macro_rules! flag {
    ($field:ident) => {
        Access::Flag {
            get: |f, _| Some(f.$field),
            slot: |f, _| Some(&mut f.$field),
        }
    };
    ($rows:ident[].$field:ident) => {
        Access::Flag {
            get: |f, at| f.$rows.get(at.row()?).map(|r| r.$field),
            slot: |f, at| f.$rows.get_mut(at.row()?).map(|r| &mut r.$field),
        }
    };
}

macro_rules! rows {
    ($rows:ident, $row:ident) => {
        Rows {
            len: |f| f.$rows.len(),
            push: |f, key| {
                f.$rows.push($row {
                    key,
                    ..$row::default()
                })
            },
            remove: |f, i| {
                if i < f.$rows.len() {
                    f.$rows.remove(i);
                }
            },
        }
    };
}

fn cell_text(f: &Form, at: At) -> Option<&String> {
    match at {
        At::Cell { year, cell } => f.ce_grid.get(&year)?.get(cell),
        At::Form | At::Row(_) => None,
    }
}

fn cell_slot(f: &mut Form, at: At) -> Option<&mut String> {
    match at {
        At::Cell { year, cell } if cell < CE_CELLS => {
            Some(&mut f.ce_grid.get_or_default(year)[cell])
        }
        _ => None,
    }
}

/// Every field, in the order of [`Name`] (which is also the stored form's order).
pub static FIELDS: [FieldDef; 34] = [
    FieldDef {
        name: Name::RuleSet,
        stem: "rule-set",
        step: Step::Target,
        label: i18n::RULE_SET,
        kind: Kind::Radio,
        place: Place::Form,
        json: &["rule_set"],
        stored: Some("rule_set"),
        access: text!(rule_set),
    },
    FieldDef {
        name: Name::EvaluationYear,
        stem: "evaluation-year",
        step: Step::Target,
        label: i18n::EVALUATION_YEAR,
        kind: Kind::Select,
        place: Place::Form,
        json: &["evaluation_year"],
        stored: Some("evaluation_year"),
        access: text!(evaluation_year),
    },
    FieldDef {
        name: Name::Title,
        stem: "title",
        step: Step::Target,
        label: i18n::TARGET_TITLE,
        kind: Kind::Select,
        place: Place::Form,
        json: &["target.title", "target.series"],
        stored: Some("title"),
        access: text!(title),
    },
    FieldDef {
        name: Name::Specialty,
        stem: "specialty",
        step: Step::Target,
        label: i18n::SPECIALTY,
        // A select where the rule set lists its specialties (the view decides).
        kind: Kind::Text,
        place: Place::Form,
        json: &["target.specialty"],
        stored: Some("specialty"),
        access: text!(specialty),
    },
    FieldDef {
        name: Name::ReferenceDate,
        stem: "reference-date",
        step: Step::Other,
        label: i18n::REFERENCE_DATE,
        kind: Kind::Date,
        place: Place::Form,
        json: &["reference_date"],
        stored: Some("reference_date"),
        access: text!(reference_date),
    },
    FieldDef {
        name: Name::Exceptional,
        stem: "exceptional",
        step: Step::Target,
        label: i18n::EXCEPTIONAL,
        kind: Kind::Checkbox,
        place: Place::Form,
        json: &["exceptional"],
        stored: Some("exceptional"),
        access: flag!(exceptional),
    },
    FieldDef {
        name: Name::BirthDate,
        stem: "birth-date",
        step: Step::About,
        label: i18n::BIRTH_DATE,
        kind: Kind::Date,
        place: Place::Form,
        json: &["person.birth_date"],
        stored: Some("birth_date"),
        access: text!(birth_date),
    },
    FieldDef {
        name: Name::RetirementGroup,
        stem: "retirement-group",
        step: Step::About,
        label: i18n::RETIREMENT_GROUP,
        kind: Kind::Radio,
        place: Place::Form,
        json: &["person.retirement_group"],
        stored: Some("retirement_group"),
        access: text!(retirement_group),
    },
    FieldDef {
        name: Name::Employment,
        stem: "employment",
        step: Step::About,
        label: i18n::EMPLOYMENT,
        kind: Kind::Select,
        place: Place::Form,
        json: &["person.employment"],
        stored: Some("employment"),
        access: text!(employment),
    },
    FieldDef {
        name: Name::Retired,
        stem: "retired",
        step: Step::About,
        label: i18n::RETIRED,
        kind: Kind::Checkbox,
        place: Place::Form,
        json: &["person.retired"],
        stored: Some("retired"),
        access: flag!(retired),
    },
    FieldDef {
        name: Name::InTechnicalPost,
        stem: "in-technical-post",
        step: Step::About,
        label: i18n::IN_TECHNICAL_POST,
        kind: Kind::Checkbox,
        place: Place::Form,
        json: &["person.in_technical_post"],
        stored: Some("in_technical_post"),
        access: flag!(in_technical_post),
    },
    FieldDef {
        name: Name::ProfessionMatches,
        stem: "profession-matches",
        step: Step::About,
        label: i18n::PROFESSION_MATCHES,
        kind: Kind::Checkbox,
        place: Place::Form,
        json: &["person.profession_matches"],
        stored: Some("profession_matches"),
        access: flag!(profession_matches),
    },
    FieldDef {
        name: Name::PostWagePaid,
        stem: "post-wage-paid",
        step: Step::About,
        label: i18n::POST_WAGE_PAID,
        kind: Kind::Checkbox,
        place: Place::Form,
        json: &["person.post_wage_paid"],
        stored: Some("post_wage_paid"),
        access: flag!(post_wage_paid),
    },
    FieldDef {
        name: Name::MovedFromGovernmentOrgan,
        stem: "moved-from-government-organ",
        step: Step::About,
        label: i18n::MOVED_FROM_GOVERNMENT_ORGAN,
        kind: Kind::Checkbox,
        place: Place::Form,
        json: &["person.moved_from_government_organ"],
        stored: Some("moved_from_government_organ"),
        access: flag!(moved_from_government_organ),
    },
    FieldDef {
        name: Name::Education,
        stem: "education",
        step: Step::Education,
        label: i18n::EDUCATION,
        kind: Kind::Select,
        place: Place::Form,
        json: &["education"],
        stored: Some("education"),
        access: text!(education),
    },
    FieldDef {
        name: Name::WorkStart,
        stem: "work-start",
        step: Step::Education,
        label: i18n::WORK_START,
        kind: Kind::Date,
        place: Place::Form,
        json: &["work_start"],
        stored: Some("work_start"),
        access: text!(work_start),
    },
    FieldDef {
        name: Name::TitleHeld,
        stem: "name",
        step: Step::Education,
        label: i18n::TITLE_NAME,
        kind: Kind::Select,
        place: Place::List(List::Titles),
        json: &["titles[].title"],
        stored: Some("title"),
        access: text!(titles[].title),
    },
    FieldDef {
        name: Name::TitleObtained,
        stem: "obtained",
        step: Step::Education,
        label: i18n::TITLE_OBTAINED,
        kind: Kind::Date,
        place: Place::List(List::Titles),
        json: &["titles[].obtained"],
        stored: Some("obtained"),
        access: text!(titles[].obtained),
    },
    FieldDef {
        name: Name::AssessmentYear,
        stem: "year",
        step: Step::Other,
        label: i18n::YEAR,
        kind: Kind::Year,
        place: Place::List(List::Assessments),
        // The object's keys.
        json: &["assessments"],
        stored: Some("year"),
        access: text!(assessments[].year),
    },
    FieldDef {
        name: Name::AssessmentGrade,
        stem: "grade",
        step: Step::Other,
        label: i18n::GRADE,
        kind: Kind::Select,
        place: Place::List(List::Assessments),
        // The object's values.
        json: &["assessments"],
        stored: Some("grade"),
        access: text!(assessments[].grade),
    },
    FieldDef {
        name: Name::SanctionKind,
        stem: "kind",
        step: Step::Other,
        label: i18n::SANCTION_KIND,
        kind: Kind::Select,
        place: Place::List(List::Sanctions),
        json: &["sanctions[].kind"],
        stored: Some("kind"),
        access: text!(sanctions[].kind),
    },
    FieldDef {
        name: Name::SanctionEffective,
        stem: "effective",
        step: Step::Other,
        label: i18n::SANCTION_EFFECTIVE,
        kind: Kind::Date,
        place: Place::List(List::Sanctions),
        json: &["sanctions[].effective"],
        stored: Some("effective"),
        access: text!(sanctions[].effective),
    },
    FieldDef {
        name: Name::SanctionOfficial,
        stem: "official",
        step: Step::Other,
        label: i18n::SANCTION_OFFICIAL,
        kind: Kind::Checkbox,
        place: Place::List(List::Sanctions),
        json: &["sanctions[].as_public_official"],
        stored: Some("as_public_official"),
        access: flag!(sanctions[].as_public_official),
    },
    FieldDef {
        name: Name::FraudYear,
        stem: "year",
        step: Step::Other,
        label: i18n::FRAUD_YEAR,
        kind: Kind::Year,
        place: Place::List(List::Fraud),
        json: &["fraud_findings[].evaluation_year"],
        stored: Some("year"),
        access: text!(fraud_findings[].year),
    },
    FieldDef {
        name: Name::ExamPassed,
        stem: "exam-passed",
        step: Step::Other,
        label: i18n::EXAM_PASSED,
        kind: Kind::Checkbox,
        place: Place::Form,
        // The form's one exam (the senior economist examination).
        json: &["exams[0].exam"],
        stored: Some("exam_passed"),
        access: flag!(exam_passed),
    },
    FieldDef {
        name: Name::ExamYear,
        stem: "exam-year",
        step: Step::Other,
        label: i18n::EXAM_YEAR,
        kind: Kind::Year,
        place: Place::Form,
        json: &["exams[0].year"],
        stored: Some("exam_year"),
        access: text!(exam_year),
    },
    FieldDef {
        name: Name::CeCell,
        stem: "ce",
        step: Step::Ce,
        label: i18n::CE_HOURS,
        kind: Kind::Hours,
        place: Place::Grid,
        // A record of its year, category and mode.
        json: &[
            "ce_records[].year",
            "ce_records[].category",
            "ce_records[].online",
            "ce_records[].hours",
        ],
        stored: Some("ce_grid"),
        access: Access::Text {
            get: cell_text,
            slot: cell_slot,
        },
    },
    FieldDef {
        name: Name::CeNewYear,
        stem: "ce-new-year",
        step: Step::Ce,
        label: i18n::ADD_YEAR,
        kind: Kind::Year,
        place: Place::Form,
        // A year to add to the grid, not a value of the profile.
        json: &[],
        stored: None,
        access: text!(ce_new_year),
    },
    FieldDef {
        name: Name::RecordYear,
        stem: "year",
        step: Step::Ce,
        label: i18n::YEAR,
        kind: Kind::Year,
        place: Place::List(List::Records),
        json: &["ce_records[].year"],
        stored: Some("year"),
        access: text!(records[].year),
    },
    FieldDef {
        name: Name::RecordCategory,
        stem: "category",
        step: Step::Ce,
        label: i18n::CE_CATEGORY,
        kind: Kind::Select,
        place: Place::List(List::Records),
        json: &["ce_records[].category"],
        stored: Some("category"),
        access: text!(records[].category),
    },
    FieldDef {
        name: Name::RecordHours,
        stem: "hours",
        step: Step::Ce,
        label: i18n::CE_HOURS,
        kind: Kind::Hours,
        place: Place::List(List::Records),
        json: &["ce_records[].hours"],
        stored: Some("hours"),
        access: text!(records[].hours),
    },
    FieldDef {
        name: Name::RecordOnline,
        stem: "online",
        step: Step::Ce,
        label: i18n::CE_RECORD_ONLINE,
        kind: Kind::Checkbox,
        place: Place::List(List::Records),
        json: &["ce_records[].online"],
        stored: Some("online"),
        access: flag!(records[].online),
    },
    FieldDef {
        name: Name::RecordAuthority,
        stem: "authority",
        step: Step::Ce,
        label: i18n::CE_RECORD_AUTHORITY,
        kind: Kind::Checkbox,
        place: Place::List(List::Records),
        json: &["ce_records[].authority_recognized"],
        stored: Some("authority_recognized"),
        access: flag!(records[].authority_recognized),
    },
    FieldDef {
        name: Name::RecordNote,
        stem: "note",
        step: Step::Ce,
        label: i18n::NOTE,
        kind: Kind::Text,
        place: Place::List(List::Records),
        json: &["ce_records[].note"],
        stored: Some("note"),
        access: text!(records[].note),
    },
];

/// Every list, in the order of [`List`].
pub static LISTS: [ListDef; 5] = [
    ListDef {
        list: List::Titles,
        stem: "title",
        row_label: i18n::TITLE_NAME,
        stored: "titles",
        rows: rows!(titles, TitleRow),
    },
    ListDef {
        list: List::Assessments,
        stem: "assessment",
        row_label: i18n::ROW_ASSESSMENT,
        stored: "assessments",
        rows: rows!(assessments, AssessmentRow),
    },
    ListDef {
        list: List::Sanctions,
        stem: "sanction",
        row_label: i18n::ROW_SANCTION,
        stored: "sanctions",
        rows: rows!(sanctions, SanctionRow),
    },
    ListDef {
        list: List::Fraud,
        stem: "fraud",
        row_label: i18n::ROW_FRAUD,
        stored: "fraud_findings",
        rows: rows!(fraud_findings, FraudRow),
    },
    ListDef {
        list: List::Records,
        stem: "record",
        row_label: i18n::ROW_RECORD,
        stored: "records",
        rows: rows!(records, RecordRow),
    },
];

/// The name of a CE cell: "2024 年专业科目（网络课件）".
fn ce_cell(year: i32, cell: usize, lang: Lang) -> String {
    let cat = CeCategory::ALL[cell / 2].label(lang);
    let mode = if cell % 2 == 1 {
        i18n::CE_ONLINE
    } else {
        i18n::CE_OFFLINE
    }
    .get(lang);
    match lang {
        Lang::Zh => format!("{year} 年{cat}（{mode}）学时"),
        Lang::En => format!("{year} {cat} hours ({mode})"),
    }
}

impl Name {
    /// Its entry in the table.
    pub fn def(self) -> &'static FieldDef {
        let def = &FIELDS[self as usize];
        debug_assert_eq!(def.name, self, "FIELDS is in the order of Name");
        def
    }
}

impl List {
    /// Its entry in the table.
    pub fn def(self) -> &'static ListDef {
        let def = &LISTS[self as usize];
        debug_assert_eq!(def.list, self, "LISTS is in the order of List");
        def
    }

    /// The fields of each row, in the table's order.
    pub fn fields(self) -> impl Iterator<Item = &'static FieldDef> {
        FIELDS.iter().filter(move |d| d.place == Place::List(self))
    }

    /// The first field of row `row` (focused when a row is added).
    pub fn first_field(self, row: usize) -> Option<Field> {
        self.fields().next().map(|d| Field::row(d.name, row))
    }
}

impl Field {
    /// What is known of it.
    pub fn def(self) -> &'static FieldDef {
        self.name.def()
    }

    /// The id of its element in the page.
    pub fn dom_id(self) -> String {
        let def = self.def();
        match (def.place, self.at) {
            (Place::List(list), At::Row(row)) => {
                format!("f-{}-{row}-{}", list.def().stem, def.stem)
            }
            (Place::Grid, At::Cell { year, cell }) => {
                let category = CeCategory::ALL[cell / 2].as_str();
                let mode = if cell % 2 == 1 { "online" } else { "offline" };
                format!("f-{}-{year}-{category}-{mode}", def.stem)
            }
            _ => format!("f-{}", def.stem),
        }
    }

    /// The step that shows it.
    pub fn step(self) -> Step {
        self.def().step
    }

    /// What it holds.
    pub fn kind(self) -> Kind {
        self.def().kind
    }

    /// Its name in the lists of what is missing or wrong: the label, with its row
    /// ("职称2的取得日期", "Date obtained of title 2") or its grid cell.
    pub fn label(self, lang: Lang) -> String {
        let def = self.def();
        match (def.place, self.at) {
            (Place::List(list), At::Row(row)) => {
                let what = list.def().row_label;
                match lang {
                    Lang::Zh => format!("{}{}的{}", what.zh, row + 1, def.label.zh),
                    Lang::En => {
                        format!(
                            "{} of {} {}",
                            def.label.en,
                            what.en.to_ascii_lowercase(),
                            row + 1
                        )
                    }
                }
            }
            (Place::Grid, At::Cell { year, cell }) => ce_cell(year, cell, lang),
            _ => def.label.get(lang).to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::typed::cell_index;

    #[test]
    fn the_tables_are_in_the_order_of_their_names() {
        for (i, def) in FIELDS.iter().enumerate() {
            assert_eq!(def.name as usize, i, "{:?}", def.name);
        }
        for (i, def) in LISTS.iter().enumerate() {
            assert_eq!(def.list as usize, i, "{:?}", def.list);
        }
    }

    #[test]
    fn every_field_has_one_dom_id() {
        let mut ids = std::collections::BTreeSet::new();
        for def in &FIELDS {
            let field = match def.place {
                Place::Form => Field::new(def.name),
                Place::List(_) => Field::row(def.name, 0),
                Place::Grid => Field::cell(2024, 0),
            };
            assert!(ids.insert(field.dom_id()), "{} twice", field.dom_id());
            // Kinds that are typed are text; ticks are flags; choices are text too.
            let is_flag = matches!(def.access, Access::Flag { .. });
            assert_eq!(is_flag, def.kind == Kind::Checkbox, "{:?}", def.name);
        }
    }

    #[test]
    fn ids_steps_and_labels_as_the_page_has_them() {
        assert_eq!(Field::new(Name::BirthDate).dom_id(), "f-birth-date");
        assert_eq!(
            Field::row(Name::TitleObtained, 1).dom_id(),
            "f-title-1-obtained"
        );
        assert_eq!(
            Field::row(Name::SanctionOfficial, 0).dom_id(),
            "f-sanction-0-official"
        );
        assert_eq!(
            Field::row(Name::RecordAuthority, 2).dom_id(),
            "f-record-2-authority"
        );
        assert_eq!(
            Field::cell(2024, cell_index(2, false)).dom_id(),
            "f-ce-2024-general_public-offline"
        );
        assert_eq!(Field::new(Name::CeNewYear).dom_id(), "f-ce-new-year");
        assert_eq!(Field::row(Name::FraudYear, 0).step(), Step::Other);
        assert_eq!(Field::cell(2024, 0).step(), Step::Ce);
        assert_eq!(
            Field::row(Name::TitleObtained, 1).label(Lang::En),
            "Date obtained of title 2"
        );
        assert_eq!(
            Field::row(Name::TitleObtained, 1).label(Lang::Zh),
            "职称2的取得日期"
        );
        assert_eq!(
            Field::cell(2024, cell_index(0, true)).label(Lang::Zh),
            "2024 年专业科目（网络课件）学时"
        );
        assert_eq!(Field::new(Name::Specialty).label(Lang::En), "Specialty");
        assert_eq!(
            List::Records.first_field(3),
            Some(Field::row(Name::RecordYear, 3))
        );
    }
}
