//! The engine's enums and the identifiers rule files may use (zhicheng-rules' vocab)
//! are the same lists, so a rule file can never name what the engine cannot read.

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
