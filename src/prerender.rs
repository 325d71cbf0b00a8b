//! Natively, the app's binary is the build's prerenderer: `cargo xtask build` runs it
//! (xtask/src/prerender.rs) and puts what it prints into dist/index.html.
//!
//! - `zhicheng-app app`: the first screen — header, navigation, stepper, the first
//!   step with the four notices, in Chinese — as Yew's server-side rendering draws it
//!   for the browser to hydrate (src/main.rs);
//! - `zhicheng-app no-script`: what the page shows with JavaScript off
//!   (src/views/no_script.rs).
//!
//! The same components draw both sides, so the hydration finds what it expects.

use std::process::ExitCode;

use yew::prelude::*;

use crate::app::{App, AppProps};
use crate::start::Start;
use crate::views::no_script;

/// The usage line, printed on a wrong argument.
const USAGE: &str = "usage: zhicheng-app app|no-script (the build's prerenderer)";

/// What to prerender.
enum Part {
    App,
    NoScript,
}

impl Part {
    fn parse(arg: Option<&str>) -> Option<Part> {
        match arg? {
            "app" => Some(Part::App),
            "no-script" => Some(Part::NoScript),
            _ => None,
        }
    }
}

#[component]
fn NoScript() -> Html {
    no_script::view()
}

/// The first screen, as the hosted page starts (no embedding, nothing remembered).
async fn first_screen() -> String {
    yew::ServerRenderer::<App>::with_props(|| AppProps {
        embed: None,
        start: Start::Prerender,
    })
    .render()
    .await
}

/// Static: nothing hydrates it.
async fn no_script_section() -> String {
    yew::ServerRenderer::<NoScript>::new()
        .hydratable(false)
        .render()
        .await
}

pub fn main() -> ExitCode {
    let arg = std::env::args().nth(1);
    let Some(part) = Part::parse(arg.as_deref()) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let html = futures::executor::block_on(async {
        match part {
            Part::App => first_screen().await,
            Part::NoScript => no_script_section().await,
        }
    });
    print!("{html}");
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_screen_holds_the_first_step_and_the_four_notices() {
        let html = futures::executor::block_on(first_screen());
        assert!(html.contains("id=\"f-rule-set\""), "{html}");
        for rs in zhicheng_engine::rules::rule_sets() {
            assert!(html.contains(rs.notice), "{} missing", rs.notice);
        }
        assert!(html.contains("<!--<["), "hydration markers");
    }

    #[test]
    fn without_javascript_each_notice_has_its_dates_committees_and_phones() {
        let html = futures::executor::block_on(no_script_section());
        assert!(!html.contains("<!--"), "static, no hydration markers");
        for rs in zhicheng_engine::rules::rule_sets() {
            assert!(html.contains(&format!("data-no-script-rule-set=\"{}\"", rs.id)));
            if let Some(plan) = zhicheng_engine::rules::plan(rs.id) {
                let rows = plan.committees.iter().flat_map(|t| t.rows.iter());
                let offices = rows.flat_map(|row| row.contacts.iter());
                for p in plan
                    .contacts
                    .iter()
                    .flat_map(|c| c.phones)
                    .chain(offices.flat_map(|o| o.phones))
                {
                    assert!(html.contains(p.text), "{} of {}", p.text, rs.id);
                }
                for row in plan.committees.iter().flat_map(|t| t.rows.iter()) {
                    assert!(html.contains(row.name), "{} of {}", row.name, rs.id);
                }
            }
        }
    }
}
