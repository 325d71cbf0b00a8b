//! The app: the store (`store`) held by Yew's reducer hook, the effects it asks for
//! performed (`effects`), the form evaluated once per change, and the page's frame
//! around the page shown: header, language switch, navigation, notices, footer, the
//! live region that announces the verdict.

use std::rc::Rc;

use yew::prelude::*;
use zhicheng_engine::Lang;

use crate::batch;
use crate::effects;
use crate::embed::Options as Embed;
use crate::form::evaluation::Evaluation;
use crate::i18n;
use crate::phrases;
use crate::start::Start;
use crate::store::action::Action;
use crate::store::page::Page;
use crate::store::state::{AppState, TextSize};
use crate::views::ctx::Ctx;
use crate::views::{about, notices, offline, pages, self_check};

/// The app's properties: how it is embedded, if it is (src/embed.rs), and how it
/// comes to the page.
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub embed: Option<Rc<Embed>>,
    #[prop_or_default]
    pub start: Start,
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = effects::use_store(props.embed.clone(), &props.start);
    // The first render of a hydrated page is what the prerenderer drew.
    let as_prerendered = !matches!(props.start, Start::Fresh { .. });
    let embed = props.embed.clone();
    let widget = embed.as_ref().and_then(|e| e.root().cloned());
    let compact = embed.as_ref().is_some_and(|e| e.compact);
    // One callback for the app's life: components given it as a property are not
    // redrawn because of it (src/views/ce_grid.rs).
    let dispatch: Callback<Action> = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let eval = use_memo(state.form.clone(), |form| Evaluation::of(form));
    // Kept here, so a run and its results survive switching pages.
    let batch = batch::use_batch();
    let panel = effects::use_result_panel(compact, as_prerendered);
    effects::use_requests(&state, &dispatch, widget.clone());
    effects::use_page_language(state.lang, widget.is_none());
    effects::use_text_size(state.text_size, widget.is_none());
    effects::use_status_report(embed.clone(), eval.verdict.as_ref().map(|v| v.status));
    effects::use_interactive_mark(state.arrived);
    effects::use_share_links(&dispatch, embed.is_some());

    let c = Ctx {
        lang: state.lang,
        form: &state.form,
        eval: &eval,
        state: &state,
        dispatch: &dispatch,
    };
    let page = match state.page {
        Page::SelfCheck => self_check::view(&c, panel),
        Page::Batch => batch::view(&batch, state.lang),
        Page::About => about::view(state.lang),
    };
    frame(&c, embed.as_deref(), page)
}

/// Around the page: header, notices, footer, and the live region (a compact
/// embedding has no tagline or footer; an embedded app no navigation).
fn frame(c: &Ctx, embed: Option<&Embed>, page: Html) -> Html {
    let state: &AppState = c.state;
    let lang = c.lang;
    let embedded = embed.is_some();
    let compact = embed.is_some_and(|e| e.compact);
    let widget = embed.and_then(Embed::root).is_some();
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let large = state.text_size == TextSize::Large;
    html! {
        <div class={classes!("app", format!("lang-{}", i18n::html_lang(lang)),
                embedded.then_some("embedded"), compact.then_some("compact"),
                large.then_some("large-text"))}
            lang={widget.then(|| i18n::html_lang(lang))}>
            <header class="site-header">
                <div class="brand">
                    <h1 class="app-name">{ c.t(i18n::APP_NAME) }</h1>
                    if !compact {
                        <p class="tagline">{ c.t(i18n::TAGLINE) }</p>
                    }
                </div>
                <div class="header-tools">
                    <button type="button" id="lang-toggle" class="button secondary lang-toggle"
                        lang={i18n::html_lang(other)} title={c.t(i18n::SWITCH_LANGUAGE)}
                        onclick={c.send(Action::Lang(other))}>
                        { c.t(i18n::OTHER_LANGUAGE) }
                    </button>
                    <button type="button" id="text-size-toggle" class="button secondary text-size-toggle"
                        aria-pressed={large.to_string()} title={c.t(i18n::LARGE_TEXT_TITLE)}
                        onclick={c.send(Action::TextSize(state.text_size.toggled()))}>
                        { c.t(i18n::LARGE_TEXT) }
                    </button>
                </div>
                if !embedded {
                    { pages::nav(state.page, lang, c.dispatch) }
                }
            </header>
            <main id="main">
                { notices::view(c) }
                { page }
            </main>
            if !compact {
                <footer class="site-footer">
                    <p>{ format!("{} {}", c.t(i18n::RULES_VERSION), zhicheng_engine::RULES_VERSION) }</p>
                    if !embedded {
                        { offline::footer(lang) }
                    }
                </footer>
            }
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="announcer">
                { phrases::announce(c.eval.verdict.as_ref().map(|v| v.status), lang) }
            </div>
        </div>
    }
}
