//! What the page held when the app started — remembered data, a share link, what the
//! person entered on the prerendered first screen before the app was ready — and
//! whether it is in the state yet. A page rendered from nothing takes it in at once
//! (`reducer::started`); a page hydrated over the build's prerendered first screen
//! first draws that screen's state exactly, then takes it in as one action
//! (`Action::Arrive`), so the hydration finds what was prerendered — unless there is
//! nothing to take in (`Arrival::is_nothing`), when that state is already the whole.

use zhicheng_engine::Profile;

use super::saved::{Saved, StorageError};
use crate::form::edit::Edit;
use crate::share::ShareError;

/// What the page held when the app started.
#[derive(Debug, Clone, PartialEq)]
pub struct Arrival {
    /// What "remember" kept, if anything (or why it cannot be read).
    pub remembered: Result<Option<Saved>, StorageError>,
    /// A share link in the address (`#profile=`), if any.
    pub link: Option<Result<Profile, ShareError>>,
    /// What the person typed, chose or ticked before the app was ready, in the form's
    /// order (src/form/early.rs): applied last, so nothing they entered is lost.
    pub early: Vec<Edit>,
}

impl Arrival {
    /// Whether taking it in would change nothing but its being in (nothing remembered,
    /// storage readable or not there at all, no link, nothing entered early): the
    /// usual first visit. A hydrated page then has its whole state from the start.
    pub fn is_nothing(&self) -> bool {
        matches!(self.remembered, Ok(None) | Err(StorageError::Unavailable))
            && self.link.is_none()
            && self.early.is_empty()
    }
}
