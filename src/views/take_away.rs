//! From verdict to action, on the result step: the CE plan (the engine's
//! `plan::ce_plan`: what is still needed each year, how much may be online, by when),
//! a calendar of its dates (`calendar::from_plan`, written as .ics by formats), and
//! the hand-off to HR without a server: the share link as a QR code drawn on the
//! device (`formats::qr`) and a roster row for the batch page (`roster::export_file`).
//! Nothing leaves the device unless the person downloads or shows it.

use std::rc::Rc;

use yew::prelude::*;
use zhicheng_engine::apply::{self, Applicant};
use zhicheng_engine::calendar;
use zhicheng_engine::plan::{ce_plan, CePlan, Outlook, PlanStep, StepKind};
use zhicheng_engine::{Date, Lang, Profile};
use zhicheng_formats::ics::{self, Stamp};
use zhicheng_formats::qr::Qr;
use zhicheng_formats::roster;

use crate::i18n;
use crate::phrases;
use crate::share;
use crate::views::ctx::Ctx;
use crate::views::verdict::citation;
use crate::web::{compress, files, input, page};

/// The class on `<html>` while the plan prints alone (www/styles.css).
const PRINT_PLAN: &str = "print-plan";

fn step_item(lang: Lang, s: &PlanStep) -> Html {
    let kind = match s.kind {
        StepKind::Judged => "judged",
        StepKind::Projected => "projected",
    };
    html! {
        <li class={classes!("plan-step", format!("plan-{kind}"), s.over.then_some("plan-over"))}
            data-plan-year={s.need.year.to_string()} data-plan-kind={kind}>
            <p>{ s.text.get(lang).to_string() }</p>
            if !s.citations.is_empty() {
                <div class="citations">
                    <span class="cite-label">{ i18n::SOURCES.get(lang) }</span>
                    { for s.citations.iter().map(|c| citation(lang, c)) }
                </div>
            }
        </li>
    }
}

/// The plan and the calendar button.
fn plan_view(c: &Ctx, profile: &Profile, plan: &CePlan, who: &Applicant) -> Html {
    let lang = c.lang;
    let steps: Vec<&PlanStep> = plan.steps.iter().collect();
    let on_calendar = {
        let (plan, profile, who) = (
            plan.clone(),
            profile.clone(),
            (who.employer.map(str::to_string), who.graduate),
        );
        let today = c.state.today.clone();
        Callback::from(move |_: MouseEvent| {
            let applicant = Applicant {
                employer: who.0.as_deref(),
                graduate: who.1,
            };
            let answer = apply::for_profile(&profile, &applicant);
            let cal = calendar::from_plan(&plan, answer.as_ref(), profile.target.title);
            // Made now (the device's clock, in UTC); failing that, today's date.
            let stamp = page::stamp_now()
                .unwrap_or_else(|| Stamp::day(Date::parse(&today).unwrap_or(plan.reference_date)));
            files::download(
                "zhicheng-calendar.ics",
                "text/calendar;charset=utf-8",
                &ics::calendar(&cal, lang, stamp),
            );
        })
    };
    let left_out = {
        let applicant = Applicant {
            employer: who.employer,
            graduate: who.graduate,
        };
        let answer = apply::for_profile(profile, &applicant);
        calendar::from_plan(plan, answer.as_ref(), profile.target.title).left_out
    };
    html! {
        <section class="take-away plan" id="plan" aria-labelledby="plan-heading" data-plan-outlook={outlook(plan.outlook)}>
            <h3 id="plan-heading">{ i18n::PLAN_HEADING.get(lang) }</h3>
            if !steps.is_empty() {
                <button type="button" class="button secondary print-button" id="print-plan"
                    onclick={Callback::from(|_: MouseEvent| page::print_with_class(PRINT_PLAN))}>
                    { i18n::PLAN_PRINT.get(lang) }
                </button>
            }
            <p class="plan-summary" data-plan-summary="">{ plan.summary.get(lang).to_string() }</p>
            if !steps.is_empty() {
                <ol class="plan-steps">{ for steps.iter().map(|s| step_item(lang, s)) }</ol>
            }
            if plan.outlook != Outlook::NotCovered {
                <div class="buttons">
                    <button type="button" class="button secondary" id="add-to-calendar" onclick={on_calendar}>
                        { i18n::ADD_TO_CALENDAR.get(lang) }
                    </button>
                </div>
                <p class="hint">{ i18n::CALENDAR_HINT.get(lang) }</p>
                if !left_out.is_empty() {
                    <details class="part calendar-left-out">
                        <summary><span class="summary-text">{ phrases::calendar_left_out(left_out.len(), lang) }</span></summary>
                        <ul class="part-body">
                            { for left_out.iter().map(|n| html! {
                                <li>{ n.what.get(lang).to_string() }{ lang.pick("：", ": ") }{ n.why.get(lang).to_string() }</li>
                            }) }
                        </ul>
                    </details>
                }
            }
        </section>
    }
}

fn outlook(o: Outlook) -> &'static str {
    match o {
        Outlook::NotCovered => "not_covered",
        Outlook::NotJudged => "not_judged",
        Outlook::NothingNeeded => "nothing_needed",
        Outlook::Steps => "steps",
    }
}

#[derive(Properties, PartialEq)]
struct QrProps {
    lang: Lang,
    /// The profile's JSON text.
    json: Rc<str>,
}

/// The share link as a QR code: the profile deflated by the browser (`#z=`, short
/// enough for a phone camera), drawn as one SVG path. Drawn again only when the
/// profile changes.
#[component]
fn ShareQr(props: &QrProps) -> Html {
    let lang = props.lang;
    let link = use_state(|| None::<Result<String, ()>>);
    {
        let link = link.clone();
        use_effect_with(props.json.clone(), move |json| {
            let json = json.clone();
            yew::platform::spawn_local(async move {
                let made = compress::deflate_raw(json.as_bytes())
                    .await
                    .map(|deflated| {
                        format!("{}#{}", page::address(), share::compact_fragment(&deflated))
                    })
                    .map_err(|_| ());
                link.set(Some(made));
            });
        });
    }
    let body = match &*link {
        None => html! { <p class="hint">{ i18n::QR_MAKING.get(lang) }</p> },
        Some(Err(())) => html! { <p class="not-in-notice">{ i18n::QR_UNAVAILABLE.get(lang) }</p> },
        Some(Ok(url)) => match Qr::encode(url) {
            Ok(qr) => {
                let side = qr.side().to_string();
                // A saved copy's address is a file on this device: say what the code
                // can and cannot do.
                let from_file = url.starts_with("file:");
                html! {
                    <figure class="qr" data-qr-link={url.clone()} data-qr-size={qr.size.to_string()}>
                        <svg viewBox={format!("0 0 {side} {side}")} role="img" aria-label={i18n::QR_LABEL.get(lang)}
                            shape-rendering="crispEdges" class="qr-svg">
                            <rect width={side.clone()} height={side} fill="#fff" />
                            <path d={qr.svg_path()} fill="#000" />
                        </svg>
                        <figcaption class="hint">{ i18n::QR_CAPTION.get(lang) }</figcaption>
                        if from_file {
                            <p class="not-in-notice" data-qr-from-file="">{ i18n::QR_FROM_FILE.get(lang) }</p>
                        }
                    </figure>
                }
            }
            Err(e) => {
                html! { <p class="not-in-notice">{ phrases::qr_too_long(e.bytes, lang) }</p> }
            }
        },
    };
    html! { <div class="share-qr">{ body }</div> }
}

#[derive(Properties, PartialEq)]
struct HrProps {
    lang: Lang,
    profile: Rc<Profile>,
}

/// "For HR": the profile as one row of the roster the batch page reads, with a name
/// and an id the person chooses (kept in this component only: never stored).
#[component]
fn ForHr(props: &HrProps) -> Html {
    let lang = props.lang;
    let name = use_state(String::new);
    let id = use_state(String::new);
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| name.set(input::text(&e)))
    };
    let on_id = {
        let id = id.clone();
        Callback::from(move |e: InputEvent| id.set(input::text(&e)))
    };
    let on_export = {
        let (name, id, profile) = (name.clone(), id.clone(), props.profile.clone());
        Callback::from(move |_: MouseEvent| {
            let person_id = match id.trim() {
                "" => roster::default_person_id(&profile),
                given => given.to_string(),
            };
            files::download(
                "zhicheng-for-hr.csv",
                "text/csv;charset=utf-8",
                &roster::export_file(&profile, &person_id, name.trim()),
            );
        })
    };
    html! {
        <div class="for-hr">
            <p class="hint" id="for-hr-hint">{ i18n::FOR_HR_HINT.get(lang) }</p>
            <div class="field">
                <label for="for-hr-name">{ i18n::FOR_HR_NAME.get(lang) }</label>
                <input type="text" id="for-hr-name" autocomplete="name" value={(*name).clone()}
                    oninput={on_name} aria-describedby="for-hr-hint" />
            </div>
            <div class="field">
                <label for="for-hr-id">{ i18n::FOR_HR_ID.get(lang) }</label>
                <input type="text" id="for-hr-id" value={(*id).clone()} oninput={on_id} />
            </div>
            <div class="buttons">
                <button type="button" class="button secondary" id="export-for-hr" onclick={on_export}>
                    { i18n::FOR_HR_EXPORT.get(lang) }
                </button>
            </div>
        </div>
    }
}

/// The section: the plan, then the hand-off (QR code, roster row), when the verdict
/// is there.
pub fn view(c: &Ctx) -> Html {
    let Some(profile) = c.eval.checked.profile.as_ref() else {
        return html! {};
    };
    let Ok(plan) = ce_plan(profile) else {
        return html! {};
    };
    let lang = c.lang;
    let json: Rc<str> = Rc::from(profile.to_json());
    let who = c.state.affiliation.applicant();
    html! {
        <>
            { plan_view(c, profile, &plan, &who) }
            <section class="take-away hand-off" id="hand-off" aria-labelledby="hand-off-heading">
                <h3 id="hand-off-heading">{ i18n::HAND_OFF_HEADING.get(lang) }</h3>
                <ShareQr {lang} json={json} />
                <ForHr {lang} profile={Rc::new(profile.clone())} />
            </section>
        </>
    }
}
