//! An empty Yew app: one heading, and the `interactive` mark after its first render
//! (as the app sets it), so `cargo xtask bench` can time its start-up in the same way.

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
    yew::Renderer::<App>::new().render();
}
