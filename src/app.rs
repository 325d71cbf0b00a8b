//! The top-level component: a profile text area, checked on every input.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::{example::EXAMPLE_PROFILE, view};

/// The whole page: heading, profile input and the verdict for it.
#[component]
pub fn App() -> Html {
    let profile = use_state(|| EXAMPLE_PROFILE.to_owned());

    let oninput = {
        let profile = profile.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            profile.set(area.value());
        })
    };

    // The engine is pure and fast: evaluate on every render.
    let result = zhicheng_engine::check_json(&profile);

    html! {
        <main class="page">
            <header>
                <h1>{ "职称自测" }</h1>
                <p class="lede">
                    { "粘贴或编辑你的资料（JSON），即时检查是否符合职称申报条件。所有计算都在本机浏览器中完成，资料不会离开你的设备。" }
                </p>
            </header>
            <section class="input" aria-labelledby="profile-label">
                <label id="profile-label" for="profile">{ "申报资料（zhicheng-profile/1）" }</label>
                <textarea
                    id="profile"
                    spellcheck="false"
                    autocomplete="off"
                    rows="18"
                    value={(*profile).clone()}
                    {oninput}
                />
            </section>
            <section class="result" aria-live="polite" aria-labelledby="result-heading">
                <h2 id="result-heading">{ "检查结果" }</h2>
                { view::result(&result) }
            </section>
        </main>
    }
}
