//! 去哪里申报 / Where to apply, on the result step: for the chosen rule set and
//! target, the notice's committees in the engine's order (most likely first), each
//! with its one line of why and whom it is only for; the person's employer and
//! whether they ask for 初定 (optional, kept like the ticks); where the notice sends
//! a title no committee takes; deadlines and schedules, offices and phones (`tel:`
//! links), the notice's own contacts, the materials checklist (ticks kept on this
//! device only), where CE hours are registered, CE contacts and notes, each with its
//! source; printable on its own. What a notice does not say is said plainly. All of
//! it comes from `zhicheng_engine::apply` (the same list `zhicheng where` prints);
//! nothing is decided here.

use zhicheng_engine::sorted::SortedSet;

use yew::prelude::*;
use zhicheng_engine::apply::{
    self, report, CeContacts, CommitteeMatch, Committees, Given, MatchClass, WhereToApply,
};
use zhicheng_engine::rules::{
    CeRegistration, Citation, Committee, MaterialTable, NamedContact, OfficeContact, Phone,
};
use zhicheng_engine::vocab::Title;
use zhicheng_engine::Lang;

use crate::i18n::{self, Text};
use crate::phrases;
use crate::store::action::Action;
use crate::views::ctx::Ctx;
use crate::views::verdict::{citation, notice_line};
use crate::web::{input, page};

/// The id of the section.
pub const SECTION_ID: &str = "apply";
/// The class put on `<html>` while this section is printed on its own (the report's
/// print leaves it out, to stay within two pages).
pub const PRINT_APPLY: &str = "print-apply";

pub fn phones(phones: &[Phone]) -> Html {
    html! {
        { for phones.iter().map(|p| html! {
            <a class="phone" href={p.tel_uri()} data-phone={p.text}>{ p.text }</a>
        }) }
    }
}

fn office(o: &OfficeContact) -> Html {
    html! { <li>{ o.office }{ " " }{ phones(o.phones) }</li> }
}

fn sources(lang: Lang, cites: &[Citation]) -> Html {
    html! {
        <div class="citations">
            <span class="cite-label">{ i18n::SOURCES.get(lang) }</span>
            { for cites.iter().map(|c| citation(lang, c)) }
        </div>
    }
}

/// A `<dt>`/`<dd>` pair for a cell the notice gives.
fn cell(lang: Lang, term: Text, value: Option<&str>, attr: &'static str) -> Html {
    match value {
        Some(v) => html! {
            <div data-cell={attr}><dt>{ term.get(lang) }</dt><dd lang="zh-CN">{ v }</dd></div>
        },
        None => html! {},
    }
}

fn match_tag(class: MatchClass) -> Text {
    match class {
        MatchClass::Likely => i18n::APPLY_MATCH_LIKELY,
        MatchClass::Possible => i18n::APPLY_MATCH_POSSIBLE,
        MatchClass::Restricted => i18n::APPLY_MATCH_RESTRICTED,
        MatchClass::Other => i18n::APPLY_MATCH_OTHER,
        MatchClass::Excluded => i18n::APPLY_MATCH_EXCLUDED,
    }
}

fn committee_card(lang: Lang, m: &CommitteeMatch, title: Title) -> Html {
    let c: &Committee = m.committee;
    let no_time = [c.start, c.finish, c.deadline, c.evaluation]
        .iter()
        .all(Option::is_none);
    let class = m.class.as_str();
    html! {
        <li class={classes!("committee", format!("committee-{class}"))} data-committee={c.name}
            data-committee-no={c.no.to_string()} data-match={class}>
            <h5 class="committee-name" lang="zh-CN">{ c.name }</h5>
            <p class="committee-tags">
                <span class={classes!("tag", format!("tag-{class}"))}>{ match_tag(m.class).get(lang) }</span>
                <span class="tag tag-muted">{ format!("{}{}", lang.pick("第 ", "Row "), c.no) }{ lang.pick(" 项", "") }</span>
            </p>
            <p class="committee-why" data-why="">{ report::why(m, title).into_lang(lang) }</p>
            if let Some(r) = m.restriction.filter(|r| !r.fits) {
                <p class="committee-restriction" data-restriction={r.restriction.text} lang="zh-CN">
                    { r.restriction.text }
                </p>
            }
            <dl class="committee-cells">
                { cell(lang, i18n::APPLY_DEADLINE, c.deadline, "deadline") }
                { cell(lang, i18n::APPLY_START, c.start, "start") }
                { cell(lang, i18n::APPLY_FINISH, c.finish, "finish") }
                { cell(lang, i18n::APPLY_EVALUATION, c.evaluation, "evaluation") }
                { cell(lang, i18n::APPLY_EVALUATES_CELL, c.evaluates, "evaluates") }
                { cell(lang, i18n::APPLY_RECOMMENDS_CELL, c.recommends, "recommends") }
                { cell(lang, i18n::APPLY_APPLICANTS, c.applicants, "applicants") }
                { cell(lang, i18n::APPLY_SCOPE, c.scope, "scope") }
                { cell(lang, i18n::APPLY_REMARKS, c.remarks, "remarks") }
                if !c.contacts.is_empty() {
                    <div data-cell="contacts">
                        <dt>{ i18n::APPLY_OFFICE.get(lang) }</dt>
                        <dd><ul class="offices" lang="zh-CN">{ for c.contacts.iter().map(office) }</ul></dd>
                    </div>
                }
            </dl>
            if no_time {
                <p class="hint not-in-notice">{ i18n::APPLY_ROW_NO_TIME.get(lang) }</p>
            }
            { sources(lang, &[c.source]) }
        </li>
    }
}

/// The committees in the engine's order. Everything before the first row of another
/// specialty is shown; from there on (other specialties, the graduates' rows, rows
/// that leave the person out) it is folded, in the same order.
fn committees(lang: Lang, w: &WhereToApply) -> Html {
    let title = w.title;
    let summary = html! {
        <p class="apply-summary" data-apply-summary="">{ report::summary(w).into_lang(lang) }</p>
    };
    match &w.committees {
        Committees::NoPlan(no_plan) => html! {
            <div class="not-in-notice" data-no-plan="">
                <p>{ no_plan.summary(lang) }</p>
                { sources(lang, &[no_plan.source]) }
            </div>
        },
        Committees::NoneForTitle(Some(e)) => html! {
            <div class="elsewhere" data-elsewhere="">
                <p class="hint">{ i18n::APPLY_ELSEWHERE.get(lang) }</p>
                <p><strong>{ e.summary(lang) }</strong></p>
                <blockquote lang="zh-CN">{ e.text }</blockquote>
                { sources(lang, &[e.source]) }
            </div>
        },
        Committees::NoneForTitle(None) => html! {
            <p class="not-in-notice" data-none-for-title="">{ phrases::apply_none_for_title(title.label(lang), lang) }</p>
        },
        Committees::Ranked(found) => {
            let split = found
                .iter()
                .position(|m| {
                    !matches!(
                        m.class,
                        MatchClass::Likely | MatchClass::Possible | MatchClass::Restricted
                    )
                })
                .unwrap_or(found.len());
            let (shown, folded) = found.split_at(split);
            let tables: SortedSet<&str> = found.iter().map(|m| m.table.caption(lang)).collect();
            html! {
                <>
                    { summary }
                    <p class="hint">
                        { phrases::apply_committees_from(&tables.into_iter().collect::<Vec<_>>().join(lang.pick("；", "; ")), lang) }
                    </p>
                    if !shown.is_empty() {
                        <ul class="committees" data-likely="">{ for shown.iter().map(|m| committee_card(lang, m, title)) }</ul>
                    }
                    if !folded.is_empty() {
                        <details class="part other-committees">
                            <summary><span class="summary-text">{ phrases::apply_other_committees(folded.len(), lang) }</span></summary>
                            <ul class="committees part-body">{ for folded.iter().map(|m| committee_card(lang, m, title)) }</ul>
                        </details>
                    }
                </>
            }
        }
    }
}

/// The optional answers for rows only for some people: employer, and 初定.
fn affiliation(c: &Ctx) -> Html {
    let lang = c.lang;
    let a = &c.state.affiliation;
    let on_employer = c
        .dispatch
        .reform(|e: InputEvent| Action::Employer(input::text(&e)));
    let on_graduate = c
        .dispatch
        .reform(|e: Event| Action::Graduate(input::checked(&e)));
    html! {
        <details class="part apply-who" open={!a.employer.is_empty() || a.graduate}>
            <summary><span class="summary-text">{ i18n::APPLY_WHO.get(lang) }</span></summary>
            <div class="part-body">
                <p class="hint" id="apply-who-hint">{ i18n::APPLY_WHO_HINT.get(lang) }</p>
                <div class="field">
                    <label for="apply-employer">{ i18n::APPLY_EMPLOYER.get(lang) }</label>
                    <input type="text" id="apply-employer" autocomplete="organization"
                        placeholder={i18n::APPLY_EMPLOYER_HINT.get(lang)} aria-describedby="apply-who-hint"
                        value={a.employer.clone()} oninput={on_employer} />
                </div>
                <div class="checkbox">
                    <input type="checkbox" id="apply-graduate" checked={a.graduate} onchange={on_graduate} />
                    <label for="apply-graduate">{ i18n::APPLY_GRADUATE.get(lang) }</label>
                </div>
            </div>
        </details>
    }
}

fn not_in_notice(lang: Lang, what: Text) -> Html {
    html! { <p class="not-in-notice" data-not-in-notice="">{ what.get(lang) }</p> }
}

fn schedule(lang: Lang, w: &WhereToApply) -> Html {
    match w.schedule {
        Given::Given(s) => html! {
            <div class="schedule" data-schedule="">
                <p lang="zh-CN">{ s.text }</p>
                if let Some(d) = s.deadline {
                    <p class="deadline" data-deadline={d.to_string()}>
                        <strong>{ i18n::APPLY_DEADLINE_DATE.get(lang) }</strong>{ d.to_string() }
                    </p>
                }
                { sources(lang, &[s.source]) }
            </div>
        },
        Given::NotInNotice => not_in_notice(lang, i18n::APPLY_NO_SCHEDULE),
    }
}

fn contacts(lang: Lang, given: &Given<&'static [NamedContact]>) -> Html {
    match given {
        Given::Given(list) => {
            let cites: Vec<Citation> =
                list.iter().map(|c| c.source).fold(Vec::new(), |mut v, c| {
                    if !v.contains(&c) {
                        v.push(c);
                    }
                    v
                });
            html! {
                <>
                    <ul class="offices" data-contacts="" lang="zh-CN">
                        { for list.iter().map(|c| html! { <li>{ c.name }{ " " }{ phones(c.phones) }</li> }) }
                    </ul>
                    { sources(lang, &cites) }
                </>
            }
        }
        Given::NotInNotice => not_in_notice(lang, i18n::APPLY_NO_CONTACTS),
    }
}

fn materials(c: &Ctx, rule_set: &'static str, given: &Given<&'static MaterialTable>) -> Html {
    let lang = c.lang;
    let table = match given {
        Given::Given(t) => *t,
        Given::NotInNotice => return not_in_notice(lang, i18n::APPLY_NO_MATERIALS),
    };
    html! {
        <div class="materials" data-materials="">
            <p class="hint">
                { lang.pick(table.caption, table.caption_en) }{ lang.pick("。", ". ") }
                <span class="ticks-note">
                    { if c.state.remembers() { i18n::APPLY_TICKS_REMEMBERED } else { i18n::APPLY_TICKS_NOT_KEPT }.get(lang) }
                </span>
            </p>
            <ul class="checklist">
                { for table.rows.iter().map(|m| {
                    let id = format!("material-{}", m.no);
                    let no = m.no;
                    let on_change = c.dispatch.reform(move |e: Event| {
                        Action::Tick { rule_set: rule_set.to_string(), no, on: input::checked(&e) }
                    });
                    html! {
                        <li class="checkbox" data-material={m.no.to_string()}>
                            <input type="checkbox" id={id.clone()} checked={c.state.ticked.is_ticked(rule_set, m.no)}
                                onchange={on_change} />
                            <label for={id} lang="zh-CN">
                                { format!("{}. {}", m.no, m.item) }
                                // The item says so in Chinese already.
                                if m.filled_by_system && lang == Lang::En {
                                    <span class="tag tag-muted" lang={i18n::html_lang(lang)}>{ i18n::APPLY_BY_SYSTEM.get(lang) }</span>
                                }
                            </label>
                            { for table.conditional.iter().filter(|x| x.amends == Some(m.no)).map(|x| conditional(lang, x)) }
                        </li>
                    }
                }) }
            </ul>
            if table.conditional.iter().any(|x| x.amends.is_none()) {
                <ul class="checklist-extra">
                    { for table.conditional.iter().filter(|x| x.amends.is_none()).map(|x| html! { <li>{ conditional(lang, x) }</li> }) }
                </ul>
            }
            { sources(lang, &[table.source]) }
        </div>
    }
}

/// A material some applicants must add, from a clause outside the list.
fn conditional(lang: Lang, x: &zhicheng_engine::rules::ConditionalMaterial) -> Html {
    html! {
        <div class="conditional-material" data-conditional={x.source.clause}>
            <strong>{ i18n::APPLY_CONDITIONAL.get(lang) }</strong>
            <span>{ x.applies(lang) }</span>
            <span lang="zh-CN">{ "：" }{ x.item }</span>
            { sources(lang, &[x.source]) }
        </div>
    }
}

fn ce_registration(lang: Lang, given: &Given<&'static [CeRegistration]>) -> Html {
    let list = match given {
        Given::Given(list) => *list,
        Given::NotInNotice => return not_in_notice(lang, i18n::APPLY_NO_CE_REGISTRATION),
    };
    html! {
        <ul class="ce-registration" data-ce-registration="">
            { for list.iter().map(|r| html! {
                <li>
                    <strong lang="zh-CN">{ r.system }</strong>
                    if let Some(who) = r.who {
                        <span class="hint">{ " " }{ i18n::APPLY_FOR_WHOM.get(lang) }<span lang="zh-CN">{ who }</span></span>
                    }
                    if let Some(url) = r.url {
                        <p class="hint">{ i18n::APPLY_URL_NOTE.get(lang) }<code class="url" translate="no">{ url }</code></p>
                    }
                    { sources(lang, &[r.source]) }
                </li>
            }) }
        </ul>
    }
}

fn ce_contacts(lang: Lang, given: &Given<CeContacts>) -> Html {
    let ce = match given {
        Given::Given(ce) => ce,
        Given::NotInNotice => return not_in_notice(lang, i18n::APPLY_NO_CE_CONTACTS),
    };
    let row = |r: &&zhicheng_engine::rules::CeContact| {
        html! {
            <li lang="zh-CN">
                <strong>{ r.field }</strong>{ "：" }{ r.department }{ " " }{ r.person }{ " " }{ phones(r.phones) }
                { sources(lang, &[r.source]) }
            </li>
        }
    };
    html! {
        <>
            if ce.matching.is_empty() {
                <p class="not-in-notice">{ i18n::APPLY_NO_CE_MATCH.get(lang) }</p>
            } else {
                <ul class="ce-contacts" data-ce-contacts="">{ for ce.matching.iter().map(row) }</ul>
            }
            <details class="part">
                <summary><span class="summary-text">{ phrases::apply_whole_table(lang.pick(ce.table.caption, ce.table.caption_en), ce.table.rows.len(), lang) }</span></summary>
                <ul class="ce-contacts part-body">{ for ce.table.rows.iter().collect::<Vec<_>>().iter().map(row) }</ul>
            </details>
        </>
    }
}

/// One part of the section under its heading (`apply-NAME`, for the print stylesheet).
fn part(name: &str, heading: Text, lang: Lang, body: Html) -> Html {
    html! {
        <div class={format!("apply-part apply-{name}")}>
            <h4>{ heading.get(lang) }</h4>
            { body }
        </div>
    }
}

/// The target of the form, when a rule set and a title are chosen.
fn target(c: &Ctx) -> Option<(Title, Option<String>)> {
    let title = Title::parse(&c.form.title)?;
    let specialty = c.form.specialty.trim();
    Some((
        title,
        (!specialty.is_empty()).then(|| specialty.to_string()),
    ))
}

/// The section, on the result step.
pub fn view(c: &Ctx) -> Html {
    let lang = c.lang;
    let who = c.state.affiliation.applicant();
    let found = target(c).and_then(|(title, specialty)| {
        apply::where_to_apply(&c.form.rule_set, title, specialty.as_deref(), &who)
            .map(|w| (title, w))
    });
    let body = match &found {
        None => html! { <p class="hint">{ i18n::APPLY_CHOOSE_FIRST.get(lang) }</p> },
        Some((_, w)) => html! {
            <>
                <p class="hint apply-notice" data-apply-notice={w.rule_set.notice}>
                    { phrases::apply_from_notice(&notice_line(lang, w.rule_set.notice), lang) }
                </p>
                { part("committees", i18n::APPLY_COMMITTEES, lang, html! {
                    <>
                        { committees(lang, w) }
                        if w.committees.ranked().iter().any(|m| m.restriction.is_some()) {
                            { affiliation(c) }
                        }
                    </>
                }) }
                { part("schedule", i18n::APPLY_SCHEDULE, lang, schedule(lang, w)) }
                { part("contacts", i18n::APPLY_CONTACTS, lang, contacts(lang, &w.contacts)) }
                { part("materials", i18n::APPLY_MATERIALS, lang, materials(c, w.rule_set.id, &w.materials)) }
                { part("ce-registration", i18n::APPLY_CE_REGISTRATION, lang, ce_registration(lang, &w.ce_registration)) }
                { part("ce", i18n::APPLY_CE_CONTACTS, lang, ce_contacts(lang, &w.ce_contacts)) }
                if !w.notes.is_empty() {
                    { part("notes", i18n::APPLY_NOTES, lang, html! {
                        <ul class="notes-list">
                            { for w.notes.iter().map(|n| html! {
                                <li>{ n.topic(lang) }{ " " }{ sources(lang, &[n.source]) }</li>
                            }) }
                        </ul>
                    }) }
                }
            </>
        },
    };
    html! {
        <section class="apply" id={SECTION_ID} aria-labelledby="apply-heading"
            data-apply={found.as_ref().map_or("", |(_, w)| w.rule_set.id)}>
            <div class="panel-head">
                <h3 id="apply-heading">{ i18n::APPLY_HEADING.get(lang) }</h3>
                if found.is_some() {
                    <button type="button" class="button secondary print-button" id="print-apply"
                        onclick={Callback::from(|_: MouseEvent| page::print_with_class(PRINT_APPLY))}>
                        { i18n::APPLY_PRINT.get(lang) }
                    </button>
                }
            </div>
            { body }
        </section>
    }
}
