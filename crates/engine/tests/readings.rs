//! Readings that hold up: what each check cites is what its source says (SPEC.md
//! "Changes" of 2026-12-05; issue 13 part 2 and 3). A Zhejiang fraud ban cites the
//! provincial rule as the notice quotes it; a check no document in hand states cites
//! the app's summary of practice, labelled as such; the notes on checks and the
//! mountain-county list of a notice's own round.

use zhicheng_engine::rules::{self, Citation, ClauseText, FraudConsequence};
use zhicheng_engine::{check_json, CheckId, CheckStatus, Verdict};

fn profile(rule_set: &str, extra: &str) -> String {
    let (title, held, obtained) = match rule_set {
        "zj-huzhou-2021" => ("engineer", "assistant_engineer", "2016-06-30"),
        _ => ("senior_engineer", "engineer", "2014-06-01"),
    };
    let specialty = if rule_set == "zj-jxt-gaogong-2020" {
        r#","specialty":"materials""#
    } else {
        ""
    };
    format!(
        r#"{{"format":"zhicheng-profile/1","rule_set":"{rule_set}",
        "target":{{"series":"engineering","title":"{title}"{specialty}}},
        "person":{{"birth_date":"1980-05-10","retirement_group":"male","employment":"enterprise"}},
        "education":"bachelor","work_start":"2002-07-15",
        "titles":[{{"title":"{held}","obtained":"{obtained}"}}]{extra}}}"#
    )
}

fn verdict(rule_set: &str, extra: &str) -> Verdict {
    check_json(&profile(rule_set, extra)).unwrap()
}

fn cites(v: &Verdict, id: CheckId) -> Vec<Citation> {
    v.check(id).unwrap().citations.clone()
}

#[test]
fn zhejiang_fraud_bans_cite_the_provincial_rule_as_the_notice_quotes_it() {
    for id in ["zj-liandu-2024", "zj-huzhou-2021", "zj-jxt-gaogong-2020"] {
        let rs = rules::rule_set(id).unwrap();
        assert_eq!(rs.fraud_consequence, FraudConsequence::Ban, "{id}");
        let v = verdict(id, "");
        let c = cites(&v, CheckId::FraudBan);
        let rule = Citation {
            doc: "浙人专〔2006〕351号",
            clause: "弄虚作假",
        };
        let quoting = Citation {
            doc: "浙经信人事〔2020〕84号",
            clause: "四",
        };
        assert!(c.contains(&rule) && c.contains(&quoting), "{id}: {c:?}");
        assert!(!c.iter().any(|c| c.doc == "人社部令第40号"), "{id}: {c:?}");
    }
    // The provincial rule is not in hand: its words are quoted through the notice.
    let clause = rules::clause(&Citation {
        doc: "浙人专〔2006〕351号",
        clause: "弄虚作假",
    })
    .unwrap();
    let ClauseText::QuotedIn { text, via } = clause.text else {
        panic!("expected a quote through another notice")
    };
    assert!(text.contains("从评审次年起3年内不得申报高一级专业技术资格"));
    assert_eq!(
        via,
        Citation {
            doc: "浙经信人事〔2020〕84号",
            clause: "四"
        }
    );
    let ClauseText::Quote(quoting) = rules::clause(&via).unwrap().text else {
        panic!("the quoting clause is a quote")
    };
    assert!(quoting.contains("浙人专〔2006〕351号") && quoting.contains(text));
}

#[test]
fn shanxi_fraud_is_a_record_to_review_citing_order_40() {
    let rs = rules::rule_set("sx-2020").unwrap();
    assert_eq!(rs.fraud_consequence, FraudConsequence::Record);
    let v = verdict("sx-2020", r#","fraud_findings":[{"evaluation_year":2018}]"#);
    let check = v.check(CheckId::FraudBan).unwrap();
    assert_eq!(check.status, CheckStatus::Review);
    assert_eq!(v.status.as_str(), "needs_review");
    assert_eq!(
        check.citations,
        [Citation {
            doc: "人社部令第40号",
            clause: "弄虚作假"
        }]
    );
    assert!(check.hint.as_deref().unwrap().contains("评委会"));
}

#[test]
fn checks_no_document_in_hand_states_cite_practice_labelled_as_such() {
    for id in ["zj-liandu-2024", "zj-huzhou-2021", "zj-jxt-gaogong-2020"] {
        let v = verdict(id, "");
        for check in [
            CheckId::CivilServant,
            CheckId::TechnicalPost,
            CheckId::ProfessionMatch,
        ] {
            let c = cites(&v, check);
            assert!(
                !c.iter().any(|c| c.doc == "人社部令第40号"),
                "{id} {check:?}: {c:?}"
            );
            for cite in &c {
                let doc = rules::document(cite.doc).unwrap();
                assert!(
                    doc.practice,
                    "{id} {check:?} cites {cite:?}, not labelled practice"
                );
                assert!(doc.title.contains("实践摘要") && doc.title_en.contains("not a document"));
            }
        }
    }
    // Where the notice says it, the notice is cited first.
    let v = verdict("sx-2020", "");
    assert_eq!(
        cites(&v, CheckId::CivilServant)[0],
        Citation {
            doc: "晋人社厅函〔2020〕628号",
            clause: "二（一）第二段"
        }
    );
    // Order 40's summary says only what the shared sources say it rules.
    for clause in rules::document("人社部令第40号").unwrap().clauses {
        let ClauseText::Summary { zh, .. } = clause.text else {
            panic!()
        };
        assert!(!zh.contains("公务员") && !zh.contains("专业一致"), "{zh}");
    }
}

#[test]
fn check_notes_are_said_and_cited() {
    let v = verdict(
        "zj-huzhou-2021",
        r#","ce_records":[{"year":2020,"category":"professional","hours":90},{"year":2020,"category":"industry_public","hours":18},{"year":2021,"category":"professional","hours":90},{"year":2021,"category":"industry_public","hours":18}]"#,
    );
    let ce = v.check(CheckId::CeHours).unwrap();
    assert!(ce.message.contains("经各行业主管部门认定后方为有效学时"));
    assert!(ce.citations.contains(&Citation {
        doc: "湖人社函〔2021〕57号",
        clause: "二（二）"
    }));
    let v = verdict("zj-jxt-gaogong-2020", "");
    for id in [CheckId::QualificationPath, CheckId::ServiceYears] {
        let c = v.check(id).unwrap();
        assert!(
            c.message.contains("浙江省专业技术资格评审工作实施细则"),
            "{id:?}"
        );
        assert!(c.citations.contains(&Citation {
            doc: "浙经信人事〔2020〕84号",
            clause: "二（一）"
        }));
    }
    // Only where the rule set has a note.
    let v = verdict("sx-2020", "");
    assert!(!v
        .check(CheckId::QualificationPath)
        .unwrap()
        .message
        .contains("细则"));
}

#[test]
fn every_leaves_out_item_cites_a_clause_with_text() {
    for rs in rules::rule_sets() {
        assert!(!rs.coverage.leaves_out.is_empty(), "{}", rs.id);
        for l in rs.coverage.leaves_out {
            assert!(
                rules::clause(&l.source).is_some(),
                "{}: {:?}",
                rs.id,
                l.source
            );
        }
    }
    // Named by the issue: epidemic preferences, Huzhou's fast track and confirmation,
    // Shanxi's graduates and agricultural economists, fees, Shanxi's professorate titles.
    let topics = |id: &str| -> Vec<(&str, &str)> {
        rules::rule_set(id)
            .unwrap()
            .coverage
            .leaves_out
            .iter()
            .map(|l| (l.topic, l.source.clause))
            .collect()
    };
    assert!(topics("zj-jxt-gaogong-2020")
        .iter()
        .any(|(t, c)| t.contains("疫情") && *c == "二（二）"));
    assert!(topics("zj-jxt-gaogong-2020")
        .iter()
        .any(|(t, c)| t.contains("费用") && *c == "五（二）"));
    assert!(topics("zj-huzhou-2021")
        .iter()
        .any(|(t, c)| t.contains("直通车") && *c == "二（一）4"));
    assert!(topics("zj-huzhou-2021")
        .iter()
        .any(|(t, _)| t.contains("职称确认")));
    assert!(topics("sx-2020")
        .iter()
        .any(|(t, c)| t.contains("毕业生") && *c == "二（三）"));
    assert!(topics("sx-2020")
        .iter()
        .any(|(t, c)| t.contains("农业经济") && *c == "一（三） 农业经济"));
    let sx = rules::rule_set("sx-2020").unwrap();
    let professorate = sx
        .coverage
        .leaves_out
        .iter()
        .find(|l| l.source.clause == "二（二）")
        .unwrap();
    use zhicheng_engine::vocab::Title;
    assert!(professorate.concerns(Title::ProfessorateSeniorEngineer));
    assert!(!professorate.concerns(Title::SeniorEngineer));
}
