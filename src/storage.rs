//! "Remember on this device": the form, language, step and the materials ticked off
//! (where to apply) in `localStorage` under one versioned key, written only after the
//! user opts in. Storage that throws (full,
//! disabled, private mode) is reported, never fatal.

use crate::apply_panel::{Affiliation, Ticked};
use crate::state::{Edit, Field, Flag, Form, List, Step, CE_CELLS};
use zhicheng_engine::json::{self, Json};
use zhicheng_engine::Lang;

use crate::web::storage;

/// The one key the app writes.
pub const KEY: &str = "zhicheng:v1";
/// Every key of ours starts with this ("clear my data" removes them all).
pub const PREFIX: &str = "zhicheng:";
const VERSION: i64 = 1;

/// What is remembered. The raw form is kept (not only a valid profile) so a
/// half-typed or wrong entry comes back as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub form: Form,
    pub lang: Lang,
    pub step: Step,
    pub ticked: Ticked,
    pub affiliation: Affiliation,
}

/// What the where-to-apply section keeps besides the form: the ticks, the employer
/// and 初定.
#[derive(Debug, Clone, Copy)]
pub struct Kept<'a> {
    pub ticked: &'a Ticked,
    pub affiliation: &'a Affiliation,
}

fn lang_str(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// `{"v":1,"lang":…,"step":…,"form":{…}}`, with `"materials":{rule set: [numbers]}`
/// when any material is ticked off, `"employer":…` when one is given and
/// `"graduate":true` when ticked (older data without them reads as none).
pub fn encode(form: &Form, lang: Lang, step: Step, kept: &Kept) -> String {
    let mut fields = vec![
        ("v", Json::int(VERSION)),
        ("lang", Json::str(lang_str(lang))),
        ("step", Json::str(step.as_str())),
        ("form", form_json(form)),
    ];
    if *kept.ticked != Ticked::default() {
        fields.push(("materials", kept.ticked.to_json()));
    }
    if !kept.affiliation.employer.is_empty() {
        fields.push(("employer", Json::str(kept.affiliation.employer.as_str())));
    }
    if kept.affiliation.graduate {
        fields.push(("graduate", Json::Bool(true)));
    }
    Json::object(fields).to_text()
}

/// Why remembered data cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not what this app writes: broken JSON, or a form it cannot read.
    Damaged,
    /// Written by another version of the app (`v` says which).
    OtherVersion(String),
}

/// Reads what [`encode`] wrote, or says why it cannot.
pub fn decode(text: &str) -> Result<Saved, Unreadable> {
    let value = json::parse(text).map_err(|_| Unreadable::Damaged)?;
    match get(&value, "v") {
        Some(v) if *v == Json::int(VERSION) => {}
        Some(v) => {
            return Err(Unreadable::OtherVersion(
                v.to_text().chars().take(20).collect(),
            ))
        }
        None => return Err(Unreadable::Damaged),
    }
    Ok(Saved {
        lang: match string(&value, "lang").as_str() {
            "en" => Lang::En,
            _ => Lang::Zh,
        },
        step: Step::parse(&string(&value, "step")).unwrap_or(Step::Target),
        form: get(&value, "form")
            .and_then(form_from_json)
            .ok_or(Unreadable::Damaged)?,
        ticked: Ticked::from_json(get(&value, "materials")),
        affiliation: Affiliation {
            employer: string(&value, "employer"),
            graduate: get(&value, "graduate") == Some(&Json::Bool(true)),
        },
    })
}

fn form_json(f: &Form) -> Json {
    let s = |v: &str| Json::str(v);
    let rows = |items: Vec<Json>| Json::Array(items);
    Json::object(vec![
        ("rule_set", s(&f.rule_set)),
        ("evaluation_year", s(&f.evaluation_year)),
        ("title", s(&f.title)),
        ("specialty", s(&f.specialty)),
        ("reference_date", s(&f.reference_date)),
        ("exceptional", Json::Bool(f.exceptional)),
        ("birth_date", s(&f.birth_date)),
        ("retirement_group", s(&f.retirement_group)),
        ("employment", s(&f.employment)),
        ("retired", Json::Bool(f.retired)),
        ("in_technical_post", Json::Bool(f.in_technical_post)),
        ("profession_matches", Json::Bool(f.profession_matches)),
        ("post_wage_paid", Json::Bool(f.post_wage_paid)),
        (
            "moved_from_government_organ",
            Json::Bool(f.moved_from_government_organ),
        ),
        ("education", s(&f.education)),
        ("work_start", s(&f.work_start)),
        (
            "titles",
            rows(
                f.titles
                    .iter()
                    .map(|r| {
                        Json::object(vec![("title", s(&r.title)), ("obtained", s(&r.obtained))])
                    })
                    .collect(),
            ),
        ),
        (
            "assessments",
            rows(
                f.assessments
                    .iter()
                    .map(|r| Json::object(vec![("year", s(&r.year)), ("grade", s(&r.grade))]))
                    .collect(),
            ),
        ),
        (
            "sanctions",
            rows(
                f.sanctions
                    .iter()
                    .map(|r| {
                        Json::object(vec![
                            ("kind", s(&r.kind)),
                            ("effective", s(&r.effective)),
                            ("as_public_official", Json::Bool(r.as_public_official)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "fraud_findings",
            rows(
                f.fraud_findings
                    .iter()
                    .map(|r| Json::object(vec![("year", s(&r.year))]))
                    .collect(),
            ),
        ),
        ("exam_passed", Json::Bool(f.exam_passed)),
        ("exam_year", s(&f.exam_year)),
        (
            "ce_grid",
            Json::Object(
                f.ce_grid
                    .iter()
                    .map(|(y, cells)| (y.to_string(), rows(cells.iter().map(|c| s(c)).collect())))
                    .collect(),
            ),
        ),
        (
            "records",
            rows(
                f.records
                    .iter()
                    .map(|r| {
                        Json::object(vec![
                            ("year", s(&r.year)),
                            ("category", s(&r.category)),
                            ("hours", s(&r.hours)),
                            ("online", Json::Bool(r.online)),
                            ("authority_recognized", Json::Bool(r.authority_recognized)),
                            ("note", s(&r.note)),
                        ])
                    })
                    .collect(),
            ),
        ),
    ])
}

fn get<'a>(v: &'a Json, key: &str) -> Option<&'a Json> {
    match v {
        Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn string(v: &Json, key: &str) -> String {
    match get(v, key) {
        Some(Json::String(s)) => s.clone(),
        _ => String::new(),
    }
}

fn flag(v: &Json, key: &str, default: bool) -> bool {
    match get(v, key) {
        Some(Json::Bool(b)) => *b,
        _ => default,
    }
}

fn items<'a>(v: &'a Json, key: &str) -> &'a [Json] {
    match get(v, key) {
        Some(Json::Array(items)) => items,
        _ => &[],
    }
}

fn form_from_json(v: &Json) -> Option<Form> {
    if !matches!(v, Json::Object(_)) {
        return None;
    }
    let mut f = Form::default();
    f.rule_set = string(v, "rule_set");
    f.evaluation_year = string(v, "evaluation_year");
    f.title = string(v, "title");
    f.specialty = string(v, "specialty");
    f.reference_date = string(v, "reference_date");
    f.exceptional = flag(v, "exceptional", false);
    f.birth_date = string(v, "birth_date");
    f.retirement_group = string(v, "retirement_group");
    f.employment = string(v, "employment");
    f.retired = flag(v, "retired", false);
    f.in_technical_post = flag(v, "in_technical_post", true);
    f.profession_matches = flag(v, "profession_matches", true);
    f.post_wage_paid = flag(v, "post_wage_paid", true);
    f.moved_from_government_organ = flag(v, "moved_from_government_organ", false);
    f.education = string(v, "education");
    f.work_start = string(v, "work_start");
    f.exam_passed = flag(v, "exam_passed", false);
    f.exam_year = string(v, "exam_year");
    // Rows get fresh keys from the form, as if added one by one.
    for r in items(v, "titles") {
        let i = f.titles.len();
        f.apply(Edit::Add(List::Titles));
        f.apply(Edit::Set(Field::TitleName(i), string(r, "title")));
        f.apply(Edit::Set(Field::TitleObtained(i), string(r, "obtained")));
    }
    for r in items(v, "assessments") {
        let i = f.assessments.len();
        f.apply(Edit::Add(List::Assessments));
        f.apply(Edit::Set(Field::AssessmentYear(i), string(r, "year")));
        f.apply(Edit::Set(Field::AssessmentGrade(i), string(r, "grade")));
    }
    for r in items(v, "sanctions") {
        let i = f.sanctions.len();
        f.apply(Edit::Add(List::Sanctions));
        f.apply(Edit::Set(Field::SanctionKind(i), string(r, "kind")));
        f.apply(Edit::Set(
            Field::SanctionEffective(i),
            string(r, "effective"),
        ));
        f.apply(Edit::Flag(
            Flag::SanctionOfficial(i),
            flag(r, "as_public_official", false),
        ));
    }
    for r in items(v, "fraud_findings") {
        let i = f.fraud_findings.len();
        f.apply(Edit::Add(List::Fraud));
        f.apply(Edit::Set(Field::FraudYear(i), string(r, "year")));
    }
    if let Some(Json::Object(years)) = get(v, "ce_grid") {
        for (year, cells) in years {
            let (Ok(year), Json::Array(cells)) = (year.parse::<i32>(), cells) else {
                continue;
            };
            let mut row: [String; CE_CELLS] = Default::default();
            for (slot, cell) in row.iter_mut().zip(cells) {
                if let Json::String(s) = cell {
                    slot.clone_from(s);
                }
            }
            f.ce_grid.insert(year, row);
        }
    }
    for r in items(v, "records") {
        let i = f.records.len();
        f.apply(Edit::Add(List::Records));
        for (field, key) in [
            (Field::RecordYear(i), "year"),
            (Field::RecordCategory(i), "category"),
            (Field::RecordHours(i), "hours"),
            (Field::RecordNote(i), "note"),
        ] {
            f.apply(Edit::Set(field, string(r, key)));
        }
        f.apply(Edit::Flag(Flag::RecordOnline(i), flag(r, "online", false)));
        f.apply(Edit::Flag(
            Flag::RecordAuthority(i),
            flag(r, "authority_recognized", false),
        ));
    }
    Some(f)
}

/// Why storage could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage, or it throws (disabled, full, private mode).
    Unavailable,
    /// The key holds something this version cannot read: why, and the text as it is
    /// (offered for download before it is cleared).
    Unreadable { why: Unreadable, raw: String },
}

/// What was remembered, if anything.
pub fn load() -> Result<Option<Saved>, StorageError> {
    let text = storage::get(KEY).map_err(|_| StorageError::Unavailable)?;
    match text {
        None => Ok(None),
        Some(text) => decode(&text)
            .map(Some)
            .map_err(|why| StorageError::Unreadable { why, raw: text }),
    }
}

/// Writes the one key.
pub fn save(form: &Form, lang: Lang, step: Step, kept: &Kept) -> Result<(), StorageError> {
    storage::set(KEY, &encode(form, lang, step, kept)).map_err(|_| StorageError::Unavailable)
}

/// Removes every key of ours.
pub fn clear() -> Result<(), StorageError> {
    storage::remove_prefixed(PREFIX).map_err(|_| StorageError::Unavailable)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zhicheng_engine::Profile;

    #[test]
    fn a_form_round_trips_with_what_was_typed() {
        let text = include_str!("../tests/examples/jxt_2019_online_hours_over_cap.profile.json");
        let mut form = Form::from_profile(&Profile::from_json(text).unwrap());
        form.apply(Edit::Set(Field::BirthDate, "1980-02-30".into()));
        form.apply(Edit::Add(List::Sanctions));
        form.apply(Edit::Set(Field::SanctionKind(0), "warning".into()));
        form.apply(Edit::Flag(Flag::SanctionOfficial(0), true));
        form.apply(Edit::Add(List::Records));
        form.apply(Edit::Set(Field::RecordHours(0), "-3".into()));
        form.apply(Edit::Set(Field::RecordNote(0), "备注 \"引号\"".into()));
        form.apply(Edit::Flag(Flag::RecordAuthority(0), true));
        form.in_technical_post = false;
        let mut ticked = Ticked::default();
        ticked.set("zj-jxt-gaogong-2020", 3, true);
        let affiliation = Affiliation {
            employer: "浙江某某纺织有限公司".into(),
            graduate: true,
        };
        let kept = |ticked, affiliation| Kept {
            ticked,
            affiliation,
        };
        let text = encode(&form, Lang::En, Step::Ce, &kept(&ticked, &affiliation));
        assert!(text.starts_with("{\"v\":1,"));
        let back = decode(&text).unwrap();
        assert_eq!(back.lang, Lang::En);
        assert_eq!(back.step, Step::Ce);
        assert_eq!(back.form.check(), form.check());
        assert_eq!(back.form.birth_date, "1980-02-30");
        assert_eq!(back.ticked, ticked);
        assert_eq!(back.affiliation, affiliation);
        assert_eq!(
            encode(
                &back.form,
                back.lang,
                back.step,
                &kept(&back.ticked, &back.affiliation)
            ),
            text
        );
        // Nothing ticked or told: no "materials", "employer" or "graduate" key (what
        // version 1 wrote before they existed).
        let none = (Ticked::default(), Affiliation::default());
        let plain = encode(&form, Lang::En, Step::Ce, &kept(&none.0, &none.1));
        assert!(!plain.contains("\"materials\":") && !plain.contains("\"employer\":"));
        assert!(!plain.contains("\"graduate\":"));
        let back = decode(&plain).unwrap();
        assert_eq!((back.ticked, back.affiliation), none);
    }

    #[test]
    fn other_data_is_not_read_and_says_why() {
        assert_eq!(
            decode("{\"v\":2,\"form\":{}}"),
            Err(Unreadable::OtherVersion("2".into()))
        );
        assert_eq!(
            decode("{\"v\":\"0.9\"}"),
            Err(Unreadable::OtherVersion("\"0.9\"".into()))
        );
        assert_eq!(decode("not json"), Err(Unreadable::Damaged));
        assert_eq!(decode("{\"lang\":\"zh\"}"), Err(Unreadable::Damaged));
        assert_eq!(decode("{\"v\":1}"), Err(Unreadable::Damaged));
        assert_eq!(decode("{\"v\":1,\"form\":[]}"), Err(Unreadable::Damaged));
        assert!(decode("{\"v\":1,\"form\":{}}").is_ok());
    }
}
