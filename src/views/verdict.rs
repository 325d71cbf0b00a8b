//! A verdict as the user reads it, drawn from the data alone (no app state): the
//! banner (`data-verdict-status`), the earliest year (a projection), every check with
//! its icon, status word, message, hint and citations (which open the clause text),
//! the per-year CE table, what the notice leaves unchecked, and the report's footer
//! with the rules version and date. The self-check's result panel, the batch page's
//! full results and the about page draw with it (`verdict`, `citation`).

use yew::prelude::*;
use zhicheng_engine::profile::Target;
use zhicheng_engine::rules::{self, Citation, ClauseText};
use zhicheng_engine::verdict::{CeYear, Check, Verdict};
use zhicheng_engine::{CheckStatus, Hours, Lang, Status, EARLIEST_SEARCH_YEARS};

use crate::i18n;
use crate::phrases;
use crate::views::icons::{icon, Icon};
use crate::web::assets;

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
        <a class="whole-notice" href={assets::url(&format!("{SOURCES_DIR}{file}"))}
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
                    { phrases::quoted_in(via.doc, via.clause, lang) }
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
                    { if public { phrases::public_lacks(lack, lang) } else { phrases::lacks(lack, lang) } }
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
                <p class="hint over-cap">{ phrases::online_not_counted(y.year, y.online_not_counted, lang) }</p>
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
                        <strong>{ phrases::earliest(z, lang) }</strong>
                        <span class="tag">{ i18n::PROJECTED.get(lang) }</span>
                    </p>
                    <p class="hint">{ phrases::earliest_explained(v.evaluation_year, lang) }</p>
                </div>
            </div>
        },
        None => html! {
            <div class="projection" data-earliest-year="">
                { icon(Icon::Info) }
                <p>{ phrases::earliest_none(v.evaluation_year, v.evaluation_year + EARLIEST_SEARCH_YEARS, lang) }</p>
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
    let counts = phrases::counts(fail, review, lang);
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
                    { phrases::evaluation_year_line(v.evaluation_year, projection, rs.map_or(v.rule_set, |r| r.notice), lang) }
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
                            { phrases::service_months(service.counted_months, service.required_months, lang) }
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
            <summary><span class="summary-text">{ phrases::leaves_out_count(items.len(), lang) }</span></summary>
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
