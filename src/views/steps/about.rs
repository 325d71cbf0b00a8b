//! Step 2: birth date, retirement-age group (explained in plain words), employer
//! type and post.

use yew::prelude::*;
use zhicheng_engine::vocab::{Employment, RetirementGroup};

use crate::form::field::{Field, Name};
use crate::i18n;
use crate::phrases;
use crate::views::ctx::Ctx;
use crate::views::fields::{checkbox, radios, select, text_input, Choice, Opts};

pub fn view(c: &Ctx) -> Html {
    let lang = c.lang;
    let groups: Vec<Choice> = RetirementGroup::ALL
        .iter()
        .map(|g| Choice {
            value: g.as_str().to_string(),
            label: html! { { g.label(lang) } },
            detail: Some(html! { { phrases::retirement_explained(*g).get(lang) } }),
        })
        .collect();
    let employment: Vec<(String, String)> = Employment::ALL
        .iter()
        .map(|e| (e.as_str().to_string(), e.label(lang).to_string()))
        .collect();
    let public_institution = c.form.employment == Employment::PublicInstitution.as_str();
    html! {
        <>
            { text_input(c, Field::new(Name::BirthDate),
                Opts { hint: Some(c.t(i18n::DATE_HINT)), ..Opts::default() }) }
            { radios(c, Field::new(Name::RetirementGroup), groups,
                Some(c.t(i18n::RETIREMENT_GROUP_HINT)), "plain") }
            { select(c, Field::new(Name::Employment), employment, Opts::default()) }
            <fieldset class="field group">
                <legend>{ c.t(i18n::POST) }</legend>
                { checkbox(c, Field::new(Name::InTechnicalPost), None) }
                { checkbox(c, Field::new(Name::ProfessionMatches), None) }
                { checkbox(c, Field::new(Name::Retired), None) }
            </fieldset>
            if public_institution {
                <fieldset class="field group">
                    <legend>{ c.t(i18n::PUBLIC_INSTITUTION) }</legend>
                    { checkbox(c, Field::new(Name::PostWagePaid), None) }
                    { checkbox(c, Field::new(Name::MovedFromGovernmentOrgan), None) }
                </fieldset>
            }
        </>
    }
}
