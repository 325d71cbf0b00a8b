//! `zhicheng where`: the committees of the notice for a profile's target, in the
//! order the app shows them, as `zhicheng-where/1` JSON; bad input refused as `check`
//! refuses it (one line, exit 2).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhicheng"))
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
    child.wait_with_output().unwrap()
}

fn profile(rule_set: &str, title: &str, held: &str, specialty: &str) -> String {
    format!(
        r#"{{"format":"zhicheng-profile/1","rule_set":"{rule_set}",
        "target":{{"series":"engineering","title":"{title}","specialty":"{specialty}"}},
        "person":{{"birth_date":"1985-01-01","retirement_group":"male","employment":"enterprise"}},
        "education":"bachelor","work_start":"2014-07-01","titles":[{{"title":"{held}","obtained":"2015-01-01"}}]}}"#
    )
}

fn where_json(args: &[&str], input: &str) -> serde_json::Value {
    let out = run(args, input);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn rows(v: &serde_json::Value) -> Vec<(u64, String)> {
    v["committees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["row"].as_u64().unwrap(),
                c["match"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_document_names_its_format_and_every_committee_field() {
    let v = where_json(
        &["where", "-"],
        &profile(
            "zj-huzhou-2021",
            "engineer",
            "assistant_engineer",
            "机械工程",
        ),
    );
    assert_eq!(v["format"], "zhicheng-where/1");
    assert_eq!(v["rule_set"], "zj-huzhou-2021");
    assert_eq!(v["plan"], "committees");
    let first = &v["committees"][0];
    assert_eq!(first["row"], 9);
    assert_eq!(first["name"], "市第一工程专业中级职务评审委员会");
    assert_eq!(first["match"], "likely");
    assert!(first["why_zh"].as_str().unwrap().contains("机电"));
    assert!(first["why_en"].as_str().unwrap().contains("机电"));
    for c in v["committees"].as_array().unwrap() {
        for key in ["row", "name", "match", "why_zh", "why_en"] {
            assert!(!c[key].is_null(), "{key} missing in {c}");
        }
        let m = c["match"].as_str().unwrap();
        assert!(["likely", "restricted", "possible", "other", "excluded"].contains(&m));
    }
}

#[test]
fn the_three_people_see_first_the_committee_the_notice_intends() {
    let v = where_json(
        &["where", "-"],
        &profile(
            "zj-huzhou-2021",
            "engineer",
            "assistant_engineer",
            "机械工程",
        ),
    );
    let r = rows(&v);
    assert_eq!(r[0], (9, "likely".into()));
    assert_eq!(r[2], (41, "restricted".into()));
    assert_eq!(r[3], (42, "restricted".into()));

    let v = where_json(
        &["where", "-"],
        &profile(
            "zj-huzhou-2021",
            "engineer",
            "assistant_engineer",
            "防灾减灾",
        ),
    );
    assert!(rows(&v).iter().all(|(_, m)| m != "likely"));
    assert_eq!(rows(&v).last().unwrap(), &(9, "excluded".into()));
    assert!(v["summary_zh"]
        .as_str()
        .unwrap()
        .contains("防灾减灾(初、中级除外)"));
    assert_eq!(v["ce_contacts"][0]["department"], "湖州市应急管理局");

    let v = where_json(
        &["where", "-"],
        &profile("zj-liandu-2024", "senior_engineer", "engineer", "轻纺工程"),
    );
    assert_eq!(v["plan"], "none_for_title");
    assert!(v["committees"].as_array().unwrap().is_empty());
    assert_eq!(v["elsewhere"]["source"]["clause"], "附件1 注");
    assert!(v["summary_zh"]
        .as_str()
        .unwrap()
        .contains("市各系列（专业）评委会办公室"));
}

#[test]
fn employer_and_graduate_say_a_restriction_fits() {
    let p = profile(
        "zj-huzhou-2021",
        "engineer",
        "assistant_engineer",
        "机械工程",
    );
    let v = where_json(
        &["where", "-", "--employer", "浙江辛子精工机械股份有限公司"],
        &p,
    );
    assert_eq!(rows(&v)[0], (41, "likely".into()));
    assert_eq!(v["committees"][0]["restriction"]["fits"], true);
    assert_eq!(v["employer"], "浙江辛子精工机械股份有限公司");
    let p = profile("zj-liandu-2024", "assistant_engineer", "technician", "");
    let v = where_json(&["where", "--graduate", "-"], &p);
    assert_eq!(v["committees"][0]["relation"], "initial_determination");
    assert_eq!(v["committees"][0]["match"], "likely");
    assert_eq!(v["graduate"], true);
}

#[test]
fn bad_input_is_refused_as_check_refuses_it() {
    for input in [
        "{",
        r#"{"format":"zhicheng-profile/1"}"#,
        &profile("zj-nowhere-2030", "engineer", "assistant_engineer", ""),
        &profile("zj-huzhou-2021", "engineer", "assistant_engineer", "")
            .replace("2015-01-01", "2015-02-30"),
    ] {
        let w = run(&["where", "-"], input);
        let c = run(&["check", "-"], input);
        assert_eq!(w.status.code(), Some(2), "{input}");
        assert_eq!(w.stderr, c.stderr, "{input}");
        assert!(w.stdout.is_empty());
        assert_eq!(String::from_utf8_lossy(&w.stderr).lines().count(), 1);
    }
    for args in [
        &["where"][..],
        &["where", "a.json", "b.json"],
        &["where", "-", "--employer"],
        &["where", "-", "--nope"],
    ] {
        assert_eq!(run(args, "").status.code(), Some(2), "{args:?}");
    }
}
