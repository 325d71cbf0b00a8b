//! Step 2: birth date, retirement-age group (explained in plain words), employer
//! type and post.

use yew::prelude::*;
use zhicheng_engine::vocab::{Employment, RetirementGroup};

use crate::ctx::Ctx;
use crate::fields::{checkbox, radios, select, text_input, Choice, Kind, Opts};
use crate::i18n;
use crate::state::{Field, Flag};

pub fn view(c: &Ctx) -> Html {
    let lang = c.lang;
    let groups: Vec<Choice> = RetirementGroup::ALL
        .iter()
        .map(|g| Choice {
            value: g.as_str().to_string(),
            label: html! { { g.label(lang) } },
            detail: Some(html! { { i18n::retirement_explained(*g).get(lang) } }),
        })
        .collect();
    let employment: Vec<(String, String)> = Employment::ALL
        .iter()
        .map(|e| (e.as_str().to_string(), e.label(lang).to_string()))
        .collect();
    let public_institution = c.form.employment == Employment::PublicInstitution.as_str();
    html! {
        <>
            { text_input(c, Field::BirthDate, c.t(i18n::BIRTH_DATE), Kind::Date,
                Opts { hint: Some(c.t(i18n::DATE_HINT)), ..Opts::default() }) }
            { radios(c, Field::RetirementGroup, c.t(i18n::RETIREMENT_GROUP), groups,
                Some(c.t(i18n::RETIREMENT_GROUP_HINT)), "plain") }
            { select(c, Field::Employment, c.t(i18n::EMPLOYMENT), employment, Opts::default()) }
            <fieldset class="field group">
                <legend>{ c.t(i18n::POST) }</legend>
                { checkbox(c, Flag::InTechnicalPost, c.t(i18n::IN_TECHNICAL_POST), None) }
                { checkbox(c, Flag::ProfessionMatches, c.t(i18n::PROFESSION_MATCHES), None) }
                { checkbox(c, Flag::Retired, c.t(i18n::RETIRED), None) }
            </fieldset>
            if public_institution {
                <fieldset class="field group">
                    <legend>{ c.t(i18n::PUBLIC_INSTITUTION) }</legend>
                    { checkbox(c, Flag::PostWagePaid, c.t(i18n::POST_WAGE_PAID), None) }
                    { checkbox(c, Flag::MovedFromGovernmentOrgan, c.t(i18n::MOVED_FROM_GOVERNMENT_ORGAN), None) }
                </fieldset>
            }
        </>
    }
}
