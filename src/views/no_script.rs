//! What the page shows with JavaScript off, in its `<noscript>` (prerendered by
//! `cargo xtask build`, src/prerender.rs): that the self-check needs JavaScript, and
//! what needs none — each notice with its date, schedule, phone numbers, its committees
//! (folded: each one's deadline and phones) and whole text. In Chinese, each heading
//! with its English beside it.

use yew::prelude::*;
use zhicheng_engine::rules::{self, Committee, CommitteeTable, RuleSet};
use zhicheng_engine::Lang;

use crate::i18n::{self, Text};
use crate::views::apply::phones;
use crate::views::verdict::whole_notice_link;

// Its own words are here rather than in src/i18n.rs: this module is compiled natively
// only (the prerenderer), and the wasm would carry them unused.
const HEADING: Text = Text {
    zh: "自测需要启用 JavaScript",
    en: "The self-check needs JavaScript",
};
const INTRO: Text = Text {
    zh: "这个浏览器没有运行本页的程序，所以不能自测。不用程序也能看的内容在下面：各通知的发文日期、时间安排、咨询电话、各评委会的材料截止时间和电话，以及通知原文。",
    en: "This browser is not running the page's program, so the self-check cannot run. What needs no program is below: each notice's date, schedule and phone numbers, its committees' deadlines and phone numbers, and its whole text.",
};

const COMMITTEES: Text = Text {
    zh: "各评委会：材料截止时间和电话",
    en: "Each committee: its deadline for materials and phone numbers",
};
const DEADLINE: Text = Text {
    zh: "材料截止：",
    en: "Materials by: ",
};

/// The notice's committee table, folded (`<details>` opens without JavaScript): each
/// row's number and name as the notice writes them, its deadline, its offices' phones.
fn committees(tables: &[CommitteeTable]) -> Html {
    let rows: Vec<&Committee> = tables.iter().flat_map(|t| t.rows.iter()).collect();
    if rows.is_empty() {
        return Html::default();
    }
    html! {
        <details class="no-script-committees">
            <summary>{ both(COMMITTEES) }{ format!(" ({})", rows.len()) }</summary>
            <ul class="offices">
                { for rows.into_iter().map(|row| html! {
                    <li data-no-script-committee={row.no.to_string()}>
                        <strong>{ format!("{}. {}", row.no, row.name) }</strong>
                        if let Some(deadline) = row.deadline {
                            { " · " }{ DEADLINE.get(Lang::Zh) }{ deadline }
                        }
                        { for row.contacts.iter().map(|c| html! {
                            <>{ " · " }{ c.office }{ " " }{ phones(c.phones) }</>
                        }) }
                    </li>
                }) }
            </ul>
        </details>
    }
}

/// A term in both languages, Chinese first.
fn both(text: Text) -> String {
    format!("{} · {}", text.get(Lang::Zh), text.get(Lang::En))
}

fn rule_set(rs: &RuleSet) -> Html {
    let doc = rules::document(rs.notice);
    let plan = rules::plan(rs.id);
    let schedule = plan.and_then(|p| p.schedule.as_ref());
    let contacts = plan.map_or(&[][..], |p| p.contacts);
    let tables = plan.map_or(&[][..], |p| p.committees);
    html! {
        <li class="rule-set" data-no-script-rule-set={rs.id}>
            <h3>{ rs.name(Lang::Zh) }<span class="no-script-en" lang="en">{ rs.name(Lang::En) }</span></h3>
            <dl class="rule-set-facts">
                <div><dt>{ both(i18n::ABOUT_NOTICE) }</dt><dd>
                    <span class="notice-no">{ rs.notice }</span>
                    if let Some(d) = doc {
                        <span class="notice-title">{ d.title }</span>
                    }
                </dd></div>
                if let Some(date) = doc.and_then(|d| d.date) {
                    <div><dt>{ both(i18n::ABOUT_DATE) }</dt><dd data-notice-date={date.to_string()}>{ date.to_string() }</dd></div>
                }
                if let Some(s) = schedule {
                    <div><dt>{ both(i18n::APPLY_SCHEDULE) }</dt><dd>
                        <p>{ s.text }</p>
                        if let Some(d) = s.deadline {
                            <p class="deadline" data-deadline={d.to_string()}>
                                <strong>{ i18n::APPLY_DEADLINE_DATE.get(Lang::Zh) }</strong>{ d.to_string() }
                            </p>
                        }
                    </dd></div>
                }
                if !contacts.is_empty() {
                    <div><dt>{ both(i18n::APPLY_CONTACTS) }</dt><dd>
                        <ul class="offices" data-contacts="">
                            { for contacts.iter().map(|c| html! { <li>{ c.name }{ " " }{ phones(c.phones) }</li> }) }
                        </ul>
                    </dd></div>
                }
            </dl>
            { committees(tables) }
            if let Some(file) = doc.and_then(|d| d.file) {
                <p>{ whole_notice_link(Lang::Zh, file) }</p>
            }
        </li>
    }
}

/// The section.
pub fn view() -> Html {
    // Newest notice first, as on the target step.
    let mut sets: Vec<&RuleSet> = rules::rule_sets().iter().collect();
    zhicheng_engine::sort::stable_by_key(&mut sets, |rs| (std::cmp::Reverse(rs.year), rs.id));
    html! {
        <section class="no-script" id="no-script" aria-labelledby="no-script-heading">
            <h2 id="no-script-heading">{ HEADING.get(Lang::Zh) }</h2>
            <p>{ INTRO.get(Lang::Zh) }</p>
            <p lang="en"><strong>{ HEADING.get(Lang::En) }</strong>{ ". " }{ INTRO.get(Lang::En) }</p>
            <ul class="rule-sets">
                { for sets.into_iter().map(rule_set) }
            </ul>
        </section>
    }
}
