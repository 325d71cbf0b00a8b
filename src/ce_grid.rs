//! The per-year CE grid: for each year, hours by category, offline and online, with
//! what the records list adds and the verdict's finding for that year.

use std::collections::BTreeMap;
use web_sys::KeyboardEvent;
use yew::prelude::*;
use zhicheng_engine::rules;
use zhicheng_engine::verdict::CeYear;
use zhicheng_engine::vocab::CeCategory;
use zhicheng_engine::Hours;

use crate::app::Action;
use crate::ctx::Ctx;
use crate::fields::error_line;
use crate::i18n;
use crate::icons::{icon, Icon};
use crate::state::{cell_index, parse_hours, parse_year, Edit, Field, CE_CELLS};

/// The years the grid offers before the user adds any: those the verdict looks at,
/// or, without a verdict yet, the evaluation year and the one before.
fn suggested_years(c: &Ctx) -> Vec<i32> {
    if let Some(v) = &c.eval.verdict {
        if !v.ce_years.is_empty() {
            return v.ce_years.iter().map(|y| y.year).collect();
        }
    }
    let Some(rs) = rules::rule_set(&c.form.rule_set) else {
        return Vec::new();
    };
    let y = parse_year(&c.form.evaluation_year)
        .ok()
        .flatten()
        .unwrap_or(rs.year);
    vec![y - 1, y]
}

/// The verdict's finding for a year, as a badge.
pub fn year_badge(c: &Ctx, ce: &CeYear) -> Html {
    let lang = c.lang;
    let (kind, class, words) = if ce.deemed {
        (Icon::Pass, "ok", c.t(i18n::CE_DEEMED).to_string())
    } else if ce.compliant {
        (Icon::Pass, "ok", c.t(i18n::CE_MET).to_string())
    } else {
        let detail = i18n::shortfall(&ce.shortfall, lang);
        (
            Icon::Fail,
            "short",
            format!("{}{}{detail}", c.t(i18n::CE_SHORT), lang.pick("：", ": ")),
        )
    };
    html! {
        <p class={classes!("ce-badge", class, (!ce.required).then_some("not-required"))}
            data-ce-badge={ce.year.to_string()}>
            { icon(kind) }
            <span>{ words }</span>
            if !ce.required {
                <span class="muted">{ format!("{}{}{}", lang.pick("（", " ("), c.t(i18n::CE_NOT_JUDGED), lang.pick("）", ")")) }</span>
            }
        </p>
    }
}

fn cell_input(c: &Ctx, year: i32, cell: usize, from_records: Hours) -> Html {
    let field = Field::CeCell { year, cell };
    let id = field.dom_id();
    let problem = c.shown_problem(field).is_some();
    let mut described = Vec::new();
    if from_records > Hours::ZERO {
        described.push(format!("{id}-records"));
    }
    if problem {
        described.push(format!("{id}-error"));
    }
    html! {
        <td class={classes!(problem.then_some("has-error"))}>
            <label for={id.clone()} class="visually-hidden">{ i18n::ce_cell(year, cell, c.lang) }</label>
            <input id={id.clone()} type="text" inputmode="decimal" autocomplete="off"
                class="hours"
                value={c.form.value(field).to_string()}
                aria-invalid={problem.then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                oninput={c.on_input(field)}
                onchange={c.on_leave(field)}
                onblur={c.on_blur(field)} />
            if from_records > Hours::ZERO {
                <span class="from-records" id={format!("{id}-records")}>
                    <span aria-hidden="true">{ format!("+{from_records}") }</span>
                    <span class="visually-hidden">{ i18n::from_records(from_records, c.lang) }</span>
                </span>
            }
        </td>
    }
}

fn year_card(
    c: &Ctx,
    year: i32,
    sums: Option<&[Hours; CE_CELLS]>,
    finding: Option<&CeYear>,
) -> Html {
    let lang = c.lang;
    let cells = c.form.ce_grid.get(&year);
    let typed: Hours = (0..CE_CELLS)
        .filter_map(|i| {
            parse_hours(cells.map_or("", |cs| cs[i].as_str()), true)
                .ok()
                .flatten()
        })
        .fold(Hours::ZERO, |a, b| a + b);
    let listed: Hours = sums.map_or(Hours::ZERO, |s| s.iter().fold(Hours::ZERO, |a, &b| a + b));
    let has_entries = cells.is_some_and(|cs| cs.iter().any(|s| !s.trim().is_empty()));
    let heading_id = format!("ce-year-{year}");
    html! {
        <section class="ce-year" key={year} data-ce-year={year.to_string()} aria-labelledby={heading_id.clone()}>
            <div class="ce-year-head">
                <h4 id={heading_id}>{ i18n::year_heading(year, lang) }</h4>
                if has_entries {
                    <button type="button" class="button link"
                        onclick={c.send(Action::Edit(Edit::CeClearYear(year)))}>
                        { i18n::clear_year(year, lang) }
                    </button>
                }
            </div>
            if let Some(finding) = finding {
                { year_badge(c, finding) }
            }
            <table class="ce-grid">
                <thead>
                    <tr>
                        <th scope="col">{ c.t(i18n::CE_CATEGORY) }</th>
                        <th scope="col">{ c.t(i18n::CE_OFFLINE) }</th>
                        <th scope="col">{ c.t(i18n::CE_ONLINE) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for CeCategory::ALL.iter().map(|cat| {
                        let i = cat.index();
                        let listed = |online| sums.map_or(Hours::ZERO, |s| s[cell_index(i, online)]);
                        html! {
                            <tr>
                                <th scope="row">{ cat.label(lang) }</th>
                                { cell_input(c, year, cell_index(i, false), listed(false)) }
                                { cell_input(c, year, cell_index(i, true), listed(true)) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <p class="ce-year-total">
                { i18n::year_total(typed + listed, lang) }
                if listed > Hours::ZERO {
                    <span class="muted">{ format!("{}{}{}", lang.pick("（", " ("), i18n::from_records(listed, lang), lang.pick("）", ")")) }</span>
                }
            </p>
            { for (0..CE_CELLS).map(|cell| error_line(c, Field::CeCell { year, cell })) }
        </section>
    }
}

/// The grid: one card per year, and a way to add a year.
pub fn view(c: &Ctx) -> Html {
    let years = c.form.ce_years(suggested_years(c));
    let sums: BTreeMap<i32, [Hours; CE_CELLS]> = c.form.record_sums();
    let findings: BTreeMap<i32, &CeYear> = c
        .eval
        .verdict
        .iter()
        .flat_map(|v| v.ce_years.iter().map(|y| (y.year, y)))
        .collect();
    let new_year = Field::CeNewYear;
    let new_year_error = c
        .state
        .touched
        .contains(&new_year)
        .then(|| parse_year(&c.form.ce_new_year).err())
        .flatten();
    let add = c.send::<MouseEvent>(Action::Edit(Edit::CeAddYear));
    let add_on_enter = {
        let dispatch = c.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                dispatch.emit(Action::Touch(Field::CeNewYear));
                dispatch.emit(Action::Edit(Edit::CeAddYear));
            }
        })
    };
    let touch_and_add = {
        let dispatch = c.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            dispatch.emit(Action::Touch(Field::CeNewYear));
            add.emit(e);
        })
    };
    html! {
        <section class="ce-grid-part" aria-labelledby="ce-grid-heading">
            <h3 id="ce-grid-heading">{ c.t(i18n::CE_GRID) }</h3>
            <p class="hint">{ c.t(i18n::CE_GRID_HINT) }</p>
            if years.is_empty() {
                <p class="empty">{ c.t(i18n::CE_NO_YEARS) }</p>
            }
            <div class="ce-years">
                { for years.iter().map(|&year| year_card(c, year, sums.get(&year), findings.get(&year).copied())) }
            </div>
            <div class={classes!("field", "add-year", new_year_error.is_some().then_some("has-error"))}>
                <label for={new_year.dom_id()}>{ c.t(i18n::ADD_YEAR) }</label>
                <div class="inline">
                    <input id={new_year.dom_id()} type="text" inputmode="numeric" placeholder="YYYY"
                        autocomplete="off"
                        value={c.form.ce_new_year.clone()}
                        aria-invalid={new_year_error.is_some().then_some("true")}
                        aria-describedby={new_year_error.is_some().then(|| format!("{}-error", new_year.dom_id()))}
                        oninput={c.on_input(new_year)}
                        onkeydown={add_on_enter} />
                    <button type="button" class="button secondary" id="ce-add-year" onclick={touch_and_add}>
                        { c.t(i18n::ADD) }
                    </button>
                </div>
                if let Some(kind) = new_year_error {
                    <p class="field-error" id={format!("{}-error", new_year.dom_id())}>
                        { icon(Icon::Fail) }
                        <span>{ i18n::problem(&crate::state::Problem::Bad(kind), c.lang) }</span>
                    </p>
                }
            </div>
        </section>
    }
}
