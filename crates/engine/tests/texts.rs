//! `evaluate_with(p, Texts::Problems)` (batch mode) is the verdict of `evaluate(p)`
//! with the texts of the checks that are not `fail` or `review` left out, and nothing
//! else different; `Texts::All` is `evaluate` itself.

use std::path::{Path, PathBuf};
use zhicheng_engine::{evaluate, evaluate_with, CheckStatus, Profile, Status, Texts, Verdict};

fn profiles() -> Vec<(String, Profile)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut out = Vec::new();
    for dir in ["tests/examples", "tests/cases"] {
        let dir: PathBuf = root.join(dir);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !name.ends_with(".profile.json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            if let Ok(p) = Profile::from_json(&text) {
                out.push((name, p));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The full verdict with the texts `Texts::Problems` leaves out removed.
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
            assert_eq!(full, evaluate_with(&p, Texts::All), "{name} +{later}");
            let brief = evaluate_with(&p, Texts::Problems);
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
