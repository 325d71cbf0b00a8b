//! The form as `zhicheng:v1` stores it (its `"form"` object), written and read through
//! the descriptor table: each field of the form under its stored key, each list as an
//! array of row objects, the CE grid as its years of six cells, in the table's order.
//! What version 1 wrote stays readable (tests/storage/zhicheng-v1.json, written by the
//! version before the table, loads and is written back byte for byte).

use zhicheng_engine::json::Json;

use super::field::{At, List};
use super::table::{Access, FieldDef, Place, FIELDS};
use super::typed::{Form, CE_CELLS};

/// The form as a JSON object.
pub fn to_json(form: &Form) -> Json {
    let mut fields: Vec<(&str, Json)> = Vec::new();
    let mut lists: Vec<List> = Vec::new();
    for def in &FIELDS {
        let Some(key) = def.stored else { continue };
        match def.place {
            Place::Form => fields.push((key, value(form, def, At::Form))),
            Place::List(list) => {
                // A list is written where its first field stands.
                if !lists.contains(&list) {
                    lists.push(list);
                    fields.push((list.def().stored, rows(form, list)));
                }
            }
            Place::Grid => fields.push((key, grid(form))),
        }
    }
    Json::object(fields)
}

fn value(form: &Form, def: &FieldDef, at: At) -> Json {
    match def.access {
        Access::Text { get, .. } => Json::str(get(form, at).map_or("", String::as_str)),
        Access::Flag { get, .. } => Json::Bool(get(form, at).unwrap_or(false)),
    }
}

fn rows(form: &Form, list: List) -> Json {
    let len = (list.def().rows.len)(form);
    Json::Array(
        (0..len)
            .map(|row| {
                Json::object(
                    list.fields()
                        .filter_map(|def| Some((def.stored?, value(form, def, At::Row(row)))))
                        .collect(),
                )
            })
            .collect(),
    )
}

fn grid(form: &Form) -> Json {
    Json::Object(
        form.ce_grid
            .iter()
            .map(|(year, cells)| {
                let cells = cells.iter().map(|c| Json::str(c.as_str())).collect();
                (year.to_string(), Json::Array(cells))
            })
            .collect(),
    )
}

fn get<'a>(v: &'a Json, key: &str) -> Option<&'a Json> {
    match v {
        Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

/// Reads what [`to_json`] wrote: `None` if it is not an object. A key that is missing
/// or of another type leaves the field as a new form has it; rows get fresh keys.
pub fn from_json(v: &Json) -> Option<Form> {
    if !matches!(v, Json::Object(_)) {
        return None;
    }
    let mut form = Form::default();
    let mut lists: Vec<List> = Vec::new();
    for def in &FIELDS {
        let Some(key) = def.stored else { continue };
        match def.place {
            Place::Form => read(&mut form, def, At::Form, get(v, key)),
            Place::List(list) => {
                if lists.contains(&list) {
                    continue;
                }
                lists.push(list);
                let Some(Json::Array(items)) = get(v, list.def().stored) else {
                    continue;
                };
                for item in items {
                    let row = form.push_row(list);
                    for def in list.fields() {
                        let stored = def.stored.and_then(|key| get(item, key));
                        read(&mut form, def, At::Row(row), stored);
                    }
                }
            }
            Place::Grid => read_grid(&mut form, get(v, key)),
        }
    }
    Some(form)
}

fn read(form: &mut Form, def: &FieldDef, at: At, stored: Option<&Json>) {
    match (def.access, stored) {
        (Access::Text { slot, .. }, Some(Json::String(s))) => {
            if let Some(slot) = slot(form, at) {
                slot.clone_from(s);
            }
        }
        (Access::Flag { slot, .. }, Some(Json::Bool(b))) => {
            if let Some(slot) = slot(form, at) {
                *slot = *b;
            }
        }
        _ => {}
    }
}

fn read_grid(form: &mut Form, stored: Option<&Json>) {
    let Some(Json::Object(years)) = stored else {
        return;
    };
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
        form.ce_grid.insert(year, row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::edit::Edit;
    use crate::form::examples::EXAMPLES;
    use crate::form::field::{Field, Name};
    use zhicheng_engine::json;
    use zhicheng_engine::Profile;

    /// `zhicheng:v1` as the app wrote it before the descriptor table.
    const FIXTURE: &str = include_str!("../../tests/storage/zhicheng-v1.json");

    #[test]
    fn what_version_1_wrote_loads_and_is_written_back_the_same() {
        let doc = json::parse(FIXTURE).unwrap();
        let stored = get(&doc, "form").unwrap();
        let form = from_json(stored).unwrap();
        assert_eq!(form.rule_set, "sx-2020");
        assert_eq!(form.birth_date, "1975/2/30", "a half-typed date comes back");
        assert!(form.exceptional && !form.in_technical_post && form.post_wage_paid);
        assert_eq!(form.titles.len(), 2);
        assert_eq!(form.titles[1].title, "engineer");
        assert_eq!(form.assessments[0].year, "２０１９");
        assert!(form.sanctions[0].as_public_official);
        assert_eq!(form.fraud_findings[0].year, "2018");
        assert!(form.exam_passed);
        assert_eq!(form.exam_year, "2019");
        assert_eq!(form.ce_grid.get(&2020).map(|c| c[3].as_str()), Some("-5"));
        assert_eq!(form.records[0].note, "讲座 \"一\"");
        assert!(form.records[0].online && form.records[0].authority_recognized);
        assert!(
            form.ce_new_year.is_empty(),
            "the year being added is not stored"
        );
        assert_eq!(to_json(&form).to_text(), stored.to_text());
    }

    #[test]
    fn every_example_round_trips_with_what_was_typed() {
        for text in EXAMPLES {
            let mut form = Form::from_profile(&Profile::from_json(text).unwrap());
            form.apply(Edit::Set(Field::new(Name::BirthDate), "1980-02-30".into()));
            form.apply(Edit::Add(List::Records));
            form.apply(Edit::Set(Field::row(Name::RecordHours, 0), "-3".into()));
            let back = from_json(&to_json(&form)).unwrap();
            assert_eq!(back.check(), form.check());
            assert_eq!(to_json(&back).to_text(), to_json(&form).to_text());
        }
    }

    #[test]
    fn missing_keys_read_as_a_new_form() {
        let form =
            from_json(&json::parse(r#"{"titles":[{}],"records":[{"year":7}]}"#).unwrap()).unwrap();
        assert!(
            form.in_technical_post,
            "a tick that is on in a new form stays on"
        );
        assert_eq!(form.titles.len(), 1);
        assert_eq!(
            form.records[0].year, "",
            "a value of another type is not read"
        );
        assert_eq!(form.records[0].category, "", "no category is filled in");
        assert!(from_json(&Json::Array(Vec::new())).is_none());
    }
}
