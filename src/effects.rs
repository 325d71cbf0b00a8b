//! What the app does in the world, as hooks of `app::App`: the state it starts with
//! (what storage and the address hold), the store's requests performed after each
//! render (focus, the address's fragment, storage, each answered by an action), and
//! what follows the state or the browser: `<html lang>` and the title, the embedded
//! frame's status message, share links arriving in the address, where the result
//! panel stands, the `interactive` mark.

use std::rc::Rc;

use web_sys::Element;
use yew::prelude::*;
use zhicheng_engine::Status;

use crate::embed::{self, Options as Embed};
use crate::form::edit::Edit;
use crate::i18n;
use crate::share::{self, Link, ShareError};
use crate::start::Start;
use crate::store::action::Action;
use crate::store::arrival::Arrival;
use crate::store::effect::Effect;
use crate::store::focus::Focus;
use crate::store::reducer;
use crate::store::saved::{self, Saved, StorageError, Unavailable};
use crate::store::state::{AppState, Arrived, Remembered, TextSize};
use crate::views::focus;
use crate::views::self_check::Panel;
use crate::web::events::{self, Printing};
use crate::web::{compress, page, storage};

/// The store: the state the app starts with ([`initial_state`]), held by Yew's reducer
/// hook; hydrating, what the page held arrives after the first render as one action
/// (so the hydration itself found exactly what was prerendered), when there is
/// anything to take in.
#[hook]
pub fn use_store(embed: Option<Rc<Embed>>, start: &Start) -> UseReducerHandle<AppState> {
    let later = use_mut_ref(|| None::<Arrival>);
    let state = {
        let (start, later) = (start.clone(), later.clone());
        use_reducer(move || {
            let (state, arrival) = initial_state(embed, &start);
            *later.borrow_mut() = arrival;
            state
        })
    };
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if let Some(arrival) = later.borrow_mut().take() {
                state.dispatch(Action::Arrive(Box::new(arrival)));
            }
        });
    }
    state
}

/// The state the app starts with: an embedded app's presets; or what was remembered,
/// a share link on top, and what the person entered before the app was ready; or,
/// hydrating the prerendered first screen, that screen's, with what the page held to
/// take in after the first render (none when it is nothing, the usual first visit:
/// then no second render comes before the form is interactive); or, prerendering, the
/// first screen with no day and no browser.
fn initial_state(embed: Option<Rc<Embed>>, start: &Start) -> (AppState, Option<Arrival>) {
    match (embed, start) {
        (Some(embed), _) => (reducer::embedded(embed, page::today()), None),
        (None, Start::Fresh { early }) => (reducer::started(page::today(), arrival(early)), None),
        (None, Start::Hydrate { early }) => {
            let arrival = arrival(early);
            if arrival.is_nothing() {
                (reducer::hydrating(page::today(), Arrived::Yes), None)
            } else {
                (
                    reducer::hydrating(page::today(), Arrived::Not),
                    Some(arrival),
                )
            }
        }
        // The first screen shows no date: the browser's day replaces this one.
        (None, Start::Prerender) => (AppState::new(String::new()), None),
    }
}

/// What the page holds: what was remembered, a share link, and the early input.
fn arrival(early: &[Edit]) -> Arrival {
    Arrival {
        remembered: load(),
        link: share::read_fragment(&page::hash()),
        early: early.to_vec(),
    }
}

/// What was remembered, if anything.
fn load() -> Result<Option<Saved>, StorageError> {
    let text = storage::get(saved::KEY).map_err(|_| StorageError::Unavailable)?;
    match text {
        None => Ok(None),
        Some(text) => saved::decode(&text)
            .map(Some)
            .map_err(|why| StorageError::Unreadable { why, raw: text }),
    }
}

/// Writes the one key.
fn save(remembered: &Remembered) -> Result<(), Unavailable> {
    storage::set(saved::KEY, &saved::encode(remembered)).map_err(|_| Unavailable)
}

/// Removes every key of ours.
fn erase() -> Result<(), Unavailable> {
    storage::remove_prefixed(saved::PREFIX).map_err(|_| Unavailable)
}

/// Moves the focus (in a widget, within its shadow root); a step or page starts at
/// the top of the page.
fn move_focus(to: Focus, widget: Option<&Element>) {
    let id = focus::element_id(to);
    match widget {
        Some(root) => page::focus_within(root, &id),
        None => {
            if to.opens_view() {
                page::scroll_to_top();
            }
            page::focus(&id);
        }
    }
}

fn perform(
    effect: &Effect,
    state: &AppState,
    dispatch: &Callback<Action>,
    widget: Option<&Element>,
) {
    match effect {
        Effect::Focus(to) => move_focus(*to, widget),
        Effect::ClearFragment => page::clear_hash(),
        Effect::Store => {
            if let Some(remembered) = state.remembered() {
                dispatch.emit(Action::Stored(save(&remembered)));
            }
        }
        Effect::Erase(why) => dispatch.emit(Action::Erased(*why, erase())),
    }
}

/// Performs, after each render, the requests of the state's outbox not performed yet,
/// in the order asked.
#[hook]
pub fn use_requests(
    state: &UseReducerHandle<AppState>,
    dispatch: &Callback<Action>,
    widget: Option<Element>,
) {
    let performed = use_mut_ref(|| 0u32);
    let (state, dispatch) = (state.clone(), dispatch.clone());
    use_effect_with(state.outbox.last(), move |&last| {
        let done = *performed.borrow();
        for request in state.outbox.after(done) {
            perform(&request.effect, &state, &dispatch, widget.as_ref());
        }
        *performed.borrow_mut() = last;
    });
}

/// `<html lang>` and the title follow the language; a widget leaves the host page's
/// alone (its root has `lang`).
#[hook]
pub fn use_page_language(lang: zhicheng_engine::Lang, own_page: bool) {
    use_effect_with((lang, own_page), |&(lang, own_page)| {
        if own_page {
            page::set_language(i18n::html_lang(lang), i18n::APP_NAME.get(lang));
        }
    });
}

/// Large text enlarges every `rem` of the page: `large-text` on `<html>` (a widget
/// has it on its root only, where www/embed.js made its `rem`s follow it).
#[hook]
pub fn use_text_size(size: TextSize, own_page: bool) {
    use_effect_with((size, own_page), |&(size, own_page)| {
        if own_page {
            page::set_root_class("large-text", size == TextSize::Large);
        }
    });
}

/// A frame tells its host the verdict status, if the host asked (src/embed.rs).
#[hook]
pub fn use_status_report(embed: Option<Rc<Embed>>, status: Option<Status>) {
    use_effect_with((embed, status), |(embed, status)| {
        if let Some(embed) = embed {
            embed::report_status(embed, *status);
        }
    });
}

/// A share link opened while the app is open (the fragment changes, no reload)
/// arrives as an action; so does a short link (`#z=`, a QR code's) the page opened
/// with, once the browser has inflated it. An embedded app reads none.
#[hook]
pub fn use_share_links(dispatch: &Callback<Action>, embedded: bool) {
    let dispatch = dispatch.clone();
    use_effect_with(embedded, move |&embedded| {
        let listening = (!embedded).then(|| {
            // At start a plain link is in the initial state already; a short one
            // needs the browser first.
            if let Some(link @ Link::Deflated(_)) = share::read_link(&page::hash()) {
                open_link(link, dispatch.clone());
            }
            events::on_hash_change(move || {
                if let Some(link) = share::read_link(&page::hash()) {
                    open_link(link, dispatch.clone());
                }
            })
        });
        move || drop(listening)
    });
}

/// A link's profile as an action: at once, or once inflated.
fn open_link(link: Link, dispatch: Callback<Action>) {
    match link {
        Link::Plain(result) => dispatch.emit(Action::OpenShared(result)),
        Link::Deflated(Err(e)) => dispatch.emit(Action::OpenShared(Err(e))),
        Link::Deflated(Ok(bytes)) => yew::platform::spawn_local(async move {
            let result = match compress::inflate_raw(&bytes).await {
                Ok(json) => share::from_json_bytes(json),
                Err(_) => Err(ShareError::NotDeflated),
            };
            dispatch.emit(Action::OpenShared(result));
        }),
    }
}

/// Where the result panel stands beside the form at every step: the stylesheet's wide
/// layout (www/styles.css, `@media (min-width: 64rem)`), and print, where it is the
/// report. Elsewhere (phones) it shows on the result step only.
const PANEL_BESIDE_FORM: &str = "(min-width: 64rem), print";

/// Where the result panel is drawn (see [`PANEL_BESIDE_FORM`]; a compact widget shows
/// it on the result step only, except in print), following the screen and printing.
/// Prerendering (no screen) and hydrating, the first render has it as prerendered (on
/// the result step only); then it follows the screen.
#[hook]
pub fn use_result_panel(compact: bool, as_prerendered: bool) -> Panel {
    let beside =
        use_state_eq(move || !as_prerendered && !compact && page::media_matches(PANEL_BESIDE_FORM));
    let printing = use_state_eq(|| false);
    {
        let (beside, printing) = (beside.setter(), printing.setter());
        use_effect_with(compact, move |&compact| {
            beside.set(!compact && page::media_matches(PANEL_BESIDE_FORM));
            let media = events::on_media_change(PANEL_BESIDE_FORM, move |matches| {
                beside.set(!compact && matches)
            });
            let print = events::on_print(move |now| printing.set(now == Printing::Started));
            move || drop((media, print))
        });
    }
    if *beside || *printing {
        Panel::Beside
    } else {
        Panel::OnResultOnly
    }
}

/// Interactive: the first render with what the page held is in the page (timed by
/// `cargo xtask bench`; hydrating, the render after what the page held arrived, or the
/// first when there was nothing to take in: [`use_store`]).
#[hook]
pub fn use_interactive_mark(arrived: Arrived) {
    use_effect_with(arrived, |&arrived| {
        if arrived == Arrived::Yes {
            page::mark_interactive();
        }
    });
}
