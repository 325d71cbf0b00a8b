//! `zhicheng plan` and `zhicheng calendar`: the engine's plan as `zhicheng-plan/1`
//! JSON; the calendar as an .ics file that a real parser (Python's `icalendar`,
//! installed by `cargo xtask setup`) opens with the engine's events — count, dates,
//! all-day, summaries, descriptions citing the clause, unique UIDs, the DTSTAMP given;
//! bad input refused as `check` refuses it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use zhicheng_engine::apply::Applicant;
use zhicheng_engine::calendar::{self, Calendar};
use zhicheng_engine::{plan, Lang, Profile};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn zhicheng(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhicheng"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A folder of this test's own under the target directory.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A base of tests/cases changed by `edit`, written to a file.
fn variant(name: &str, base: &str, edit: impl Fn(&mut Value)) -> PathBuf {
    let path = repo().join(format!("tests/cases/bases/{base}.profile.json"));
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    edit(&mut v);
    let file = scratch("profiles").join(format!("{name}.profile.json"));
    std::fs::write(&file, serde_json::to_string(&v).unwrap()).unwrap();
    file
}

fn without_ce_year(v: &mut Value, year: i64) {
    v["ce_records"]
        .as_array_mut()
        .unwrap()
        .retain(|r| r["year"] != year);
}

fn examples() -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(repo().join("tests/examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".profile.json"))
        .collect();
    out.sort();
    out
}

/// Profiles whose calendars have every kind of event and omission: the examples, and
/// bases with a specialty (likely committees), short hours, a later earliest year.
fn profiles() -> Vec<(PathBuf, Vec<&'static str>)> {
    let mut out: Vec<(PathBuf, Vec<&str>)> = examples().into_iter().map(|p| (p, vec![])).collect();
    let specialty = |v: &mut Value| v["target"]["specialty"] = "机械工程".into();
    out.push((
        variant("huzhou_machinery", "zj-huzhou-2021", specialty),
        vec![],
    ));
    out.push((
        variant("huzhou_machinery_2021_short", "zj-huzhou-2021", |v| {
            specialty(v);
            without_ce_year(v, 2021);
        }),
        vec![],
    ));
    out.push((
        variant("huzhou_graduate", "zj-huzhou-2021", |v| {
            v["target"] = serde_json::json!({"series": "engineering", "title": "technician", "specialty": "机械工程"});
            v["titles"] = serde_json::json!([]);
            v["work_start"] = "2020-07-01".into();
        }),
        vec!["--graduate"],
    ));
    out.push((
        variant("jxt_eligible", "zj-jxt-gaogong-2020", |_| {}),
        vec![],
    ));
    out.push((
        variant("jxt_2020_short", "zj-jxt-gaogong-2020", |v| {
            without_ce_year(v, 2020)
        }),
        vec![],
    ));
    out.push((
        // Engineer since 2016-12: service is met in 2021, the notice's 10-10 carried there.
        variant("jxt_service_short", "zj-jxt-gaogong-2020", |v| {
            v["titles"] = serde_json::json!([{"title": "engineer", "obtained": "2016-12-01"}]);
        }),
        vec![],
    ));
    out
}

const STAMP: &str = "2026-12-06T09:30:05Z";

/// The engine's calendar of a profile file, for what the person says of themselves.
fn engine_calendar(path: &Path, graduate: bool) -> Calendar {
    let p = Profile::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
    let who = Applicant {
        employer: None,
        graduate,
    };
    calendar::calendar(&p, &who).unwrap()
}

/// Runs the Python reader on `files`; `None` (with a message) when no Python with
/// `icalendar` is set up and the run does not require one (`cargo xtask test` sets
/// ZHICHENG_PYTHON, and CI sets CI: then it is required).
fn parse_with_icalendar(files: &[PathBuf]) -> Option<Vec<Value>> {
    let python = std::env::var_os("ZHICHENG_PYTHON")
        .map(PathBuf::from)
        .or_else(|| Some(repo().join("target/python/bin/python3")).filter(|p| p.is_file()));
    let required =
        std::env::var_os("ZHICHENG_PYTHON").is_some() || std::env::var_os("CI").is_some();
    let Some(python) = python else {
        assert!(
            !required,
            "no Python with icalendar: run `cargo xtask setup`"
        );
        eprintln!("SKIPPED: the .ics parser check needs `cargo xtask setup` (Python's icalendar in target/python)");
        return None;
    };
    let out = Command::new(&python)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ics_events.py"))
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", python.display()));
    assert!(
        out.status.success(),
        "{} ics_events.py: {}",
        python.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn the_calendar_opens_in_icalendar_with_the_engines_events() {
    let dir = scratch("ics");
    let mut files = Vec::new();
    let mut expected = Vec::new();
    for (path, extra) in profiles() {
        for lang in [Lang::Zh, Lang::En] {
            let code = lang.pick("zh", "en");
            let mut args = vec![
                "calendar",
                path.to_str().unwrap(),
                "--stamp",
                STAMP,
                "--lang",
                code,
            ];
            args.extend(&extra);
            let ics = ok(&zhicheng(&args));
            let stem = path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .replace(".profile.json", "");
            let file = dir.join(format!("{stem}.{code}.ics"));
            std::fs::write(&file, ics).unwrap();
            files.push(file);
            expected.push((engine_calendar(&path, extra.contains(&"--graduate")), lang));
        }
    }
    let Some(parsed) = parse_with_icalendar(&files) else {
        return;
    };
    let mut events = 0;
    let mut uids = std::collections::BTreeSet::new();
    for (got, (cal, lang)) in parsed.iter().zip(&expected) {
        let file = got["file"].as_str().unwrap();
        assert_eq!(got["errors"], serde_json::json!([]), "{file}");
        assert_eq!(got["version"], "2.0", "{file}");
        assert_eq!(got["name"], cal.name.get(*lang), "{file}");
        let got_events = got["events"].as_array().unwrap();
        assert_eq!(got_events.len(), cal.events.len(), "{file}");
        let mut in_file = std::collections::BTreeSet::new();
        for (g, e) in got_events.iter().zip(&cal.events) {
            assert_eq!(g["uid"], e.uid.as_str(), "{file}");
            assert!(in_file.insert(e.uid.clone()), "{file}: {} twice", e.uid);
            assert_eq!(g["start"], e.day.to_string(), "{file}");
            assert_eq!(g["end"], e.day.next_day().to_string(), "{file}");
            assert_eq!(g["all_day"], true, "{file}");
            assert_eq!(
                (&g["stamp"], &g["stamp_is_utc"]),
                (&Value::from(STAMP), &Value::Bool(true)),
                "{file}"
            );
            assert_eq!(g["summary"], e.summary.get(*lang), "{file}");
            let description = g["description"].as_str().unwrap();
            assert_eq!(description, e.description.get(*lang), "{file}");
            let clause = format!("{} {}", e.source.doc, e.source.clause);
            assert!(
                description.contains(&clause),
                "{file}: {description} lacks {clause}"
            );
            if e.month_only {
                assert!(g["summary"]
                    .as_str()
                    .unwrap()
                    .contains(lang.pick("仅到月份", "month only")));
                assert!(e.day.day() == 1, "{file}");
            }
            if let Some(n) = e.projected_from {
                let said = lang
                    .pick(
                        &format!("按 {n} 年通知推算"),
                        &format!("projected from the {n} notice"),
                    )
                    .to_string();
                assert!(g["summary"].as_str().unwrap().contains(&said), "{file}");
            }
            events += 1;
            if *lang == Lang::Zh {
                uids.insert(e.uid.clone());
            }
        }
    }
    assert!(events >= 30, "only {events} events");
    // Every kind of event appears: the notice's deadline (own and projected), committee
    // months, hours due.
    for part in [
        "notice-deadline",
        ".deadline@",
        "ce-hours",
        "zj-jxt-gaogong-2020.2021.",
    ] {
        assert!(
            uids.iter().any(|u| u.contains(part)),
            "no {part} in {uids:?}"
        );
    }
}

#[test]
fn the_shared_example_short_of_professional_hours() {
    let path = repo().join("tests/examples/liandu_2024_professional_hours_short.profile.json");
    let out = zhicheng(&["calendar", path.to_str().unwrap(), "--stamp", STAMP]);
    let ics = ok(&out);
    let unfolded = ics.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded
        .split("\r\n")
        .filter(|l| l.starts_with("DTSTART") || l.starts_with("SUMMARY") || l.starts_with("UID"))
        .collect();
    assert_eq!(
        lines,
        [
            "UID:zj-liandu-2024.ce-hours.2024@zhicheng",
            "DTSTART;VALUE=DATE:20241231",
            "SUMMARY:2024 年继续教育学时截止：还需 12 学时",
            "UID:zj-liandu-2024.ce-hours.2025@zhicheng",
            "DTSTART;VALUE=DATE:20251231",
            "SUMMARY:2025 年继续教育学时截止：还需 90 学时",
            "UID:zj-liandu-2024.ce-hours.2026@zhicheng",
            "DTSTART;VALUE=DATE:20261231",
            "SUMMARY:2026 年继续教育学时截止：还需 90 学时",
        ]
    );
    assert!(unfolded.contains("DTSTAMP:20261206T093005Z\r\n"));
    assert!(
        unfolded.contains("（莲人社〔2024〕42号 五（一）"),
        "{unfolded}"
    );
    // The district has no committee for the title: said on standard error, not guessed.
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("未列入日历：评委会的申报时间: 区里没有评审或推荐这一职称的评委会"),
        "{err}"
    );
}

#[test]
fn without_a_stamp_the_clock_gives_one() {
    let path = repo().join("tests/examples/liandu_2024_professional_hours_short.profile.json");
    let ics = ok(&zhicheng(&["calendar", path.to_str().unwrap()]));
    let stamps: Vec<&str> = ics
        .lines()
        .filter_map(|l| l.strip_prefix("DTSTAMP:"))
        .collect();
    assert_eq!(stamps.len(), 3);
    let stamp = stamps[0];
    let year: i32 = stamp[..4].parse().unwrap();
    assert!(
        year >= 2025 && stamp.len() == 16 && stamp.ends_with('Z'),
        "{stamp}"
    );
}

#[test]
fn plan_prints_the_engines_plan() {
    for path in examples() {
        let out: Value =
            serde_json::from_str(&ok(&zhicheng(&["plan", path.to_str().unwrap()]))).unwrap();
        let p = Profile::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let want = serde_json::to_value(plan::ce_plan(&p).unwrap()).unwrap();
        assert_eq!(out, want, "{}", path.display());
        assert_eq!(out["format"], "zhicheng-plan/1");
    }
    let path = repo().join("tests/examples/liandu_2024_professional_hours_short.profile.json");
    let out: Value =
        serde_json::from_str(&ok(&zhicheng(&["plan", path.to_str().unwrap()]))).unwrap();
    let step = &out["steps"][0];
    assert_eq!(
        (&step["kind"], &step["need"]["year"]),
        (&Value::from("judged"), &Value::from(2024))
    );
    assert_eq!(step["need"]["shortfall"]["professional"], 2.0);
    assert_eq!(step["need"]["shortfall"]["total"], 12.0);
    assert_eq!(step["need"]["due"]["date"], "2024-12-31");
    assert_eq!(step["need"]["online"]["kind"], "unlimited");
    assert_eq!(out["projected_years"], serde_json::json!([2025, 2026]));
    assert_eq!(out["outlook"], "steps");
}

#[test]
fn bad_input_is_refused_as_check_refuses_it() {
    let bad = [
        ("not_json", "{".to_string()),
        ("unknown_rule_set", r#"{"format":"zhicheng-profile/1","rule_set":"zj-hangzhou-2024","target":{"series":"engineering","title":"engineer"},"person":{"birth_date":"1980-01-01","retirement_group":"male","employment":"enterprise"},"education":"bachelor"}"#.to_string()),
        ("work_start_missing", r#"{"format":"zhicheng-profile/1","rule_set":"zj-liandu-2024","target":{"series":"engineering","title":"technician"},"person":{"birth_date":"1980-01-01","retirement_group":"male","employment":"enterprise"},"education":"bachelor"}"#.to_string()),
    ];
    let dir = scratch("bad");
    for (name, text) in bad {
        let file = dir.join(format!("{name}.json"));
        std::fs::write(&file, text).unwrap();
        let file = file.to_str().unwrap();
        let check = zhicheng(&["check", file]);
        assert_eq!(check.status.code(), Some(2), "{name}");
        for args in [vec!["plan", file], vec!["calendar", file, "--stamp", STAMP]] {
            let out = zhicheng(&args);
            assert_eq!(out.status.code(), Some(2), "{name} {args:?}");
            assert_eq!(out.stderr, check.stderr, "{name} {args:?}");
            assert!(out.stdout.is_empty(), "{name} {args:?}");
        }
    }
    let example = examples()[0].to_string_lossy().into_owned();
    let out = zhicheng(&["calendar", &example, "--stamp", "2026-12-06"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DDTHH:MM:SSZ"));
    for args in [
        vec!["calendar"],
        vec!["calendar", &example, "--lang", "fr"],
        vec!["plan"],
        vec!["plan", &example, "--lang", "en"],
    ] {
        let out = zhicheng(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).starts_with("usage:"),
            "{args:?}"
        );
    }
}
