//! What "remember on this device" keeps: the form, language, text size, step, the
//! materials
//! ticked off and the employer and 初定 told (where to apply), as one versioned
//! document under one key, `zhicheng:v1`, written and read here (the app performs the
//! writing, src/effects.rs, and only after the user opts in). A storage that is
//! missing or throws is an error value, never fatal.

use zhicheng_engine::json::{self, Json};
use zhicheng_engine::Lang;

use super::notice::Unreadable;
use super::state::{Affiliation, Remembered, TextSize, Ticked};
use crate::form::step::Step;
use crate::form::stored;
use crate::form::typed::Form;

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
    pub text_size: TextSize,
    pub step: Step,
    pub ticked: Ticked,
    pub affiliation: Affiliation,
}

fn lang_str(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

/// `{"v":1,"lang":…,"step":…,"form":{…}}`, with `"materials":{rule set: [numbers]}`
/// when any material is ticked off, `"employer":…` when one is given,
/// `"graduate":true` when ticked and `"text":"large"` for large text (older data
/// without them reads as none, and standard text).
pub fn encode(r: &Remembered) -> String {
    let mut fields = vec![
        ("v", Json::int(VERSION)),
        ("lang", Json::str(lang_str(r.lang))),
        ("step", Json::str(r.step.as_str())),
        ("form", stored::to_json(r.form)),
    ];
    if *r.ticked != Ticked::default() {
        fields.push(("materials", r.ticked.to_json()));
    }
    if !r.affiliation.employer.is_empty() {
        fields.push(("employer", Json::str(r.affiliation.employer.as_str())));
    }
    if r.affiliation.graduate {
        fields.push(("graduate", Json::Bool(true)));
    }
    if r.text_size == TextSize::Large {
        fields.push(("text", Json::str("large")));
    }
    Json::object(fields).to_text()
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
        text_size: match string(&value, "text").as_str() {
            "large" => TextSize::Large,
            _ => TextSize::Standard,
        },
        step: Step::parse(&string(&value, "step")).unwrap_or(Step::Target),
        form: get(&value, "form")
            .and_then(stored::from_json)
            .ok_or(Unreadable::Damaged)?,
        ticked: Ticked::from_json(get(&value, "materials")),
        affiliation: Affiliation {
            employer: string(&value, "employer"),
            graduate: get(&value, "graduate") == Some(&Json::Bool(true)),
        },
    })
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

/// Storage could not be used: there is none, or it threw (disabled, full, private
/// mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

/// Why remembered data could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageError {
    /// No localStorage, or it throws (disabled, full, private mode).
    Unavailable,
    /// The key holds something this version cannot read: why, and the text as it is
    /// (offered for download before it is cleared).
    Unreadable { why: Unreadable, raw: String },
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::edit::Edit;
    use crate::form::field::{Field, List, Name};
    use zhicheng_engine::Profile;

    #[test]
    fn a_form_round_trips_with_what_was_typed() {
        let text = include_str!("../../tests/examples/jxt_2019_online_hours_over_cap.profile.json");
        let mut form = Form::from_profile(&Profile::from_json(text).unwrap());
        form.apply(Edit::Set(Field::new(Name::BirthDate), "1980-02-30".into()));
        form.apply(Edit::Add(List::Sanctions));
        form.apply(Edit::Set(
            Field::row(Name::SanctionKind, 0),
            "warning".into(),
        ));
        form.apply(Edit::Flag(Field::row(Name::SanctionOfficial, 0), true));
        form.apply(Edit::Add(List::Records));
        form.apply(Edit::Set(Field::row(Name::RecordHours, 0), "-3".into()));
        form.apply(Edit::Set(
            Field::row(Name::RecordNote, 0),
            "备注 \"引号\"".into(),
        ));
        form.apply(Edit::Flag(Field::row(Name::RecordAuthority, 0), true));
        form.in_technical_post = false;
        let mut ticked = Ticked::default();
        ticked.set("zj-jxt-gaogong-2020", 3, true);
        let affiliation = Affiliation {
            employer: "浙江某某纺织有限公司".into(),
            graduate: true,
        };
        let remembered = |form, ticked, affiliation| Remembered {
            form,
            lang: Lang::En,
            text_size: TextSize::Large,
            step: Step::Ce,
            ticked,
            affiliation,
        };
        let text = encode(&remembered(&form, &ticked, &affiliation));
        assert!(text.starts_with("{\"v\":1,"));
        let back = decode(&text).unwrap();
        assert_eq!(back.lang, Lang::En);
        assert_eq!(back.text_size, TextSize::Large);
        assert!(text.contains("\"text\":\"large\""));
        assert_eq!(back.step, Step::Ce);
        assert_eq!(back.form.check(), form.check());
        assert_eq!(back.form.birth_date, "1980-02-30");
        assert_eq!(back.ticked, ticked);
        assert_eq!(back.affiliation, affiliation);
        assert_eq!(
            encode(&remembered(&back.form, &back.ticked, &back.affiliation)),
            text
        );
        // Nothing ticked or told: no "materials", "employer" or "graduate" key (what
        // version 1 wrote before they existed).
        let none = (Ticked::default(), Affiliation::default());
        let plain = encode(&remembered(&form, &none.0, &none.1));
        assert!(!plain.contains("\"materials\":") && !plain.contains("\"employer\":"));
        assert!(!plain.contains("\"graduate\":"));
        let back = decode(&plain).unwrap();
        assert_eq!((back.ticked, back.affiliation), none);
    }

    #[test]
    fn what_version_1_wrote_is_read_and_written_back_the_same() {
        let text = include_str!("../../tests/storage/zhicheng-v1.json");
        let saved = decode(text).unwrap();
        assert_eq!((saved.lang, saved.step), (Lang::En, Step::Other));
        assert!(saved.ticked.is_ticked("sx-2020", 5));
        assert_eq!(saved.affiliation.employer, "山西某某集团");
        assert!(saved.affiliation.graduate);
        let remembered = Remembered {
            form: &saved.form,
            lang: saved.lang,
            text_size: saved.text_size,
            step: saved.step,
            ticked: &saved.ticked,
            affiliation: &saved.affiliation,
        };
        assert_eq!(encode(&remembered), text);
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
