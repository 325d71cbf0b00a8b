//! The reducer: each action gives a new state and the effects it asks for, and
//! nothing else happens here (no browser call, no element id). Also the state the app
//! starts with, from what the browser held (given, not read, here).

use std::rc::Rc;

use yew::Reducible;
use zhicheng_engine::Profile;

use super::action::Action;
use super::arrival::Arrival;
use super::effect::{Effect, Erase};
use super::focus::Focus;
use super::notice::Notice;
use super::page::Page;
use super::saved::StorageError;
use super::state::{AppState, Arrived, CsvReport, Remembering, Reveal, ShareBox};
use crate::embed::Options as Embed;
use crate::form::edit::Edit;
use crate::form::field::{Field, Name};
use crate::form::step::Step;
use crate::form::typed::Form;
use crate::share::ShareError;

/// What one action does: the new state, and the effects it asks for (in order).
#[derive(Debug)]
pub struct Reduced {
    pub state: AppState,
    pub effects: Vec<Effect>,
}

/// Applies one action. Whenever what is remembered changes while "remember" is on,
/// the effects include [`Effect::Store`].
pub fn reduce(before: &AppState, action: Action) -> Reduced {
    let mut state = before.clone();
    let mut effects = Vec::new();
    state.apply(action, &mut effects);
    let now = state.remembered();
    if now.is_some() && now != before.remembered() {
        effects.push(Effect::Store);
    }
    Reduced { state, effects }
}

/// Yew's side of the flow: the effects go to the state's outbox, for the app to
/// perform after the render; an action that changes nothing keeps the same state (and
/// so draws nothing again).
impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let Reduced { mut state, effects } = reduce(&self, action);
        if effects.is_empty() && state == *self {
            return self;
        }
        for effect in effects {
            state.outbox.request(effect);
        }
        Rc::new(state)
    }
}

/// The state of an embedded app: its presets, nothing remembered or shared.
pub fn embedded(embed: Rc<Embed>, today: String) -> AppState {
    let mut s = AppState::new(today);
    s.form = Rc::new(embed.form());
    s.lang = embed.lang.unwrap_or_default();
    s.embed = Some(embed);
    s
}

/// The state of a page rendered from nothing: what it held taken in at once (the
/// effects that asks for are performed after the first render; what was entered early
/// is remembered at once when remembering is on, as `Action::Arrive` would).
pub fn started(today: String, arrival: Arrival) -> AppState {
    let entered_early = !arrival.early.is_empty();
    let mut s = AppState::new(today);
    let mut fx = Vec::new();
    s.arrive(arrival, &mut fx);
    if entered_early && s.remembered().is_some() {
        fx.push(Effect::Store);
    }
    for effect in fx {
        s.outbox.request(effect);
    }
    s
}

/// The state of the page hydrated over the prerendered first screen: that screen's,
/// until `Action::Arrive` (src/store/arrival.rs); when what the page held is nothing
/// to take in (`Arrival::is_nothing`, the usual first visit), that screen's state is
/// the whole state, arrived, and no action follows.
pub fn hydrating(today: String, page_held: Arrived) -> AppState {
    AppState {
        arrived: page_held,
        ..AppState::new(today)
    }
}

impl AppState {
    /// Shows a notice, replacing one of the same kind.
    fn notice(&mut self, notice: Notice) {
        self.notices.retain(|n| !n.same_kind(&notice));
        self.notices.push(notice);
    }

    fn forget_notices(&mut self, which: impl Fn(&Notice) -> bool) {
        self.notices.retain(|n| !which(n));
    }

    /// Replaces the form with data from outside (a file or a link).
    fn load(&mut self, profile: &Profile) {
        // Undo only when there was something to go back to.
        self.undo = (*self.form != Form::default()).then(|| self.form.clone());
        self.form = Rc::new(Form::from_profile(profile));
        self.reveal = Reveal::All;
        self.csv = None;
        self.share = ShareBox::Closed;
    }

    fn open_shared(&mut self, link: Result<Profile, ShareError>) {
        match link {
            Err(e) => self.notice(Notice::Share(e)),
            Ok(profile) => {
                if self.remembering == Remembering::On {
                    // Remembered data is kept aside, untouched, and nothing is written
                    // until the user chooses.
                    self.remembering = Remembering::AsideForLink(self.form.clone());
                }
                self.load(&profile);
                self.notice(match self.remembering {
                    Remembering::AsideForLink(_) => Notice::SharedOverSaved,
                    Remembering::Off | Remembering::On => Notice::SharedLoaded,
                });
                self.step = Step::Result;
            }
        }
    }

    /// Takes in what the page held: what was remembered, a share link on top, then what
    /// the person entered before the app was ready.
    fn arrive(&mut self, arrival: Arrival, fx: &mut Vec<Effect>) {
        let Arrival {
            remembered,
            link,
            early,
        } = arrival;
        match remembered {
            Ok(Some(saved)) => {
                self.form = Rc::new(saved.form);
                self.lang = saved.lang;
                self.text_size = saved.text_size;
                self.step = saved.step;
                self.ticked = Rc::new(saved.ticked);
                self.affiliation = Rc::new(saved.affiliation);
                self.remembering = Remembering::On;
                self.reveal = Reveal::All;
            }
            Ok(None) | Err(StorageError::Unavailable) => {}
            Err(StorageError::Unreadable { why, raw }) => {
                self.notice(Notice::StorageUnreadable(why, Rc::new(raw)))
            }
        }
        if let Some(link) = link {
            self.open_shared(link);
        }
        for edit in early {
            self.edit(edit, fx);
        }
        self.arrived = Arrived::Yes;
    }

    fn touch(&mut self, field: Field) {
        if !self.touched.contains(&field) {
            Rc::make_mut(&mut self.touched).insert(field);
        }
    }

    fn apply(&mut self, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::Edit(edit) => self.edit(edit, fx),
            Action::Touch(field) => self.touch(field),
            Action::Lang(lang) => self.lang = lang,
            Action::TextSize(size) => self.text_size = size,
            Action::Page(page) => {
                self.page = page;
                fx.push(Effect::Focus(match page {
                    Page::SelfCheck => Focus::Step(self.step),
                    Page::Batch | Page::About => Focus::Page(page),
                }));
            }
            Action::Go(step) => {
                // Leaving a step shows what it still lacks when the user comes back.
                let left = self.step;
                for (field, _) in self.form.check().problems {
                    if field.step() == left {
                        self.touch(field);
                    }
                }
                self.step = step;
                fx.push(Effect::Focus(Focus::Step(step)));
            }
            Action::GoToField(field) => {
                self.step = field.step();
                self.touch(field);
                fx.push(Effect::Focus(Focus::Field(field)));
            }
            Action::Remember(true) => {
                // Ticking it while a share link is shown means: keep this one; the
                // link is then no longer needed in the address.
                self.remembering = Remembering::On;
                self.forget_notices(|n| {
                    matches!(n, Notice::SharedOverSaved | Notice::StorageFailed)
                });
                fx.push(Effect::ClearFragment);
            }
            Action::Remember(false) => {
                self.remembering = Remembering::Off;
                fx.push(Effect::Erase(Erase::Forget));
            }
            Action::ClearAll => {
                let fresh = match self.embed.take() {
                    Some(embed) => embedded(embed, self.today.clone()),
                    None => AppState::new(self.today.clone()),
                };
                *self = AppState {
                    lang: self.lang,
                    outbox: std::mem::take(&mut self.outbox),
                    ..fresh
                };
                self.notice(Notice::Cleared);
                fx.extend([
                    Effect::Erase(Erase::Everything),
                    Effect::ClearFragment,
                    Effect::Focus(Focus::Step(self.step)),
                ]);
            }
            Action::Arrive(arrival) => self.arrive(*arrival, fx),
            Action::OpenShared(link) => self.open_shared(link),
            Action::RememberShared => {
                if let Remembering::AsideForLink(_) = self.remembering {
                    self.remembering = Remembering::On;
                }
                self.forget_notices(|n| *n == Notice::SharedOverSaved);
                fx.push(Effect::ClearFragment);
            }
            Action::BackToSaved => {
                if let Remembering::AsideForLink(saved) = &self.remembering {
                    self.form = saved.clone();
                    self.remembering = Remembering::On;
                }
                self.undo = None;
                self.forget_notices(|n| *n == Notice::SharedOverSaved);
                fx.push(Effect::ClearFragment);
            }
            Action::ImportProfile { name, result } => match result {
                Ok(profile) => {
                    self.load(&profile);
                    self.notice(Notice::Imported(name));
                    self.step = Step::Result;
                    fx.push(Effect::Focus(Focus::Step(Step::Result)));
                }
                Err(e) => self.notice(Notice::ImportFailed(name, e)),
            },
            Action::FileUnreadable(name) => self.notice(Notice::FileUnreadable(name)),
            Action::CsvImported { name, import } => {
                self.undo = Some(self.form.clone());
                Rc::make_mut(&mut self.form).apply(Edit::AppendRecords(import.records.clone()));
                self.csv = Some(Rc::new(CsvReport {
                    name,
                    imported: import.records.len(),
                    errors: import.errors,
                    repeats: import.repeats,
                }));
                fx.push(Effect::Focus(Focus::CsvReport));
            }
            Action::Undo => {
                if let Some(previous) = self.undo.take() {
                    self.form = previous;
                    self.csv = None;
                    self.forget_notices(Notice::offers_undo);
                }
            }
            Action::Dismiss(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Action::ClearUnreadable => {
                self.forget_notices(|n| matches!(n, Notice::StorageUnreadable(..)));
                fx.push(Effect::Erase(Erase::Unreadable));
            }
            Action::OpenShareBox => self.share = ShareBox::Open { copied: None },
            Action::CloseShareBox => self.share = ShareBox::Closed,
            Action::Copied(copied) => {
                if let ShareBox::Open { .. } = self.share {
                    self.share = ShareBox::Open {
                        copied: Some(copied),
                    };
                }
            }
            Action::Tick { rule_set, no, on } => {
                Rc::make_mut(&mut self.ticked).set(&rule_set, no, on)
            }
            Action::Employer(employer) => Rc::make_mut(&mut self.affiliation).employer = employer,
            Action::Graduate(on) => Rc::make_mut(&mut self.affiliation).graduate = on,
            Action::Stored(result) => {
                if result.is_err() {
                    self.notice(Notice::StorageFailed);
                }
            }
            Action::Erased(why, result) => match (why, result) {
                // The form is emptied and says so; storage that cannot be used holds
                // nothing of ours anyway.
                (Erase::Everything, _) => {}
                (Erase::Forget, Ok(())) => {}
                (Erase::Unreadable, Ok(())) => self.notice(Notice::Cleared),
                (Erase::Forget | Erase::Unreadable, Err(_)) => self.notice(Notice::StorageFailed),
            },
        }
    }

    fn edit(&mut self, edit: Edit, fx: &mut Vec<Effect>) {
        let added = match &edit {
            Edit::Add(list) => Some(*list),
            _ => None,
        };
        let adding_year = edit == Edit::CeAddYear;
        let form = Rc::make_mut(&mut self.form);
        form.apply(edit);
        if adding_year && form.ce_new_year.is_empty() {
            // The year was added: what it was typed as no longer needs saying.
            Rc::make_mut(&mut self.touched).remove(&Field::new(Name::CeNewYear));
        }
        if let Some(list) = added {
            // The new row's first field, to be typed in.
            let rows = (list.def().rows.len)(form);
            if let Some(first) = list.first_field(rows.saturating_sub(1)) {
                fx.push(Effect::Focus(Focus::Field(first)));
            }
        }
        if let ShareBox::Open { .. } = self.share {
            self.share = ShareBox::Open { copied: None };
        }
    }
}
