//! Every word the CLI writes, dumped to a folder, for a change that must not alter a
//! byte of them (a refactoring of the engine's messages, of the date arithmetic…):
//!
//! ```text
//! cargo build -p zhicheng-cli && cargo run -p zhicheng-cli --example same_words -- /tmp/before
//! (make the change)
//! cargo build -p zhicheng-cli && cargo run -p zhicheng-cli --example same_words -- /tmp/after
//! diff -r /tmp/before /tmp/after && echo same
//! ```
//!
//! A second argument names the `zhicheng` binary to run (default:
//! `target/debug/zhicheng` of this checkout).
//!
//! What is dumped, each as exit status, standard output and standard error:
//! `zhicheng check` for every case of tests/examples and tests/cases, as given and
//! projected to each later evaluation year the rule set allows; `zhicheng where` for
//! every rule set × target title × specialty (none, each word its plan and the
//! specialty vocabulary know, one unknown), plain, as a graduate and with each
//! restricted row's own name as the employer; `zhicheng batch` on the roster template.
//! A tool, not a test: it runs the binary some thousands of times and judges nothing
//! (the diff does).

#[path = "../../engine/tests/support/mod.rs"]
mod support;

use serde_json::Value;
use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use zhicheng_engine::rules;
use zhicheng_engine::vocab::Title;

/// The exit status, standard output and standard error of one run, as one text.
fn run(args: &[&str], input: &str) -> String {
    let mut child = Command::new(BINARY.get().expect("the binary is set first"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    format!(
        "exit {:?}\n--- stdout\n{}\n--- stderr\n{}\n",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A file name from a label.
fn file_name(label: &str) -> String {
    label
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect()
}

/// The profile with `evaluation_year` moved `later` years past its own (and no
/// reference date), when it is a JSON object with a known rule set.
fn projected(profile: &str, later: i32) -> Option<String> {
    let mut v: Value = serde_json::from_str(profile).ok()?;
    let o = v.as_object_mut()?;
    let rule_set = rules::rule_set(o.get("rule_set")?.as_str()?)?;
    let y = o
        .get("evaluation_year")
        .and_then(Value::as_i64)
        .unwrap_or(i64::from(rule_set.year));
    o.insert("evaluation_year".into(), (y + i64::from(later)).into());
    o.remove("reference_date");
    Some(v.to_string())
}

fn check_outputs(dir: &Path) -> usize {
    let mut n = 0;
    for case in support::all() {
        let mut text = String::new();
        for later in 0..=5 {
            let profile = if later == 0 {
                case.profile.clone()
            } else {
                match projected(&case.profile, later) {
                    Some(p) => p,
                    None => continue,
                }
            };
            let _ = writeln!(text, "=== +{later}\n{}", run(&["check", "-"], &profile));
            n += 1;
        }
        std::fs::write(
            dir.join(format!("check.{}.txt", file_name(&case.label()))),
            text,
        )
        .unwrap();
    }
    n
}

/// Every specialty word a plan and the vocabulary know.
fn specialties(plan: &rules::Plan) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for t in plan.committees {
        for r in t.rows {
            out.extend(r.specialties);
            for x in r.excludes {
                out.extend(x.words);
            }
        }
    }
    if let Some(c) = &plan.ce_contacts {
        for r in c.rows {
            out.extend(r.specialties);
        }
    }
    for l in rules::specialty_links() {
        out.extend(l.words);
        out.extend(l.means);
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn where_outputs(dir: &Path) -> usize {
    let mut n = 0;
    for rs in rules::rule_sets() {
        let Some(plan) = rules::plan(rs.id) else {
            continue;
        };
        let employers: Vec<&str> = plan
            .committees
            .iter()
            .flat_map(|t| t.rows)
            .filter(|r| r.restriction.is_some())
            .map(|r| r.name)
            .collect();
        let mut words: Vec<Option<&str>> = vec![None, Some("量子烹饪")];
        words.extend(specialties(plan).into_iter().map(Some));
        for &title in Title::ALL.iter().filter(|t| t.is_target()) {
            let series = title.series().as_str();
            let mut text = String::new();
            for word in &words {
                let specialty = word.map_or(String::new(), |w| format!(r#","specialty":"{w}""#));
                let profile = format!(
                    r#"{{"format":"zhicheng-profile/1","rule_set":"{}","target":{{"series":"{series}","title":"{}"{specialty}}},"person":{{"birth_date":"1985-01-01","retirement_group":"male","employment":"enterprise"}},"education":"bachelor","work_start":"2010-07-01"}}"#,
                    rs.id,
                    title.as_str()
                );
                let mut calls: Vec<Vec<&str>> =
                    vec![vec!["where", "-"], vec!["where", "-", "--graduate"]];
                calls.extend(
                    employers
                        .iter()
                        .map(|e| vec!["where", "-", "--employer", e]),
                );
                for args in calls {
                    let _ = writeln!(text, "=== {word:?} {args:?}\n{}", run(&args, &profile));
                    n += 1;
                }
            }
            let name = format!("where.{}.{}.txt", rs.id, title.as_str());
            std::fs::write(dir.join(name), text).unwrap();
        }
    }
    n
}

fn batch_outputs(dir: &Path) -> usize {
    let roster = support::repo().join("www/roster-template.csv");
    let out = run(&["batch", roster.to_str().unwrap()], "");
    std::fs::write(dir.join("batch.roster-template.txt"), out).unwrap();
    1
}

/// The `zhicheng` binary the outputs come from.
static BINARY: OnceLock<PathBuf> = OnceLock::new();

fn main() {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: cargo run -p zhicheng-cli --example same_words -- DIR [ZHICHENG_BINARY]");
        std::process::exit(2);
    };
    let binary = args.next().map_or_else(
        || support::repo().join("target/debug/zhicheng"),
        PathBuf::from,
    );
    if !binary.is_file() {
        eprintln!(
            "{}: no such binary (cargo build -p zhicheng-cli first)",
            binary.display()
        );
        std::process::exit(2);
    }
    BINARY.set(binary).expect("set once");
    std::fs::create_dir_all(&dir).unwrap();
    let checks = check_outputs(&dir);
    let wheres = where_outputs(&dir);
    let batches = batch_outputs(&dir);
    println!(
        "dumped {checks} check, {wheres} where and {batches} batch runs into {}",
        dir.display()
    );
}
