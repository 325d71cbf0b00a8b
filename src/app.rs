//! The app: its state (form, language, step, the storage choice, notices), the
//! actions that change it, the side effects (storage, the page's language, focus,
//! share links arriving in the fragment) and the page layout.

use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;
use zhicheng_engine::{InputError, Lang, Profile};
use zhicheng_formats::ce_csv::{Import, LineError, Repeat};

use crate::about;
use crate::apply_panel::{Affiliation, Ticked};
use crate::batch;
use crate::ctx::Ctx;
use crate::data_panel;
use crate::embed::{self, Options as Embed};
use crate::form::edit::Edit;
use crate::form::evaluation::Evaluation;
use crate::form::field::{Field, Name};
use crate::form::step::Step;
use crate::form::typed::Form;
use crate::i18n;
use crate::pages::{self, Page};
use crate::share::{self, ShareError};
use crate::steps;
use crate::storage::{self, StorageError, Unreadable};
use crate::verdict_view;
use crate::web::events::{self, Printing};
use crate::web::{files, page};

/// What a CSV import brought in.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvReport {
    pub name: String,
    pub imported: usize,
    pub errors: Vec<LineError>,
    pub repeats: Vec<Repeat>,
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
    fn name(&self) -> &'static str {
        match self {
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

    fn is_error(&self) -> bool {
        matches!(
            self,
            Notice::StorageFailed
                | Notice::StorageUnreadable(..)
                | Notice::Share(_)
                | Notice::ImportFailed(..)
                | Notice::FileUnreadable(_)
        )
    }

    fn text(&self, lang: Lang) -> String {
        match self {
            Notice::StorageFailed => i18n::STORAGE_FAILED.get(lang).into(),
            Notice::StorageUnreadable(Unreadable::Damaged, _) => {
                i18n::STORAGE_DAMAGED.get(lang).into()
            }
            Notice::StorageUnreadable(Unreadable::OtherVersion(v), _) => {
                i18n::storage_other_version(v, lang)
            }
            Notice::Share(ShareError::NotBase64) => i18n::SHARE_NOT_BASE64.get(lang).into(),
            Notice::Share(ShareError::NotText) => i18n::SHARE_NOT_TEXT.get(lang).into(),
            Notice::Share(ShareError::NotProfile(e)) => i18n::share_not_profile(e, lang),
            Notice::SharedLoaded => i18n::SHARED_LOADED.get(lang).into(),
            Notice::SharedOverSaved => i18n::SHARED_OVER_SAVED.get(lang).into(),
            Notice::Imported(name) => i18n::imported_file(name, lang),
            Notice::ImportFailed(name, e) => i18n::import_failed(name, e, lang),
            Notice::FileUnreadable(name) => i18n::file_unreadable(name, lang),
            Notice::Cleared => i18n::CLEARED.get(lang).into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Edit(Edit),
    /// The user left a field: its problems may show.
    Touch(Field),
    Lang(Lang),
    Page(Page),
    Go(Step),
    GoToField(Field),
    Remember(bool),
    ClearAll,
    OpenShared(Result<Profile, ShareError>),
    RememberShared,
    BackToSaved,
    ImportProfile {
        name: String,
        result: Result<Profile, InputError>,
    },
    FileUnreadable(String),
    CsvImported {
        name: String,
        import: Import,
    },
    Undo,
    Dismiss(usize),
    StorageFailed,
    /// Unreadable remembered data: removed at the user's request, after the offer to
    /// download it.
    ClearUnreadable,
    ShowShare(bool),
    Copied(bool),
    /// A material of the checklist (where to apply) ticked off or not.
    Tick {
        rule_set: String,
        no: u32,
        on: bool,
    },
    /// The employer typed on the where-to-apply section.
    Employer(String),
    /// "I am a new graduate asking for 初定" on the where-to-apply section.
    Graduate(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// Embedded in an HR page (src/embed.rs): its options; `None` for the app's own page.
    pub embed: Option<Rc<Embed>>,
    pub page: Page,
    pub form: Rc<Form>,
    pub lang: Lang,
    pub step: Step,
    /// "Remember my data" is ticked.
    pub remember: bool,
    /// Showing a share link while remembered data exists: nothing is written.
    pub shared: bool,
    /// The remembered form, kept while a share link is shown.
    pub saved: Option<Rc<Form>>,
    pub touched: Rc<BTreeSet<Field>>,
    /// The data came from storage, a file or a link: show every problem at once.
    pub all_touched: bool,
    pub notices: Vec<Notice>,
    pub csv: Option<Rc<CsvReport>>,
    /// The form before the last import, for "undo".
    pub undo: Option<Rc<Form>>,
    pub share_open: bool,
    pub copied: Option<bool>,
    /// An element to focus after the next render, and a counter to repeat a request.
    pub focus: Option<(String, u32)>,
    /// Today on this device (the printed report's date; the engine never sees it).
    pub today: String,
    /// The materials ticked off (stored only with "remember").
    pub ticked: Rc<Ticked>,
    /// Employer and 初定, told on the where-to-apply section (stored only with
    /// "remember", never shared).
    pub affiliation: Rc<Affiliation>,
}

impl AppState {
    fn new(today: String) -> AppState {
        AppState {
            embed: None,
            page: Page::SelfCheck,
            form: Rc::new(Form::default()),
            lang: Lang::Zh,
            step: Step::Target,
            remember: false,
            shared: false,
            saved: None,
            touched: Rc::default(),
            all_touched: false,
            notices: Vec::new(),
            csv: None,
            undo: None,
            share_open: false,
            copied: None,
            focus: None,
            today,
            ticked: Rc::default(),
            affiliation: Rc::default(),
        }
    }

    /// The state an embedded app opens with: its presets, nothing remembered or shared.
    fn embedded(embed: Rc<Embed>, today: String) -> AppState {
        let mut s = AppState::new(today);
        s.form = Rc::new(embed.form());
        s.lang = embed.lang.unwrap_or_default();
        s.embed = Some(embed);
        s
    }

    /// The state the page opens with: remembered data, then a share link on top.
    pub fn boot() -> AppState {
        let mut s = AppState::new(page::today());
        match storage::load() {
            Ok(Some(saved)) => {
                s.form = Rc::new(saved.form);
                s.lang = saved.lang;
                s.step = saved.step;
                s.ticked = Rc::new(saved.ticked);
                s.affiliation = Rc::new(saved.affiliation);
                s.remember = true;
                s.all_touched = true;
            }
            Ok(None) | Err(StorageError::Unavailable) => {}
            Err(StorageError::Unreadable { why, raw }) => {
                s.notice(Notice::StorageUnreadable(why, Rc::new(raw)))
            }
        }
        if let Some(shared) = share::read_fragment(&page::hash()) {
            s.open_shared(shared);
        }
        s
    }

    /// Shows a notice, replacing one of the same kind.
    fn notice(&mut self, notice: Notice) {
        self.notices.retain(|n| n.name() != notice.name());
        self.notices.push(notice);
    }

    fn focus_on(&mut self, id: String) {
        let n = self.focus.as_ref().map_or(0, |(_, n)| n + 1);
        self.focus = Some((id, n));
    }

    fn focus_step(&mut self) {
        let id = if self.step == Step::Result {
            verdict_view::HEADING_ID
        } else {
            steps::HEADING_ID
        };
        self.focus_on(id.to_string());
    }

    /// Replaces the form with data from outside (a file or a link).
    fn load(&mut self, profile: &Profile) {
        // Undo only when there was something to go back to.
        self.undo = (*self.form != Form::default()).then(|| self.form.clone());
        self.form = Rc::new(Form::from_profile(profile));
        self.all_touched = true;
        self.csv = None;
        self.share_open = false;
    }

    fn open_shared(&mut self, result: Result<Profile, ShareError>) {
        match result {
            Err(e) => self.notice(Notice::Share(e)),
            Ok(profile) => {
                if self.remember && !self.shared {
                    // Remembered data is kept aside, untouched, and nothing is written
                    // until the user chooses.
                    self.saved = Some(self.form.clone());
                    self.shared = true;
                }
                self.load(&profile);
                self.notice(if self.shared {
                    Notice::SharedOverSaved
                } else {
                    Notice::SharedLoaded
                });
                self.step = Step::Result;
            }
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Edit(edit) => {
                let added = match &edit {
                    Edit::Add(list) => Some(*list),
                    _ => None,
                };
                let adding_year = edit == Edit::CeAddYear;
                let form = Rc::make_mut(&mut s.form);
                form.apply(edit);
                if adding_year && form.ce_new_year.is_empty() {
                    Rc::make_mut(&mut s.touched).remove(&Field::new(Name::CeNewYear));
                }
                if let Some(first) = added.and_then(|list| {
                    let rows = (list.def().rows.len)(form);
                    list.first_field(rows.saturating_sub(1))
                }) {
                    s.focus_on(first.dom_id());
                }
                s.copied = None;
            }
            Action::Touch(field) => {
                if !s.touched.contains(&field) {
                    Rc::make_mut(&mut s.touched).insert(field);
                }
            }
            Action::Lang(lang) => s.lang = lang,
            Action::Page(page) => {
                s.page = page;
                match page {
                    Page::SelfCheck => s.focus_step(),
                    Page::Batch | Page::About => s.focus_on(page.heading_id().to_string()),
                }
            }
            Action::Go(step) => {
                // Leaving a step shows what it still lacks when the user comes back.
                let left = s.step;
                let touched = Rc::make_mut(&mut s.touched);
                for (field, _) in s.form.check().problems {
                    if field.step() == left {
                        touched.insert(field);
                    }
                }
                s.step = step;
                s.focus_step();
            }
            Action::GoToField(field) => {
                s.step = field.step();
                Rc::make_mut(&mut s.touched).insert(field);
                s.focus_on(field.dom_id());
            }
            Action::Remember(on) => {
                s.remember = on;
                if on {
                    // Ticking it while a share link is shown means: keep this one;
                    // the link is then no longer needed in the address.
                    s.shared = false;
                    s.saved = None;
                    page::clear_hash();
                    s.notices
                        .retain(|n| !matches!(n, Notice::SharedOverSaved | Notice::StorageFailed));
                } else if storage::clear().is_err() {
                    s.notice(Notice::StorageFailed);
                }
            }
            Action::ClearAll => {
                let _ = storage::clear();
                page::clear_hash();
                let lang = s.lang;
                s = match s.embed.take() {
                    Some(embed) => AppState::embedded(embed, s.today.clone()),
                    None => AppState::new(s.today.clone()),
                };
                s.lang = lang;
                s.notice(Notice::Cleared);
                s.focus_step();
            }
            Action::OpenShared(result) => s.open_shared(result),
            Action::RememberShared => {
                s.shared = false;
                s.saved = None;
                page::clear_hash();
                s.notices.retain(|n| *n != Notice::SharedOverSaved);
            }
            Action::BackToSaved => {
                if let Some(saved) = s.saved.take() {
                    s.form = saved;
                }
                s.shared = false;
                s.undo = None;
                page::clear_hash();
                s.notices.retain(|n| *n != Notice::SharedOverSaved);
            }
            Action::ImportProfile { name, result } => match result {
                Ok(profile) => {
                    s.load(&profile);
                    s.notice(Notice::Imported(name));
                    s.step = Step::Result;
                    s.focus_step();
                }
                Err(e) => s.notice(Notice::ImportFailed(name, e)),
            },
            Action::FileUnreadable(name) => s.notice(Notice::FileUnreadable(name)),
            Action::CsvImported { name, import } => {
                s.undo = Some(s.form.clone());
                Rc::make_mut(&mut s.form).apply(Edit::AppendRecords(import.records.clone()));
                s.csv = Some(Rc::new(CsvReport {
                    name,
                    imported: import.records.len(),
                    errors: import.errors,
                    repeats: import.repeats,
                }));
                s.focus_on(steps::ce::REPORT_ID.to_string());
            }
            Action::Undo => {
                if let Some(previous) = s.undo.take() {
                    s.form = previous;
                    s.csv = None;
                    s.notices
                        .retain(|n| !matches!(n, Notice::Imported(_) | Notice::SharedLoaded));
                }
            }
            Action::Dismiss(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
            Action::StorageFailed => s.notice(Notice::StorageFailed),
            Action::ClearUnreadable => {
                s.notices
                    .retain(|n| !matches!(n, Notice::StorageUnreadable(..)));
                if storage::clear().is_err() {
                    s.notice(Notice::StorageFailed);
                } else {
                    s.notice(Notice::Cleared);
                }
            }
            Action::ShowShare(open) => {
                s.share_open = open;
                s.copied = None;
            }
            Action::Copied(ok) => s.copied = Some(ok),
            Action::Tick { rule_set, no, on } => Rc::make_mut(&mut s.ticked).set(&rule_set, no, on),
            Action::Employer(employer) => Rc::make_mut(&mut s.affiliation).employer = employer,
            Action::Graduate(on) => Rc::make_mut(&mut s.affiliation).graduate = on,
        }
        Rc::new(s)
    }
}

/// Downloads remembered data as it is stored, so nothing is lost before it is cleared.
fn download_saved(raw: Rc<String>) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        files::download("zhicheng-saved-data.json", "application/json", &raw);
    })
}

fn notices(c: &Ctx) -> Html {
    let lang = c.lang;
    html! {
        <div class="notices">
            { for c.state.notices.iter().enumerate().map(|(i, n)| {
                let undo = matches!(n, Notice::Imported(_) | Notice::SharedLoaded) && c.state.undo.is_some();
                html! {
                    <div class={classes!("notice", if n.is_error() { "notice-error" } else { "notice-info" })}
                        role={if n.is_error() { "alert" } else { "status" }} data-notice={n.name()}>
                        <p>{ n.text(lang) }</p>
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

/// Where the result panel stands beside the form at every step: the stylesheet's wide
/// layout (www/styles.css, `@media (min-width: 64rem)`), and print, where it is the
/// report. Elsewhere (phones) it shows on the result step only.
const PANEL_BESIDE_FORM: &str = "(min-width: 64rem), print";

/// Whether the result panel is on screen at every step (see [`PANEL_BESIDE_FORM`]; a
/// compact widget shows it on the result step only, except in print). Where it is not,
/// the other steps do not draw it: on a phone every key typed would redraw a whole
/// verdict that nobody sees.
#[hook]
fn use_panel_beside_form(compact: bool) -> bool {
    let beside = use_state_eq(move || !compact && page::media_matches(PANEL_BESIDE_FORM));
    let printing = use_state_eq(|| false);
    {
        let (beside, printing) = (beside.setter(), printing.setter());
        use_effect_with(compact, move |&compact| {
            let media = events::on_media_change(PANEL_BESIDE_FORM, move |matches| {
                beside.set(!compact && matches)
            });
            let print = events::on_print(move |now| printing.set(now == Printing::Started));
            move || drop((media, print))
        });
    }
    *beside || *printing
}

fn self_check(c: &Ctx, panel_beside: bool) -> Html {
    let on_result = c.state.step == Step::Result;
    html! {
        <>
            { steps::stepper(c) }
            <div class={classes!("layout", on_result.then_some("on-result"))}>
                <div class="flow">
                    if !on_result {
                        { verdict_view::live_strip(c) }
                    }
                    { steps::current(c) }
                </div>
                if on_result || panel_beside {
                    { verdict_view::panel(c) }
                }
            </div>
            if c.state.embed.is_none() {
                { data_panel::view(c) }
            }
        </>
    }
}

/// The app's properties: how it is embedded, if it is (src/embed.rs).
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub embed: Option<Rc<Embed>>,
}

/// The whole app.
#[component]
pub fn App(props: &AppProps) -> Html {
    let state = {
        let embed = props.embed.clone();
        use_reducer(move || match embed {
            Some(embed) => AppState::embedded(embed, page::today()),
            None => AppState::boot(),
        })
    };
    let embed = props.embed.clone();
    let widget = embed.as_ref().and_then(|e| e.root().cloned());
    let compact = embed.as_ref().is_some_and(|e| e.compact);
    let panel_beside = use_panel_beside_form(compact);
    // One callback for the app's life: components given it as a property are not
    // redrawn because of it (src/ce_grid.rs).
    let dispatch: Callback<Action> = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let eval = use_memo(state.form.clone(), |form| Evaluation::of(form));
    // Kept here, so a run and its results survive switching pages.
    let batch = batch::use_batch();

    // Remember on this device: only when ticked, and not while a share link is shown.
    {
        let dispatch = dispatch.clone();
        use_effect_with(
            (
                state.form.clone(),
                state.lang,
                state.step,
                state.remember,
                state.shared,
                state.ticked.clone(),
                state.affiliation.clone(),
            ),
            move |(form, lang, step, remember, shared, ticked, affiliation)| {
                let kept = storage::Kept {
                    ticked,
                    affiliation,
                };
                if *remember && !*shared && storage::save(form, *lang, *step, &kept).is_err() {
                    dispatch.emit(Action::StorageFailed);
                }
            },
        );
    }
    // A widget leaves the host page's language and title alone (its root has `lang`).
    use_effect_with((state.lang, widget.is_none()), |(lang, own_page)| {
        if *own_page {
            page::set_language(i18n::html_lang(*lang), i18n::APP_NAME.get(*lang));
        }
    });
    // A frame tells its host the verdict status, if the host asked (src/embed.rs).
    use_effect_with(
        (embed.clone(), eval.verdict.as_ref().map(|v| v.status)),
        |(embed, status)| {
            if let Some(embed) = embed {
                embed::report_status(embed, *status);
            }
        },
    );
    use_effect_with((state.focus.clone(), widget.clone()), |(focus, widget)| {
        if let Some(widget) = widget {
            if let Some((id, _)) = focus {
                page::focus_within(widget, id);
            }
            return;
        }
        if let Some((id, _)) = focus {
            if id == steps::HEADING_ID
                || id == verdict_view::HEADING_ID
                || Page::ALL.iter().any(|p| p.heading_id() == id)
            {
                page::scroll_to_top();
            }
            page::focus(id);
        }
    });
    // Interactive: the first render is in the page (timed by `cargo xtask bench`).
    use_effect_with((), |_| page::mark_interactive());
    // A share link opened while the app is open (the fragment changes, no reload);
    // an embedded app reads none.
    {
        let dispatch = dispatch.clone();
        let embedded = embed.is_some();
        use_effect_with((), move |_| {
            let listening = events::on_hash_change(move || {
                if embedded {
                    return;
                }
                if let Some(result) = share::read_fragment(&page::hash()) {
                    dispatch.emit(Action::OpenShared(result));
                }
            });
            move || drop(listening)
        });
    }

    let lang = state.lang;
    let other = match lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let c = Ctx {
        lang,
        form: &state.form,
        eval: &eval,
        state: &state,
        dispatch: &dispatch,
    };
    let page = match state.page {
        Page::SelfCheck => self_check(&c, panel_beside),
        Page::Batch => batch::page(&batch, lang),
        Page::About => about::page(lang),
    };
    html! {
        <div class={classes!("app", format!("lang-{}", i18n::html_lang(lang)),
                embed.is_some().then_some("embedded"), compact.then_some("compact"))}
            lang={widget.is_some().then(|| i18n::html_lang(lang))}>
            <header class="site-header">
                <div class="brand">
                    <h1 class="app-name">{ c.t(i18n::APP_NAME) }</h1>
                    if !compact {
                        <p class="tagline">{ c.t(i18n::TAGLINE) }</p>
                    }
                </div>
                <button type="button" id="lang-toggle" class="button secondary lang-toggle"
                    lang={i18n::html_lang(other)} title={c.t(i18n::SWITCH_LANGUAGE)}
                    onclick={c.send(Action::Lang(other))}>
                    { c.t(i18n::OTHER_LANGUAGE) }
                </button>
                if embed.is_none() {
                    { pages::nav(state.page, lang, &dispatch) }
                }
            </header>
            <main id="main">
                { notices(&c) }
                { page }
            </main>
            if !compact {
                <footer class="site-footer">
                    <p>{ format!("{} {}", c.t(i18n::RULES_VERSION), zhicheng_engine::RULES_VERSION) }</p>
                    if embed.is_none() {
                        { crate::offline::footer(lang) }
                    }
                </footer>
            }
            <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" id="announcer">
                { i18n::announce(eval.verdict.as_ref().map(|v| v.status), lang) }
            </div>
        </div>
    }
}
