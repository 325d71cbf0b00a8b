//! localStorage as values: a storage that is missing, disabled or throws (full,
//! private mode, a getter that throws) is [`Unavailable`], never a panic.
//!
//! The handle comes from gloo-storage (`LocalStorage::raw()`), asked for only once the
//! window has said it has one: `raw()` itself throws where there is none. Its typed
//! `get`/`set` are not used: they store every value as JSON of it (a string would be
//! written quoted, which is not `zhicheng:v1`'s text), through serde_json, and they
//! give up on a storage that throws something other than an `Error`.

use gloo::storage::{LocalStorage, Storage as _};

/// Storage could not be used: there is none, or it threw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

fn local() -> Result<web_sys::Storage, Unavailable> {
    let window = web_sys::window().ok_or(Unavailable)?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        Ok(None) | Err(_) => Err(Unavailable),
    }
}

/// The text stored under `key`, if any.
pub fn get(key: &str) -> Result<Option<String>, Unavailable> {
    local()?.get_item(key).map_err(|_| Unavailable)
}

/// Stores `value` under `key`.
pub fn set(key: &str, value: &str) -> Result<(), Unavailable> {
    local()?.set_item(key, value).map_err(|_| Unavailable)
}

/// Removes every key that starts with `prefix`.
pub fn remove_prefixed(prefix: &str) -> Result<(), Unavailable> {
    let storage = local()?;
    let len = storage.length().map_err(|_| Unavailable)?;
    let ours: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect();
    for key in ours {
        storage.remove_item(&key).map_err(|_| Unavailable)?;
    }
    Ok(())
}
