//! What messages are made of: a [`Message`] (text and hint), ages, year ranges, the
//! target, English plurals.

use crate::bi;
use crate::case::Case;
use crate::rules;
use crate::text::{Bi, Lang};

/// A check's message and, for what can be put right, a hint.
pub(crate) struct Message {
    pub text: Bi,
    pub hint: Option<Bi>,
}

impl Message {
    pub fn hint(self, hint: Bi) -> Message {
        Message {
            hint: Some(hint),
            ..self
        }
    }
}

impl From<Bi> for Message {
    fn from(text: Bi) -> Message {
        Message { text, hint: None }
    }
}

/// An age of `months`: `63 周岁 3 个月`, `63 years 3 months`.
pub fn age(months: u32) -> Bi {
    let years = months / 12;
    match months % 12 {
        0 => bi!("{years} 周岁", "{years} years"),
        1 => bi!("{years} 周岁 1 个月", "{years} years 1 month"),
        m => bi!("{years} 周岁 {m} 个月", "{years} years {m} months"),
    }
}

/// The years `a..=b`: `2020—2024 年`, `2020–2024`; one year alone when `a == b`.
pub fn range(a: i32, b: i32) -> Bi {
    if a == b {
        bi!("{a} 年", "{a}")
    } else {
        bi!("{a}—{b} 年", "{a}–{b}")
    }
}

/// The target title, with its specialty when one is given.
pub fn target(case: &Case) -> Bi {
    let t = &case.p.target;
    match &t.specialty {
        Some(s) => bi!(
            "{}（{}）", t.title.label_zh(), rules::specialty_label(s, Lang::Zh);
            "{} ({})", t.title.label_en(), rules::specialty_label(s, Lang::En)
        ),
        None => Bi::new(t.title.label_zh(), t.title.label_en()).into(),
    }
}

/// Years as a list: `2019、2020`, `2019, 2020`.
pub fn years(ys: &[i32]) -> Bi {
    let ys: Vec<String> = ys.iter().map(i32::to_string).collect();
    Bi::new(ys.join("、"), ys.join(", "))
}

/// The first letter in upper case, for an English sentence that starts with a label.
pub fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or(String::new(), |f| {
        // English sentences start with an ASCII letter; no Unicode case tables needed.
        let mut out = String::with_capacity(s.len());
        out.push(f.to_ascii_uppercase());
        out + c.as_str()
    })
}

/// `1 year`, `5 years`.
pub fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}
