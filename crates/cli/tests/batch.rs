//! `zhicheng batch`: rosters in each encoding, bad rows, the records file, refusals
//! (docs/batch.md).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhicheng"))
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh directory for one test's files.
fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("zhicheng-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn template() -> String {
    std::fs::read_to_string(repo().join("www/roster-template.csv")).unwrap()
}

fn batch(args: &[&Path]) -> Output {
    bin().arg("batch").args(args).output().unwrap()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// person_id → status, from a results CSV (a simple reader: no quoted commas in the
/// first and fourth columns of these tests).
fn statuses(results: &str) -> BTreeMap<String, String> {
    assert!(results.starts_with('\u{feff}'));
    results
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split(',').collect();
            (cells[0].to_string(), cells[3].to_string())
        })
        .collect()
}

/// The shared examples' expected statuses.
fn expected() -> BTreeMap<String, String> {
    let dir = repo().join("tests/examples");
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        if let Some(stem) = name.strip_suffix(".expected.json") {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            out.insert(stem.to_string(), v["status"].as_str().unwrap().to_string());
        }
    }
    assert_eq!(out.len(), 5);
    out
}

#[test]
fn the_template_gives_the_expected_statuses() {
    let out = batch(&[&repo().join("www/roster-template.csv")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("\u{feff}person_id,name,line,status,status_zh,"));
    assert_eq!(statuses(&text), expected());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("5 people: 2 eligible, 0 needs review, 3 not eligible"));
}

/// UTF-8 with and without BOM, GBK, CRLF and LF: the same results.
#[test]
fn every_encoding_and_line_end_gives_the_same_results() {
    let dir = temp("encodings");
    let text = template();
    let plain = text.trim_start_matches('\u{feff}');
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(plain);
    assert!(!unmappable, "the template is GBK-encodable");
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "GBK bytes are not UTF-8"
    );
    let files = [
        write(&dir, "bom.csv", &text),
        write(&dir, "utf8.csv", plain),
        write(&dir, "lf.csv", plain.replace("\r\n", "\n")),
        write(&dir, "gbk.csv", &gbk),
        write(
            &dir,
            "gbk-lf.csv",
            &*encoding_rs::GBK.encode(&plain.replace("\r\n", "\n")).0,
        ),
    ];
    let first = batch(&[&files[0]]);
    assert_eq!(first.status.code(), Some(0));
    assert_eq!(statuses(&stdout(&first)), expected());
    for f in &files[1..] {
        let out = batch(&[f]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            f.display(),
            stderr(&out)
        );
        assert_eq!(stdout(&out), stdout(&first), "{}", f.display());
    }
    std::fs::remove_dir_all(dir).unwrap();
}

const HEADER: &str =
    "人员编号,姓名,适用规则,申报职称,出生日期,退休年龄类别,单位性质,学历,参加工作时间";

#[test]
fn a_bad_row_is_one_line_on_stderr_and_the_others_are_checked() {
    let dir = temp("bad-row");
    let roster = write(
        &dir,
        "roster.csv",
        format!(
            "{HEADER}\r\n\
             A1,\"张三, 技术部\",sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01\r\n\
             A2,李四,sx-2020,技术员,1990-13-01,男,企业,本科,2019-07-01\r\n\
             A3,王五,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01\r\n\
             A3,赵六,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01\r\n"
        ),
    );
    let out = batch(&[&roster]);
    assert_eq!(out.status.code(), Some(0));
    let results = stdout(&out);
    assert_eq!(results.matches("\r\n").count(), 5, "{results}");
    let s = statuses(&results);
    assert_eq!(s.len(), 3);
    assert_eq!(s["A2"], "error");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    let path = roster.display().to_string();
    assert_eq!(
        lines[0],
        format!(
            "{path}: line 3: column 出生日期: \"1990-13-01\" is not a date that exists \
             (write YYYY-MM-DD) — 第 3 行：“出生日期”列：“1990-13-01”不是存在的日期（格式 YYYY-MM-DD）"
        )
    );
    assert!(lines[1].starts_with(&format!(
        "{path}: line 5: column 人员编号: this person_id was already used on line 4"
    )));
    assert!(lines[2].contains("4 people: 2 eligible"), "{}", lines[2]);
    assert!(results.contains("\"张三, 技术部\""));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn ce_hours_from_a_records_file_and_output_to_a_file() {
    let dir = temp("records");
    let roster = write(
        &dir,
        "roster.csv",
        format!(
            "{HEADER},技术员取得时间\r\n\
             H1,,zj-huzhou-2021,助理工程师,1980-05-10,男,企业,大专,2002-07-15,2018-06-30\r\n\
             H2,,zj-huzhou-2021,助理工程师,1980-05-10,男,企业,大专,2002-07-15,2018-06-30\r\n"
        ),
    );
    let mut records = String::from("人员编号,年度,类别,学时,网络课件\r\n");
    for y in [2020, 2021] {
        for (cat, h) in [("专业科目", 70), ("行业公需科目", 8), ("一般公需科目", 12)]
        {
            records += &format!("H1,{y},{cat},{h},否\r\n");
        }
    }
    records += "H2,2021,专业科目,70,否\r\nH9,2021,专业科目,70,否\r\n";
    let records = write(&dir, "records.csv", encoding_rs::GBK.encode(&records).0);
    let out_file = dir.join("results.csv");
    let out = bin()
        .arg("batch")
        .arg(&roster)
        .arg("--ce")
        .arg(&records)
        .arg("-o")
        .arg(&out_file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let results = std::fs::read_to_string(&out_file).unwrap();
    let s = statuses(&results);
    assert_eq!(s["H1"], "eligible");
    assert_eq!(s["H2"], "not_eligible");
    let err = stderr(&out);
    assert!(
        err.contains("warning: CE records file, line 9: person_id \"H9\" is not in the roster"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// Files that cannot be used at all: one line on stderr, exit 2, no results.
#[test]
fn unusable_files_exit_2_with_one_line() {
    let dir = temp("unusable");
    let cases: Vec<(PathBuf, &str)> = vec![
        (
            write(&dir, "empty.csv", ""),
            "the file is empty — 文件是空的",
        ),
        (
            write(&dir, "bom-only.csv", "\u{feff}\r\n"),
            "the file is empty",
        ),
        (
            write(&dir, "header-only.csv", format!("\u{feff}{HEADER}\r\n")),
            "the file has a header but no people — 文件只有表头，没有人员数据",
        ),
        (
            write(&dir, "no-id.csv", "姓名,适用规则\r\n张三,sx-2020\r\n"),
            "the header has no column `person_id` (人员编号)",
        ),
        (
            write(&dir, "binary.csv", [b'a', 0xFF, 0xFE, 0x81, 0xFF]),
            "the file is neither UTF-8 nor GBK text",
        ),
        (
            write(&dir, "book.xlsx", b"PK\x03\x04\x14\x00"),
            "this is an Excel workbook, not CSV",
        ),
        (dir.join("missing.csv"), "cannot read"),
    ];
    for (path, want) in &cases {
        let out_file = dir.join("out.csv");
        let out = bin()
            .arg("batch")
            .arg(path)
            .arg("-o")
            .arg(&out_file)
            .output()
            .unwrap();
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", path.display());
        assert_eq!(err.lines().count(), 1, "{}: {err}", path.display());
        assert!(
            err.starts_with(&format!("{}: ", path.display())) && err.contains(want),
            "{}: `{err}` should contain `{want}`",
            path.display()
        );
        assert!(!out_file.exists(), "{}: wrote results", path.display());
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["batch"][..],
        &["batch", "a.csv", "b.csv"],
        &["batch", "a.csv", "--ce"],
        &["batch", "a.csv", "--unknown", "x"],
    ] {
        let out = bin().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("zhicheng batch ROSTER.csv"),
            "{args:?}"
        );
    }
    let out = bin().arg("--help").output().unwrap();
    assert!(stdout(&out).contains("--ce RECORDS.csv"));
}

/// An unclosed quote: the rows before it are written, then exit 2.
#[test]
fn an_unclosed_quote_stops_with_exit_2() {
    let dir = temp("quote");
    let roster = write(
        &dir,
        "roster.csv",
        format!(
            "{HEADER}\n\
             A1,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01\n\
             A2,\"open,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01\n\
             A3,,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01\n"
        ),
    );
    let out = batch(&[&roster]);
    assert_eq!(out.status.code(), Some(2));
    let s = statuses(&stdout(&out));
    assert_eq!(s.len(), 2);
    assert_eq!(s["A1"], "eligible");
    assert!(stderr(&out).contains("reading stopped at line 3"));
    std::fs::remove_dir_all(dir).unwrap();
}

/// A 50 MB roster is streamed: checked within a 256 MB address-space limit.
#[cfg(unix)]
#[test]
fn a_50_mb_roster_is_handled_in_little_memory() {
    let dir = temp("large");
    let people = 20_000;
    let note = "备注".repeat(415); // 2,490 bytes a row in a column the check ignores
    let mut text = format!("{HEADER},工程师取得时间,备注\r\n");
    text.reserve(people * 2_600);
    for i in 0..people {
        text += &format!(
            "P{i:05},,zj-liandu-2024,高级工程师,1980-05-10,男,企业,本科,2002-07-15,2018-12-20,{note}\r\n"
        );
    }
    assert!(text.len() > 50_000_000, "{} bytes", text.len());
    let roster = write(&dir, "large.csv", &text);
    drop(text);
    let out_file = dir.join("results.csv");
    let out = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 262144 && exec \"$0\" batch \"$1\" -o \"$2\"")
        .arg(env!("CARGO_BIN_EXE_zhicheng"))
        .arg(&roster)
        .arg(&out_file)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("column `备注` is not a roster column and is ignored"));
    assert!(
        err.contains(&format!("{people} people: 0 eligible")),
        "{err}"
    );
    let results = std::fs::read_to_string(&out_file).unwrap();
    assert_eq!(results.matches("\r\n").count(), people + 1);
    std::fs::remove_dir_all(dir).unwrap();
}

/// A file over the limit is refused before it is read, with its size.
#[test]
fn a_file_over_the_limit_is_refused_clearly() {
    let dir = temp("limit");
    let path = dir.join("huge.csv");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(250_000_000).unwrap(); // sparse: no disk used
    drop(f);
    let out = batch(&[&path]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert_eq!(
        err.trim_end(),
        format!(
            "{}: the file is 250.0 MB; the limit is 200.0 MB — split it into smaller files \
             — 文件大小 250.0 MB，超过上限 200.0 MB，请拆分为几个较小的文件",
            path.display()
        )
    );
    std::fs::remove_dir_all(dir).unwrap();
}
