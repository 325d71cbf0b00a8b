//! The verdict as the user reads it: the banner (`data-verdict-status`), the earliest
//! year (a projection), every check with its icon, status word, message, hint and
//! citations (which open the clause text), the per-year CE table, and the report's
//! footer with the rules version and date. Until the form is complete: what is
//! missing, each item a link to its field.

use yew::prelude::*;
use zhicheng_engine::profile::Target;
use zhicheng_engine::rules::{self, Citation, ClauseText};
use zhicheng_engine::verdict::{CeYear, Check, Verdict};
use zhicheng_engine::{CheckStatus, Hours, Lang, Status, EARLIEST_SEARCH_YEARS};

use crate::app::Action;
use crate::ctx::Ctx;
use crate::form::check::Problem;
use crate::form::field::Field;
use crate::form::step::Step;
use crate::i18n;
use crate::icons::{icon, Icon};
use crate::steps;

/// The id of the panel's heading (focused when the result step opens).
pub const HEADING_ID: &str = "result-heading";

/// Where the whole text of the bundled notices is, in dist/ (Trunk copies
/// rules/sources/ there, see www/index.html; the offline file has them inline).
pub const SOURCES_DIR: &str = "sources/";

/// What a verdict is shown with besides itself: the language, the person's target
/// (named in the banner) and today's date (the report's).
pub struct Shown<'a> {
    pub lang: Lang,
    pub target: Option<&'a Target>,
    pub today: &'a str,
}

/// The link to a bundled notice's whole text, opened beside the app.
pub fn whole_notice_link(lang: Lang, file: &str) -> Html {
    html! {
        <a class="whole-notice" href={crate::web::assets::url(&format!("{SOURCES_DIR}{file}"))}
            target="_blank" rel="noopener" data-whole-notice={file.to_string()}>
            { i18n::WHOLE_NOTICE.get(lang) }
            <span class="visually-hidden">{ i18n::OPENS_NEW_TAB.get(lang) }</span>
        </a>
    }
}

/// A citation that opens: the clause's text (quoted, or our summary, labelled), the
/// document's number, title, issuer and date, and a link to the whole notice where
/// its text is bundled (served from `sources/`).
pub fn citation(lang: Lang, cite: &Citation) -> Html {
    let body = match rules::clause(cite).map(|clause| clause.text) {
        Some(ClauseText::Quote(quote)) => html! {
            <>
                <p class="cite-kind">{ i18n::ORIGINAL_TEXT.get(lang) }</p>
                <blockquote lang="zh-CN">{ quote }</blockquote>
            </>
        },
        Some(ClauseText::QuotedIn { text, via }) => html! {
            <>
                <p class="cite-kind" data-quoted-in={format!("{} {}", via.doc, via.clause)}>
                    { i18n::quoted_in(via.doc, via.clause, lang) }
                </p>
                <blockquote lang="zh-CN">{ text }</blockquote>
            </>
        },
        Some(ClauseText::Summary { zh, en }) => {
            let practice = rules::document(cite.doc).is_some_and(|d| d.practice);
            let kind = if practice {
                i18n::PRACTICE_SUMMARY
            } else {
                i18n::OUR_SUMMARY
            };
            html! {
                <>
                    <p class="cite-kind summary-kind" data-practice={practice.then_some("")}>{ kind.get(lang) }</p>
                    <p class="cite-summary">{ lang.pick(zh, en) }</p>
                </>
            }
        }
        None => html! { <p class="cite-kind">{ i18n::CLAUSE_NOT_BUNDLED.get(lang) }</p> },
    };
    let doc = rules::document(cite.doc).map(|d| {
        html! {
            <p class="cite-doc">
                <span class="cite-title">{ format!("{} {}", d.doc, d.title(lang)) }</span>
                <span>{ format!("{}{}", i18n::ISSUED_BY.get(lang), d.issuer(lang)) }</span>
                if let Some(date) = d.date {
                    <span>{ format!("{}{date}", i18n::ISSUED_ON.get(lang)) }</span>
                }
                if let Some(file) = d.file {
                    <span>{ whole_notice_link(lang, file) }</span>
                }
            </p>
        }
    });
    html! {
        <details class="cite">
            <summary>
                <span class="cite-ref">{ format!("{} {}", cite.doc, cite.clause) }</span>
            </summary>
            <div class="cite-body">
                { body }
                { for doc }
            </div>
        </details>
    }
}

/// One check of a verdict, as a component: when the form changes, only the checks
/// whose text or status changed are drawn again (the rest, with their citations and
/// quoted clauses, are left as they are), which keeps re-evaluation on each key cheap.
#[derive(Properties, PartialEq)]
struct CheckProps {
    lang: Lang,
    check: Check,
}

#[component]
fn CheckItem(props: &CheckProps) -> Html {
    let CheckProps { lang, check } = props;
    let lang = *lang;
    let status = check.status.as_str();
    html! {
        <li class={classes!("check", format!("check-{status}"))} id={format!("check-{}", check.id.as_str())}
            data-check-id={check.id.as_str()} data-check-status={status}>
            <div class="check-head">
                { icon(Icon::of_check(check.status)) }
                <span class="check-status">{ check.status.label(lang) }</span>
                <h4 class="check-name">{ check.id.label(lang) }</h4>
            </div>
            <p class="check-message">{ check.message(lang).to_string() }</p>
            if let Some(hint) = check.hint(lang) {
                <p class="check-hint"><strong>{ i18n::WHAT_TO_DO.get(lang) }</strong>{ hint.to_string() }</p>
            }
            if !check.citations.is_empty() {
                <div class="citations">
                    <span class="cite-label">{ i18n::SOURCES.get(lang) }</span>
                    { for check.citations.iter().map(|cite| citation(lang, cite)) }
                </div>
            }
        </li>
    }
}

fn check_view(lang: Lang, check: &Check) -> Html {
    // Keyed: a verdict that changes reorders its checks (failures first) by moving them.
    html! { <CheckItem key={check.id.as_str()} {lang} check={check.clone()} /> }
}

/// What needs doing first: failures, then reviews, notes, passes, and checks that
/// do not apply; the engine's order within each.
fn by_severity(checks: &[Check]) -> Vec<&Check> {
    let rank = |s: CheckStatus| match s {
        CheckStatus::Fail => 0,
        CheckStatus::Review => 1,
        CheckStatus::Info => 2,
        CheckStatus::Pass => 3,
        CheckStatus::NotApplicable => 4,
    };
    let mut sorted: Vec<&Check> = checks.iter().collect();
    zhicheng_engine::sort::stable_by_key(&mut sorted, |c| rank(c.status));
    sorted
}

fn lack_cell(lang: Lang, counted: Hours, lack: Hours, public: bool) -> Html {
    let short = lack > Hours::ZERO;
    html! {
        <td class={classes!(short.then_some("lacking"))}>
            <span class="counted">{ counted.to_string() }</span>
            if short {
                <span class="lack">
                    { if public { i18n::public_lacks(lack, lang) } else { i18n::lacks(lack, lang) } }
                </span>
            }
        </td>
    }
}

fn ce_row(lang: Lang, y: &CeYear) -> Html {
    let (kind, words, class) = if y.deemed {
        (Icon::Pass, i18n::CE_DEEMED, "deemed")
    } else if y.compliant {
        (Icon::Pass, i18n::CE_MET, "met")
    } else {
        (Icon::Fail, i18n::CE_SHORT, "short")
    };
    let s = &y.shortfall;
    html! {
        <tr key={y.year} class={classes!(class, (!y.required).then_some("not-required"))}
            data-ce-row={y.year.to_string()} data-ce-compliant={(y.compliant || y.deemed).to_string()}
            data-ce-required={y.required.to_string()}>
            <th scope="row">{ y.year }</th>
            { lack_cell(lang, y.counted.professional, s.professional, false) }
            { lack_cell(lang, y.counted.industry_public, s.public, true) }
            { lack_cell(lang, y.counted.general_public, s.general_public, false) }
            { lack_cell(lang, y.counted.total, s.total, false) }
            <td class="ce-status">
                { icon(kind) }
                <span>{ words.get(lang) }</span>
                if !y.required {
                    <span class="not-required-note">{ i18n::CE_NOT_REQUIRED.get(lang) }</span>
                }
            </td>
        </tr>
    }
}

fn ce_table(lang: Lang, v: &Verdict) -> Html {
    if v.ce_years.is_empty() {
        return html! {};
    }
    let over_cap: Vec<&CeYear> = v
        .ce_years
        .iter()
        .filter(|y| y.online_not_counted > Hours::ZERO)
        .collect();
    html! {
        <section class="ce-table-part" aria-labelledby="ce-table-heading">
            <h3 id="ce-table-heading">{ i18n::CE_TABLE.get(lang) }</h3>
            // Focusable, so a table wider than a phone can be scrolled from the keyboard.
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="ce-table-heading">
                <table class="ce-table">
                    <thead>
                        <tr>
                            <th scope="col">{ i18n::COL_YEAR.get(lang) }</th>
                            <th scope="col">{ i18n::COL_PROFESSIONAL.get(lang) }</th>
                            <th scope="col">{ i18n::COL_INDUSTRY.get(lang) }</th>
                            <th scope="col">{ i18n::COL_GENERAL.get(lang) }</th>
                            <th scope="col">{ i18n::COL_TOTAL.get(lang) }</th>
                            <th scope="col">{ i18n::COL_STATUS.get(lang) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for v.ce_years.iter().map(|y| ce_row(lang, y)) }
                    </tbody>
                </table>
            </div>
            <p class="hint">{ i18n::CE_LEGEND.get(lang) }</p>
            { for over_cap.iter().map(|y| html! {
                <p class="hint over-cap">{ i18n::online_not_counted(y.year, y.online_not_counted, lang) }</p>
            }) }
        </section>
    }
}

fn earliest(lang: Lang, v: &Verdict) -> Html {
    if v.status == Status::NotCovered {
        return html! {};
    }
    match v.earliest_eligible_year {
        Some(z) if z == v.evaluation_year => html! {},
        Some(z) => html! {
            <div class="projection" data-earliest-year={z.to_string()}>
                { icon(Icon::Info) }
                <div>
                    <p class="projection-year">
                        <strong>{ i18n::earliest(z, lang) }</strong>
                        <span class="tag">{ i18n::PROJECTED.get(lang) }</span>
                    </p>
                    <p class="hint">{ i18n::earliest_explained(v.evaluation_year, lang) }</p>
                </div>
            </div>
        },
        None => html! {
            <div class="projection" data-earliest-year="">
                { icon(Icon::Info) }
                <p>{ i18n::earliest_none(v.evaluation_year, v.evaluation_year + EARLIEST_SEARCH_YEARS, lang) }</p>
            </div>
        },
    }
}

fn banner(shown: &Shown, v: &Verdict) -> Html {
    let lang = shown.lang;
    let status = v.status.as_str();
    let fail = v
        .checks
        .iter()
        .filter(|ch| ch.status == CheckStatus::Fail)
        .count();
    let review = v
        .checks
        .iter()
        .filter(|ch| ch.status == CheckStatus::Review)
        .count();
    let rs = rules::rule_set(v.rule_set);
    let projection = rs.is_some_and(|rs| v.evaluation_year > rs.year);
    let target = shown.target.map(|t| {
        let title = t.title.label(lang);
        match &t.specialty {
            Some(s) => format!(
                "{title}{}{}{}",
                lang.pick("（", " ("),
                zhicheng_engine::specialty_label(s, lang),
                lang.pick("）", ")")
            ),
            None => title.to_string(),
        }
    });
    let counts = i18n::counts(fail, review, lang);
    html! {
        <div class={classes!("banner", format!("banner-{status}"))} data-verdict-status={status}>
            { icon(Icon::of_status(v.status)) }
            <div class="banner-text">
                <p class="banner-status">{ v.status.label(lang) }</p>
                if !counts.is_empty() {
                    <p class="banner-counts">{ counts }</p>
                }
                <p class="banner-sub">
                    if let Some(target) = target {
                        <span>{ target }</span>{ " · " }
                    }
                    { i18n::evaluation_year_line(v.evaluation_year, projection, rs.map_or(v.rule_set, |r| r.notice), lang) }
                </p>
            </div>
        </div>
    }
}

/// A notice by its number, issuer and date: `莲人社〔2024〕42号（…局，2024-05-22）`.
pub fn notice_line(lang: Lang, notice: &str) -> String {
    match rules::document(notice) {
        Some(d) => {
            let date = d
                .date
                .map(|date| format!("{}{date}", lang.pick("，", ", ")));
            format!(
                "{notice}{}{}{}{}",
                lang.pick("（", " ("),
                d.issuer(lang),
                date.unwrap_or_default(),
                lang.pick("）", ")")
            )
        }
        None => notice.to_string(),
    }
}

fn report_meta(shown: &Shown, v: &Verdict) -> Html {
    let lang = shown.lang;
    let rs = rules::rule_set(v.rule_set);
    let item = |term: i18n::Text, value: Html| {
        html! { <div><dt>{ term.get(lang) }</dt><dd>{ value }</dd></div> }
    };
    html! {
        <footer class="report-meta">
            <dl>
                { item(i18n::RULE_SET_USED, html! {
                    <span data-rule-set={v.rule_set}>
                        { rs.map_or(v.rule_set, |r| r.name(lang)) }
                        if let Some(r) = rs {
                            <span class="report-notice" data-notice={r.notice}>
                                { notice_line(lang, r.notice) }
                            </span>
                        }
                    </span>
                }) }
                { item(i18n::EVALUATION_YEAR, html! { { v.evaluation_year } }) }
                { item(i18n::REFERENCE_DATE_USED, html! { { v.reference_date.to_string() } }) }
                if let Some(service) = &v.service {
                    { item(i18n::SERVICE, html! {
                        <span data-service-months={service.counted_months.to_string()}>
                            { i18n::service_months(service.counted_months, service.required_months, lang) }
                        </span>
                    }) }
                }
                { item(i18n::RULES_VERSION, html! { <code data-rules-version="">{ v.rules_version }</code> }) }
                { item(i18n::GENERATED_ON, html! { { shown.today.to_string() } }) }
            </dl>
            <p class="disclaimer">{ i18n::DISCLAIMER.get(lang) }</p>
        </footer>
    }
}

fn incomplete(c: &Ctx) -> Html {
    let lang = c.lang;
    let problems = &c.eval.checked.problems;
    // A value still being typed (its field not yet left) is still to fill, not wrong.
    let to_correct =
        |(field, p): &&(Field, Problem)| !p.is_missing() && c.shown_problem(*field).is_some();
    let missing: Vec<_> = problems.iter().filter(|x| !to_correct(x)).collect();
    let bad: Vec<_> = problems.iter().filter(to_correct).collect();
    let link = |field: Field| {
        html! {
            <button type="button" class="button link" data-go-field={field.dom_id()}
                onclick={c.send(Action::GoToField(field))}>
                { field.label(lang) }
            </button>
        }
    };
    html! {
        <div class="incomplete" data-verdict-incomplete="">
            <p class="incomplete-title">{ icon(Icon::NotApplicable) }<span>{ c.t(i18n::NO_RESULT_YET) }</span></p>
            if !missing.is_empty() {
                <p>{ c.t(i18n::STILL_TO_FILL) }</p>
                <ul class="todo">
                    { for missing.iter().map(|(field, _)| html! {
                        <li>
                            { link(*field) }
                            <span class="muted">{ format!("{}{}{}", lang.pick("（", " ("), i18n::step_short(field.step(), lang), lang.pick("）", ")")) }</span>
                        </li>
                    }) }
                </ul>
            }
            if !bad.is_empty() {
                <p>{ c.t(i18n::TO_CORRECT) }</p>
                <ul class="todo">
                    { for bad.iter().map(|(field, problem)| html! {
                        <li>
                            { link(*field) }
                            { lang.pick("：", ": ") }
                            <span>{ problem.text(lang) }</span>
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}

/// A whole verdict: banner, projection, every check (failures first), the CE table
/// and the report's footer (the rule set and its notice, the rules version).
pub fn verdict(shown: &Shown, v: &Verdict) -> Html {
    let lang = shown.lang;
    html! {
        <>
            { banner(shown, v) }
            { earliest(lang, v) }
            <h3 class="checks-heading">{ i18n::CHECKS.get(lang) }</h3>
            <ol class="checks">
                { for by_severity(&v.checks).into_iter().map(|check| check_view(lang, check)) }
            </ol>
            { ce_table(lang, v) }
            { leaves_out(shown, v) }
            { report_meta(shown, v) }
        </>
    }
}

/// The clauses of the notice bearing on this target that the rules do not encode,
/// each with its citation: what the verdict did not check.
fn leaves_out(shown: &Shown, v: &Verdict) -> Html {
    let lang = shown.lang;
    let Some(rs) = rules::rule_set(v.rule_set) else {
        return html! {};
    };
    let items: Vec<&rules::LeftOut> = rs
        .coverage
        .leaves_out
        .iter()
        .filter(|l| shown.target.is_none_or(|t| l.concerns(t.title)))
        .collect();
    if items.is_empty() {
        return html! {};
    }
    html! {
        <details class="part leaves-out" data-leaves-out-list="">
            <summary><span class="summary-text">{ i18n::leaves_out_count(items.len(), lang) }</span></summary>
            <div class="part-body">
                <p class="hint">{ i18n::LEAVES_OUT_INTRO.get(lang) }</p>
                <ul class="leaves-out-items">
                    { for items.iter().map(|l| html! {
                        <li data-leaves-out-clause={l.source.clause}>
                            { l.topic(lang) }{ " " }{ citation(lang, &l.source) }
                        </li>
                    }) }
                </ul>
            </div>
        </details>
    }
}

/// The result panel (beside the form on wide screens, the last step on phones).
pub fn panel(c: &Ctx) -> Html {
    let on_result = c.state.step == Step::Result;
    let body = match (&c.eval.verdict, &c.eval.error) {
        (Some(v), _) => verdict(
            &Shown {
                lang: c.lang,
                target: c.eval.checked.profile.as_ref().map(|p| &p.target),
                today: &c.state.today,
            },
            v,
        ),
        (None, Some(error)) => html! {
            <div class="banner banner-input-error" data-input-error="">
                { icon(Icon::Fail) }
                <p>
                    <strong>{ c.t(i18n::INPUT_PROBLEM) }</strong>
                    { format!(" {}: {}", error.path, match c.lang { Lang::Zh => error.message_zh(), Lang::En => error.message_en() }) }
                </p>
            </div>
        },
        (None, None) => incomplete(c),
    };
    html! {
        <section class={classes!("panel", on_result.then_some("on-result"))} aria-labelledby={HEADING_ID}>
            <div class="panel-head">
                <h2 id={HEADING_ID} tabindex="-1">{ c.t(i18n::RESULT) }</h2>
                if on_result && c.eval.verdict.is_some() {
                    <button type="button" class="button secondary print-button" id="print"
                        onclick={Callback::from(|_: MouseEvent| crate::web::page::print())}>
                        { c.t(i18n::PRINT) }
                    </button>
                }
            </div>
            { body }
            if on_result {
                { crate::apply_panel::view(c) }
                { steps::step_nav(c, Step::Result) }
            }
        </section>
    }
}

/// On phones, a line above each step with the live status and a way to the result.
pub fn live_strip(c: &Ctx) -> Html {
    let lang = c.lang;
    let (kind, words) = match &c.eval.verdict {
        Some(v) => (Icon::of_status(v.status), v.status.label(lang).to_string()),
        None => {
            let problems = &c.eval.checked.problems;
            let missing = problems.iter().filter(|(_, p)| p.is_missing()).count();
            let text = if missing > 0 {
                i18n::missing_count(missing, lang)
            } else {
                i18n::to_fix_count(problems.len().max(1), lang)
            };
            (Icon::NotApplicable, text)
        }
    };
    let status = c.eval.verdict.as_ref().map(|v| v.status.as_str());
    html! {
        <div class={classes!("live-strip", status.map(|s| format!("live-{s}")))} data-live-status={status}>
            <span class="live-label">{ c.t(i18n::LIVE_RESULT) }</span>
            { icon(kind) }
            <span class="live-words">{ words }</span>
            <button type="button" class="button link" onclick={c.send(Action::Go(Step::Result))}>
                { c.t(i18n::SEE_RESULT) }
            </button>
        </div>
    }
}
