//! The app's pages: the self-check, batch screening for HR offices, and about these
//! rules. A new page is a variant here, its label, and an arm in `app::App`.

use crate::i18n::{self, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    SelfCheck,
    Batch,
    About,
}

impl Page {
    pub const ALL: [Page; 3] = [Page::SelfCheck, Page::Batch, Page::About];

    pub fn label(self) -> Text {
        match self {
            Page::SelfCheck => i18n::PAGE_SELF_CHECK,
            Page::Batch => i18n::PAGE_BATCH,
            Page::About => i18n::PAGE_ABOUT,
        }
    }

    /// The name in `data-page` attributes.
    pub fn as_str(self) -> &'static str {
        match self {
            Page::SelfCheck => "self-check",
            Page::Batch => "batch",
            Page::About => "about",
        }
    }
}
