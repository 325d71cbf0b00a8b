//! Step 5: continuing-education hours — the per-year grid, the list of individual
//! records that adds to it, and CSV import (UTF-8 or GBK) with a template.

use yew::prelude::*;
use zhicheng_engine::vocab::CeCategory;
use zhicheng_formats::ce_csv;

use crate::form::edit::Edit;
use crate::form::field::{Field, List, Name};
use crate::i18n;
use crate::phrases;
use crate::store::action::Action;
use crate::store::state::CsvReport;
use crate::views::ce_grid;
use crate::views::ctx::Ctx;
use crate::views::fields::{checkbox, select, text_input, Opts};
use crate::web::files;

fn records(c: &Ctx) -> Html {
    let lang = c.lang;
    let categories: Vec<(String, String)> = CeCategory::ALL
        .iter()
        .map(|cat| (cat.as_str().to_string(), cat.label(lang).to_string()))
        .collect();
    html! {
        <section class="records" aria-labelledby="records-heading">
            <h3 id="records-heading">{ c.t(i18n::CE_RECORDS) }</h3>
            <p class="hint">{ c.t(i18n::CE_RECORDS_HINT) }</p>
            if c.form.records.is_empty() {
                <p class="empty">{ c.t(i18n::NONE_YET) }</p>
            }
            <div class="record-list" data-record-count={c.form.records.len().to_string()}>
                { for c.form.records.iter().enumerate().map(|(i, row)| {
                    let name = phrases::row_number(i18n::ROW_RECORD, i + 1, lang);
                    html! {
                        <div class="row record" key={row.key} data-row={i.to_string()}>
                            <p class="row-name">{ name.clone() }</p>
                            <div class="triple">
                                { text_input(c, Field::row(Name::RecordYear, i), Opts::default()) }
                                { text_input(c, Field::row(Name::RecordHours, i), Opts::default()) }
                                { select(c, Field::row(Name::RecordCategory, i), categories.clone(), Opts::default()) }
                            </div>
                            <div class="flags">
                                { checkbox(c, Field::row(Name::RecordOnline, i), None) }
                                { checkbox(c, Field::row(Name::RecordAuthority, i), None) }
                            </div>
                            { text_input(c, Field::row(Name::RecordNote, i),
                                Opts { optional: true, ..Opts::default() }) }
                            <button type="button" class="button link remove"
                                aria-label={phrases::remove_row(&name, lang)}
                                onclick={c.send(Action::Edit(Edit::Remove(List::Records, i)))}>
                                { c.t(i18n::REMOVE) }
                            </button>
                        </div>
                    }
                }) }
            </div>
            <div class="buttons">
                <button type="button" class="button secondary add" id="add-record"
                    onclick={c.send(Action::Edit(Edit::Add(List::Records)))}>
                    <span aria-hidden="true">{ "+ " }</span>{ c.t(i18n::ADD_RECORD) }
                </button>
                if !c.form.records.is_empty() {
                    <button type="button" class="button link danger" id="clear-records"
                        onclick={c.send(Action::Edit(Edit::ClearRecords))}>
                        { c.t(i18n::CLEAR_RECORDS) }
                    </button>
                }
            </div>
        </section>
    }
}

/// The id of the import report (focused after an import).
pub const REPORT_ID: &str = "csv-report";

fn csv_report(c: &Ctx, report: &CsvReport) -> Html {
    let lang = c.lang;
    html! {
        <div class="csv-report" id={REPORT_ID} tabindex="-1" data-csv-report=""
            data-csv-imported={report.imported.to_string()}
            data-csv-errors={report.errors.len().to_string()}>
            <p class="csv-summary">
                { phrases::csv_imported(&report.name, report.imported, lang) }
                if report.imported > 0 && c.state.undo.is_some() {
                    { " " }
                    <button type="button" class="button link" onclick={c.send(Action::Undo)}>{ c.t(i18n::UNDO) }</button>
                }
            </p>
            if !report.errors.is_empty() {
                <p class="csv-errors-title">{ c.t(i18n::CSV_NOT_IMPORTED) }</p>
                <ul class="csv-errors">
                    { for report.errors.iter().map(|e| html! {
                        <li data-csv-error-line={e.line.to_string()}>
                            { match lang { zhicheng_engine::Lang::Zh => e.message_zh(), zhicheng_engine::Lang::En => e.message_en() } }
                        </li>
                    }) }
                </ul>
            }
            if !report.repeats.is_empty() {
                <ul class="csv-repeats">
                    { for report.repeats.iter().map(|r| html! {
                        <li>{ phrases::csv_repeat(r.line, r.same_as, lang) }</li>
                    }) }
                </ul>
            }
        </div>
    }
}

fn csv(c: &Ctx) -> Html {
    let dispatch = c.dispatch.clone();
    let on_file = Callback::from(move |e: Event| {
        let Some(file) = files::chosen(&e) else {
            return;
        };
        let dispatch = dispatch.clone();
        yew::platform::spawn_local(async move {
            let name = file.name();
            dispatch.emit(match files::csv_text(&file).await {
                Ok(text) => Action::CsvImported {
                    name,
                    import: ce_csv::import(&text),
                },
                Err(_) => Action::FileUnreadable(name),
            });
        });
    });
    let template = Callback::from(|_: MouseEvent| {
        files::download(
            "zhicheng-ce-template.csv",
            "text/csv;charset=utf-8",
            ce_csv::TEMPLATE,
        );
    });
    let form = c.state.form.clone();
    let export = Callback::from(move |_: MouseEvent| {
        files::download(
            "zhicheng-ce-records.csv",
            "text/csv;charset=utf-8",
            &ce_csv::export(&form.valid_ce_records()),
        );
    });
    html! {
        <section class="csv" aria-labelledby="csv-heading">
            <h3 id="csv-heading">{ c.t(i18n::CSV_IMPORT) }</h3>
            <p class="hint">{ c.t(i18n::CSV_HINT) }</p>
            <div class="buttons">
                <input type="file" id="csv-file" class="file-input" accept=".csv,text/csv,text/plain"
                    onchange={on_file} />
                <label for="csv-file" class="button primary file-label">{ c.t(i18n::CSV_CHOOSE) }</label>
                <button type="button" class="button secondary" id="csv-template" onclick={template}>
                    { c.t(i18n::CSV_TEMPLATE) }
                </button>
                <button type="button" class="button secondary" id="csv-export" onclick={export}>
                    { c.t(i18n::CSV_EXPORT) }
                </button>
            </div>
            if let Some(report) = &c.state.csv {
                { csv_report(c, report) }
            }
        </section>
    }
}

pub fn view(c: &Ctx) -> Html {
    html! {
        <>
            { ce_grid::view(c) }
            { csv(c) }
            { records(c) }
        </>
    }
}
