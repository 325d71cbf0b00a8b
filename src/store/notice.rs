//! The messages shown above the form (what the views write for each is theirs:
//! src/views/notices.rs), and why remembered data cannot be read.

use std::rc::Rc;

use zhicheng_engine::InputError;

use crate::share::ShareError;

/// Why remembered data cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// Not what this app writes: broken JSON, or a form it cannot read.
    Damaged,
    /// Written by another version of the app (`v` says which).
    OtherVersion(String),
}

/// A message above the form.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    StorageFailed,
    /// Remembered data that cannot be read: why, and its text (for the download).
    StorageUnreadable(Unreadable, Rc<String>),
    Share(ShareError),
    SharedLoaded,
    SharedOverSaved,
    Imported(String),
    ImportFailed(String, InputError),
    FileUnreadable(String),
    Cleared,
}

impl Notice {
    /// Whether a notice of this kind stands in place of `other` (one of each kind is
    /// shown).
    pub fn same_kind(&self, other: &Notice) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }

    /// Whether the notice offers to undo (a file or link replaced the form).
    pub fn offers_undo(&self) -> bool {
        matches!(self, Notice::Imported(_) | Notice::SharedLoaded)
    }
}
