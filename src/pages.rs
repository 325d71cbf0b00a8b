//! The app's pages and the top navigation between them. Today there is one page, the
//! self-check; a new page (batch screening, about these rules, where to apply) is a
//! variant here, its label, and an arm in `app::App`.

use yew::prelude::*;
use zhicheng_engine::Lang;

use crate::app::Action;
use crate::i18n::{self, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    SelfCheck,
}

impl Page {
    pub const ALL: [Page; 1] = [Page::SelfCheck];

    pub fn label(self) -> Text {
        match self {
            Page::SelfCheck => i18n::PAGE_SELF_CHECK,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Page::SelfCheck => "self-check",
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
