//! Listening to the browser (gloo-events): a media query's answer changing, printing,
//! the address's fragment changing. Each returns a [`Listening`]: dropping it removes
//! the listeners (what a Yew effect's cleanup does).

use gloo::events::EventListener;
use std::rc::Rc;

/// Listeners in place until this is dropped.
#[must_use = "the listeners are removed when this is dropped"]
pub struct Listening {
    /// Held only to be dropped: gloo removes a listener when it is dropped.
    _listeners: Vec<EventListener>,
}

impl Listening {
    fn to(listeners: impl IntoIterator<Item = EventListener>) -> Listening {
        Listening {
            _listeners: listeners.into_iter().collect(),
        }
    }
}

/// Whether the page is being printed (between `beforeprint` and `afterprint`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Printing {
    Started,
    Ended,
}

/// Calls `f` with the media query's answer whenever it changes.
pub fn on_media_change(query: &str, f: impl Fn(bool) + 'static) -> Listening {
    let list = web_sys::window().and_then(|w| w.match_media(query).ok().flatten());
    let listeners = list.map(|list| {
        let answer = list.clone();
        EventListener::new(&list, "change", move |_| f(answer.matches()))
    });
    Listening::to(listeners)
}

/// Calls `f` before the page is printed and after.
pub fn on_print(f: impl Fn(Printing) + 'static) -> Listening {
    let Some(window) = web_sys::window() else {
        return Listening::to([]);
    };
    let f = Rc::new(f);
    let before = {
        let f = f.clone();
        EventListener::new(&window, "beforeprint", move |_| f(Printing::Started))
    };
    let after = EventListener::new(&window, "afterprint", move |_| f(Printing::Ended));
    Listening::to([before, after])
}

/// Calls `f` whenever the fragment changes (a share link opened in an open page).
pub fn on_hash_change(f: impl Fn() + 'static) -> Listening {
    let listener = web_sys::window().map(|w| EventListener::new(&w, "hashchange", move |_| f()));
    Listening::to(listener)
}
