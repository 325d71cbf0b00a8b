//! The self-check's state: the form, the language, the text size, the step, the
//! page, whether data
//! is remembered, the notices, what an import brought, the share box, and what the
//! where-to-apply section keeps (ticks, employer, 初定). Also the requests of effects
//! not yet performed (`Outbox`). Changed only by the reducer (`store::reducer`).

use std::rc::Rc;
use zhicheng_engine::sorted::{SortedMap, SortedSet};

use zhicheng_engine::apply::Applicant;
use zhicheng_engine::json::Json;
use zhicheng_engine::Lang;
use zhicheng_formats::ce_csv::{LineError, Repeat};

use super::effect::Outbox;
use super::notice::Notice;
use super::page::Page;
use crate::embed::Options as Embed;
use crate::form::field::Field;
use crate::form::step::Step;
use crate::form::typed::Form;

/// The size of the app's text: large (适老化) enlarges the whole app, a setting of
/// its own (www/styles.css `large-text`), not the browser's zoom.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TextSize {
    #[default]
    Standard,
    Large,
}

impl TextSize {
    /// The other size (what the header's switch turns it to).
    pub fn toggled(self) -> TextSize {
        match self {
            TextSize::Standard => TextSize::Large,
            TextSize::Large => TextSize::Standard,
        }
    }
}

/// Whether the data is remembered on this device ("Remember my data").
#[derive(Debug, Clone, PartialEq)]
pub enum Remembering {
    /// Not ticked: nothing is stored.
    Off,
    /// Ticked: the form is written after every change.
    On,
    /// Ticked, but a share link is shown: the remembered form is kept aside,
    /// untouched, and nothing is written until the user chooses.
    AsideForLink(Rc<Form>),
}

/// Whose problems are shown next to their fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reveal {
    /// Those of the fields the user has left (`touched`): nobody is told off while
    /// still typing.
    Left,
    /// All at once: the data came from storage, a file or a link.
    All,
}

/// Whether the share link was copied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    Done,
    Failed,
}

/// The share link's box under "your data".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareBox {
    Closed,
    Open { copied: Option<Copied> },
}

/// What a CSV import brought in.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvReport {
    pub name: String,
    pub imported: usize,
    pub errors: Vec<LineError>,
    pub repeats: Vec<Repeat>,
}

/// The materials ticked off, by rule set id. Held in memory, and written to storage
/// with the rest of the form only when the user chose "remember" (src/storage.rs).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Ticked(SortedMap<String, SortedSet<u32>>);

impl Ticked {
    pub fn is_ticked(&self, rule_set: &str, no: u32) -> bool {
        self.0.get(rule_set).is_some_and(|s| s.contains(&no))
    }

    pub fn set(&mut self, rule_set: &str, no: u32, on: bool) {
        let set = self.0.get_or_default(rule_set.to_string());
        if on {
            set.insert(no);
        } else {
            set.remove(&no);
        }
        if set.is_empty() {
            self.0.remove(rule_set);
        }
    }

    /// `{"zj-jxt-gaogong-2020":[1,5]}`.
    pub fn to_json(&self) -> Json {
        Json::Object(
            self.0
                .iter()
                .map(|(id, nos)| {
                    let nos = nos.iter().map(|&n| Json::int(n.into())).collect();
                    (id.clone(), Json::Array(nos))
                })
                .collect(),
        )
    }

    /// Reads what [`Ticked::to_json`] wrote; anything else counts as nothing ticked.
    pub fn from_json(v: Option<&Json>) -> Ticked {
        let mut out = Ticked::default();
        if let Some(Json::Object(sets)) = v {
            for (id, nos) in sets {
                let Json::Array(nos) = nos else { continue };
                for n in nos {
                    if let Json::Number(n) = n {
                        if let Ok(n) = n.parse() {
                            out.set(id, n, true);
                        }
                    }
                }
            }
        }
        out
    }
}

/// What the person tells the where-to-apply section besides the form: their employer
/// and whether they ask for 初定, for the committees only for some people. Held in
/// memory and stored with the ticks only when the user chose "remember"; never in a
/// share link.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Affiliation {
    pub employer: String,
    pub graduate: bool,
}

impl Affiliation {
    /// As the engine asks it.
    pub fn applicant(&self) -> Applicant<'_> {
        let employer = self.employer.trim();
        Applicant {
            employer: (!employer.is_empty()).then_some(employer),
            graduate: self.graduate,
        }
    }
}

/// What "remember" keeps under `zhicheng:v1`, as it is now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Remembered<'a> {
    pub form: &'a Form,
    pub lang: Lang,
    pub text_size: TextSize,
    pub step: Step,
    pub ticked: &'a Ticked,
    pub affiliation: &'a Affiliation,
}

/// Whether what the page held at start (`arrival::Arrival`) is in the state yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrived {
    /// Hydrating: the state is the prerendered first screen's.
    Not,
    Yes,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// Embedded in an HR page (src/embed.rs): its options; `None` for the app's own page.
    pub embed: Option<Rc<Embed>>,
    pub page: Page,
    pub form: Rc<Form>,
    pub lang: Lang,
    pub text_size: TextSize,
    pub step: Step,
    pub remembering: Remembering,
    /// The fields the user has left.
    pub touched: Rc<SortedSet<Field>>,
    pub reveal: Reveal,
    pub notices: Vec<Notice>,
    pub csv: Option<Rc<CsvReport>>,
    /// The form before the last import, for "undo".
    pub undo: Option<Rc<Form>>,
    pub share: ShareBox,
    /// Today on this device (the printed report's date; the engine never sees it).
    pub today: String,
    /// The materials ticked off (stored only with "remember").
    pub ticked: Rc<Ticked>,
    /// Employer and 初定, told on the where-to-apply section (stored only with
    /// "remember", never shared).
    pub affiliation: Rc<Affiliation>,
    /// Effects asked for, to be performed after the render.
    pub outbox: Outbox,
    /// Whether what the page held at start is in the state yet (src/store/arrival.rs).
    pub arrived: Arrived,
}

impl AppState {
    /// A new, empty self-check.
    pub fn new(today: String) -> AppState {
        AppState {
            embed: None,
            page: Page::SelfCheck,
            form: Rc::new(Form::default()),
            lang: Lang::Zh,
            text_size: TextSize::Standard,
            step: Step::Target,
            remembering: Remembering::Off,
            touched: Rc::default(),
            reveal: Reveal::Left,
            notices: Vec::new(),
            csv: None,
            undo: None,
            share: ShareBox::Closed,
            today,
            ticked: Rc::default(),
            affiliation: Rc::default(),
            outbox: Outbox::default(),
            arrived: Arrived::Yes,
        }
    }

    /// What is to be written under `zhicheng:v1`: only while "remember" is on and no
    /// share link is shown over remembered data.
    pub fn remembered(&self) -> Option<Remembered<'_>> {
        (self.remembering == Remembering::On).then(|| Remembered {
            form: &self.form,
            lang: self.lang,
            text_size: self.text_size,
            step: self.step,
            ticked: &self.ticked,
            affiliation: &self.affiliation,
        })
    }

    /// Whether "remember" is ticked (also while a share link is shown over it).
    pub fn remembers(&self) -> bool {
        self.remembering != Remembering::Off
    }

    /// Whether the problems of `field` are shown.
    pub fn reveals(&self, field: Field) -> bool {
        self.reveal == Reveal::All || self.touched.contains(&field)
    }
}
