//! Step 1: the rule set (region and year), evaluation year, target title, specialty.

use yew::prelude::*;
use zhicheng_engine::rules::{self, RuleSet};
use zhicheng_engine::vocab::Title;
use zhicheng_engine::{specialty_label, MAX_PROJECTION_YEARS};

use crate::form::field::{Field, Name};
use crate::i18n;
use crate::phrases;
use crate::views::ctx::Ctx;
use crate::views::fields::{checkbox, radios, select, text_input, Choice, Opts};

fn rule_set_choice(c: &Ctx, rs: &RuleSet) -> Choice {
    let lang = c.lang;
    Choice {
        value: rs.id.to_string(),
        label: html! {
            <>
                <strong>{ rs.name(lang) }</strong>
                <span class="notice-number">{ rs.notice }</span>
            </>
        },
        detail: Some(html! {
            <>
                { lang.pick(rs.region, rs.region_en) }
                { " · " }
                { c.t(i18n::COVERS) }
                { lang.pick(rs.coverage.summary, rs.coverage.summary_en) }
            </>
        }),
    }
}

pub fn view(c: &Ctx) -> Html {
    let lang = c.lang;
    let rule_set = rules::rule_set(&c.form.rule_set);
    // Newest notice first.
    let mut sets: Vec<&RuleSet> = rules::rule_sets().iter().collect();
    zhicheng_engine::sort::stable_by_key(&mut sets, |rs| (std::cmp::Reverse(rs.year), rs.id));
    let rule_sets: Vec<Choice> = sets.into_iter().map(|rs| rule_set_choice(c, rs)).collect();

    let years = match rule_set {
        Some(rs) => select(
            c,
            Field::new(Name::EvaluationYear),
            (rs.year + 1..=rs.year + MAX_PROJECTION_YEARS)
                .map(|y| {
                    (
                        y.to_string(),
                        phrases::evaluation_year_option(y, false, lang),
                    )
                })
                .collect(),
            Opts {
                hint: Some(c.t(i18n::EVALUATION_YEAR_HINT)),
                // The empty choice is the notice's own year.
                placeholder: Some(phrases::evaluation_year_option(rs.year, true, lang)),
                ..Opts::default()
            },
        ),
        None => html! {
            <div class="field">
                <p class="label-like">{ c.t(i18n::EVALUATION_YEAR) }</p>
                <p class="hint">{ c.t(i18n::CHOOSE_RULE_SET_FIRST) }</p>
            </div>
        },
    };

    let titles: Vec<(String, String)> = Title::ALL
        .iter()
        .filter(|t| t.is_target())
        .map(|t| (t.as_str().to_string(), t.label(lang).to_string()))
        .collect();

    let specialty = match rule_set.and_then(|rs| rs.coverage.specialties) {
        Some(list) => {
            let mut options: Vec<(String, String)> = list
                .iter()
                .map(|s| (s.to_string(), specialty_label(s, lang).to_string()))
                .collect();
            options.push(("other".into(), c.t(i18n::SPECIALTY_OTHER).into()));
            select(
                c,
                Field::new(Name::Specialty),
                options,
                Opts {
                    hint: Some(c.t(i18n::SPECIALTY_LISTED_HINT)),
                    ..Opts::default()
                },
            )
        }
        None => text_input(
            c,
            Field::new(Name::Specialty),
            Opts {
                hint: Some(c.t(i18n::SPECIALTY_FREE_HINT)),
                optional: true,
                ..Opts::default()
            },
        ),
    };

    html! {
        <>
            { radios(c, Field::new(Name::RuleSet), rule_sets, None, "cards") }
            { years }
            { select(c, Field::new(Name::Title), titles, Opts::default()) }
            { specialty }
            { checkbox(c, Field::new(Name::Exceptional), Some(c.t(i18n::EXCEPTIONAL_HINT))) }
        </>
    }
}
