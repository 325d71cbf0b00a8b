//! Where-to-apply in words: one line of why for each committee, a one-line summary,
//! and the `zhicheng-where/1` document the CLI prints (`zhicheng where`). The app
//! shows the same lines in the same order.

use super::rank::{CommitteeMatch, MatchClass, Relation, SpecialtyMatch};
use super::words::Reach;
use super::{Committees, WhereToApply};
use crate::rules::{Basis, Citation, OfficeContact, RestrictionKind};
use crate::vocab::Title;
use crate::Lang;
use serde::Serialize;

/// The value of `format`.
pub const WHERE_FORMAT: &str = "zhicheng-where/1";

/// What the row does for the title, in words.
pub fn relation(m: &CommitteeMatch, title: Title, lang: Lang) -> String {
    let (zh, en) = (title.label_zh(), title.label_en());
    match (m.relation, lang) {
        (Relation::Evaluates, Lang::Zh) => format!("评审{zh}"),
        (Relation::Evaluates, Lang::En) => format!("evaluates {en}"),
        (Relation::Recommends, Lang::Zh) => format!("推荐{zh}至上级评委会"),
        (Relation::Recommends, Lang::En) => {
            format!("recommends applicants for {en} to a higher committee")
        }
        (Relation::InitialDetermination, Lang::Zh) => format!("大中专毕业生初定{zh}"),
        (Relation::InitialDetermination, Lang::En) => {
            format!("gives {en} to new graduates without evaluation (初定)")
        }
    }
}

/// How the person's specialty meets the row's, in words.
pub fn specialty(m: &CommitteeMatch, lang: Lang) -> String {
    match (m.specialty, lang) {
        (SpecialtyMatch::Reached(Reach::Direct(w)), Lang::Zh) => {
            format!("列明“{w}”，与你的专业相符")
        }
        (SpecialtyMatch::Reached(Reach::Direct(w)), Lang::En) => {
            format!("names “{w}”, as your specialty does")
        }
        (SpecialtyMatch::Reached(Reach::Linked { word, means, link }), _) => {
            let basis = match (link.basis, lang) {
                (Basis::Source(c), Lang::Zh) => format!("据{} {}", c.doc, c.clause),
                (Basis::Source(c), Lang::En) => format!("per {} {}", c.doc, c.clause),
                (Basis::Convention(_), Lang::Zh) => "按本应用专业词表的约定".to_string(),
                (Basis::Convention(_), Lang::En) => {
                    "by this app's specialty vocabulary".to_string()
                }
            };
            match lang {
                Lang::Zh => format!("你的“{word}”属于其列明的“{means}”（{basis}）"),
                Lang::En => format!("your “{word}” belongs to “{means}”, which it names ({basis})"),
            }
        }
        (SpecialtyMatch::WholeSeries, Lang::Zh) => "不分专业".to_string(),
        (SpecialtyMatch::WholeSeries, Lang::En) => "for every specialty of its series".to_string(),
        (SpecialtyMatch::NotGiven, Lang::Zh) => "未填写专业，无法按专业判断".to_string(),
        (SpecialtyMatch::NotGiven, Lang::En) => "no specialty given, so it cannot tell".to_string(),
        (SpecialtyMatch::Differs, Lang::Zh) => format!(
            "列明的专业为{}，与你的专业不同",
            m.committee.specialties.join("、")
        ),
        (SpecialtyMatch::Differs, Lang::En) => format!(
            "its specialties ({}) are not yours",
            m.committee.specialties.join(", ")
        ),
    }
}

/// Whom the row is only for, and whether the person said it fits; `None` for a row
/// open to all.
pub fn restriction(m: &CommitteeMatch, lang: Lang) -> Option<String> {
    let r = m.restriction?;
    let text = r.restriction.text;
    let name = m.committee.name;
    if matches!(m.class, MatchClass::Other | MatchClass::Excluded) {
        // Not the person's committee anyway: say whom it is for, ask nothing.
        return Some(match lang {
            Lang::Zh => format!("仅限“{text}”"),
            Lang::En => format!("only for “{text}”"),
        });
    }
    Some(match (r.restriction.kind, r.fits, lang) {
        (RestrictionKind::Graduates, true, Lang::Zh) => {
            format!("仅限“{text}”：你说明了申请初定")
        }
        (RestrictionKind::Graduates, true, Lang::En) => {
            format!("only for new graduates (“{text}”): you said you ask for 初定")
        }
        (RestrictionKind::Graduates, false, Lang::Zh) => {
            format!("仅限“{text}”：新毕业申请初定的，请勾选“我是申请初定的大中专毕业生”")
        }
        (RestrictionKind::Graduates, false, Lang::En) => format!(
            "only for new graduates (“{text}”): if you are one asking for an initial title, tick it"
        ),
        (_, true, Lang::Zh) => format!("仅限“{text}”：你的工作单位与“{name}”相符"),
        (_, true, Lang::En) => format!("only for “{text}”: your employer fits {name}"),
        (RestrictionKind::Company, false, Lang::Zh) => {
            format!("仅限“{text}”（{name}）：在该公司工作的，请填写工作单位")
        }
        (RestrictionKind::Company, false, Lang::En) => {
            format!("only for the company's own staff (“{text}”, {name}): if you work there, give your employer")
        }
        (RestrictionKind::Trade, false, Lang::Zh) => format!(
            "仅限“{text}”（{name}）：属于该行业的，请填写工作单位"
        ),
        (RestrictionKind::Trade, false, Lang::En) => format!(
            "only for the trade's own members (“{text}”, {name}): if you belong to it, give your employer"
        ),
    })
}

/// The row's words that leave the person out, if any.
pub fn exclusion(m: &CommitteeMatch, title: Title, lang: Lang) -> Option<String> {
    let x = m.exclusion?;
    Some(match lang {
        Lang::Zh => format!("备注“{}”：本专业的{}不在此评审", x.text, title.label_zh()),
        Lang::En => format!(
            "its remarks leave your specialty out for {} (“{}”)",
            title.label_en(),
            x.text
        ),
    })
}

/// One line: what the row does, how the specialty meets it, whom it is for.
pub fn why(m: &CommitteeMatch, title: Title, lang: Lang) -> String {
    let mut parts = vec![relation(m, title, lang), specialty(m, lang)];
    parts.extend(restriction(m, lang));
    parts.extend(exclusion(m, title, lang));
    parts.join(lang.pick("；", "; "))
}

/// One line on the whole answer: the likely committee, or why there is none.
pub fn summary(w: &WhereToApply, lang: Lang) -> String {
    let title = w.title;
    match &w.committees {
        Committees::NoPlan(no_plan) => no_plan.summary(lang).to_string(),
        Committees::NoneForTitle(Some(elsewhere)) => elsewhere.summary(lang).to_string(),
        Committees::NoneForTitle(None) => match lang {
            Lang::Zh => format!("本通知中没有评审或推荐{}的评委会。", title.label_zh()),
            Lang::En => format!(
                "No committee of this notice evaluates or recommends {}.",
                title.label_en()
            ),
        },
        Committees::Ranked(found) => {
            let first = &found[0];
            let c = first.committee;
            let reached = |m: &&CommitteeMatch| {
                m.class == MatchClass::Restricted
                    && matches!(m.specialty, SpecialtyMatch::Reached(_))
            };
            match (first.class, lang) {
                (MatchClass::Likely, Lang::Zh) => format!(
                    "最可能受理的是第 {} 项：{}（{}）。",
                    c.no,
                    c.name,
                    relation(first, title, lang)
                ),
                (MatchClass::Likely, Lang::En) => format!(
                    "Most likely: row {}, {} ({}).",
                    c.no,
                    c.name,
                    relation(first, title, lang)
                ),
                (MatchClass::Possible, Lang::Zh) => format!(
                    "未填写专业：以下评委会都评审或推荐{}，请按你的专业对照。",
                    title.label_zh()
                ),
                (MatchClass::Possible, Lang::En) => format!(
                    "No specialty given: each committee below evaluates or recommends {}; compare its specialties with yours.",
                    title.label_en()
                ),
                _ => match (found.iter().find(reached), lang) {
                    (Some(m), Lang::Zh) => format!(
                        "与你的专业相符的第 {} 项（{}）仅限“{}”；不属于的，请向本专业主管部门或评委会办公室咨询。",
                        m.committee.no,
                        m.committee.name,
                        m.restriction.map_or("", |r| r.restriction.text)
                    ),
                    (Some(m), Lang::En) => format!(
                        "Row {} ({}) is for your specialty but only for “{}”; if you are not among them, ask your specialty's department or the committee office.",
                        m.committee.no,
                        m.committee.name,
                        m.restriction.map_or("", |r| r.restriction.text)
                    ),
                    (None, _) => no_match(w, found, lang),
                },
            }
        }
    }
}

/// No committee for the person's specialty: say so, with the row that excludes it and
/// the specialty's competent department where the notice lists one.
fn no_match(w: &WhereToApply, found: &[CommitteeMatch], lang: Lang) -> String {
    let text = w.specialty.text.as_deref().unwrap_or("");
    let title = w.title;
    let excluded = found.iter().find(|m| m.class == MatchClass::Excluded);
    let department = w.ce_contacts.given().and_then(|c| {
        c.matching
            .iter()
            .find(|r| w.specialty.best_among(r.specialties).is_some())
            .map(|r| (r.department, c.table.source.clause))
    });
    let mut line = no_match_line(text, title, excluded, lang);
    if let Some((department, clause)) = department {
        line += &match lang {
            Lang::Zh => format!("本专业的行业主管部门（{clause}）：{department}。"),
            Lang::En => format!(" Your specialty's competent department ({clause}): {department}."),
        };
    }
    line
}

fn no_match_line(
    text: &str,
    title: Title,
    excluded: Option<&CommitteeMatch>,
    lang: Lang,
) -> String {
    match (excluded, lang) {
        (Some(m), Lang::Zh) => format!(
            "本通知中没有评审“{text}”专业{}的评委会：第 {} 项备注“{}”。请向本专业主管部门或评委会办公室咨询。",
            title.label_zh(),
            m.committee.no,
            m.exclusion.map_or("", |x| x.text)
        ),
        (Some(m), Lang::En) => format!(
            "No committee of this notice evaluates {} in “{text}”: row {}'s remarks say “{}”. Ask your specialty's department or the committee office.",
            title.label_en(),
            m.committee.no,
            m.exclusion.map_or("", |x| x.text)
        ),
        (None, Lang::Zh) => format!(
            "本通知中没有与你的专业“{text}”相符的评委会：以下评委会评审或推荐{}，但专业不同。请向本专业主管部门或评委会办公室咨询。",
            title.label_zh()
        ),
        (None, Lang::En) => format!(
            "No committee of this notice matches your specialty “{text}”: those below evaluate or recommend {} in other specialties. Ask your specialty's department or the committee office.",
            title.label_en()
        ),
    }
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
                    why_zh: why(m, title, Lang::Zh),
                    why_en: why(m, title, Lang::En),
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
            summary_zh: summary(w, Lang::Zh),
            summary_en: summary(w, Lang::En),
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
