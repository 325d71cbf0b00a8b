//! "Your data": remember on this device (opt-in), clear it all, export and import a
//! `zhicheng-profile/1` file, and a share link carrying the profile in the fragment.

use yew::prelude::*;
use zhicheng_engine::Profile;

use crate::i18n;
use crate::share;
use crate::store::action::Action;
use crate::store::state::{Copied, Remembering, ShareBox};
use crate::views::ctx::Ctx;
use crate::web::{files, input, page};

fn import_input(c: &Ctx) -> Html {
    let dispatch = c.dispatch.clone();
    let on_file = Callback::from(move |e: Event| {
        let Some(file) = files::chosen(&e) else {
            return;
        };
        let dispatch = dispatch.clone();
        yew::platform::spawn_local(async move {
            let name = file.name();
            dispatch.emit(match files::text(&file).await {
                Ok(text) => Action::ImportProfile {
                    name,
                    result: Profile::from_json(&text),
                },
                Err(_) => Action::FileUnreadable(name),
            });
        });
    });
    html! {
        <>
            <input type="file" id="import-profile" class="file-input" accept=".json,application/json"
                onchange={on_file} />
            <label for="import-profile" class="button secondary file-label">{ c.t(i18n::IMPORT) }</label>
        </>
    }
}

fn share_box(c: &Ctx, link: &str, copied: Option<Copied>) -> Html {
    let copy = {
        let dispatch = c.dispatch.clone();
        let link = link.to_string();
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            let link = link.clone();
            yew::platform::spawn_local(async move {
                let copied = match page::copy(&link).await {
                    Ok(()) => Copied::Done,
                    Err(_) => Copied::Failed,
                };
                dispatch.emit(Action::Copied(copied));
            });
        })
    };
    html! {
        <div class="share-box">
            <label for="share-link">{ c.t(i18n::SHARE_LINK) }</label>
            <p class="hint" id="share-link-hint">{ c.t(i18n::SHARE_HINT) }</p>
            <input id="share-link" type="text" readonly=true value={link.to_string()}
                aria-describedby="share-link-hint" />
            <div class="buttons">
                <button type="button" class="button secondary" id="copy-share-link" onclick={copy}>
                    { c.t(i18n::COPY) }
                </button>
                <button type="button" class="button link" onclick={c.send(Action::CloseShareBox)}>
                    { c.t(i18n::HIDE) }
                </button>
            </div>
            <p class="copy-state" role="status">
                { match copied {
                    Some(Copied::Done) => c.t(i18n::COPIED),
                    Some(Copied::Failed) => c.t(i18n::COPY_FAILED),
                    None => "",
                } }
            </p>
        </div>
    }
}

pub fn view(c: &Ctx) -> Html {
    let profile = c.eval.checked.profile.as_ref();
    let export = {
        let form = c.state.form.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = form.check().profile {
                files::download(
                    "zhicheng-profile.json",
                    "application/json",
                    &p.to_json_pretty(),
                );
            }
        })
    };
    let remember = c
        .dispatch
        .reform(|e: Event| Action::Remember(input::checked(&e)));
    let share = match (c.state.share, profile) {
        (ShareBox::Open { copied }, Some(p)) => {
            let link = format!("{}#{}", page::address(), share::fragment(p));
            Some((link, copied))
        }
        _ => None,
    };
    html! {
        <section class="data-panel" aria-labelledby="data-heading">
            <h2 id="data-heading">{ c.t(i18n::YOUR_DATA) }</h2>
            <p class="privacy">{ c.t(i18n::PRIVACY) }</p>
            <div class="checkbox remember">
                <input type="checkbox" id="remember" checked={c.state.remembering == Remembering::On}
                    aria-describedby="remember-hint" onchange={remember} />
                <label for="remember">{ c.t(i18n::REMEMBER) }</label>
                <p class="hint" id="remember-hint">{ c.t(i18n::REMEMBER_HINT) }</p>
            </div>
            <div class="buttons">
                <button type="button" class="button secondary" id="export-profile"
                    disabled={profile.is_none()} aria-describedby="file-hint" onclick={export}>
                    { c.t(i18n::EXPORT) }
                </button>
                { import_input(c) }
                <button type="button" class="button secondary" id="make-share-link"
                    disabled={profile.is_none()} onclick={c.send(Action::OpenShareBox)}>
                    { c.t(i18n::SHARE) }
                </button>
            </div>
            <p class="hint" id="file-hint">
                { c.t(i18n::FILE_HINT) }
                if profile.is_none() {
                    { " " }{ c.t(i18n::NEED_COMPLETE) }
                }
            </p>
            if let Some((link, copied)) = share {
                { share_box(c, &link, copied) }
            }
            <div class="danger-zone">
                <button type="button" class="button danger" id="clear-data"
                    aria-describedby="clear-hint" onclick={c.send(Action::ClearAll)}>
                    { c.t(i18n::CLEAR_DATA) }
                </button>
                <p class="hint" id="clear-hint">{ c.t(i18n::CLEAR_DATA_HINT) }</p>
            </div>
        </section>
    }
}
