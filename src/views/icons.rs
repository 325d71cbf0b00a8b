//! Status icons as inline SVG (no icon font, nothing fetched). They are hidden from
//! screen readers: a status word always stands next to each.

use yew::prelude::*;
use zhicheng_engine::{CheckStatus, Status};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Icon {
    Pass,
    Fail,
    Review,
    Info,
    NotApplicable,
}

impl Icon {
    pub fn of_check(status: CheckStatus) -> Icon {
        match status {
            CheckStatus::Pass => Icon::Pass,
            CheckStatus::Fail => Icon::Fail,
            CheckStatus::Review => Icon::Review,
            CheckStatus::Info => Icon::Info,
            CheckStatus::NotApplicable => Icon::NotApplicable,
        }
    }

    pub fn of_status(status: Status) -> Icon {
        match status {
            Status::Eligible => Icon::Pass,
            Status::NeedsReview => Icon::Review,
            Status::NotEligible => Icon::Fail,
            Status::NotCovered => Icon::Info,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Icon::Pass => "pass",
            Icon::Fail => "fail",
            Icon::Review => "review",
            Icon::Info => "info",
            Icon::NotApplicable => "na",
        }
    }
}

/// The icon, 1em high, in the current text colour.
pub fn icon(kind: Icon) -> Html {
    let mark = |d: &'static str| {
        html! {
            <path d={d} fill="none" stroke="#fff" stroke-width="2.4"
                stroke-linecap="round" stroke-linejoin="round" />
        }
    };
    let inner = match kind {
        Icon::Pass => mark("M5.8 10.4l2.9 2.9 5.6-6"),
        Icon::Fail => mark("M6.6 6.6l6.8 6.8M13.4 6.6l-6.8 6.8"),
        Icon::Review => html! {
            <>
                { mark("M10 5.2v5.6") }
                <circle cx="10" cy="14.4" r="1.4" fill="#fff" />
            </>
        },
        Icon::Info => html! {
            <>
                { mark("M10 9v5.6") }
                <circle cx="10" cy="5.9" r="1.4" fill="#fff" />
            </>
        },
        Icon::NotApplicable => mark("M6 10h8"),
    };
    html! {
        <svg class={classes!("icon", format!("icon-{}", kind.name()))} viewBox="0 0 20 20"
            width="20" height="20" aria-hidden="true" focusable="false">
            <circle cx="10" cy="10" r="9.2" fill="currentColor" />
            { inner }
        </svg>
    }
}
