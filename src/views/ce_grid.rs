//! The per-year CE grid: for each year, hours by category, offline and online, with
//! what the records list adds and the verdict's finding for that year.
//!
//! Each year's card is a component ([`YearCard`]) with everything it shows in its
//! properties: typing a number redraws that year's card only, not the whole grid
//! (what `cargo xtask bench reeval` times).

use yew::prelude::*;
use zhicheng_engine::rules;
use zhicheng_engine::sorted::SortedMap;
use zhicheng_engine::verdict::CeYear;
use zhicheng_engine::vocab::CeCategory;
use zhicheng_engine::Hours;

use crate::form::check::Problem;
use crate::form::edit::Edit;
use crate::form::field::{Field, Name};
use crate::form::parse;
use crate::form::typed::{cell_index, CE_CELLS};
use crate::i18n;
use crate::phrases;
use crate::store::action::Action;
use crate::views::ctx::{self, Ctx};
use crate::views::fields::problem_line;
use crate::views::icons::{icon, Icon};
use crate::web::input;
use zhicheng_engine::Lang;

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
    let y = parse::year(&c.form.evaluation_year)
        .ok()
        .flatten()
        .unwrap_or(rs.year);
    vec![y - 1, y]
}

/// The verdict's finding for a year, as a badge.
fn year_badge(lang: Lang, ce: &CeYear) -> Html {
    let (kind, class, words) = if ce.deemed {
        (Icon::Pass, "ok", i18n::CE_DEEMED.get(lang).to_string())
    } else if ce.compliant {
        (Icon::Pass, "ok", i18n::CE_MET.get(lang).to_string())
    } else {
        let detail = phrases::shortfall(&ce.shortfall, lang);
        (
            Icon::Fail,
            "short",
            format!(
                "{}{}{detail}",
                i18n::CE_SHORT.get(lang),
                lang.pick("：", ": ")
            ),
        )
    };
    html! {
        <p class={classes!("ce-badge", class, (!ce.required).then_some("not-required"))}
            data-ce-badge={ce.year.to_string()}>
            { icon(kind) }
            <span>{ words }</span>
            if !ce.required {
                <span class="muted">{ format!("{}{}{}", lang.pick("（", " ("), i18n::CE_NOT_JUDGED.get(lang), lang.pick("）", ")")) }</span>
            }
        </p>
    }
}

fn cell_input(p: &YearProps, cell: usize) -> Html {
    let (year, lang) = (p.year, p.lang);
    let field = Field::cell(year, cell);
    let id = field.dom_id();
    let problem = p.problems[cell].is_some();
    let from_records = p.sums[cell];
    let mut described = Vec::new();
    if from_records > Hours::ZERO {
        described.push(format!("{id}-records"));
    }
    if problem {
        described.push(format!("{id}-error"));
    }
    html! {
        <td class={classes!(problem.then_some("has-error"))}>
            <label for={id.clone()} class="visually-hidden">{ field.label(lang) }</label>
            <input id={id.clone()} type="text" inputmode="decimal" autocomplete="off"
                class="hours"
                value={p.cells[cell].clone()}
                aria-invalid={problem.then_some("true")}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                oninput={ctx::on_input(&p.dispatch, field)}
                onchange={ctx::on_leave(&p.dispatch, field)}
                onblur={ctx::on_blur(&p.dispatch, field)} />
            if from_records > Hours::ZERO {
                <span class="from-records" id={format!("{id}-records")}>
                    <span aria-hidden="true">{ format!("+{from_records}") }</span>
                    <span class="visually-hidden">{ phrases::from_records(from_records, lang) }</span>
                </span>
            }
        </td>
    }
}

/// What a year's card shows: the cells as typed, what the records add to each, the
/// verdict's finding, the problems shown, and the dispatcher (the app's, which stays
/// the same from one render to the next).
#[derive(Properties, PartialEq)]
struct YearProps {
    year: i32,
    lang: Lang,
    cells: [String; CE_CELLS],
    sums: [Hours; CE_CELLS],
    finding: Option<CeYear>,
    problems: [Option<Problem>; CE_CELLS],
    dispatch: Callback<Action>,
}

/// One year's card: a heading, the finding, the cells, the year's total, the errors.
#[component]
fn YearCard(p: &YearProps) -> Html {
    let (year, lang) = (p.year, p.lang);
    let typed: Hours = p
        .cells
        .iter()
        .filter_map(|s| parse::grid_hours(s).ok().flatten())
        .fold(Hours::ZERO, |a, b| a + b);
    let listed: Hours = p.sums.iter().fold(Hours::ZERO, |a, &b| a + b);
    let has_entries = p.cells.iter().any(|s| !s.trim().is_empty());
    let heading_id = format!("ce-year-{year}");
    let clear = p
        .dispatch
        .reform(move |_: MouseEvent| Action::Edit(Edit::CeClearYear(year)));
    html! {
        <section class="ce-year" data-ce-year={year.to_string()} aria-labelledby={heading_id.clone()}>
            <div class="ce-year-head">
                <h4 id={heading_id}>{ phrases::year_heading(year, lang) }</h4>
                if has_entries {
                    <button type="button" class="button link" onclick={clear}>
                        { phrases::clear_year(year, lang) }
                    </button>
                }
            </div>
            if let Some(finding) = &p.finding {
                { year_badge(lang, finding) }
            }
            <table class="ce-grid">
                <thead>
                    <tr>
                        <th scope="col">{ i18n::CE_CATEGORY.get(lang) }</th>
                        <th scope="col">{ i18n::CE_OFFLINE.get(lang) }</th>
                        <th scope="col">{ i18n::CE_ONLINE.get(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for CeCategory::ALL.iter().map(|cat| {
                        let i = cat.index();
                        html! {
                            <tr>
                                <th scope="row">{ cat.label(lang) }</th>
                                { cell_input(p, cell_index(i, false)) }
                                { cell_input(p, cell_index(i, true)) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
            <p class="ce-year-total">
                { phrases::year_total(typed + listed, lang) }
                if listed > Hours::ZERO {
                    <span class="muted">{ format!("{}{}{}", lang.pick("（", " ("), phrases::from_records(listed, lang), lang.pick("）", ")")) }</span>
                }
            </p>
            { for (0..CE_CELLS).map(|cell| problem_line(lang, Field::cell(year, cell), p.problems[cell].as_ref())) }
        </section>
    }
}

/// A year's card, keyed by its year, its properties taken from the form and verdict.
fn year_card(
    c: &Ctx,
    year: i32,
    sums: Option<&[Hours; CE_CELLS]>,
    finding: Option<&CeYear>,
) -> Html {
    html! {
        <YearCard key={year} {year} lang={c.lang}
            cells={c.form.ce_grid.get(&year).cloned().unwrap_or_default()}
            sums={sums.copied().unwrap_or_default()}
            finding={finding.cloned()}
            problems={std::array::from_fn(|cell| c.shown_problem(Field::cell(year, cell)).cloned())}
            dispatch={c.dispatch.clone()} />
    }
}

/// The grid: one card per year, and a way to add a year.
pub fn view(c: &Ctx) -> Html {
    let years = c.form.ce_years(suggested_years(c));
    let sums: SortedMap<i32, [Hours; CE_CELLS]> = c.form.record_sums();
    let findings: SortedMap<i32, &CeYear> = c
        .eval
        .verdict
        .iter()
        .flat_map(|v| v.ce_years.iter().map(|y| (y.year, y)))
        .collect();
    let new_year = Field::new(Name::CeNewYear);
    let new_year_error = c
        .state
        .touched
        .contains(&new_year)
        .then(|| parse::year(&c.form.ce_new_year).err())
        .flatten();
    let add = c.send::<MouseEvent>(Action::Edit(Edit::CeAddYear));
    let add_on_enter = {
        let dispatch = c.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if input::is_enter(&e) {
                e.prevent_default();
                dispatch.emit(Action::Touch(new_year));
                dispatch.emit(Action::Edit(Edit::CeAddYear));
            }
        })
    };
    let touch_and_add = {
        let dispatch = c.dispatch.clone();
        Callback::from(move |e: MouseEvent| {
            dispatch.emit(Action::Touch(new_year));
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
                <label for={new_year.dom_id()}>{ c.t(new_year.def().label) }</label>
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
                        <span>{ Problem::Value(kind).text(c.lang) }</span>
                    </p>
                }
            </div>
        </section>
    }
}
