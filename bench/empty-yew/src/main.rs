//! An empty Yew app: one heading, and the `interactive` mark after its first render
//! (as the app sets it), so `cargo xtask bench` can time its start-up in the same way.
//! It renders into its page's `<div id="app">`, as the app does, so that the bench's
//! copy of the page with the app's first screen before that element keeps the screen
//! (Yew empties the element it renders into).

use yew::prelude::*;

#[component]
fn App() -> Html {
    use_effect_with((), |_| {
        if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
            let _ = performance.mark("interactive");
        }
    });
    html! { <h1>{ "Hello" }</h1> }
}

fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .expect("index.html has <div id=\"app\">");
    yew::Renderer::<App>::with_root(root).render();
}
