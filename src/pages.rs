//! The app's pages and the top navigation between them: the self-check, batch
//! screening for HR offices, and about these rules. A new page is a variant here, its
//! label, and an arm in `app::App`.

use yew::prelude::*;
use zhicheng_engine::Lang;

use crate::app::Action;
use crate::i18n::{self, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    SelfCheck,
    Batch,
    About,
}

impl Page {
    pub const ALL: [Page; 3] = [Page::SelfCheck, Page::Batch, Page::About];

    pub fn label(self) -> Text {
        match self {
            Page::SelfCheck => i18n::PAGE_SELF_CHECK,
            Page::Batch => i18n::PAGE_BATCH,
            Page::About => i18n::PAGE_ABOUT,
        }
    }

    /// The id of the page's heading, focused when the page opens (the self-check
    /// focuses its step's heading instead).
    pub fn heading_id(self) -> &'static str {
        match self {
            Page::SelfCheck => crate::steps::HEADING_ID,
            Page::Batch => "batch-heading",
            Page::About => "about-heading",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Page::SelfCheck => "self-check",
            Page::Batch => "batch",
            Page::About => "about",
        }
    }
}

/// The top navigation.
pub fn nav(current: Page, lang: Lang, dispatch: &Callback<Action>) -> Html {
    html! {
        <nav class="pages" aria-label={i18n::PAGES.get(lang)}>
            <ul>
                { for Page::ALL.into_iter().map(|page| {
                    let here = page == current;
                    html! {
                        <li>
                            <button type="button" data-page={page.as_str()}
                                class={classes!("page-link", here.then_some("current"))}
                                aria-current={here.then_some("page")}
                                onclick={dispatch.reform(move |_: MouseEvent| Action::Page(page))}>
                                { page.label().get(lang) }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </nav>
    }
}
