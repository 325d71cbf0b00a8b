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
    if let Some(s) = f.specialties.as_mut().filter(|s| s.name == name) {
        return s;
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
const HUZHOU: &str = "rules/zj-huzhou-2021.toml";
const SX: &str = "rules/sx-2020.toml";
const HUZHOU_PLAN: &str = "rules/plans/zj-huzhou-2021.toml";
const JXT_PLAN: &str = "rules/plans/zj-jxt-gaogong-2020.toml";
const LIANDU_PLAN: &str = "rules/plans/zj-liandu-2024.toml";
const WORDS: &str = "rules/specialties.toml";

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
    // ───────────── issue 13: readings, restrictions, the vocabulary ─────────────
    Case {
        what: "a link with neither a source nor a convention",
        file: WORDS,
        from: "kind = \"narrower\"\nconvention = \"机电工程 is",
        to: "kind = \"narrower\"\nnote = \"机电工程 is",
        at: "note = ",
        message: "unknown field `note`",
        fix: "",
    },
    Case {
        what: "a link whose words its source does not have",
        file: WORDS,
        from: r#"words = ["轻工", "造纸", "纺织""#,
        to: r#"words = ["轻工", "造纸", "麻纺""#,
        at: r#""麻纺""#,
        message: "\"麻纺\" is not in the quote of 浙经信人事〔2020〕84号 附件1 第3项",
        fix: "copy the words as the notice writes them",
    },
    Case {
        what: "a link without a basis",
        file: WORDS,
        from: "convention = \"Hydropower, hydrology and water resources are 水利 (water-conservancy) engineering specialties.\"",
        to: "",
        at: "[[link]]\nwords = [\"水电\"",
        message: "a link needs either a `source` whose quote has every word, or a `convention`",
        fix: "cite the clause that groups the words",
    },
    Case {
        what: "a link to a word no plan row has",
        file: WORDS,
        from: r#"means = ["水利"]"#,
        to: r#"means = ["水务"]"#,
        at: r#"means = ["水务"]"#,
        message: "`水务` is not a specialty word of any plan row",
        fix: "add it there (from the row's text)",
    },
    Case {
        what: "a restriction whose employer word is not in the row",
        file: HUZHOU_PLAN,
        from: r#"employer = ["三一装备"]"#,
        to: r#"employer = ["三一重工"]"#,
        at: r#"employer = ["三一重工"]"#,
        message: "`restriction word` \"三一重工\" is not in the quote of 湖人社函〔2021〕57号 附件1 第42项",
        fix: "copy the value from the notice",
    },
    Case {
        what: "a restriction whose words are not the row's",
        file: HUZHOU_PLAN,
        from: r#"restriction = { kind = "company", text = "本公司的专技人才", employer = ["美欣达"] }"#,
        to: r#"restriction = { kind = "company", text = "本单位的专技人才", employer = ["美欣达"] }"#,
        at: "本单位的专技人才",
        message: "`restriction text` \"本单位的专技人才\" is not in the quote",
        fix: "copy the value from the notice",
    },
    Case {
        what: "a restriction of an unknown kind",
        file: HUZHOU_PLAN,
        from: r#"restriction = { kind = "trade", text = "本行业的专技人才", employer = ["电梯"] }"#,
        to: r#"restriction = { kind = "guild", text = "本行业的专技人才", employer = ["电梯"] }"#,
        at: r#"kind = "guild""#,
        message: "unknown restriction kind `guild`",
        fix: "use one of: company, trade, graduates",
    },
    Case {
        what: "a company restriction without employer words",
        file: HUZHOU_PLAN,
        from: r#"restriction = { kind = "company", text = "本公司的专技人才", employer = ["兔宝宝"] }"#,
        to: r#"restriction = { kind = "company", text = "本公司的专技人才" }"#,
        at: r#"restriction = { kind = "company", text = "本公司的专技人才" }"#,
        message: "a `company` restriction needs employer words",
        fix: "name the words of the row an employer's name contains",
    },
    Case {
        what: "a graduates restriction on a committee row",
        file: LIANDU_PLAN,
        from: r#"kind = "initial_determination""#,
        to: r#"kind = "evaluation""#,
        at: r#"restriction = { kind = "graduates""#,
        message: "only an initial_determination row is for new graduates",
        fix: "",
    },
    Case {
        what: "an exclusion for a title its words do not name",
        file: HUZHOU_PLAN,
        from: r#"titles = ["technician", "assistant_engineer", "engineer"] }]"#,
        to: r#"titles = ["technician", "assistant_engineer", "engineer", "senior_engineer"] }]"#,
        at: r#""senior_engineer"] }]"#,
        message: "the exclusion's text does not name `senior_engineer`",
        fix: "list only the titles its words name",
    },
    Case {
        what: "an excluded word not in the exclusion's words",
        file: HUZHOU_PLAN,
        from: r#"words = ["防灾减灾"]"#,
        to: r#"words = ["应急救援"]"#,
        at: r#"words = ["应急救援"]"#,
        message: "excluded word `应急救援` is not in the exclusion's text",
        fix: "use the words of `text`",
    },
    Case {
        what: "a conditional material completing a row the list does not have",
        file: JXT_PLAN,
        from: "amends = 4",
        to: "amends = 14",
        at: "amends = 14",
        message: "the materials list has no row 14",
        fix: "name the row of the list this material completes",
    },
    Case {
        what: "a CE registration system the clause does not name",
        file: LIANDU_PLAN,
        from: r#"system = "丽水市专业技术人员继续教育学时管理登记系统""#,
        to: r#"system = "丽水市继续教育学时登记系统""#,
        at: r#"system = "丽水市继续教育学时登记系统""#,
        message: "`system` \"丽水市继续教育学时登记系统\" is not in the quote",
        fix: "copy the value from the notice",
    },
    Case {
        what: "a check note whose quote is not in its clause",
        file: HUZHOU,
        from: r#"quote = "经各行业主管部门认定后方为有效学时""#,
        to: r#"quote = "经人社部门认定后方为有效学时""#,
        at: r#"quote = "经人社部门认定后方为有效学时""#,
        message: "\"经人社部门认定后方为有效学时\" is not in the quote of 湖人社函〔2021〕57号 二（二）",
        fix: "",
    },
    Case {
        what: "an ambiguous year that is not the year after the deemed ones",
        file: LIANDU,
        from: "ambiguous_year = { value = 2019,",
        to: "ambiguous_year = { value = 2020,",
        at: "ambiguous_year = { value = 2020,",
        message: "`ambiguous_year` 2020 must be the year after `deemed_through_year`",
        fix: "",
    },
    Case {
        what: "a quote through a notice that does not have it",
        file: DOCS,
        from: "text = \"对在申报过程中有弄虚作假行为的申报对象，其申报材料一律予以退回，并从评审次年起3年内",
        to: "text = \"对在申报过程中有弄虚作假行为的申报对象，其申报材料一律予以退回，并从评审次年起5年内",
        at: "并从评审次年起5年内",
        message: "the text is not in the quote of 浙经信人事〔2020〕84号 四",
        fix: "",
    },
    Case {
        what: "an unknown fraud consequence",
        file: SX,
        from: "[service]",
        to: "[fraud]\nyears = { value = 3, source = { doc = \"人社部令第40号\", clause = \"弄虚作假\" } }\nconsequence = \"warning\"\n\n[service]",
        at: "consequence = \"warning\"",
        message: "unknown fraud consequence `warning`",
        fix: "use one of: ban, record",
    },
    Case {
        what: "a leaves-out item without a clause",
        file: JXT,
        from: "source = { doc = \"浙经信人事〔2020〕84号\", clause = \"五（二）\" }",
        to: "source = { doc = \"浙经信人事〔2020〕84号\", clause = \"五（三）\" }",
        at: "clause = \"五（三）\"",
        message: "has no clause `五（三）`",
        fix: "",
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
