//! 规则来源 / About these rules: every bundled rule set with its notice (number,
//! title, issuer, date, a link to the whole text), what it covers and what it leaves
//! out, whether the notice gives a plan of where to apply, and the rules version.

use yew::prelude::*;
use zhicheng_engine::rules::{self, RuleSet};
use zhicheng_engine::{Lang, RULES_VERSION};

use crate::i18n;
use crate::phrases;
use crate::store::page::Page;
use crate::views::pages;
use crate::views::verdict::{citation, whole_notice_link};

fn rule_set(rs: &RuleSet, lang: Lang) -> Html {
    let doc = rules::document(rs.notice);
    let plan = rules::plan(rs.id).map(|p| {
        if p.no_plan.is_some() {
            i18n::ABOUT_NO_PLAN
        } else {
            i18n::ABOUT_HAS_PLAN
        }
    });
    let item = |term: i18n::Text, value: Html| {
        html! { <div><dt>{ term.get(lang) }</dt><dd>{ value }</dd></div> }
    };
    html! {
        <li class="rule-set" data-rule-set={rs.id}>
            <h3>{ rs.name(lang) }</h3>
            <dl class="rule-set-facts">
                { item(i18n::ABOUT_NOTICE, html! {
                    <>
                        <span class="notice-no" data-notice={rs.notice}>{ rs.notice }</span>
                        if let Some(d) = doc {
                            <span class="notice-title" lang="zh-CN">{ d.title }</span>
                            if lang == Lang::En {
                                <span class="notice-title-en">{ d.title_en }</span>
                            }
                        }
                    </>
                }) }
                if let Some(d) = doc {
                    { item(i18n::ABOUT_ISSUER, html! { { d.issuer(lang) } }) }
                    if let Some(date) = d.date {
                        { item(i18n::ABOUT_DATE, html! { <span data-notice-date={date.to_string()}>{ date.to_string() }</span> }) }
                    }
                }
                { item(i18n::ABOUT_REGION, html! { { lang.pick(rs.region, rs.region_en) } }) }
                { item(i18n::ABOUT_YEAR, html! { { phrases::about_year(rs.year, lang) } }) }
                { item(i18n::ABOUT_COVERS, html! {
                    <span data-covers="">{ lang.pick(rs.coverage.summary, rs.coverage.summary_en) }</span>
                }) }
                { item(i18n::ABOUT_LEAVES_OUT, html! {
                    <ul class="leaves-out-items" data-leaves-out="">
                        { for rs.coverage.leaves_out.iter().map(|l| html! {
                            <li data-leaves-out-clause={l.source.clause}>
                                { l.topic(lang) }{ " " }{ citation(lang, &l.source) }
                            </li>
                        }) }
                    </ul>
                }) }
                if let Some(plan) = plan {
                    { item(i18n::ABOUT_PLAN, html! { { plan.get(lang) } }) }
                }
            </dl>
            <p class="rule-set-id">
                { i18n::ABOUT_ID.get(lang) }<code>{ rs.id }</code>
                if let Some(file) = doc.and_then(|d| d.file) {
                    { " · " }{ whole_notice_link(lang, file) }
                }
            </p>
        </li>
    }
}

/// The page.
pub fn view(lang: Lang) -> Html {
    // Newest notice first, as on the target step.
    let mut sets: Vec<&RuleSet> = rules::rule_sets().iter().collect();
    zhicheng_engine::sort::stable_by_key(&mut sets, |rs| (std::cmp::Reverse(rs.year), rs.id));
    let heading = pages::heading_id(Page::About);
    html! {
        <section class="about-page" aria-labelledby={heading}>
            <h2 id={heading} tabindex="-1">{ i18n::PAGE_ABOUT.get(lang) }</h2>
            <p class="intro">{ i18n::RULES_INTRO.get(lang) }</p>
            <p class="rules-version">
                { i18n::RULES_VERSION.get(lang) }{ lang.pick("：", ": ") }
                <code data-rules-version="">{ RULES_VERSION }</code>
            </p>
            <p class="hint">{ i18n::ABOUT_VERSION_HINT.get(lang) }</p>
            <ul class="rule-sets" data-rule-set-count={sets.len().to_string()}>
                { for sets.into_iter().map(|rs| rule_set(rs, lang)) }
            </ul>
            <p class="hint">{ i18n::ABOUT_NATIONAL.get(lang) }</p>
        </section>
    }
}
