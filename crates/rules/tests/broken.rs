//! A table of broken rule files: each mistake an editor can make in a rule set,
//! national.toml or documents.toml is answered with the file, the line, what is
//! wrong and what would be right (docs/rules.md, "When validation complains").

use std::path::Path;
use zhicheng_rules::{compile, RuleFile, RuleFiles};

fn files() -> RuleFiles {
    RuleFiles::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules"))
        .expect("rules/ is readable")
}

fn file_mut<'a>(f: &'a mut RuleFiles, name: &str) -> &'a mut RuleFile {
    if f.documents.name == name {
        return &mut f.documents;
    }
    if f.national.name == name {
        return &mut f.national;
    }
    f.rule_sets
        .iter_mut()
        .chain(f.plans.iter_mut())
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

/// One broken file: the edit, and what the diagnostic must say.
struct Case {
    what: &'static str,
    file: &'static str,
    from: &'static str,
    to: &'static str,
    /// The edited text whose line the diagnostic must name.
    at: &'static str,
    message: &'static str,
    fix: &'static str,
}

const LIANDU: &str = "rules/zj-liandu-2024.toml";
const JXT: &str = "rules/zj-jxt-gaogong-2020.toml";
const NATIONAL: &str = "rules/national.toml";
const DOCS: &str = "rules/documents.toml";

const CASES: &[Case] = &[
    Case {
        what: "a value without a citation",
        file: LIANDU,
        from: r#"min_general = { value = 12, source = { doc = "莲人社〔2024〕42号", clause = "五（一）" } }"#,
        to: "min_general = { value = 12 }",
        at: "min_general = { value = 12 }",
        message: "`min_general` 12 has no citation",
        fix: "add `source = { doc = \"…\", clause = \"…\" }`",
    },
    Case {
        what: "a citation of an unknown document",
        file: LIANDU,
        from: r#"min_total = { value = 90, source = { doc = "莲人社〔2024〕42号""#,
        to: r#"min_total = { value = 90, source = { doc = "莲人社〔2024〕43号""#,
        at: "min_total",
        message: "unknown document `莲人社〔2024〕43号`",
        fix: "use one of:",
    },
    Case {
        what: "a citation of a clause the document does not have",
        file: LIANDU,
        from: r#"deemed_through_year = { value = 2018, source = { doc = "莲人社〔2024〕42号", clause = "五（一）" } }"#,
        to: r#"deemed_through_year = { value = 2018, source = { doc = "莲人社〔2024〕42号", clause = "五（九）" } }"#,
        at: "deemed_through_year",
        message: "has no clause `五（九）`",
        fix: "add `[[document.clause]] clause = \"五（九）\"`",
    },
    Case {
        what: "a quote that is not in the notice",
        file: DOCS,
        from: "专业技术人才每年参加继续教育累计不少于90学时",
        to: "专业技术人才每年参加继续教育累计不少于96学时",
        at: "不少于96学时",
        message: "the quoted text is not in the notice's text",
        fix: "copy the clause word for word from rules/sources/001_fbbb794f73908afb.txt",
    },
    Case {
        what: "a date that does not exist",
        file: LIANDU,
        from: r#"default_reference_date = { value = "2024-05-22""#,
        to: r#"default_reference_date = { value = "2024-02-30""#,
        at: "default_reference_date",
        message: "`2024-02-30` is not a valid date",
        fix: "YYYY-MM-DD",
    },
    Case {
        what: "a reference date outside the rule set's year",
        file: LIANDU,
        from: r#"default_reference_date = { value = "2024-05-22""#,
        to: r#"default_reference_date = { value = "2025-05-22""#,
        at: "default_reference_date",
        message: "is not in the rule set's year 2024",
        fix: "use a date in 2024",
    },
    Case {
        what: "dated lists that overlap",
        file: NATIONAL,
        from: r#"from = "2024-08-01""#,
        to: r#"from = "2024-07-01""#,
        at: "[[mountain_counties]]\nname = \"山区海岛25县\"",
        message: "overlaps the dates of list `山区26县`",
        fix: "make one end (`until`) before the next starts (`from`)",
    },
    Case {
        what: "an unknown CE policy",
        file: LIANDU,
        from: r#"policy = "window_count_and_last_two""#,
        to: r#"policy = "window_count""#,
        at: "policy = ",
        message: "unknown CE policy `window_count`",
        fix: "use one of: window_count_and_last_two, last_two_years",
    },
    Case {
        what: "an unknown title in the coverage",
        file: JXT,
        from: r#"engineering = ["senior_engineer"]"#,
        to: r#"engineering = ["senior_enginer"]"#,
        at: "engineering = [",
        message: "unknown engineering target `senior_enginer`",
        fix: "use one of: technician",
    },
    Case {
        what: "citations for an unknown check",
        file: JXT,
        from: "coverage = [{ doc",
        to: "covrage = [{ doc",
        at: "covrage",
        message: "unknown check id `covrage`",
        fix: "use one of: retirement",
    },
    Case {
        what: "an id that differs from the file name",
        file: LIANDU,
        from: r#"id = "zj-liandu-2024""#,
        to: r#"id = "zj-liandu-2025""#,
        at: "id = ",
        message: "differs from its file name `zj-liandu-2024.toml`",
        fix: "name the file zj-liandu-2025.toml",
    },
    Case {
        what: "a misspelt field",
        file: LIANDU,
        from: "min_professional = ",
        to: "min_profesional = ",
        at: "min_profesional",
        message: "unknown field `min_profesional`",
        fix: "check the spelling against docs/rules.md",
    },
    Case {
        what: "hours with two decimals",
        file: LIANDU,
        from: "min_public = { value = 18,",
        to: "min_public = { value = 18.25,",
        at: "min_public",
        message: "`min_public` 18.25 is not a number of hours",
        fix: "at most one decimal",
    },
    Case {
        what: "a deemed year at or after the rule set's year",
        file: LIANDU,
        from: "deemed_through_year = { value = 2018,",
        to: "deemed_through_year = { value = 2024,",
        at: "deemed_through_year",
        message: "`deemed_through_year` 2024 must be before the rule set's year 2024",
        fix: "name the last year whose hours count as met",
    },
    Case {
        what: "an exemption from a cap that does not exist",
        file: JXT,
        from: r#"online_cap = { value = 36, source = { doc = "浙经信人事〔2020〕84号", clause = "二（四）" } }"#,
        to: "",
        at: "online_cap_exempt_years",
        message: "`online_cap_exempt_years` without an `online_cap`",
        fix: "add the cap, or remove the exemption",
    },
    Case {
        what: "a path row that forgets an education",
        file: NATIONAL,
        from: "associate = { requires = \"technician\", years = 2 }\n",
        to: "",
        at: "[paths.assistant_engineer]",
        message: "path row `assistant_engineer` says nothing for `associate`",
        fix: "add `associate = { requires = \"…\", years = N }`",
    },
    Case {
        what: "a path that requires an unknown title",
        file: NATIONAL,
        from: "master = { requires = \"assistant_engineer\", years = 2 }",
        to: "master = { requires = \"assistant\", years = 2 }",
        at: "requires = \"assistant\"",
        message: "unknown title `assistant`",
        fix: "use one of: technician",
    },
    Case {
        what: "a sanction kind without a period",
        file: NATIONAL,
        from: "major_demerit = 18\n",
        to: "",
        at: "[sanctions.periods]",
        message: "no period for sanction `major_demerit`",
        fix: "add `major_demerit = N` (months)",
    },
    Case {
        what: "a value with both a source and a convention",
        file: JXT,
        from: r#"required = { value = false, source = "#,
        to: r#"required = { value = false, convention = "the notice says so, see the clause", source = "#,
        at: "required = {",
        message: "`required` false has both a source and a convention",
        fix: "keep the source",
    },
    Case {
        what: "a convention that does not say why",
        file: NATIONAL,
        from: r#"exclude_unqualified_years = { value = false, convention = "No national rule removes unqualified years; 晋人社厅函〔2020〕628号 turns it on for Shanxi." }"#,
        to: r#"exclude_unqualified_years = { value = false, convention = "none" }"#,
        at: "convention = \"none\"",
        message: "the convention must say why",
        fix: "explain which document or spec section the value follows",
    },
    Case {
        what: "a document listed twice",
        file: DOCS,
        from: "doc = \"公职人员政务处分法\"",
        to: "doc = \"人社部令第40号\"",
        at: "doc = \"人社部令第40号\"\ntitle = \"中华人民共和国公职人员政务处分法\"",
        message: "document `人社部令第40号` is listed twice",
        fix: "merge the two entries",
    },
    Case {
        what: "a clause with neither quote nor summary",
        file: DOCS,
        from: "summary = \"专业技术人员参加继续教育的时间",
        to: "summery = \"专业技术人员参加继续教育的时间",
        at: "summery",
        message: "unknown field `summery`",
        fix: "check the spelling",
    },
    Case {
        what: "a quote for a document whose text is not bundled",
        file: DOCS,
        from: "summary = \"政务处分的期间为：警告六个月；记过十二个月；记大过十八个月；降级、撤职二十四个月。开除不设期间。\"\nsummary_en = \"Periods of administrative discipline: warning 6 months; demerit 12; major demerit 18; demotion and removal 24. Expulsion has no end.\"",
        to: "text = \"政务处分的期间为：警告六个月\"",
        at: "text = \"政务处分",
        message: "a quote needs the document's text in rules/sources/",
        fix: "write `summary` and `summary_en` instead",
    },
    Case {
        what: "a TOML syntax error",
        file: LIANDU,
        from: "year = 2024",
        to: "year = 2024 2025",
        at: "year = 2024 2025",
        message: "",
        fix: "",
    },
    Case {
        what: "a mountain county that is on no list",
        file: LIANDU,
        from: "county = \"莲都区\"",
        to: "county = \"连都区\"",
        at: "county = ",
        message: "county `连都区` is in none of the mountain-county lists",
        fix: "check the spelling (e.g. 莲都区)",
    },
];

#[test]
fn every_broken_file_is_explained_with_file_line_and_fix() {
    let mut failures = Vec::new();
    for case in CASES {
        let mut f = files();
        let file = file_mut(&mut f, case.file);
        assert!(
            file.text.contains(case.from),
            "{}: {} has no `{}`",
            case.what,
            case.file,
            case.from
        );
        file.text = file.text.replacen(case.from, case.to, 1);
        let line = {
            let at = file
                .text
                .find(case.at)
                .unwrap_or_else(|| panic!("{}: `{}` not in the edited file", case.what, case.at));
            file.text[..at].matches('\n').count() + 1
        };
        let diags = match compile(&f) {
            Ok(_) => {
                failures.push(format!("{}: compiled without a diagnostic", case.what));
                continue;
            }
            Err(d) => d,
        };
        let shown: Vec<String> = diags.iter().map(ToString::to_string).collect();
        let hit = diags
            .iter()
            .find(|d| d.file == case.file && d.line == line && d.message.contains(case.message));
        match hit {
            None => failures.push(format!(
                "{}: no diagnostic at {}:{line} saying `{}`; got:\n  {}",
                case.what,
                case.file,
                case.message,
                shown.join("\n  ")
            )),
            Some(d) => {
                let fix = d.fix.as_deref().unwrap_or("");
                if !case.fix.is_empty() && !fix.contains(case.fix) {
                    failures.push(format!(
                        "{}: the fix `{fix}` does not say `{}`",
                        case.what, case.fix
                    ));
                }
                let text = d.to_string();
                if !text.starts_with(&format!("{}:{line}: ", case.file)) {
                    failures.push(format!(
                        "{}: `{text}` does not start with file:line",
                        case.what
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn the_bundled_files_have_no_diagnostic() {
    if let Err(d) = compile(&files()) {
        let shown: Vec<String> = d.iter().map(ToString::to_string).collect();
        panic!("{}", shown.join("\n"));
    }
}
