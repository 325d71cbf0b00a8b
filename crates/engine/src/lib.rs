//! 职称自测's rules engine: a `zhicheng-profile/1` in, a `zhicheng-verdict/1` out.
//!
//! Pure: no IO, no clock (the caller passes every date), no web dependencies. The rule
//! data of rules/*.toml is compiled into the crate at build time (see build.rs), so
//! every amount, year and date of a rule comes from there with its citation.
//!
//! ```
//! let text = r#"{"format":"zhicheng-profile/1","rule_set":"zj-liandu-2024",
//!   "target":{"series":"engineering","title":"technician"},
//!   "person":{"birth_date":"1990-01-01","retirement_group":"male","employment":"enterprise"},
//!   "education":"bachelor","work_start":"2023-07-01"}"#;
//! let verdict = zhicheng_engine::check_json(text).unwrap();
//! assert_eq!(verdict.status.as_str(), "not_eligible"); // no CE hours in 2024
//! ```

// Below: what the modules stand on (dates, hours, text, vocabularies, rule data, the
// profile). Then `case` (a profile resolved against its rule set) and `findings`
// (each check's outcome); above them `assess` (computes the findings) and `messages`
// (words them), which know nothing of each other; `eval` on top puts a verdict
// together from both. `plan` (the CE plan) and `calendar` (its dates, with where to
// apply) stand on `eval`.
pub mod apply;
mod assess;
pub mod calendar;
mod case;
pub mod ce;
pub mod date;
mod decimal;
pub mod error;
mod eval;
mod findings;
pub mod hours;
pub mod json;
mod messages;
pub mod plan;
pub mod profile;
pub mod rules;
pub mod sort;
pub mod sorted;
pub mod text;
pub mod verdict;
pub mod vocab;

pub use case::MAX_PROJECTION_YEARS;
pub use date::Date;
pub use error::{InputError, InputErrorKind};
pub use eval::{evaluate, evaluate_with, TextScope, EARLIEST_SEARCH_YEARS};
pub use hours::Hours;
pub use profile::Profile;
pub use rules::specialty_label;
pub use rules::RULES_VERSION;
pub use text::{Bi, Lang};
pub use verdict::{Check, Verdict};
pub use vocab::{CheckId, CheckStatus, Status};

/// Reads a profile from JSON text and evaluates it.
pub fn check_json(text: &str) -> Result<Verdict, InputError> {
    evaluate(&Profile::from_json(text)?)
}
