//! The form checked and, when complete, evaluated by the engine: what every view of
//! the self-check shows (computed once per change of the form).

use zhicheng_engine::{evaluate, InputError, Verdict};

use super::check::{Checked, Problem};
use super::typed::Form;

/// The form converted and, when complete, evaluated.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub checked: Checked,
    pub verdict: Option<Verdict>,
    /// An engine refusal that names no field of the form.
    pub error: Option<InputError>,
}

impl Evaluation {
    pub fn of(form: &Form) -> Evaluation {
        let mut checked = form.check();
        let mut verdict = None;
        let mut error = None;
        if let Some(profile) = &checked.profile {
            match evaluate(profile) {
                Ok(v) => verdict = Some(v),
                // A refusal put back on the field its path names (the title obtained
                // after the evaluation year, the work start the route needs…).
                Err(e) => match checked.field_for_path(&e.path) {
                    Some(field) => checked.problems.push((field, Problem::Engine(e))),
                    None => error = Some(e),
                },
            }
        }
        Evaluation {
            checked,
            verdict,
            error,
        }
    }
}
