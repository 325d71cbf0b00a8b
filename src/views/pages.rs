//! The top navigation between the app's pages (`store::page::Page`).

use yew::prelude::*;
use zhicheng_engine::Lang;

use crate::i18n;
use crate::store::action::Action;
use crate::store::page::Page;
use crate::views::steps;

/// The id of the heading a page opens on (focused when it opens; the self-check's is
/// its step's, `views::steps`).
pub fn heading_id(page: Page) -> &'static str {
    match page {
        Page::SelfCheck => steps::HEADING_ID,
        Page::Batch => "batch-heading",
        Page::About => "about-heading",
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
