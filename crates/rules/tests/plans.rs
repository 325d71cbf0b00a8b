//! rules/plans/: the bundled plans compile with the declared row counts, and every
//! kind of mistake in a plan is reported as `file:line: what; how to fix`.

use std::path::Path;
use zhicheng_rules::{compile, Diagnostic, RuleFiles};

fn files() -> RuleFiles {
    RuleFiles::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules"))
        .expect("rules/ is readable")
}

/// The bundled files with `from` replaced by `to` (once) in the plan of `id`.
fn with_plan_edit(id: &str, from: &str, to: &str) -> RuleFiles {
    let mut f = files();
    let name = format!("rules/plans/{id}.toml");
    let plan = f
        .plans
        .iter_mut()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"));
    assert!(plan.text.contains(from), "{name} has no `{from}`");
    plan.text = plan.text.replacen(from, to, 1);
    f
}

/// The 1-based line of the first occurrence of `needle` in the plan of `id`, after
/// the edit `from` → `to`.
fn line_of(id: &str, from: &str, to: &str, needle: &str) -> usize {
    let f = with_plan_edit(id, from, to);
    let plan = f
        .plans
        .iter()
        .find(|p| p.name.ends_with(&format!("{id}.toml")))
        .unwrap();
    let at = plan.text.find(needle).expect("needle present");
    plan.text[..at].matches('\n').count() + 1
}

fn diagnostics(f: &RuleFiles) -> Vec<Diagnostic> {
    match compile(f) {
        Ok(_) => panic!("the edited rules compiled without a diagnostic"),
        Err(d) => d,
    }
}

/// Asserts exactly one diagnostic, in `file` at `line`, whose text contains `what`
/// and which says how to fix it.
fn expect_one(f: &RuleFiles, file: &str, line: usize, what: &str) -> Diagnostic {
    let d = diagnostics(f);
    let shown: Vec<String> = d.iter().map(ToString::to_string).collect();
    assert_eq!(
        d.len(),
        1,
        "expected one diagnostic, got:\n{}",
        shown.join("\n")
    );
    let d = d.into_iter().next().unwrap();
    assert_eq!(d.file, file, "{d}");
    assert_eq!(d.line, line, "{d}");
    assert!(d.message.contains(what), "`{what}` not in: {d}");
    assert!(d.fix.is_some(), "no fix in: {d}");
    d
}

#[test]
fn bundled_plans_compile_with_their_counts() {
    let bundle = compile(&files()).unwrap_or_else(|d| {
        let text: Vec<String> = d.iter().map(ToString::to_string).collect();
        panic!("rule files have mistakes:\n{}", text.join("\n"))
    });
    let ids: Vec<&str> = bundle.plans.iter().map(|p| p.rule_set.as_str()).collect();
    assert_eq!(
        ids,
        [
            "sx-2020",
            "zj-huzhou-2021",
            "zj-jxt-gaogong-2020",
            "zj-liandu-2024"
        ]
    );
    let count = |id: &str| -> Vec<usize> {
        let p = bundle.plans.iter().find(|p| p.rule_set == id).unwrap();
        let mut v: Vec<usize> = p.committees.iter().map(|t| t.rows.len()).collect();
        v.push(p.materials.as_ref().map_or(0, |m| m.rows.len()));
        v.push(p.ce_contacts.as_ref().map_or(0, |c| c.rows.len()));
        v
    };
    assert_eq!(count("zj-liandu-2024"), [11, 1, 0, 0]);
    assert_eq!(count("zj-huzhou-2021"), [46, 0, 16]);
    assert_eq!(count("zj-jxt-gaogong-2020"), [4, 12, 0]);
    assert_eq!(count("sx-2020"), [0, 0]);
    let mountain: Vec<usize> = bundle
        .national
        .mountain_lists
        .iter()
        .map(|l| l.counties.len())
        .collect();
    assert_eq!(mountain, [26, 25]);
}

#[test]
fn the_version_hash_covers_the_plans() {
    let before = files().version();
    let after = with_plan_edit("zj-huzhou-2021", "# 2021 年度", "#  2021 年度").version();
    assert_ne!(before, after);
}

#[test]
fn a_dropped_row_fails_the_declared_count() {
    let from = "[[committees.row]]\nno = 46\n";
    let mut f = files();
    let plan = f
        .plans
        .iter_mut()
        .find(|p| p.name.ends_with("zj-huzhou-2021.toml"))
        .unwrap();
    let start = plan.text.find(from).unwrap();
    let end = start + plan.text[start..].find("\n\n").unwrap() + 2;
    plan.text.replace_range(start..end, "");
    let line = plan.text[..plan.text.find("rows = 46").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let d = expect_one(
        &f,
        "rules/plans/zj-huzhou-2021.toml",
        line,
        "declares rows = 46 but lists 45",
    );
    assert!(d.fix.unwrap().contains("a row is missing"));
}

#[test]
fn a_repeated_row_number_is_reported() {
    let (from, to) = ("no = 12\n", "no = 11\n");
    let f = with_plan_edit("zj-huzhou-2021", from, to);
    let d = diagnostics(&f);
    assert!(
        d.iter()
            .any(|d| d.message.contains("row number 11 is used twice")),
        "{d:?}"
    );
}

#[test]
fn a_phone_must_be_a_number() {
    let (from, to) = ("phones = [\"2609539\"]", "phones = [\"26O9539\"]");
    let line = line_of("zj-liandu-2024", from, to, "26O9539");
    let f = with_plan_edit("zj-liandu-2024", from, to);
    let d = diagnostics(&f);
    let bad = d
        .iter()
        .find(|d| d.message.contains("`26O9539` is not a telephone number"))
        .unwrap_or_else(|| panic!("{d:?}"));
    assert_eq!(bad.line, line);
    assert!(bad.fix.as_ref().unwrap().contains("2033099"));
}

#[test]
fn a_value_not_in_the_quoted_row_is_reported() {
    let (from, to) = ("finish = \"9 月\"", "finish = \"11 月\"");
    let line = line_of("zj-liandu-2024", from, to, "finish = \"11 月\"");
    let f = with_plan_edit("zj-liandu-2024", from, to);
    expect_one(
        &f,
        "rules/plans/zj-liandu-2024.toml",
        line,
        "`finish` \"11 月\" is not in the quote of 莲人社〔2024〕42号 附件1 第2项",
    );
}

#[test]
fn an_unknown_title_is_reported() {
    let (from, to) = (
        "titles_recommended = [\"engineer\"]  # 推荐中级",
        "titles_recommended = [\"enginer\"]  # 推荐中级",
    );
    let line = line_of("zj-liandu-2024", from, to, "\"enginer\"");
    let f = with_plan_edit("zj-liandu-2024", from, to);
    let d = expect_one(
        &f,
        "rules/plans/zj-liandu-2024.toml",
        line,
        "unknown title `enginer`",
    );
    assert!(d.fix.unwrap().contains("assistant_engineer"));
}

#[test]
fn a_title_the_row_does_not_mention_is_reported() {
    let (from, to) = (
        "titles_evaluated = [\"engineer\"]\nspecialties = [\"电梯\"",
        "titles_evaluated = [\"senior_economist\"]\nspecialties = [\"电梯\"",
    );
    let f = with_plan_edit("zj-huzhou-2021", from, to);
    let d = diagnostics(&f);
    assert!(
        d.iter().any(|d| d
            .message
            .contains("names `senior_economist`, but its text says none of 高级经济师")),
        "{d:?}"
    );
}

#[test]
fn a_specialty_word_must_come_from_the_row() {
    let (from, to) = ("specialties = [\"水利\"]", "specialties = [\"水电\"]");
    let line = line_of("zj-liandu-2024", from, to, "\"水电\"");
    let f = with_plan_edit("zj-liandu-2024", from, to);
    expect_one(
        &f,
        "rules/plans/zj-liandu-2024.toml",
        line,
        "specialty word `水电` is not in the quote",
    );
}

#[test]
fn a_clause_missing_from_documents_is_reported() {
    let (from, to) = ("clause = \"附件1 第46项\"", "clause = \"附件1 第47项\"");
    let line = line_of("zj-huzhou-2021", from, to, "附件1 第47项");
    let f = with_plan_edit("zj-huzhou-2021", from, to);
    expect_one(
        &f,
        "rules/plans/zj-huzhou-2021.toml",
        line,
        "has no clause `附件1 第47项`",
    );
}

#[test]
fn a_row_without_citation_is_reported() {
    let from = "\nsource = { doc = \"浙经信人事〔2020〕84号\", clause = \"附件1 第4项\" }";
    let f = with_plan_edit("zj-jxt-gaogong-2020", from, "");
    let d = diagnostics(&f);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(d[0].message.contains("missing field `source`"), "{}", d[0]);
    assert_eq!(d[0].file, "rules/plans/zj-jxt-gaogong-2020.toml");
    assert!(d[0].line > 1);
}

#[test]
fn two_rows_citing_one_clause_are_reported() {
    let (from, to) = ("clause = \"附件1 第4项\" }", "clause = \"附件1 第3项\" }");
    let f = with_plan_edit("zj-jxt-gaogong-2020", from, to);
    let d = diagnostics(&f);
    assert!(
        d.iter().any(|d| d
            .message
            .contains("cites `附件1 第3项`, as `各高评委评审专业范围` row 3 does")),
        "{d:?}"
    );
}

#[test]
fn a_citation_of_another_notice_is_reported() {
    let (from, to) = (
        "source = { doc = \"浙经信人事〔2020〕84号\", clause = \"一\" }",
        "source = { doc = \"莲人社〔2024〕42号\", clause = \"通知\" }",
    );
    let f = with_plan_edit("zj-jxt-gaogong-2020", from, to);
    let d = diagnostics(&f);
    assert!(
        d.iter().any(|d| d
            .message
            .contains("its rule set follows `浙经信人事〔2020〕84号`")),
        "{d:?}"
    );
}

#[test]
fn bad_deadlines_are_reported() {
    let (from, to) = ("deadline = \"2020-10-10\"", "deadline = \"2020-10-32\"");
    let line = line_of("zj-jxt-gaogong-2020", from, to, "2020-10-32");
    let f = with_plan_edit("zj-jxt-gaogong-2020", from, to);
    expect_one(
        &f,
        "rules/plans/zj-jxt-gaogong-2020.toml",
        line,
        "deadline `2020-10-32` is not a valid date",
    );

    let f = with_plan_edit("zj-jxt-gaogong-2020", from, "deadline = \"2020-10-11\"");
    expect_one(
        &f,
        "rules/plans/zj-jxt-gaogong-2020.toml",
        line,
        "the schedule's text does not say 10月11日",
    );

    let f = with_plan_edit("zj-jxt-gaogong-2020", from, "deadline = \"2021-10-10\"");
    let d = diagnostics(&f);
    assert!(
        d.iter()
            .any(|d| d.message.contains("is not in the rule set's year 2020")),
        "{d:?}"
    );
}

#[test]
fn a_local_number_needs_an_area_code() {
    let mut f = files();
    let plan = f
        .plans
        .iter_mut()
        .find(|p| p.name.ends_with("zj-liandu-2024.toml"))
        .unwrap();
    let start = plan.text.find("area_code = ").unwrap();
    let end = start + plan.text[start..].find('\n').unwrap();
    plan.text.replace_range(start..end, "");
    let d = diagnostics(&f);
    assert_eq!(d.len(), 12, "one per local number: {d:?}");
    assert!(d[0].message.contains("but the plan has no `area_code`"));
}

#[test]
fn a_rule_set_without_a_plan_is_reported() {
    let mut f = files();
    f.plans.retain(|p| !p.name.ends_with("sx-2020.toml"));
    expect_one(
        &f,
        "rules/sx-2020.toml",
        1,
        "rule set `sx-2020` has no plan",
    );
}

#[test]
fn a_plan_needs_committees_or_no_plan() {
    let mut f = files();
    let plan = f
        .plans
        .iter_mut()
        .find(|p| p.name.ends_with("sx-2020.toml"))
        .unwrap();
    plan.text = plan.text.replace("[no_plan]", "[no_plan_]");
    let d = diagnostics(&f);
    assert!(
        d[0].message.contains("unknown field `no_plan_`"),
        "{}",
        d[0]
    );

    let f = with_plan_edit(
        "zj-jxt-gaogong-2020",
        "rule_set = \"zj-jxt-gaogong-2020\"\n",
        "rule_set = \"zj-jxt-gaogong-2020\"\n[no_plan]\nsummary = \"x\"\nsummary_en = \"x\"\nsource = { doc = \"浙经信人事〔2020〕84号\", clause = \"一\" }\n",
    );
    let d = diagnostics(&f);
    assert!(
        d.iter().any(|d| d
            .message
            .contains("[no_plan] and [[committees]] in one plan")),
        "{d:?}"
    );
}

#[test]
fn a_plan_for_an_unknown_rule_set_is_reported() {
    let mut f = files();
    let mut extra = f.plans[0].clone();
    extra.name = "rules/plans/zj-nowhere-2030.toml".into();
    extra.text = extra
        .text
        .replace("rule_set = \"sx-2020\"", "rule_set = \"zj-nowhere-2030\"");
    f.plans.push(extra);
    let d = expect_one(
        &f,
        "rules/plans/zj-nowhere-2030.toml",
        8,
        "there is no rule set `zj-nowhere-2030`",
    );
    assert!(d.fix.unwrap().contains("zj-liandu-2024"));
}

#[test]
fn a_material_note_must_be_part_of_its_item() {
    let (from, to) = ("how = \"系统导出纸质报送\"", "how = \"系统填报\"");
    let f = with_plan_edit("zj-jxt-gaogong-2020", from, to);
    let d = diagnostics(&f);
    assert!(
        d.iter()
            .any(|d| d.message.contains("`how` \"系统填报\" is not in the quote")),
        "{d:?}"
    );
}
