//! The notices above the form: each says what happened in the language shown
//! (`data-notice` names its kind), errors as alerts, with what can be done about it
//! (undo an import, keep or leave a shared link, download or clear unreadable data).

use std::rc::Rc;

use yew::prelude::*;
use zhicheng_engine::Lang;

use crate::i18n;
use crate::phrases;
use crate::share::ShareError;
use crate::store::action::Action;
use crate::store::notice::{Notice, Unreadable};
use crate::views::ctx::Ctx;
use crate::web::files;

/// The kind of a notice, in `data-notice`.
fn name(notice: &Notice) -> &'static str {
    match notice {
        Notice::StorageFailed => "storage-failed",
        Notice::StorageUnreadable(..) => "storage-unreadable",
        Notice::Share(_) => "share-error",
        Notice::SharedLoaded => "shared-loaded",
        Notice::SharedOverSaved => "shared-over-saved",
        Notice::Imported(_) => "imported",
        Notice::ImportFailed(..) => "import-failed",
        Notice::FileUnreadable(_) => "file-unreadable",
        Notice::Cleared => "cleared",
    }
}

fn is_error(notice: &Notice) -> bool {
    matches!(
        notice,
        Notice::StorageFailed
            | Notice::StorageUnreadable(..)
            | Notice::Share(_)
            | Notice::ImportFailed(..)
            | Notice::FileUnreadable(_)
    )
}

fn text(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::StorageFailed => i18n::STORAGE_FAILED.get(lang).into(),
        Notice::StorageUnreadable(Unreadable::Damaged, _) => i18n::STORAGE_DAMAGED.get(lang).into(),
        Notice::StorageUnreadable(Unreadable::OtherVersion(v), _) => {
            phrases::storage_other_version(v, lang)
        }
        Notice::Share(ShareError::NotBase64) => i18n::SHARE_NOT_BASE64.get(lang).into(),
        Notice::Share(ShareError::NotDeflated) => i18n::SHARE_NOT_DEFLATED.get(lang).into(),
        Notice::Share(ShareError::NotText) => i18n::SHARE_NOT_TEXT.get(lang).into(),
        Notice::Share(ShareError::NotProfile(e)) => phrases::share_not_profile(e, lang),
        Notice::SharedLoaded => i18n::SHARED_LOADED.get(lang).into(),
        Notice::SharedOverSaved => i18n::SHARED_OVER_SAVED.get(lang).into(),
        Notice::Imported(name) => phrases::imported_file(name, lang),
        Notice::ImportFailed(name, e) => phrases::import_failed(name, e, lang),
        Notice::FileUnreadable(name) => phrases::file_unreadable(name, lang),
        Notice::Cleared => i18n::CLEARED.get(lang).into(),
    }
}

/// Downloads remembered data as it is stored, so nothing is lost before it is cleared.
fn download_saved(raw: Rc<String>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        files::download("zhicheng-saved-data.json", "application/json", &raw);
    })
}

pub fn view(c: &Ctx) -> Html {
    html! {
        <div class="notices">
            { for c.state.notices.iter().enumerate().map(|(i, n)| {
                let undo = n.offers_undo() && c.state.undo.is_some();
                html! {
                    <div class={classes!("notice", if is_error(n) { "notice-error" } else { "notice-info" })}
                        role={if is_error(n) { "alert" } else { "status" }} data-notice={name(n)}>
                        <p>{ text(n, c.lang) }</p>
                        <div class="notice-actions">
                            if *n == Notice::SharedOverSaved {
                                <button type="button" class="button secondary" id="remember-shared"
                                    onclick={c.send(Action::RememberShared)}>{ c.t(i18n::REMEMBER_THIS) }</button>
                                <button type="button" class="button secondary" id="back-to-saved"
                                    onclick={c.send(Action::BackToSaved)}>{ c.t(i18n::BACK_TO_SAVED) }</button>
                            }
                            if let Notice::StorageUnreadable(_, raw) = n {
                                <button type="button" class="button secondary" id="download-saved"
                                    onclick={download_saved(raw.clone())}>{ c.t(i18n::DOWNLOAD_SAVED) }</button>
                                <button type="button" class="button secondary" id="clear-saved"
                                    onclick={c.send(Action::ClearUnreadable)}>{ c.t(i18n::CLEAR_SAVED) }</button>
                            }
                            if undo {
                                <button type="button" class="button secondary"
                                    onclick={c.send(Action::Undo)}>{ c.t(i18n::UNDO) }</button>
                            }
                            <button type="button" class="button link dismiss"
                                onclick={c.send(Action::Dismiss(i))}>{ c.t(i18n::DISMISS) }</button>
                        </div>
                    </div>
                }
            }) }
        </div>
    }
}
