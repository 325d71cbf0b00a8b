//! Where-to-apply in words: one line of why for each committee, a one-line summary
//! (each written once, Chinese and English side by side, as a [`Bi`]), and the
//! `zhicheng-where/1` document the CLI prints (`zhicheng where`). The app shows the
//! same lines in the same order.

use super::rank::{CommitteeMatch, MatchClass, Relation, SpecialtyMatch};
use super::words::Reach;
use super::{Committees, WhereToApply};
use crate::bi;
use crate::rules::{Basis, Citation, OfficeContact, RestrictionKind};
use crate::text::Bi;
use crate::vocab::Title;
use serde::Serialize;

/// The value of `format`.
pub const WHERE_FORMAT: &str = "zhicheng-where/1";

/// What the row does for the title, in words.
pub fn relation(m: &CommitteeMatch, title: Title) -> Bi {
    let (zh, en) = (title.label_zh(), title.label_en());
    match m.relation {
        Relation::Evaluates => bi!("评审{zh}", "evaluates {en}"),
        Relation::Recommends => bi!(
            "推荐{zh}至上级评委会",
            "recommends applicants for {en} to a higher committee"
        ),
        Relation::InitialDetermination => bi!(
            "大中专毕业生初定{zh}",
            "gives {en} to new graduates without evaluation (初定)"
        ),
    }
}

/// How the person's specialty meets the row's, in words.
pub fn specialty(m: &CommitteeMatch) -> Bi {
    match m.specialty {
        SpecialtyMatch::Reached(Reach::Direct(w)) => {
            bi!(
                "列明“{w}”，与你的专业相符",
                "names “{w}”, as your specialty does"
            )
        }
        SpecialtyMatch::Reached(Reach::Linked { word, means, link }) => {
            let basis = match link.basis {
                Basis::Source(c) => {
                    let (doc, clause) = (c.doc, c.clause);
                    bi!("据{doc} {clause}", "per {doc} {clause}")
                }
                Basis::Convention(_) => bi!(
                    "按本应用专业词表的约定",
                    "by this app's specialty vocabulary"
                ),
            };
            bi!(
                "你的“{word}”属于其列明的“{means}”（{}）", basis.zh;
                "your “{word}” belongs to “{means}”, which it names ({})", basis.en
            )
        }
        SpecialtyMatch::WholeSeries => bi!("不分专业", "for every specialty of its series"),
        SpecialtyMatch::NotGiven => bi!(
            "未填写专业，无法按专业判断",
            "no specialty given, so it cannot tell"
        ),
        SpecialtyMatch::Differs => {
            let words = m.committee.specialties;
            bi!(
                "列明的专业为{}，与你的专业不同", words.join("、");
                "its specialties ({}) are not yours", words.join(", ")
            )
        }
    }
}

/// Whom the row is only for, and whether the person said it fits; `None` for a row
/// open to all.
pub fn restriction(m: &CommitteeMatch) -> Option<Bi> {
    let r = m.restriction?;
    let text = r.restriction.text;
    let name = m.committee.name;
    if matches!(m.class, MatchClass::Other | MatchClass::Excluded) {
        // Not the person's committee anyway: say whom it is for, ask nothing.
        return Some(bi!("仅限“{text}”", "only for “{text}”"));
    }
    Some(match (r.restriction.kind, r.fits) {
        (RestrictionKind::Graduates, true) => bi!(
            "仅限“{text}”：你说明了申请初定",
            "only for new graduates (“{text}”): you said you ask for 初定"
        ),
        (RestrictionKind::Graduates, false) => bi!(
            "仅限“{text}”：新毕业申请初定的，请勾选“我是申请初定的大中专毕业生”",
            "only for new graduates (“{text}”): if you are one asking for an initial title, tick it"
        ),
        (_, true) => bi!(
            "仅限“{text}”：你的工作单位与“{name}”相符",
            "only for “{text}”: your employer fits {name}"
        ),
        (RestrictionKind::Company, false) => bi!(
            "仅限“{text}”（{name}）：在该公司工作的，请填写工作单位",
            "only for the company's own staff (“{text}”, {name}): if you work there, give your employer"
        ),
        (RestrictionKind::Trade, false) => bi!(
            "仅限“{text}”（{name}）：属于该行业的，请填写工作单位",
            "only for the trade's own members (“{text}”, {name}): if you belong to it, give your employer"
        ),
    })
}

/// The row's words that leave the person out, if any.
pub fn exclusion(m: &CommitteeMatch, title: Title) -> Option<Bi> {
    let text = m.exclusion?.text;
    Some(bi!(
        "备注“{text}”：本专业的{}不在此评审", title.label_zh();
        "its remarks leave your specialty out for {} (“{text}”)", title.label_en()
    ))
}

/// One line: what the row does, how the specialty meets it, whom it is for.
pub fn why(m: &CommitteeMatch, title: Title) -> Bi {
    let mut parts = vec![relation(m, title), specialty(m)];
    parts.extend(restriction(m));
    parts.extend(exclusion(m, title));
    Bi::join(parts, Bi::new("；", "; "))
}

/// One line on the whole answer: the likely committee, or why there is none.
pub fn summary(w: &WhereToApply) -> Bi {
    let title = w.title;
    let found = match &w.committees {
        Committees::NoPlan(no_plan) => return Bi::new(no_plan.summary, no_plan.summary_en).into(),
        Committees::NoneForTitle(Some(e)) => return Bi::new(e.summary, e.summary_en).into(),
        Committees::NoneForTitle(None) => {
            return bi!(
                "本通知中没有评审或推荐{}的评委会。", title.label_zh();
                "No committee of this notice evaluates or recommends {}.", title.label_en()
            )
        }
        Committees::Ranked(found) => found,
    };
    let first = &found[0];
    let (no, name) = (first.committee.no, first.committee.name);
    match first.class {
        MatchClass::Likely => {
            let does = relation(first, title);
            bi!(
                "最可能受理的是第 {no} 项：{name}（{}）。", does.zh;
                "Most likely: row {no}, {name} ({}).", does.en
            )
        }
        MatchClass::Possible => bi!(
            "未填写专业：以下评委会都评审或推荐{}，请按你的专业对照。", title.label_zh();
            "No specialty given: each committee below evaluates or recommends {}; compare its specialties with yours.", title.label_en()
        ),
        _ => {
            let reached = found.iter().find(|m| {
                m.class == MatchClass::Restricted
                    && matches!(m.specialty, SpecialtyMatch::Reached(_))
            });
            match reached {
                Some(m) => {
                    let (no, name) = (m.committee.no, m.committee.name);
                    let only = m.restriction.map_or("", |r| r.restriction.text);
                    bi!(
                        "与你的专业相符的第 {no} 项（{name}）仅限“{only}”；不属于的，请向本专业主管部门或评委会办公室咨询。",
                        "Row {no} ({name}) is for your specialty but only for “{only}”; if you are not among them, ask your specialty's department or the committee office."
                    )
                }
                None => no_match(w, found),
            }
        }
    }
}

/// No committee for the person's specialty: say so, with the row that excludes it and
/// the specialty's competent department where the notice lists one.
fn no_match(w: &WhereToApply, found: &[CommitteeMatch]) -> Bi {
    let text = w.specialty.text.as_deref().unwrap_or("");
    let title = w.title;
    let excluded = found.iter().find(|m| m.class == MatchClass::Excluded);
    let mut line = match excluded {
        Some(m) => {
            let (no, remarks) = (m.committee.no, m.exclusion.map_or("", |x| x.text));
            bi!(
                "本通知中没有评审“{text}”专业{}的评委会：第 {no} 项备注“{remarks}”。请向本专业主管部门或评委会办公室咨询。", title.label_zh();
                "No committee of this notice evaluates {} in “{text}”: row {no}'s remarks say “{remarks}”. Ask your specialty's department or the committee office.", title.label_en()
            )
        }
        None => bi!(
            "本通知中没有与你的专业“{text}”相符的评委会：以下评委会评审或推荐{}，但专业不同。请向本专业主管部门或评委会办公室咨询。", title.label_zh();
            "No committee of this notice matches your specialty “{text}”: those below evaluate or recommend {} in other specialties. Ask your specialty's department or the committee office.", title.label_en()
        ),
    };
    let department = w.ce_contacts.given().and_then(|c| {
        c.matching
            .iter()
            .find(|r| w.specialty.best_among(r.specialties).is_some())
            .map(|r| (r.department, c.table.source.clause))
    });
    if let Some((department, clause)) = department {
        line += bi!(
            "本专业的行业主管部门（{clause}）：{department}。",
            " Your specialty's competent department ({clause}): {department}."
        );
    }
    line
}

// ───────────────────────────── zhicheng-where/1 ─────────────────────────────

/// The `zhicheng-where/1` document: the answer of [`super::where_to_apply`] as the
/// CLI prints it, committees in the order the app shows them.
#[derive(Debug, Clone, Serialize)]
pub struct WhereReport {
    pub format: &'static str,
    pub rule_set: &'static str,
    pub notice: &'static str,
    pub target: TargetOut,
    pub employer: Option<String>,
    pub graduate: bool,
    /// `committees`, `none_for_title` or `no_plan`.
    pub plan: &'static str,
    pub summary_zh: String,
    pub summary_en: String,
    pub elsewhere: Option<ElsewhereOut>,
    pub committees: Vec<CommitteeOut>,
    pub ce_contacts: Vec<CeContactOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetOut {
    pub title: Title,
    pub specialty: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ElsewhereOut {
    pub text: &'static str,
    pub source: Citation,
}

#[derive(Debug, Clone, Serialize)]
pub struct CommitteeOut {
    /// The notice's 序号.
    pub row: u32,
    pub table: &'static str,
    /// As the notice writes it.
    pub name: &'static str,
    /// `likely`, `possible`, `restricted`, `other` or `excluded`.
    #[serde(rename = "match")]
    pub class: &'static str,
    /// `evaluates`, `recommends` or `initial_determination`.
    pub relation: &'static str,
    pub why_zh: String,
    pub why_en: String,
    pub restriction: Option<RestrictionOut>,
    pub exclusion: Option<&'static str>,
    pub deadline: Option<&'static str>,
    pub start: Option<&'static str>,
    pub finish: Option<&'static str>,
    pub evaluation: Option<&'static str>,
    pub contacts: Vec<ContactOut>,
    pub source: Citation,
}

#[derive(Debug, Clone, Serialize)]
pub struct RestrictionOut {
    /// `company`, `trade` or `graduates`.
    pub kind: &'static str,
    pub text: &'static str,
    pub fits: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ContactOut {
    pub office: &'static str,
    pub phones: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CeContactOut {
    pub row: u32,
    pub field: &'static str,
    pub department: &'static str,
    pub person: &'static str,
    pub phones: Vec<&'static str>,
    pub source: Citation,
}

fn contact(o: &OfficeContact) -> ContactOut {
    ContactOut {
        office: o.office,
        phones: o.phones.iter().map(|p| p.text).collect(),
    }
}

impl WhereReport {
    /// The document for an answer and what the person said of themselves.
    pub fn new(w: &WhereToApply, employer: Option<&str>, graduate: bool) -> WhereReport {
        let title = w.title;
        let committees = w
            .committees
            .ranked()
            .iter()
            .map(|m| {
                let c = m.committee;
                let Bi {
                    zh: why_zh,
                    en: why_en,
                } = why(m, title);
                CommitteeOut {
                    row: c.no,
                    table: m.table.caption,
                    name: c.name,
                    class: m.class.as_str(),
                    relation: match m.relation {
                        Relation::Evaluates => "evaluates",
                        Relation::Recommends => "recommends",
                        Relation::InitialDetermination => "initial_determination",
                    },
                    why_zh,
                    why_en,
                    restriction: m.restriction.map(|r| RestrictionOut {
                        kind: match r.restriction.kind {
                            RestrictionKind::Company => "company",
                            RestrictionKind::Trade => "trade",
                            RestrictionKind::Graduates => "graduates",
                        },
                        text: r.restriction.text,
                        fits: r.fits,
                    }),
                    exclusion: m.exclusion.map(|x| x.text),
                    deadline: c.deadline,
                    start: c.start,
                    finish: c.finish,
                    evaluation: c.evaluation,
                    contacts: c.contacts.iter().map(contact).collect(),
                    source: c.source,
                }
            })
            .collect();
        let ce_contacts = w
            .ce_contacts
            .given()
            .map(|c| {
                c.matching
                    .iter()
                    .map(|r| CeContactOut {
                        row: r.no,
                        field: r.field,
                        department: r.department,
                        person: r.person,
                        phones: r.phones.iter().map(|p| p.text).collect(),
                        source: r.source,
                    })
                    .collect()
            })
            .unwrap_or_default();
        let summary = summary(w);
        WhereReport {
            format: WHERE_FORMAT,
            rule_set: w.rule_set.id,
            notice: w.rule_set.notice,
            target: TargetOut {
                title,
                specialty: w.specialty.text.clone(),
            },
            employer: employer.map(str::to_string),
            graduate,
            plan: match w.committees {
                Committees::Ranked(_) => "committees",
                Committees::NoneForTitle(_) => "none_for_title",
                Committees::NoPlan(_) => "no_plan",
            },
            summary_zh: summary.zh,
            summary_en: summary.en,
            elsewhere: match w.committees {
                Committees::NoneForTitle(Some(e)) => Some(ElsewhereOut {
                    text: e.text,
                    source: e.source,
                }),
                _ => None,
            },
            committees,
            ce_contacts,
        }
    }
}
