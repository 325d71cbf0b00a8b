//! Step 3: highest education, start of professional work, and the titles held with
//! the dates they were obtained.

use yew::prelude::*;
use zhicheng_engine::vocab::{Education, Title};

use crate::form::edit::Edit;
use crate::form::field::{Field, List, Name};
use crate::i18n;
use crate::phrases;
use crate::store::action::Action;
use crate::views::ctx::Ctx;
use crate::views::fields::{select, text_input, Opts};

pub fn view(c: &Ctx) -> Html {
    let lang = c.lang;
    let education: Vec<(String, String)> = Education::ALL
        .iter()
        .map(|e| (e.as_str().to_string(), e.label(lang).to_string()))
        .collect();
    let titles: Vec<(String, String)> = Title::ALL
        .iter()
        .map(|t| (t.as_str().to_string(), t.label(lang).to_string()))
        .collect();
    html! {
        <>
            { select(c, Field::new(Name::Education), education, Opts::default()) }
            { text_input(c, Field::new(Name::WorkStart),
                Opts { hint: Some(c.t(i18n::WORK_START_HINT)), ..Opts::default() }) }
            <fieldset class="field group rows" id="titles">
                <legend>{ c.t(i18n::TITLES_HELD) }</legend>
                <p class="hint">{ c.t(i18n::TITLES_HELD_HINT) }</p>
                if c.form.titles.is_empty() {
                    <p class="empty">{ c.t(i18n::NONE_YET) }</p>
                }
                { for c.form.titles.iter().enumerate().map(|(i, row)| {
                    let name = phrases::row_number(i18n::TITLE_NAME, i + 1, lang);
                    html! {
                        <div class="row" key={row.key} data-row={i.to_string()}>
                            <p class="row-name">{ name.clone() }</p>
                            { select(c, Field::row(Name::TitleHeld, i), titles.clone(), Opts::default()) }
                            { text_input(c, Field::row(Name::TitleObtained, i), Opts::default()) }
                            <button type="button" class="button link remove"
                                aria-label={phrases::remove_row(&name, lang)}
                                onclick={c.send(Action::Edit(Edit::Remove(List::Titles, i)))}>
                                { c.t(i18n::REMOVE) }
                            </button>
                        </div>
                    }
                }) }
                <button type="button" class="button secondary add" id="add-title"
                    onclick={c.send(Action::Edit(Edit::Add(List::Titles)))}>
                    <span aria-hidden="true">{ "+ " }</span>{ c.t(i18n::ADD_TITLE) }
                </button>
            </fieldset>
        </>
    }
}
