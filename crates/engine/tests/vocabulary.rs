//! The engine's enums and the identifiers rule files may use (zhicheng-rules' vocab)
//! are the same lists, so a rule file can never name what the engine cannot read.

mod support;

use zhicheng_engine::vocab::{
    CePolicy, CheckId, Education, Exam, RetirementGroup, SanctionKind, Title,
};
use zhicheng_rules::vocab;

fn names<T: Copy>(all: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
    all.iter().map(|v| f(*v)).collect()
}

#[test]
fn vocabularies_agree() {
    assert_eq!(names(Title::ALL, Title::as_str), vocab::TITLES);
    assert_eq!(names(Education::ALL, Education::as_str), vocab::EDUCATIONS);
    assert_eq!(
        names(RetirementGroup::ALL, RetirementGroup::as_str),
        vocab::RETIREMENT_GROUPS
    );
    assert_eq!(
        names(SanctionKind::ALL, SanctionKind::as_str),
        vocab::SANCTION_KINDS
    );
    assert_eq!(names(Exam::ALL, Exam::as_str), vocab::EXAMS);
    assert_eq!(names(CheckId::ALL, CheckId::as_str), vocab::CHECK_IDS);
    assert_eq!(names(CePolicy::ALL, CePolicy::as_str), vocab::CE_POLICIES);
    let engineering: Vec<&str> = Title::ALL
        .iter()
        .filter(|t| t.is_target() && t.series().as_str() == "engineering")
        .map(|t| t.as_str())
        .collect();
    assert_eq!(engineering, vocab::ENGINEERING_TARGETS);
}

/// Every citation a rule set can produce names a bundled document and clause with text.
#[test]
fn every_citation_resolves_to_a_clause() {
    for rs in zhicheng_engine::rules::rule_sets() {
        for id in CheckId::ALL {
            for c in rs.citations(*id) {
                assert!(
                    zhicheng_engine::rules::clause(&c).is_some(),
                    "{}: {} cites unknown {:?}",
                    rs.id,
                    id.as_str(),
                    c
                );
            }
        }
        for path in zhicheng_engine::rules::national().paths {
            assert!(zhicheng_engine::rules::clause(&path.source).is_some());
        }
    }
}

/// Every citation of the plans (tables, rows, notes, schedules, contacts) names a clause
/// of the rule set's own notice, quoted word for word.
#[test]
fn every_plan_citation_resolves_to_a_quote() {
    use zhicheng_engine::rules::ClauseText;
    for plan in zhicheng_engine::rules::plans() {
        let notice = zhicheng_engine::rules::rule_set(plan.rule_set)
            .expect("a plan belongs to a rule set")
            .notice;
        let citations = plan.citations();
        assert!(!citations.is_empty(), "{}: no citation", plan.rule_set);
        for c in citations {
            assert_eq!(c.doc, notice, "{}: cites another notice", plan.rule_set);
            match zhicheng_engine::rules::clause(&c).map(|c| c.text) {
                Some(ClauseText::Quote(q)) => assert!(!q.trim().is_empty()),
                other => panic!("{}: {c:?} resolves to {other:?}", plan.rule_set),
            }
        }
    }
}

/// Every citation in every verdict of the shared examples and our own cases resolves to
/// a clause with text (a quote, or a labelled summary of a national document).
#[test]
fn every_verdict_citation_in_the_cases_resolves() {
    use zhicheng_engine::rules::ClauseText;
    let mut verdicts = 0;
    for case in support::all() {
        let Ok(verdict) = zhicheng_engine::check_json(&case.profile) else {
            continue; // a case of refused input
        };
        verdicts += 1;
        for check in &verdict.checks {
            assert!(
                !check.citations.is_empty(),
                "{}: {:?} cites nothing",
                case.label(),
                check.id
            );
            for c in &check.citations {
                let has_text = match zhicheng_engine::rules::clause(c).map(|c| c.text) {
                    Some(ClauseText::Quote(q)) => !q.trim().is_empty(),
                    Some(ClauseText::QuotedIn { text, via }) => {
                        !text.trim().is_empty() && zhicheng_engine::rules::clause(&via).is_some()
                    }
                    Some(ClauseText::Summary { zh, en }) => {
                        !zh.trim().is_empty() && !en.trim().is_empty()
                    }
                    None => false,
                };
                assert!(
                    has_text,
                    "{}: {:?} cites {c:?} without text",
                    case.label(),
                    check.id
                );
            }
        }
    }
    assert!(verdicts >= 10, "only {verdicts} verdicts evaluated");
}
