//! Rendering of an engine result: the verdict banner and the list of checks.

use yew::prelude::*;
use zhicheng_engine::{Check, InputError, Verdict};

/// The verdict banner and checks, or the input error if the profile is unusable.
pub fn result(result: &Result<Verdict, InputError>) -> Html {
    match result {
        Ok(verdict) => verdict_view(verdict),
        Err(error) => html! {
            <div class="banner banner-input-error" role="alert" data-input-error="">
                <strong>{ "资料有误：" }</strong>
                <code>{ error.to_string() }</code>
            </div>
        },
    }
}

fn verdict_view(verdict: &Verdict) -> Html {
    let status = verdict.status.as_str();
    html! {
        <>
            <div class={classes!("banner", format!("banner-{status}"))} role="status" data-verdict-status={status}>
                <strong>{ status_label(status) }</strong>
                <span class="status-code">{ status }</span>
            </div>
            <ul class="checks">
                { for verdict.checks.iter().map(check_view) }
            </ul>
        </>
    }
}

fn check_view(check: &Check) -> Html {
    let status = check.status.as_str();
    html! {
        <li class={classes!("check", format!("check-{status}"))} data-check-id={check.id.as_str()} data-check-status={status}>
            <span class="check-status">
                <strong>{ check_status_label(status) }</strong>
                <code class="status-code">{ status }</code>
            </span>
            <code class="check-id">{ check.id.as_str() }</code>
            <span class="check-message" title={check.message_en.clone()}>{ check.message.clone() }</span>
        </li>
    }
}

/// The Chinese label for a check status string.
fn check_status_label(status: &str) -> &'static str {
    match status {
        "pass" => "符合",
        "fail" => "不符合",
        "review" => "需人工核实",
        "info" => "提示",
        "not_applicable" => "不适用",
        _ => "",
    }
}

/// The Chinese headline for a verdict status string.
fn status_label(status: &str) -> &'static str {
    match status {
        "eligible" => "符合申报条件",
        "needs_review" => "需人工复核",
        "not_eligible" => "不符合申报条件",
        "not_covered" => "暂不支持该情形",
        _ => "检查结果",
    }
}
