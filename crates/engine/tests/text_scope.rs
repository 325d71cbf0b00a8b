//! `evaluate_with(p, TextScope::Problems)` (batch mode) is the verdict of `evaluate(p)`
//! with the texts of the checks that are not `fail` or `review` left out, and nothing
//! else different; `TextScope::All` is `evaluate` itself.

mod support;

use zhicheng_engine::{evaluate, evaluate_with, CheckStatus, Profile, Status, TextScope, Verdict};

/// Every case that is a profile (tests/examples, tests/cases), by label.
fn profiles() -> Vec<(String, Profile)> {
    let mut out: Vec<(String, Profile)> = support::all()
        .into_iter()
        .filter_map(|case| Some((case.label(), Profile::from_json(&case.profile).ok()?)))
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The full verdict with the texts `TextScope::Problems` leaves out removed.
fn problems_only(mut v: Verdict) -> Verdict {
    let keep_coverage = v.status == Status::NotCovered;
    for c in &mut v.checks {
        let problem = matches!(c.status, CheckStatus::Fail | CheckStatus::Review);
        if !problem && !keep_coverage {
            c.message.clear();
            c.message_en.clear();
            c.hint = None;
            c.hint_en = None;
            c.citations.clear();
        }
    }
    v
}

#[test]
fn problems_only_differs_from_the_full_verdict_in_texts_alone() {
    let mut compared = 0;
    let mut with_problems = 0;
    for (name, p) in profiles() {
        // The profile as given, and projected to later evaluation years.
        for later in 0..=5 {
            let mut p = p.clone();
            if later > 0 {
                let Some(y) = p
                    .evaluation_year
                    .or_else(|| zhicheng_engine::rules::rule_set(&p.rule_set).map(|r| r.year))
                else {
                    continue;
                };
                p.evaluation_year = Some(y + later);
                p.reference_date = None;
            }
            let full = evaluate(&p);
            assert_eq!(full, evaluate_with(&p, TextScope::All), "{name} +{later}");
            let brief = evaluate_with(&p, TextScope::Problems);
            match (full, brief) {
                (Ok(full), Ok(brief)) => {
                    if full
                        .checks
                        .iter()
                        .any(|c| matches!(c.status, CheckStatus::Fail | CheckStatus::Review))
                    {
                        with_problems += 1;
                    }
                    assert_eq!(problems_only(full), brief, "{name} +{later}");
                    compared += 1;
                }
                (Err(a), Err(b)) => assert_eq!(a, b, "{name} +{later}"),
                (a, b) => panic!("{name} +{later}: {a:?} vs {b:?}"),
            }
        }
    }
    assert!(compared > 50, "only {compared} verdicts compared");
    assert!(with_problems > 10, "only {with_problems} with problems");
}
