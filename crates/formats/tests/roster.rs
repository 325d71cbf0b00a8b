//! The roster, the records file and the results CSV (docs/batch.md), without IO
//! beyond reading the repository's examples and template.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use zhicheng_engine::{evaluate, CheckId, Profile};
use zhicheng_formats::batch::{Batch, Checked, Tally};
use zhicheng_formats::results;
use zhicheng_formats::roster::{FileError, Problem, RecordsFile, Roster, Warning};
use zhicheng_formats::{ce_csv, csv};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn template() -> String {
    std::fs::read_to_string(repo().join("www/roster-template.csv")).unwrap()
}

/// The shared examples: stem → (profile, expected status).
fn examples() -> BTreeMap<String, (Profile, String)> {
    let dir = repo().join("tests/examples");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let Some(stem) = name.strip_suffix(".profile.json") else {
            continue;
        };
        let profile = Profile::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let expected = std::fs::read_to_string(dir.join(format!("{stem}.expected.json"))).unwrap();
        let status = expected
            .split("\"status\"")
            .nth(1)
            .and_then(|s| s.split('"').nth(1))
            .unwrap()
            .to_string();
        out.insert(stem.to_string(), (profile, status));
    }
    assert_eq!(out.len(), 5);
    out
}

fn run(text: &str) -> (Vec<Checked>, Tally) {
    let mut batch = Batch::new(Roster::read(text).unwrap());
    let checked: Vec<Checked> = (&mut batch).collect();
    (checked, batch.tally())
}

fn run_with(text: &str, records: &str) -> (Vec<Checked>, Vec<Warning>) {
    let records = RecordsFile::read(records).unwrap();
    let mut batch = Batch::new(Roster::read(text).unwrap().with_records(&records));
    let checked: Vec<Checked> = (&mut batch).collect();
    let warnings = batch.roster().records_warnings();
    (checked, warnings)
}

fn status(c: &Checked) -> &str {
    c.status_id()
}

/// The results CSV parsed back: header → value per row.
fn parse_results(text: &str) -> Vec<BTreeMap<String, String>> {
    assert!(text.starts_with('\u{feff}'), "results start with a BOM");
    assert!(!text.replace("\r\n", "").contains('\n') || text.contains('"'));
    let rows = csv::parse(text).unwrap();
    let header = &rows[0].fields;
    assert_eq!(header.len(), results::columns().len());
    rows[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.fields.len(), header.len(), "line {}", r.line);
            header
                .iter()
                .cloned()
                .zip(r.fields.iter().cloned())
                .collect()
        })
        .collect()
}

#[test]
fn the_template_gives_the_shared_examples_their_verdicts() {
    let text = template();
    assert!(
        text.starts_with('\u{feff}'),
        "the template starts with a BOM"
    );
    assert!(text.ends_with("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF line ends");
    let examples = examples();
    let (checked, tally) = run(&text);
    assert_eq!(checked.len(), 5);
    assert_eq!(tally.errors, 0);
    for c in &checked {
        let (profile, want) = &examples[&c.person_id];
        assert_eq!(status(c), want, "{}", c.person_id);
        // The row is the example: the same verdict, check by check and year by year
        // (only the texts of passing checks are left out in batch mode).
        let full = evaluate(profile).unwrap();
        let got = c.result.as_ref().unwrap();
        assert_eq!(got.status, full.status, "{}", c.person_id);
        assert_eq!(got.ce_years, full.ce_years, "{}", c.person_id);
        assert_eq!(got.service, full.service, "{}", c.person_id);
        assert_eq!(
            got.earliest_eligible_year, full.earliest_eligible_year,
            "{}",
            c.person_id
        );
        let statuses = |v: &zhicheng_engine::Verdict| {
            v.checks
                .iter()
                .map(|c| (c.id, c.status))
                .collect::<Vec<_>>()
        };
        assert_eq!(statuses(got), statuses(&full), "{}", c.person_id);
    }
    // The results CSV says the same.
    let out = results::to_csv(&checked);
    let rows = parse_results(&out);
    for (row, c) in rows.iter().zip(&checked) {
        assert_eq!(row["person_id"], c.person_id);
        assert_eq!(row["status"], examples[&c.person_id].1);
        assert_eq!(row["line"], c.line.to_string());
        assert!(row["error"].is_empty());
    }
    let jxt = rows
        .iter()
        .find(|r| r["person_id"] == "jxt_2019_online_hours_over_cap")
        .unwrap();
    assert_eq!(jxt["ce_hours"], "fail");
    assert_eq!(jxt["retirement"], "pass");
    assert_eq!(jxt["coverage"], "");
    assert!(
        jxt["summary_zh"].starts_with("继续教育学时："),
        "{}",
        jxt["summary_zh"]
    );
    assert_eq!(jxt["status_zh"], "暂不符合申报条件");
}

/// The template with English headers, LF line ends and no BOM reads the same.
#[test]
fn english_headers_lf_and_no_bom_read_the_same() {
    let text = template();
    let mut lines = text.trim_start_matches('\u{feff}').split("\r\n");
    let header = lines.next().unwrap();
    let english: Vec<String> = header
        .split(',')
        .map(|h| {
            let f = zhicheng_formats::roster::Field::ALL
                .into_iter()
                .find(|f| f.name_zh() == h);
            match f {
                Some(f) => f.name_en().to_string(),
                None => {
                    // 2019年专业科目（网络） → ce_2019_professional_online
                    let year = &h[..4];
                    let online = h.contains("网络");
                    let cat = if h.contains("专业科目") {
                        "professional"
                    } else if h.contains("行业公需") {
                        "industry_public"
                    } else {
                        "general_public"
                    };
                    format!("ce_{year}_{cat}{}", if online { "_online" } else { "" })
                }
            }
        })
        .collect();
    let body: Vec<&str> = lines.collect();
    let lf = format!("{}\n{}", english.join(","), body.join("\n"));
    let (a, _) = run(&text);
    let (b, _) = run(&lf);
    assert_eq!(a, b);
}

#[test]
fn quoted_fields_with_commas_quotes_and_line_breaks() {
    let text = "person_id,name,rule_set,title,birth_date,retirement_group,employment,education,work_start,部门\r\n\
        A1,\"张三, 李四\",sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\"一部\r\n二部\"\r\n\
        A2,\"王\"\"五\"\"\",sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,三部\r\n";
    let (checked, _) = run(text);
    assert_eq!(checked.len(), 2);
    assert_eq!(checked[0].name, "张三, 李四");
    assert_eq!(checked[0].line, 2);
    assert_eq!(checked[1].name, "王\"五\"");
    assert_eq!(checked[1].line, 4, "the line after a two-line field");
    assert!(checked.iter().all(|c| c.result.is_ok()));
    let out = results::to_csv(&checked);
    assert!(out.contains("\"张三, 李四\""));
    assert!(out.contains("\"王\"\"五\"\"\""));
    assert_eq!(parse_results(&out)[1]["name"], "王\"五\"");
}

const HEADER: &str = "person_id,name,rule_set,title,birth_date,retirement_group,employment,education,work_start,engineer_obtained";

#[test]
fn a_bad_row_in_the_middle_does_not_stop_the_others() {
    let text = format!(
        "{HEADER}\n\
         A1,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n\
         A2,,sx-2020,技术员,1990-02-30,男,企业,本科,2019-07-01,\n\
         \n\
         A3,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n\
         A4,,sx-2020,总工,1990-01-01,男,企业,本科,2019-07-01,\n\
         A5,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n"
    );
    let (checked, tally) = run(&text);
    let ids: Vec<&str> = checked.iter().map(|c| c.person_id.as_str()).collect();
    assert_eq!(ids, ["A1", "A2", "A3", "A4", "A5"]);
    let lines: Vec<usize> = checked.iter().map(|c| c.line).collect();
    assert_eq!(lines, [2, 3, 5, 6, 7], "a blank line keeps the numbering");
    assert_eq!(tally.errors, 2);
    assert_eq!(tally.total(), 5);
    let e = checked[1].result.as_ref().unwrap_err();
    assert_eq!(
        e.message_en(),
        "line 3: column birth_date: \"1990-02-30\" is not a date that exists (write YYYY-MM-DD)"
    );
    assert_eq!(
        e.message_zh(),
        "第 3 行：“birth_date”列：“1990-02-30”不是存在的日期（格式 YYYY-MM-DD）"
    );
    let e = checked[3].result.as_ref().unwrap_err();
    assert!(e
        .message_en()
        .starts_with("line 6: column title: unknown value \"总工\""));
    for i in [0, 2, 4] {
        assert!(checked[i].result.is_ok(), "{}", checked[i].person_id);
    }
    let rows = parse_results(&results::to_csv(&checked));
    assert_eq!(rows[1]["status"], "error");
    assert_eq!(rows[1]["status_zh"], "数据有误");
    assert_eq!(rows[1]["line"], "3");
    assert!(rows[1]["error"].starts_with("column birth_date: \"1990-02-30\""));
    assert!(rows[1]["error"].contains("“birth_date”列：“1990-02-30”不是存在的日期"));
    assert_eq!(rows[1]["retirement"], "");
}

#[test]
fn a_person_id_twice_is_a_bad_row() {
    let text = format!(
        "{HEADER}\n\
         A1,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n\
         A1,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n\
         ,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n"
    );
    let (checked, _) = run(&text);
    assert!(checked[0].result.is_ok());
    let e = checked[1].result.as_ref().unwrap_err();
    assert_eq!(e.problem, Problem::DuplicateId { first_line: 2 });
    assert_eq!(
        e.one_line(),
        "line 3: column person_id: this person_id was already used on line 2 \
         — 第 3 行：“person_id”列：人员编号与第 2 行重复"
    );
    let e = checked[2].result.as_ref().unwrap_err();
    assert_eq!(e.message_en(), "line 4: column person_id: is required");
}

/// A CSV cell as another program would write it: quoted when needed, nothing escaped.
fn quoted(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

#[test]
fn cells_a_spreadsheet_would_run_are_escaped() {
    let ids = ["=HYPERLINK(\"http://example.com\",\"x\")", "+1", "-1", "@x"];
    let mut text = String::from(HEADER);
    text.push('\n');
    for id in ids {
        text += &format!(
            "{},=1+1,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n",
            quoted(id)
        );
    }
    // A bad row whose error echoes a formula.
    text += "B1,,sx-2020,=cmd|'/c calc'!A0,1990-01-01,男,企业,本科,2019-07-01,\n";
    let (checked, _) = run(&text);
    assert_eq!(checked[0].person_id, ids[0]);
    let out = results::to_csv(&checked);
    for line in out.lines().skip(1) {
        for cell in csv::parse(line).unwrap()[0].fields.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "unescaped cell {cell:?} in {line}"
            );
        }
    }
    let rows = parse_results(&out);
    assert_eq!(rows[0]["person_id"], format!("'{}", ids[0]));
    assert_eq!(rows[1]["person_id"], "'+1");
    assert_eq!(rows[2]["person_id"], "'-1");
    assert_eq!(rows[3]["person_id"], "'@x");
    assert_eq!(rows[0]["name"], "'=1+1");
    assert_eq!(rows[4]["status"], "error");
    assert!(rows[4]["error"].starts_with("column title: unknown value \"=cmd"));
    // Tab and carriage return at the start (the reader trims them; a caller may not).
    let mut c = checked[0].clone();
    c.person_id = "\tA".into();
    c.name = "\r=B".into();
    let row = results::row(&c);
    assert!(row.starts_with("'\tA,\"'\r=B\","), "{row:?}");
}

#[test]
fn empty_and_header_only_files() {
    for empty in ["", "\u{feff}", "\r\n\r\n", " , ,\n"] {
        assert_eq!(
            Roster::read(empty).err(),
            Some(FileError::Empty),
            "{empty:?}"
        );
    }
    let header_only = format!("\u{feff}{HEADER}\r\n");
    let mut roster = Roster::read(&header_only).unwrap();
    assert!(roster.next().is_none());
    assert_eq!(
        FileError::NoPeople.one_line(),
        "the file has a header but no people — 文件只有表头，没有人员数据"
    );
    let e = Roster::read("name,title\nx,技术员\n").err().unwrap();
    let FileError::MissingColumns(cols) = &e else {
        panic!("{e:?}")
    };
    let names: Vec<&str> = cols.iter().map(|c| c.en.as_str()).collect();
    assert_eq!(
        names,
        [
            "person_id",
            "rule_set",
            "birth_date",
            "retirement_group",
            "employment",
            "education"
        ]
    );
    assert!(e
        .message_zh()
        .starts_with("表头缺少“人员编号”（person_id）"));
    assert!(matches!(
        Roster::read("\"person_id,name\n").err(),
        Some(FileError::NotCsv(_))
    ));
    assert!(matches!(
        Roster::read(&format!("{HEADER},ce_2024_pro\n")).err(),
        Some(FileError::BadCeColumn { .. })
    ));
    assert!(matches!(
        Roster::read(&format!("{HEADER},人员编号\n")).err(),
        Some(FileError::DuplicateColumn { .. })
    ));
}

/// An unclosed quote stops the reading there: the rows before are checked, the
/// place is reported.
#[test]
fn an_unclosed_quote_stops_the_reading() {
    let text = format!(
        "{HEADER}\n\
         A1,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n\
         A2,\"open,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n\
         A3,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n"
    );
    let mut batch = Batch::new(Roster::read(&text).unwrap());
    let checked: Vec<Checked> = (&mut batch).collect();
    assert_eq!(checked.len(), 2);
    assert!(checked[0].result.is_ok());
    let e = checked[1].result.as_ref().unwrap_err();
    assert_eq!(
        e.message_en(),
        "line 3: line 3: a quoted field is never closed; the rest of the file cannot be read"
    );
    assert_eq!(batch.roster().stopped_at(), Some(3));
}

/// CE hours from a records file keyed by person_id give the same verdicts as the
/// CE columns of the template.
#[test]
fn ce_hours_from_a_records_file() {
    let text = template();
    let header: Vec<&str> = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap()
        .split(',')
        .collect();
    let keep: Vec<usize> = (0..header.len())
        .filter(|&i| !header[i].starts_with("20"))
        .collect();
    let without_ce: String = csv::parse(&text)
        .unwrap()
        .iter()
        .map(|r| {
            csv::row(
                &keep
                    .iter()
                    .map(|&i| r.fields[i].as_str())
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    assert!(!without_ce.lines().next().unwrap().contains("2024年"));
    let mut records = String::from("人员编号,年度,类别,学时,网络课件,主管部门认可,备注\r\n");
    for (stem, (p, _)) in examples() {
        for r in &p.ce_records {
            records += &csv::row(&[
                stem.clone(),
                r.year.to_string(),
                r.category.label_zh().to_string(),
                r.hours.to_string(),
                if r.online { "是" } else { "否" }.to_string(),
                "否".to_string(),
                "来自示例".to_string(),
            ]);
        }
    }
    // Records of someone not in the roster, and a record without a person.
    records += "nobody,2024,专业科目,10,否,否,\r\n,2024,专业科目,10,否,否,\r\n";
    let (by_columns, _) = run(&text);
    let (by_records, warnings) = run_with(&without_ce, &records);
    assert_eq!(by_columns.len(), by_records.len());
    for (a, b) in by_columns.iter().zip(&by_records) {
        assert_eq!(a.person_id, b.person_id);
        let (a, b) = (a.result.as_ref().unwrap(), b.result.as_ref().unwrap());
        assert_eq!(a.status, b.status);
        assert_eq!(a.ce_years, b.ce_years);
        assert_eq!(a.earliest_eligible_year, b.earliest_eligible_year);
    }
    let n = records.lines().count();
    assert_eq!(
        warnings,
        vec![
            Warning::RecordWithoutPerson { line: n },
            Warning::RecordsForUnknownPerson {
                person_id: "nobody".into(),
                line: n - 1,
                count: 1
            }
        ]
    );
    assert!(warnings[1]
        .one_line()
        .contains("person_id \"nobody\" is not in the roster"));
}

#[test]
fn a_bad_record_makes_its_person_a_bad_row() {
    let roster = format!(
        "{HEADER}\n\
         A1,,zj-huzhou-2021,技术员,1990-01-01,男,企业,本科,2019-07-01,\n\
         A2,,zj-huzhou-2021,技术员,1990-01-01,男,企业,本科,2019-07-01,\n"
    );
    let records = "person_id,year,category,hours\n\
                   A1,2021,professional,70\n\
                   A2,2021,professional,-3\n\
                   A2,2021,professional,70\n";
    let (checked, warnings) = run_with(&roster, records);
    assert!(warnings.is_empty());
    assert!(checked[0].result.is_ok());
    let e = checked[1].result.as_ref().unwrap_err();
    assert_eq!(
        e.one_line(),
        "line 3: CE records file, line 3: hours \"-3\": must be greater than 0 \
         — 第 3 行：学时记录文件第 3 行：学时“-3”：必须大于 0"
    );
    assert!(matches!(
        RecordsFile::read("year,category,hours\n2021,professional,1\n"),
        Err(FileError::MissingColumns(_))
    ));
    assert_eq!(
        RecordsFile::read("person_id,year,category,hours\n"),
        Err(FileError::NoRecords)
    );
    let e = RecordsFile::read("person_id,year,hours\nA,2021,1\n").unwrap_err();
    assert!(e.message_en().contains("`category`"), "{}", e.message_en());
    // The records file reads what the CE import reads (the same columns and values).
    let r = RecordsFile::read(&format!(
        "人员编号,{}",
        ce_csv::TEMPLATE
            .trim_start_matches('\u{feff}')
            .replace("\r\n", "\r\nX,")
    ));
    let r = r.unwrap();
    assert_eq!(r.len(), 3);
    assert_eq!(r.people(), 1);
}

#[test]
fn columns_and_records_add_up() {
    let roster = "person_id,rule_set,title,birth_date,retirement_group,employment,education,work_start,technician_obtained,ce_2021_professional,2020年专业科目\n\
                  A1,zj-huzhou-2021,助理工程师,1990-01-01,男,企业,大专,2012-07-01,2015-01-01,30,70\n";
    let records = "person_id,year,category,hours\nA1,2021,professional,40\nA1,2021,industry_public,8\nA1,2021,general_public,12\nA1,2020,industry_public,8\nA1,2020,general_public,12\n";
    let (checked, _) = run_with(roster, records);
    let v = checked[0].result.as_ref().unwrap();
    let y2021 = v.ce_years.iter().find(|y| y.year == 2021).unwrap();
    assert_eq!(y2021.counted.professional.to_string(), "70");
    assert_eq!(v.status.as_str(), "eligible");
}

/// Errors the engine finds across fields are put back on their column.
#[test]
fn engine_errors_name_their_column() {
    let roster = "人员编号,适用规则,评审年度,申报职称,出生日期,退休年龄类别,单位性质,学历,参加工作时间,工程师取得时间\n\
                  A1,sx-2020,2030,高级工程师,1980-01-01,男,企业,本科,2002-07-01,2015-01-01\n\
                  A2,sx-2020,,高级工程师,1980-01-01,男,企业,本科,2002-07-01,2021-01-01\n\
                  A3,sx-2020,,技术员,1980-01-01,男,企业,本科,,\n";
    let (checked, _) = run(roster);
    let errs: Vec<String> = checked
        .iter()
        .map(|c| c.result.as_ref().unwrap_err().message_en())
        .collect();
    assert_eq!(
        errs[0],
        "line 2: column 评审年度: must be from 2020 to 2025 for this rule set"
    );
    assert_eq!(
        errs[1],
        "line 3: column 工程师取得时间: is after the end of the evaluation year (2020-12-31)"
    );
    assert!(
        errs[2].starts_with("line 4: column 参加工作时间: is required: the path to technician"),
        "{}",
        errs[2]
    );
    assert!(checked[0]
        .result
        .as_ref()
        .unwrap_err()
        .message_zh()
        .starts_with("第 2 行：“评审年度”列：本规则适用的评审年度为 2020 至 2025"));
}

/// Every check id has its column, in the order of `CheckId::ALL`.
#[test]
fn the_results_header() {
    let h = results::header();
    assert!(h.starts_with('\u{feff}'));
    assert!(h.ends_with("\r\n"));
    let cols = results::columns();
    assert_eq!(cols[..6], results::LEADING_COLUMNS);
    for (i, id) in CheckId::ALL.iter().enumerate() {
        assert_eq!(cols[6 + i], id.as_str());
    }
    assert_eq!(cols[cols.len() - 2..], results::TRAILING_COLUMNS);
}

/// Values as HR officers type them: Chinese labels, short forms, dates from Excel.
#[test]
fn chinese_values_and_spreadsheet_dates() {
    let roster = "人员编号,姓名,适用规则,申报职称,申报专业,破格申报,出生日期,退休年龄类别,单位性质,已退休,在专业技术岗位,专业对口,学历,参加工作时间,助理工程师取得时间,工程师取得时间,年度考核,处分,弄虚作假年度,考试,2020年专业科目,2020年行业公需科目,2020年一般公需科目,2019年专业科目(网络)\n\
                  1,甲,浙经信人事[2020]84号,高工,材料,否,1980/5/10,男,企业,否,是,是,本科,2002年7月15日,2008.12.1,20141201,2018:不合格；2019:优秀,警告:2020-01-01,,,７０,8,12,50\n\
                  2,乙,sx-2020,高级经济师,,N,1975-03-01,女干部,事业单位,no,yes,y,大学本科,,,,,,2019,高级经济师:2019,,,,\n";
    let mut roster = Roster::read(roster).unwrap();
    let a = roster.next().unwrap().profile.unwrap();
    assert_eq!(a.rule_set, "zj-jxt-gaogong-2020");
    assert_eq!(a.target.specialty.as_deref(), Some("materials"));
    assert_eq!(a.person.birth_date.to_string(), "1980-05-10");
    assert_eq!(a.work_start.unwrap().to_string(), "2002-07-15");
    assert_eq!(a.titles.len(), 2);
    assert_eq!(a.assessments.len(), 2);
    assert_eq!(a.sanctions.len(), 1);
    assert_eq!(a.ce_records.len(), 4);
    assert!(a.ce_records[3].online);
    assert_eq!(a.ce_records[0].hours.to_string(), "70");
    let b = roster.next().unwrap().profile.unwrap();
    assert_eq!(b.person.employment.as_str(), "public_institution");
    assert_eq!(b.person.retirement_group.as_str(), "female_55");
    assert_eq!(b.fraud_findings.len(), 1);
    assert_eq!(b.exams[0].year, Some(2019));
    assert!(!b.person.retired && b.person.in_technical_post);
}

/// A target the rule set does not cover: `not_covered`, and the summary says what is.
#[test]
fn not_covered_says_what_is_covered() {
    let roster =
        "人员编号,适用规则,申报职称,申报专业,出生日期,退休年龄类别,单位性质,学历,工程师取得时间\n\
                  A1,浙经信人事〔2020〕84号,高级工程师,电子,1980-05-10,男,企业,本科,2014-12-01\n";
    let (checked, tally) = run(roster);
    assert_eq!(tally.not_covered, 1);
    let rows = parse_results(&results::to_csv(&checked));
    assert_eq!(rows[0]["status"], "not_covered");
    assert_eq!(rows[0]["coverage"], "info");
    assert_eq!(rows[0]["earliest_eligible_year"], "");
    assert!(
        rows[0]["summary_zh"].starts_with("适用范围："),
        "{}",
        rows[0]["summary_zh"]
    );
    assert!(rows[0]["summary_zh"].contains("只适用于"));
}

#[test]
fn a_roster_paused_between_rows_reads_on_as_if_it_had_not_stopped() {
    let text = format!(
        "\u{feff}{HEADER}\n\
         A1,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n\
         A2,,sx-2020,技术员,1990-02-30,男,企业,本科,2019-07-01,\n\
         \n\
         A1,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n\
         A4,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01,\n"
    );
    let records =
        RecordsFile::read("person_id,year,category,hours\nA4,2019,专业科目,30\n").unwrap();
    let whole: Vec<_> = Roster::read(&text)
        .unwrap()
        .with_records(&records)
        .collect();
    // One row at a time, pausing after each: the same entries, lines and repeated id.
    let mut entries = Vec::new();
    let mut paused = Roster::read(&text).unwrap().pause();
    loop {
        let mut roster = Roster::resume(&text, paused).with_records(&records);
        match roster.next() {
            Some(entry) => entries.push(entry),
            None => break,
        }
        paused = roster.pause();
    }
    assert_eq!(entries, whole);
    assert_eq!(entries.len(), 4);
    let e = entries[2].profile.as_ref().unwrap_err();
    assert_eq!(e.problem, Problem::DuplicateId { first_line: 2 });
    assert_eq!(entries[3].profile.as_ref().unwrap().ce_records.len(), 1);
}
