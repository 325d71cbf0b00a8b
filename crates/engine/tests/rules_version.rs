//! The rules version the test cases were last reviewed against.
//!
//! `RULES_VERSION` hashes every file of rules/. Changing any rule value changes it,
//! and this test fails until tests/rules-version.txt is updated: the update belongs in
//! the same commit as the test cases that show what the change does, so a reviewer
//! sees a changed rule next to a changed test (docs/rules.md, step 6).

use std::path::Path;

#[test]
fn rule_changes_come_with_reviewed_tests() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/rules-version.txt");
    let text = std::fs::read_to_string(&path).expect("tests/rules-version.txt exists");
    let recorded = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    assert_eq!(
        recorded,
        zhicheng_engine::RULES_VERSION,
        "the rule data changed (rules version {} ≠ {recorded} in tests/rules-version.txt).\n\
         Add or adjust test cases in tests/cases/ that show the change, then write the new \
         version into tests/rules-version.txt (`cargo xtask rules` prints it).",
        zhicheng_engine::RULES_VERSION
    );
}
