//! The bundled plans against the notices: row counts (11+1, 46, 16, 4, 12, and the
//! mountain-county lists 26 → 25), every copied value found in the notice's text, and
//! rows spot-checked field by field against literal values read off the notices.

use std::path::Path;
use zhicheng_engine::rules::{self, ClauseText, Committee, CommitteeTable, Phone, Plan, RowKind};
use zhicheng_engine::vocab::Title;

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The bundled text of a notice, squashed.
fn notice_text(doc: &str) -> String {
    let file = rules::document(doc)
        .and_then(|d| d.file)
        .unwrap_or_else(|| panic!("{doc} has no bundled text"));
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../rules/sources")
        .join(file);
    squash(&std::fs::read_to_string(path).unwrap())
}

/// The raw lines of a notice between two headings (for counting its table rows).
fn section(doc: &str, from: &str, to: Option<&str>) -> Vec<String> {
    let file = rules::document(doc).unwrap().file.unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../rules/sources")
        .join(file);
    let text = std::fs::read_to_string(path).unwrap();
    let start = text
        .find(from)
        .unwrap_or_else(|| panic!("{from} not in {doc}"));
    let rest = &text[start..];
    let end = to
        .and_then(|t| rest[from.len()..].find(t).map(|i| i + from.len()))
        .unwrap_or(rest.len());
    rest[..end].lines().map(str::to_string).collect()
}

/// Lines that begin a numbered table row: `N<tab>…`.
fn numbered_rows(lines: &[String]) -> usize {
    lines
        .iter()
        .filter(|l| {
            l.split_once('\t')
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
        .count()
}

/// Lines that begin a numbered list item: `N. …`.
fn numbered_items(lines: &[String]) -> usize {
    lines
        .iter()
        .filter(|l| {
            l.split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        })
        .count()
}

fn plan(id: &str) -> &'static Plan {
    rules::plan(id).unwrap_or_else(|| panic!("no plan for {id}"))
}

fn table(id: &str, caption: &str) -> &'static CommitteeTable {
    plan(id)
        .committees
        .iter()
        .find(|t| t.caption == caption)
        .unwrap_or_else(|| panic!("{id} has no table {caption}"))
}

fn row(t: &'static CommitteeTable, no: u32) -> &'static Committee {
    t.rows.iter().find(|r| r.no == no).unwrap()
}

fn texts(phones: &[Phone]) -> Vec<&str> {
    phones.iter().map(|p| p.text).collect()
}

#[test]
fn row_counts_match_the_notices() {
    // 莲人社〔2024〕42号 附件1: 11 committees, then the 初定 table with 1 row.
    let liandu = plan("zj-liandu-2024");
    let counts: Vec<usize> = liandu.committees.iter().map(|t| t.rows.len()).collect();
    assert_eq!(counts, [11, 1]);
    let lines = section(
        "莲人社〔2024〕42号",
        "莲都区 2024 年度职称评审计划",
        Some("莲都区 2024 年度大中专毕业生初定"),
    );
    assert_eq!(numbered_rows(&lines), 11);
    let lines = section(
        "莲人社〔2024〕42号",
        "莲都区 2024 年度大中专毕业生初定",
        None,
    );
    assert_eq!(numbered_rows(&lines), 1);

    // 湖人社函〔2021〕57号 附件1: 46 rows; 附件2: 16 contacts.
    let huzhou = plan("zj-huzhou-2021");
    assert_eq!(huzhou.committees.len(), 1);
    assert_eq!(huzhou.committees[0].rows.len(), 46);
    let lines = section(
        "湖人社函〔2021〕57号",
        "2021 年度湖州市专业技术资格评审",
        Some("附件 2"),
    );
    assert_eq!(numbered_rows(&lines), 46);
    let ce = huzhou.ce_contacts.as_ref().unwrap();
    assert_eq!(ce.rows.len(), 16);
    let lines = section(
        "湖人社函〔2021〕57号",
        "继续教育相关工作 联系人一览表",
        None,
    );
    assert_eq!(numbered_rows(&lines), 16);

    // 浙经信人事〔2020〕84号 附件1: 4 committees; 附件2: 12 materials; deadline 10-10.
    let jxt = plan("zj-jxt-gaogong-2020");
    assert_eq!(jxt.committees.len(), 1);
    assert_eq!(jxt.committees[0].rows.len(), 4);
    let lines = section(
        "浙经信人事〔2020〕84号",
        "各高评委评审专业范围",
        Some("## 附件2"),
    );
    assert_eq!(numbered_rows(&lines), 4);
    let materials = jxt.materials.as_ref().unwrap();
    assert_eq!(materials.rows.len(), 12);
    let lines = section(
        "浙经信人事〔2020〕84号",
        "高级工程师职务 任职资格评审材料填报要求",
        Some("## 附件 3"),
    );
    assert_eq!(numbered_items(&lines), 12);
    assert_eq!(
        jxt.schedule.as_ref().unwrap().deadline.unwrap().to_string(),
        "2020-10-10"
    );

    // 晋人社厅函〔2020〕628号: no plan, said explicitly.
    let sx = plan("sx-2020");
    assert!(sx.no_plan.is_some());
    assert!(sx.committees.is_empty() && sx.materials.is_none() && sx.ce_contacts.is_none());

    // Only the two Zhejiang notices with an 附件 table of contacts or materials have them.
    assert!(liandu.materials.is_none() && liandu.ce_contacts.is_none());
    assert!(huzhou.materials.is_none() && jxt.ce_contacts.is_none());
}

#[test]
fn every_rule_set_has_a_plan() {
    for rs in rules::rule_sets() {
        assert!(rules::plan(rs.id).is_some(), "{} has no plan", rs.id);
    }
    assert_eq!(rules::plans().len(), rules::rule_sets().len());
}

#[test]
fn mountain_lists_go_from_26_to_25() {
    let lists = rules::national().mountain_lists;
    let sizes: Vec<usize> = lists.iter().map(|l| l.counties.len()).collect();
    assert_eq!(sizes, [26, 25]);
    let (old, new) = (lists[0].counties, lists[1].counties);
    let mut left: Vec<&str> = old.iter().copied().filter(|c| !new.contains(c)).collect();
    let mut joined: Vec<&str> = new.iter().copied().filter(|c| !old.contains(c)).collect();
    left.sort_unstable();
    joined.sort_unstable();
    let mut want_left = ["平阳县", "柯城区", "莲都区"];
    want_left.sort_unstable();
    let mut want_joined = ["洞头区", "嵊泗县"];
    want_joined.sort_unstable();
    assert_eq!(left, want_left);
    assert_eq!(joined, want_joined);
    assert_eq!(lists[0].until.unwrap().to_string(), "2024-07-31");
    assert_eq!(lists[1].from.unwrap().to_string(), "2024-08-01");
}

/// Every value copied into a plan occurs in its notice's text (whitespace aside), and
/// in the quote of the row's own clause.
#[test]
fn every_copied_value_is_in_the_notice() {
    for p in rules::plans() {
        let notice = rules::rule_set(p.rule_set).unwrap().notice;
        let text = notice_text(notice);
        let quote_of = |c: &rules::Citation| match rules::clause(c).map(|c| c.text) {
            Some(ClauseText::Quote(q)) => squash(q),
            other => panic!("{}: {c:?} is not quoted: {other:?}", p.rule_set),
        };
        let check = |what: &str, v: &str, quote: &str| {
            let v = squash(v);
            assert!(
                text.contains(&v),
                "{}: {what} `{v}` not in {notice}",
                p.rule_set
            );
            assert!(
                quote.contains(&v),
                "{}: {what} `{v}` not in its row's quote",
                p.rule_set
            );
        };
        for t in p.committees {
            for r in t.rows {
                let q = quote_of(&r.source);
                let fields = [
                    Some(r.name),
                    r.evaluates,
                    r.recommends,
                    r.start,
                    r.finish,
                    r.deadline,
                    r.evaluation,
                    r.applicants,
                    r.remarks,
                    r.scope,
                ];
                for v in fields.into_iter().flatten() {
                    check(r.name, v, &q);
                }
                for c in r.contacts {
                    check(r.name, c.office, &q);
                    for ph in c.phones {
                        check(r.name, ph.text, &q);
                    }
                }
                for w in r.specialties {
                    check(r.name, w, &q);
                }
            }
        }
        if let Some(m) = &p.materials {
            for r in m.rows {
                let q = quote_of(&r.source);
                check("material", r.item, &q);
                check("material", r.how, &q);
            }
        }
        if let Some(c) = &p.ce_contacts {
            for r in c.rows {
                let q = quote_of(&r.source);
                for v in [r.field, r.department, r.person] {
                    check("CE contact", v, &q);
                }
                for ph in r.phones {
                    check("CE contact", ph.text, &q);
                }
            }
        }
        for c in p.contacts {
            let q = quote_of(&c.source);
            check("contact", c.name, &q);
        }
        if let Some(s) = &p.schedule {
            check("schedule", s.text, &quote_of(&s.source));
        }
    }
}

// ───────────── spot checks: rows field by field, as read off the notices ─────────────

#[test]
fn liandu_rows_field_by_field() {
    let t = table("zj-liandu-2024", "莲都区 2024 年度职称评审计划");

    let r = row(t, 1);
    assert_eq!(r.name, "丽水市莲都区初级农业专业技术职务评审委员会");
    assert_eq!(
        r.evaluates,
        Some("助理农艺（畜牧、兽医）师，助理工程师，推荐中级")
    );
    assert_eq!((r.start, r.finish), (Some("6 月"), Some("8 月")));
    assert_eq!(r.contacts[0].office, "莲都区农业农村局");
    assert_eq!(texts(r.contacts[0].phones), ["2609539"]);
    assert_eq!(r.contacts[0].phones[0].dial, "05782609539");
    assert_eq!(
        r.applicants,
        Some("全区农业技术人员；全区农业、渔业工程技术人员")
    );
    assert_eq!(r.titles_evaluated, [Title::AssistantEngineer]);
    assert_eq!(r.titles_recommended, [Title::Engineer]);

    let r = row(t, 8);
    assert_eq!(
        r.name,
        "莲都区工业与信息化领域、生态环境工程技术人员初级专业技术职务任职资格评审委员会"
    );
    assert_eq!(r.evaluates, Some("助理工程师，推荐工程师"));
    assert_eq!((r.start, r.finish), (Some("7月"), Some("9月")));
    assert_eq!(r.contacts[0].office, "莲都区经济和信息化局");
    assert_eq!(texts(r.contacts[0].phones), ["2278192"]);
    assert_eq!(
        r.applicants,
        Some("全区能源、材料、轻纺、石化、机电制造、信息技术、生态环境工程技术人员")
    );
    assert!(r.specialties.contains(&"轻纺") && r.specialties.contains(&"材料"));

    let r = row(t, 9);
    assert_eq!(
        r.name,
        "丽水市莲都区建筑工程技术人员初级专业技术资格评审委员会"
    );
    assert_eq!((r.start, r.finish), (Some("5月"), Some("7月")));
    assert_eq!(r.contacts[0].office, "莲都区住房和城乡建设局");
    assert_eq!(texts(r.contacts[0].phones), ["2311285"]);

    // Another series: complete, but with no engineering or economics title.
    let r = row(t, 11);
    assert_eq!(r.name, "丽水市莲都区中小学教师中级专业技术资格评审委员会");
    assert_eq!(r.evaluates, Some("一级教师、实验师、助理研究员，推荐副高"));
    assert_eq!((r.start, r.finish), (Some("7月"), Some("10月")));
    assert_eq!(texts(r.contacts[0].phones), ["2021960"]);
    assert!(r.titles_evaluated.is_empty() && r.titles_recommended.is_empty());

    let t = table("zj-liandu-2024", "莲都区 2024 年度大中专毕业生初定");
    let r = row(t, 1);
    assert_eq!(r.kind, RowKind::InitialDetermination);
    assert_eq!(r.name, "大中专毕业生初定");
    assert_eq!(r.finish, Some("3月、6月、9月、12月、"));
    assert_eq!(r.contacts[0].office, "区人力社保局人才开发管理科");
    assert_eq!(texts(r.contacts[0].phones), ["2278021"]);
    assert_eq!(r.applicants, Some("全区（自主评聘单位除外）初定中初级人员"));
}

#[test]
fn huzhou_rows_field_by_field() {
    let t = &plan("zj-huzhou-2021").committees[0];

    // Two offices, each with its phone, in one cell.
    let r = row(t, 1);
    assert_eq!(r.name, "省蓄电池行业高级工程师职务任职资格评审委员会");
    assert_eq!((r.evaluates, r.recommends), (None, Some("高级工程师")));
    assert_eq!((r.deadline, r.evaluation), (Some("10 月"), Some("12 月")));
    let offices: Vec<(&str, Vec<&str>)> = r
        .contacts
        .iter()
        .map(|c| (c.office, texts(c.phones)))
        .collect();
    assert_eq!(
        offices,
        [
            ("省蓄电池行业协会", vec!["6870380"]),
            ("长兴县人力社保局", vec!["6038432"])
        ]
    );

    let r = row(t, 10);
    assert_eq!(r.name, "市第二工程专业中级职务评审委员会");
    assert_eq!(r.evaluates, Some("技术员、助理工程师、工程师"));
    assert_eq!(
        r.recommends,
        Some("高级工程师、正高级工程师、副主任(中)药师、副主任技师")
    );
    assert_eq!((r.deadline, r.evaluation), (Some("6月"), Some("8月")));
    assert_eq!(r.contacts[0].office, "市职业资格指导服务中心");
    assert_eq!(texts(r.contacts[0].phones), ["2033099"]);
    assert_eq!(r.contacts[0].phones[0].dial, "05722033099");
    assert_eq!(
        r.remarks,
        Some("轻纺工程、材料工程、能源工程、医药工程、生态环境工程")
    );
    assert_eq!(
        r.titles_evaluated,
        [Title::Technician, Title::AssistantEngineer, Title::Engineer]
    );
    assert_eq!(
        r.titles_recommended,
        [Title::SeniorEngineer, Title::ProfessorateSeniorEngineer]
    );

    let r = row(t, 17);
    assert_eq!(r.name, "市经济专业中级职务任职评审委员会");
    assert_eq!(r.evaluates, Some("初中级以考代评"));
    assert_eq!(r.recommends, Some("高级经济师 正高级经济师"));
    assert_eq!((r.deadline, r.evaluation), (Some("7月"), Some("8月")));
    assert_eq!(r.remarks, Some("以考代评 考评结合"));
    assert_eq!(r.titles_recommended, [Title::SeniorEconomist]);

    // One office with two phones.
    let r = row(t, 18);
    assert_eq!(r.name, "会计专业");
    assert_eq!(r.contacts.len(), 1);
    assert_eq!(r.contacts[0].office, "市财政局");
    assert_eq!(texts(r.contacts[0].phones), ["2150069", "2033099"]);
    assert_eq!(r.evaluation, None);

    let r = row(t, 21);
    assert_eq!(r.deadline, Some("8月底"));

    let r = row(t, 29);
    assert_eq!(r.kind, RowKind::InitialDetermination);
    assert_eq!(r.name, "大、中专毕业生初定");
    assert_eq!(r.evaluates, Some("技术员、助理工程师、工程师等初中级资格"));
    assert_eq!(r.deadline, Some("4-6月、7-9月、10月-12月各1批次"));
    assert_eq!(r.evaluation, Some("7月、10月、12月"));

    let r = row(t, 31);
    assert_eq!(r.name, "市中小学(幼儿园)高级职务资格评审委员会");
    assert_eq!(r.deadline, Some("10月(市直学校9月)"));
    assert_eq!(r.contacts[0].office, "市教育局");
    assert_eq!(texts(r.contacts[0].phones), ["2025621"]);
    assert_eq!(r.remarks, Some("不含自主评聘单位"));
    assert!(r.titles_evaluated.is_empty() && r.titles_recommended.is_empty());

    // A mobile number needs no area code.
    let r = row(t, 36);
    assert_eq!(r.name, "湖州市服装行业协会");
    assert_eq!(r.evaluates, Some("工程师"));
    assert_eq!(texts(r.contacts[0].phones), ["13705727066"]);
    assert_eq!(r.contacts[0].phones[0].dial, "13705727066");
    assert_eq!(r.remarks, Some("本行业的专技人才,评审专业轻纺工程(纺织)"));

    let r = row(t, 45);
    assert_eq!(r.name, "各县(区)中小学教师中评会");
    assert_eq!(r.deadline, Some("由各县(区)人力社保、教育部门确定"));
    assert!(r.contacts.is_empty());
    assert_eq!(r.evaluation, None);
}

#[test]
fn huzhou_ce_contacts_field_by_field() {
    let t = plan("zj-huzhou-2021").ce_contacts.as_ref().unwrap();
    let r = &t.rows[3];
    assert_eq!(r.no, 4);
    assert_eq!(
        r.field,
        "工业信息化领域(信息技术、机电制造、能源、材料、轻纺、石化)"
    );
    assert_eq!(r.department, "湖州市经济和信息化局");
    assert_eq!(r.person, "邓小萃");
    assert_eq!(texts(r.phones), ["2399971"]);
    let r = &t.rows[15];
    assert_eq!(r.no, 16);
    assert_eq!(
        (r.field, r.department, r.person),
        ("自然科学", "湖州市科技局", "周晓琼")
    );
    assert_eq!(texts(r.phones), ["2667157"]);
}

#[test]
fn jxt_rows_field_by_field() {
    let p = plan("zj-jxt-gaogong-2020");
    let t = &p.committees[0];
    let r = row(t, 3);
    assert_eq!(r.name, "省轻纺工程技术人员高级工程师职务任职资格评审委员会");
    assert_eq!(
        r.scope,
        Some("轻工、造纸、纺织、丝绸、化纤、印染、家具、皮塑、食品等专业")
    );
    assert_eq!(r.titles_evaluated, [Title::SeniorEngineer]);
    let r = row(t, 4);
    assert_eq!(r.name, "省石化工程技术人员高级工程师职务任职资格评审委员会");

    let m = p.materials.as_ref().unwrap();
    let system: Vec<u32> = m
        .rows
        .iter()
        .filter(|r| r.filled_by_system)
        .map(|r| r.no)
        .collect();
    assert_eq!(system, [4, 5, 6, 9, 10]);
    assert_eq!(
        m.rows[0].item,
        "《专业技术资格评审表》（一式三份，系统导出纸质报送）"
    );
    assert_eq!(
        m.rows[4].item,
        "近3年《基本养老保险参保缴费证明》（系统自动提取）"
    );
    assert_eq!(m.rows[4].how, "系统自动提取");

    let phones: Vec<(&str, &str)> = p
        .contacts
        .iter()
        .flat_map(|c| c.phones.iter().map(move |ph| (c.name, ph.dial)))
        .collect();
    assert_eq!(
        phones,
        [("石润润", "057188228292"), ("黄犇", "057188228291")]
    );
    assert_eq!(p.contacts[0].phones[0].tel_uri(), "tel:057188228292");
}
