//! The worked example of docs/rules.md, replayed: next year's rule set derived from
//! zj-liandu-2024 with `rules new` and the edits the doc describes, for the fictional
//! notice in tests/rules/. The steps must produce exactly the files kept there, and
//! every step's validation must say what the doc says it says.
//!
//! After a deliberate change to the steps, `ZHICHENG_BLESS=1 cargo test -p
//! zhicheng-rules --test worked_example` rewrites the kept files.

use std::path::{Path, PathBuf};
use zhicheng_rules::scaffold::{self, NOTICE_MARKER};
use zhicheng_rules::{compile, RuleFile, RuleFiles};

const NEW: &str = "zj-liandu-2025";
const FROM: &str = "zj-liandu-2024";
const NOTICE: &str = "虚构示例〔2025〕1号";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn bundled() -> RuleFiles {
    RuleFiles::load(&repo().join("rules")).expect("rules/ is readable")
}

fn kept(path: &str) -> String {
    std::fs::read_to_string(repo().join("tests/rules").join(path)).unwrap_or_default()
}

/// Step 3 of docs/rules.md: the edits made to the copy, in order.
const EDITS: &[(&str, &str)] = &[
    // Replace the marker with the new notice's 文号 (everywhere).
    (NOTICE_MARKER, NOTICE),
    // The one value the new notice changes: 一般公需科目不少于15学时.
    ("min_general = { value = 12,", "min_general = { value = 15,"),
    // The new notice has no plan table: what the old one's table left out goes.
    (
        "\n[[coverage.leaves_out]]\ntopic = \"评审计划中的其他系列（农业、卫生、教师等）\"\ntopic_en = \"The other series in the plan (agriculture, health, teachers…)\"\nsource = { doc = \"虚构示例〔2025〕1号\", clause = \"附件1\" }\n",
        "",
    ),
];

/// Step 3's last part: the header comment of the copy, replaced by our own.
const HEADER: &str =
    "# 丽水市莲都区 2025 年度职称评审 — 虚构示例〔2025〕1号 (FICTIONAL worked example,\n\
# test data only: see tests/rules/README.md). Derived from zj-liandu-2024 by the steps of\n\
# docs/rules.md; the one changed value is min_general (12 → 15).\n";

fn edited(scaffold_text: &str) -> String {
    let mut text = scaffold_text.to_string();
    for (from, to) in EDITS {
        assert!(text.contains(from), "the copy has no `{from}`");
        text = text.replace(from, to);
    }
    // Drop the scaffold's own header (the lines before `# 丽水市莲都区`, the copied one).
    let body_at = text.find("# 丽水市莲都区").expect("the copied header");
    let body = &text[body_at..];
    // …and the copied first header line, which names the old notice.
    let body = body.split_once('\n').map_or("", |(_, rest)| rest);
    format!("{HEADER}{body}")
}

#[test]
fn the_steps_of_the_doc_produce_the_kept_files_and_validate() {
    let files = bundled();

    // Step 2: `cargo xtask rules new zj-liandu-2025 --from zj-liandu-2024`.
    let s = scaffold::new_rule_set(&files, NEW, FROM).expect("the scaffold is made");
    assert_eq!(s.rule_set.name, "rules/zj-liandu-2025.toml");
    assert!(
        s.rule_set.text.contains("id = \"zj-liandu-2025\"")
            && s.rule_set.text.contains("year = 2025")
    );
    assert!(
        s.rule_set.text.contains("\"2025-05-22\""),
        "dates moved to the new year"
    );

    // The copy does not validate: every place from the old notice is listed.
    let mut with_copy = files.clone();
    with_copy.rule_sets.push(s.rule_set.clone());
    with_copy.plans.push(s.plan.clone());
    let diags = compile(&with_copy).expect_err("an unedited copy must not validate");
    let marked = s
        .rule_set
        .text
        .lines()
        .filter(|l| l.contains(NOTICE_MARKER) && !l.trim_start().starts_with('#'))
        .count();
    let reported = diags
        .iter()
        .filter(|d| d.file == "rules/zj-liandu-2025.toml" && d.message.contains(NOTICE_MARKER))
        .count();
    assert!(
        marked >= 8 && reported >= marked,
        "{reported} diagnostics for {marked} marked lines"
    );
    assert!(
        diags.iter().all(|d| d.fix.is_some()),
        "every diagnostic says how to fix it"
    );

    // Step 3: the edits; step 4: the plan (this notice has none); step 1: the notice.
    let rule_set = RuleFile {
        name: s.rule_set.name.clone(),
        text: edited(&s.rule_set.text),
    };
    let plan = RuleFile {
        name: s.plan.name.clone(),
        text: kept("plans/zj-liandu-2025.toml"),
    };
    if std::env::var_os("ZHICHENG_BLESS").is_some() {
        std::fs::write(
            repo().join("tests/rules/zj-liandu-2025.toml"),
            &rule_set.text,
        )
        .unwrap();
    }
    assert_eq!(
        rule_set.text,
        kept("zj-liandu-2025.toml"),
        "tests/rules/zj-liandu-2025.toml is what the steps produce"
    );

    let mut done = files.clone();
    done.add_extra(&repo().join("tests/rules"))
        .expect("tests/rules is readable");
    assert!(done.rule_sets.contains(&rule_set));
    assert!(done.plans.contains(&plan));
    let bundle = match compile(&done) {
        Ok(b) => b,
        Err(d) => panic!(
            "{}",
            d.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    let new = bundle
        .rule_sets
        .iter()
        .find(|r| r.id == NEW)
        .expect("the new rule set is in the bundle");
    let old = bundle.rule_sets.iter().find(|r| r.id == FROM).unwrap();
    assert_eq!(new.notice, NOTICE);
    assert_eq!(new.year, 2025);
    assert_eq!(new.ce.min_general.as_ref().map(|g| g.value), Some(150));
    assert_eq!(old.ce.min_general.as_ref().map(|g| g.value), Some(120));

    // Step 5: the base profile and the test case land beside the other cases, and the
    // case cannot pass until its expected status is filled in.
    assert_eq!(
        s.case_base.name,
        "tests/cases/bases/zj-liandu-2025.profile.json"
    );
    assert_eq!(s.cases.name, "tests/cases/zj-liandu-2025.cases.json");
    assert!(s.cases.text.contains(scaffold::STATUS_MARKER));
    assert!(s.cases.text.contains("\"base\": \"zj-liandu-2025\""));
}

#[test]
fn the_bundle_never_carries_the_fictional_notice() {
    let bundle = compile(&bundled()).expect("the bundled rules validate");
    assert!(bundle.rule_sets.iter().all(|r| r.id != NEW));
    assert!(bundle.documents.iter().all(|d| d.doc != NOTICE));
}
