//! Step 4 (optional, each part collapsed): annual assessments, sanctions, fraud
//! findings, exams, and the reference date.

use yew::prelude::*;
use zhicheng_engine::vocab::{Assessment, SanctionKind};

use crate::form::edit::Edit;
use crate::form::field::{Field, List, Name};
use crate::i18n::{self, Text};
use crate::phrases;
use crate::store::action::Action;
use crate::views::ctx::Ctx;
use crate::views::fields::{checkbox, select, text_input, Opts};

/// A collapsed part: its summary says how many entries it holds.
fn part(c: &Ctx, id: &'static str, title: Text, count: usize, body: Html) -> Html {
    html! {
        <details class="part" id={id}>
            <summary>
                <span class="part-title">{ c.t(title) }</span>
                if count > 0 {
                    <span class="part-count">{ phrases::entered_count(count, c.lang) }</span>
                }
            </summary>
            <div class="part-body">{ body }</div>
        </details>
    }
}

/// The rows of a list with a remove button each, then an add button.
fn rows(
    c: &Ctx,
    list: List,
    what: Text,
    add_id: &'static str,
    add: Text,
    rows: Vec<(u32, Html)>,
) -> Html {
    let lang = c.lang;
    html! {
        <>
            { for rows.into_iter().enumerate().map(|(i, (key, fields))| {
                let name = phrases::row_number(what, i + 1, lang);
                html! {
                    <div class="row" key={key} data-row={i.to_string()}>
                        <p class="row-name">{ name.clone() }</p>
                        { fields }
                        <button type="button" class="button link remove"
                            aria-label={phrases::remove_row(&name, lang)}
                            onclick={c.send(Action::Edit(Edit::Remove(list, i)))}>
                            { c.t(i18n::REMOVE) }
                        </button>
                    </div>
                }
            }) }
            <button type="button" class="button secondary add" id={add_id}
                onclick={c.send(Action::Edit(Edit::Add(list)))}>
                <span aria-hidden="true">{ "+ " }</span>{ c.t(add) }
            </button>
        </>
    }
}

pub fn view(c: &Ctx) -> Html {
    let lang = c.lang;
    let f = c.form;
    let grades: Vec<(String, String)> = Assessment::ALL
        .iter()
        .map(|a| (a.as_str().to_string(), a.label(lang).to_string()))
        .collect();
    let kinds: Vec<(String, String)> = SanctionKind::ALL
        .iter()
        .map(|k| (k.as_str().to_string(), k.label(lang).to_string()))
        .collect();

    let assessments = f
        .assessments
        .iter()
        .enumerate()
        .map(|(i, row)| {
            (
                row.key,
                html! {
                    <div class="pair">
                        { text_input(c, Field::row(Name::AssessmentYear, i), Opts::default()) }
                        { select(c, Field::row(Name::AssessmentGrade, i), grades.clone(), Opts::default()) }
                    </div>
                },
            )
        })
        .collect();
    let sanctions = f
        .sanctions
        .iter()
        .enumerate()
        .map(|(i, row)| {
            (
                row.key,
                html! {
                    <>
                        <div class="pair">
                            { select(c, Field::row(Name::SanctionKind, i), kinds.clone(), Opts::default()) }
                            { text_input(c, Field::row(Name::SanctionEffective, i), Opts::default()) }
                        </div>
                        { checkbox(c, Field::row(Name::SanctionOfficial, i), None) }
                    </>
                },
            )
        })
        .collect();
    let fraud = f
        .fraud_findings
        .iter()
        .enumerate()
        .map(|(i, row)| {
            (
                row.key,
                text_input(c, Field::row(Name::FraudYear, i), Opts::default()),
            )
        })
        .collect();

    let advanced_count = usize::from(!f.reference_date.trim().is_empty());
    html! {
        <div class="parts">
            { part(c, "part-assessments", i18n::ASSESSMENTS, f.assessments.len(), html! {
                <>
                    <p class="hint">{ c.t(i18n::ASSESSMENTS_HINT) }</p>
                    { rows(c, List::Assessments, i18n::ROW_ASSESSMENT, "add-assessment", i18n::ADD_ASSESSMENT, assessments) }
                </>
            }) }
            { part(c, "part-sanctions", i18n::SANCTIONS, f.sanctions.len(), html! {
                <>
                    <p class="hint">{ c.t(i18n::SANCTIONS_HINT) }</p>
                    { rows(c, List::Sanctions, i18n::ROW_SANCTION, "add-sanction", i18n::ADD_SANCTION, sanctions) }
                </>
            }) }
            { part(c, "part-fraud", i18n::FRAUD, f.fraud_findings.len(), html! {
                <>
                    <p class="hint">{ c.t(i18n::FRAUD_HINT) }</p>
                    { rows(c, List::Fraud, i18n::ROW_FRAUD, "add-fraud", i18n::ADD_FRAUD, fraud) }
                </>
            }) }
            { part(c, "part-exams", i18n::EXAMS, usize::from(f.exam_passed), html! {
                <>
                    <p class="hint">{ c.t(i18n::EXAMS_HINT) }</p>
                    { checkbox(c, Field::new(Name::ExamPassed), None) }
                    if f.exam_passed {
                        { text_input(c, Field::new(Name::ExamYear),
                            Opts { optional: true, ..Opts::default() }) }
                    }
                </>
            }) }
            { part(c, "part-advanced", i18n::ADVANCED, advanced_count, html! {
                { text_input(c, Field::new(Name::ReferenceDate),
                    Opts { hint: Some(c.t(i18n::REFERENCE_DATE_HINT)), optional: true, ..Opts::default() }) }
            }) }
        </div>
    }
}
