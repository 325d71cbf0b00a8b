//! The roster format in brief, on the page (docs/batch.md is not served): the
//! template to download, the columns (named by crates/formats, so the list cannot
//! drift from the reader), CE hours, dates, the results CSV and the limits.

use yew::prelude::*;
use zhicheng_engine::Lang;
use zhicheng_formats::roster::Field;

use crate::i18n;

/// The template, copied into dist/ by Trunk (www/index.html).
pub const TEMPLATE: &str = "roster-template.csv";

fn columns(required: bool, lang: Lang) -> String {
    Field::ALL
        .iter()
        .filter(|f| f.required() == required)
        .map(|f| match lang {
            Lang::Zh => format!("{}（{}）", f.name_zh(), f.name_en()),
            Lang::En => format!("{} ({})", f.name_en(), f.name_zh()),
        })
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

pub fn view(lang: Lang) -> Html {
    let item = |term: i18n::Text, text: Html| {
        html! { <li><strong>{ term.get(lang) }</strong>{ text }</li> }
    };
    html! {
        <section class="batch-format" aria-labelledby="batch-format-heading">
            <h3 id="batch-format-heading">{ i18n::BATCH_FORMAT.get(lang) }</h3>
            <p class="hint">{ i18n::BATCH_FORMAT_INTRO.get(lang) }</p>
            <div class="buttons">
                <a class="button secondary" id="batch-template" href={TEMPLATE}
                    download="zhicheng-roster-template.csv">
                    { i18n::BATCH_TEMPLATE.get(lang) }
                </a>
            </div>
            <details class="part" id="batch-format-details">
                <summary><span class="summary-text">{ i18n::BATCH_FORMAT_DETAILS.get(lang) }</span></summary>
                <ul class="part-body format-list">
                    { item(i18n::BATCH_FORMAT_FILE, html! { { i18n::BATCH_FORMAT_FILE_TEXT.get(lang) } }) }
                    { item(i18n::BATCH_FORMAT_REQUIRED, html! { { columns(true, lang) } }) }
                    { item(i18n::BATCH_FORMAT_OPTIONAL, html! { { columns(false, lang) } }) }
                    { item(i18n::BATCH_FORMAT_VALUES, html! { { i18n::BATCH_FORMAT_VALUES_TEXT.get(lang) } }) }
                    { item(i18n::BATCH_FORMAT_CE, html! { { i18n::BATCH_FORMAT_CE_TEXT.get(lang) } }) }
                    { item(i18n::BATCH_FORMAT_DATES, html! { { i18n::BATCH_FORMAT_DATES_TEXT.get(lang) } }) }
                    { item(i18n::BATCH_FORMAT_RESULTS, html! { { i18n::BATCH_FORMAT_RESULTS_TEXT.get(lang) } }) }
                    { item(i18n::BATCH_FORMAT_LIMITS, html! { { i18n::BATCH_FORMAT_LIMITS_TEXT.get(lang) } }) }
                </ul>
            </details>
        </section>
    }
}
