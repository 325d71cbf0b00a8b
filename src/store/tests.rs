//! The reducer, action by action: the state it gives and the effects it asks for.

use std::rc::Rc;

use yew::Reducible;
use zhicheng_engine::json::Json;
use zhicheng_engine::{InputError, InputErrorKind, Lang, Profile};
use zhicheng_formats::ce_csv;

use super::action::Action;
use super::arrival::Arrival;
use super::effect::{Effect, Erase, Outbox};
use super::focus::Focus;
use super::notice::{Notice, Unreadable};
use super::page::Page;
use super::reducer::{embedded, hydrating, reduce, started, Reduced};
use super::saved::{Saved, StorageError, Unavailable};
use super::state::Arrived;
use super::state::{AppState, Copied, Remembering, Reveal, ShareBox, TextSize, Ticked};
use crate::embed::{Mode, Options};
use crate::form::edit::Edit;
use crate::form::examples::EXAMPLES;
use crate::form::field::{Field, List, Name};
use crate::form::step::Step;
use crate::form::typed::Form;
use crate::share::ShareError;

const TODAY: &str = "2024-06-01";

fn fresh() -> AppState {
    AppState::new(TODAY.into())
}

/// The page opened with what was remembered and a link, nothing entered early.
fn boot(
    today: String,
    remembered: Result<Option<Saved>, StorageError>,
    link: Option<Result<Profile, ShareError>>,
) -> AppState {
    started(
        today,
        Arrival {
            remembered,
            link,
            early: Vec::new(),
        },
    )
}

fn profile(i: usize) -> Profile {
    Profile::from_json(EXAMPLES[i]).unwrap()
}

/// A state after some actions (their effects dropped).
fn after(mut s: AppState, actions: impl IntoIterator<Item = Action>) -> AppState {
    for action in actions {
        s = reduce(&s, action).state;
    }
    s
}

/// One action: its state and effects.
fn step(s: &AppState, action: Action) -> (AppState, Vec<Effect>) {
    let Reduced { state, effects } = reduce(s, action);
    (state, effects)
}

fn set(name: Name, value: &str) -> Action {
    Action::Edit(Edit::Set(Field::new(name), value.into()))
}

/// Remembering, with something typed.
fn remembering() -> AppState {
    after(
        fresh(),
        [set(Name::BirthDate, "1970-01-01"), Action::Remember(true)],
    )
}

#[test]
fn an_edit_changes_the_form_and_is_stored_only_when_remembered() {
    let (s, fx) = step(&fresh(), set(Name::BirthDate, "1980-05-10"));
    assert_eq!(s.form.birth_date, "1980-05-10");
    assert_eq!(fx, vec![], "nothing is stored without \"remember\"");

    let (s, fx) = step(&remembering(), set(Name::BirthDate, "1981-06-11"));
    assert_eq!(s.form.birth_date, "1981-06-11");
    assert_eq!(fx, vec![Effect::Store]);
}

#[test]
fn adding_a_row_focuses_its_first_field() {
    let s = after(fresh(), [Action::Edit(Edit::Add(List::Titles))]);
    let (s, fx) = step(&s, Action::Edit(Edit::Add(List::Titles)));
    assert_eq!(s.form.titles.len(), 2);
    assert_eq!(
        fx,
        vec![Effect::Focus(Focus::Field(Field::row(Name::TitleHeld, 1)))]
    );
    let (_, fx) = step(&s, Action::Edit(Edit::Add(List::Records)));
    assert_eq!(
        fx,
        vec![Effect::Focus(Focus::Field(Field::row(Name::RecordYear, 0)))]
    );
}

#[test]
fn a_year_added_to_the_grid_is_no_longer_touched() {
    let new_year = Field::new(Name::CeNewYear);
    let s = after(
        fresh(),
        [
            set(Name::CeNewYear, "2023"),
            Action::Touch(new_year),
            Action::Edit(Edit::CeAddYear),
        ],
    );
    assert!(s.form.ce_grid.contains_key(&2023));
    assert!(!s.touched.contains(&new_year));
    let s = after(s, [set(Name::CeNewYear, "20x3"), Action::Touch(new_year)]);
    let s = after(s, [Action::Edit(Edit::CeAddYear)]);
    assert!(
        s.touched.contains(&new_year),
        "a year that is not one stays shown"
    );
}

#[test]
fn touching_a_field_reveals_it_once() {
    let field = Field::new(Name::BirthDate);
    let (s, fx) = step(&fresh(), Action::Touch(field));
    assert!(s.reveals(field) && !s.reveals(Field::new(Name::Education)));
    assert!(fx.is_empty());
    let again = Rc::new(s.clone());
    let same = Reducible::reduce(again.clone(), Action::Touch(field));
    assert!(
        Rc::ptr_eq(&again, &same),
        "nothing changed: the same state, no redraw"
    );
}

#[test]
fn the_language_is_stored_when_remembered() {
    let (s, fx) = step(&remembering(), Action::Lang(Lang::En));
    assert_eq!(s.lang, Lang::En);
    assert_eq!(fx, vec![Effect::Store]);
}

#[test]
fn pages_focus_their_heading_and_the_self_check_its_step() {
    let (s, fx) = step(&fresh(), Action::Page(Page::Batch));
    assert_eq!(s.page, Page::Batch);
    assert_eq!(fx, vec![Effect::Focus(Focus::Page(Page::Batch))]);
    let s = after(s, [Action::Go(Step::Ce)]);
    let (s, fx) = step(&s, Action::Page(Page::SelfCheck));
    assert_eq!(s.page, Page::SelfCheck);
    assert_eq!(fx, vec![Effect::Focus(Focus::Step(Step::Ce))]);
}

#[test]
fn leaving_a_step_reveals_what_it_lacks_and_focuses_the_next() {
    let s = after(fresh(), [Action::Go(Step::About)]);
    assert!(s.touched.contains(&Field::new(Name::RuleSet)));
    assert!(
        !s.touched.contains(&Field::new(Name::BirthDate)),
        "only the step left"
    );
    let (s, fx) = step(&s, Action::Go(Step::Result));
    assert!(s.touched.contains(&Field::new(Name::BirthDate)));
    assert_eq!(s.step, Step::Result);
    assert_eq!(fx, vec![Effect::Focus(Focus::Step(Step::Result))]);
}

#[test]
fn going_to_a_field_opens_its_step_and_focuses_it() {
    let field = Field::row(Name::FraudYear, 0);
    let (s, fx) = step(&fresh(), Action::GoToField(field));
    assert_eq!(s.step, Step::Other);
    assert!(s.touched.contains(&field));
    assert_eq!(fx, vec![Effect::Focus(Focus::Field(field))]);
}

#[test]
fn remember_stores_at_once_and_forgetting_erases() {
    let s = after(fresh(), [Action::Stored(Err(Unavailable))]);
    let (s, fx) = step(&s, Action::Remember(true));
    assert_eq!(s.remembering, Remembering::On);
    assert_eq!(fx, vec![Effect::ClearFragment, Effect::Store]);
    assert!(
        !s.notices.contains(&Notice::StorageFailed),
        "tried again: the old failure goes"
    );
    let (s, fx) = step(&s, Action::Remember(false));
    assert_eq!(s.remembering, Remembering::Off);
    assert_eq!(fx, vec![Effect::Erase(Erase::Forget)]);
    assert!(s.remembered().is_none());
}

#[test]
fn storage_that_fails_says_so_and_the_check_goes_on() {
    let (s, fx) = step(&remembering(), Action::Stored(Err(Unavailable)));
    assert_eq!(s.notices, vec![Notice::StorageFailed]);
    assert!(fx.is_empty());
    let stored = Rc::new(remembering());
    let same = Reducible::reduce(stored.clone(), Action::Stored(Ok(())));
    assert!(
        Rc::ptr_eq(&stored, &same),
        "a write that worked changes nothing"
    );
    let (s, _) = step(&fresh(), Action::Erased(Erase::Forget, Err(Unavailable)));
    assert_eq!(s.notices, vec![Notice::StorageFailed]);
    let (s, _) = step(
        &fresh(),
        Action::Erased(Erase::Everything, Err(Unavailable)),
    );
    assert!(
        s.notices.is_empty(),
        "clearing all says it cleared, nothing more"
    );
}

#[test]
fn clear_all_empties_the_form_keeps_the_language_and_erases() {
    let s = after(
        remembering(),
        [
            Action::Lang(Lang::En),
            Action::Go(Step::Ce),
            Action::Tick {
                rule_set: "sx-2020".into(),
                no: 1,
                on: true,
            },
        ],
    );
    let (s, fx) = step(&s, Action::ClearAll);
    assert_eq!(*s.form, Form::default());
    assert_eq!((s.lang, s.step), (Lang::En, Step::Target));
    assert_eq!(s.remembering, Remembering::Off);
    assert_eq!(*s.ticked, Ticked::default());
    assert_eq!(s.notices, vec![Notice::Cleared]);
    assert_eq!(
        fx,
        vec![
            Effect::Erase(Erase::Everything),
            Effect::ClearFragment,
            Effect::Focus(Focus::Step(Step::Target)),
        ]
    );
}

#[test]
fn clear_all_in_an_embedding_goes_back_to_its_presets() {
    let options = Options {
        mode: Mode::Frame { status_to: None },
        rule_set: Some("zj-huzhou-2021".into()),
        title: None,
        specialty: None,
        lang: Some(Lang::En),
        compact: false,
    };
    let s = embedded(Rc::new(options), TODAY.into());
    assert_eq!(
        (s.form.rule_set.as_str(), s.lang),
        ("zj-huzhou-2021", Lang::En)
    );
    let s = after(s, [set(Name::RuleSet, "sx-2020"), Action::ClearAll]);
    assert_eq!(s.form.rule_set, "zj-huzhou-2021");
    assert!(s.embed.is_some());
}

#[test]
fn a_share_link_over_remembered_data_writes_nothing_until_asked() {
    let mine = remembering();
    let (s, fx) = step(&mine, Action::OpenShared(Ok(profile(3))));
    assert_eq!(fx, vec![], "nothing is written");
    assert!(matches!(&s.remembering, Remembering::AsideForLink(saved) if **saved == *mine.form));
    assert_eq!(s.notices, vec![Notice::SharedOverSaved]);
    assert_eq!((s.step, s.reveal), (Step::Result, Reveal::All));
    assert!(s.remembered().is_none());
    assert!(!s.notices.iter().any(Notice::offers_undo));

    let (edited, fx) = step(&s, set(Name::BirthDate, "1980-05-11"));
    assert_eq!(
        fx,
        vec![],
        "edits of the shared data are not written either"
    );

    // Back to what was remembered…
    let (back, fx) = step(&edited, Action::BackToSaved);
    assert_eq!(back.form, mine.form);
    assert_eq!(back.remembering, Remembering::On);
    assert!(back.notices.is_empty() && back.undo.is_none());
    assert_eq!(fx, vec![Effect::ClearFragment, Effect::Store]);

    // … or keep the shared one instead.
    let (kept, fx) = step(&edited, Action::RememberShared);
    assert_eq!(kept.form.birth_date, "1980-05-11");
    assert_eq!(kept.remembering, Remembering::On);
    assert_eq!(fx, vec![Effect::ClearFragment, Effect::Store]);
    // Ticking "remember" while the link is shown means the same.
    let (ticked, fx) = step(&edited, Action::Remember(true));
    assert_eq!(ticked.form, kept.form);
    assert_eq!(fx, vec![Effect::ClearFragment, Effect::Store]);
}

#[test]
fn a_share_link_without_remembered_data_can_be_undone() {
    let s = after(fresh(), [set(Name::BirthDate, "1970-01-01")]);
    let (s, fx) = step(&s, Action::OpenShared(Ok(profile(0))));
    assert!(fx.is_empty());
    assert_eq!(s.notices, vec![Notice::SharedLoaded]);
    assert_eq!(s.remembering, Remembering::Off);
    let s = after(s, [Action::Undo]);
    assert_eq!(s.form.birth_date, "1970-01-01");
    assert!(s.notices.is_empty(), "the notice that offered it goes");
}

#[test]
fn a_broken_share_link_changes_nothing_but_says_so() {
    let mine = remembering();
    let (s, fx) = step(&mine, Action::OpenShared(Err(ShareError::NotBase64)));
    assert_eq!(s.notices, vec![Notice::Share(ShareError::NotBase64)]);
    assert_eq!(
        (s.form.clone(), s.remembering.clone()),
        (mine.form, Remembering::On)
    );
    assert!(fx.is_empty());
}

#[test]
fn an_imported_file_opens_the_result_and_can_be_undone() {
    let s = after(fresh(), [set(Name::Specialty, "电气")]);
    let (s, fx) = step(
        &s,
        Action::ImportProfile {
            name: "mine.json".into(),
            result: Ok(profile(1)),
        },
    );
    assert_eq!(s.step, Step::Result);
    assert_eq!(s.notices, vec![Notice::Imported("mine.json".into())]);
    assert_eq!(fx, vec![Effect::Focus(Focus::Step(Step::Result))]);
    assert!(s.undo.is_some());
    let s = after(s, [Action::Undo]);
    assert_eq!(s.form.specialty, "电气");
    assert!(s.undo.is_none() && s.notices.is_empty());

    let error = InputError::new("format", InputErrorKind::NotWholeNumber);
    let (s, fx) = step(
        &fresh(),
        Action::ImportProfile {
            name: "other.json".into(),
            result: Err(error.clone()),
        },
    );
    assert_eq!(
        s.notices,
        vec![Notice::ImportFailed("other.json".into(), error)]
    );
    assert_eq!(*s.form, Form::default());
    assert!(fx.is_empty());
    let (s, _) = step(&s, Action::FileUnreadable("x.csv".into()));
    assert_eq!(s.notices.len(), 2);
    assert_eq!(s.notices[1], Notice::FileUnreadable("x.csv".into()));
}

#[test]
fn a_csv_import_adds_records_reports_and_can_be_undone() {
    let text = "year,category,hours,online\n2023,professional,12,no\n2023,bogus,3,no\n";
    let (s, fx) = step(
        &fresh(),
        Action::CsvImported {
            name: "ce.csv".into(),
            import: ce_csv::import(text),
        },
    );
    assert_eq!(s.form.records.len(), 1);
    let report = s.csv.as_ref().unwrap();
    assert_eq!((report.imported, report.errors.len()), (1, 1));
    assert_eq!(fx, vec![Effect::Focus(Focus::CsvReport)]);
    let s = after(s, [Action::Undo]);
    assert!(s.form.records.is_empty() && s.csv.is_none());
}

#[test]
fn notices_are_dismissed_one_by_one() {
    let s = after(
        fresh(),
        [
            Action::FileUnreadable("a".into()),
            Action::OpenShared(Err(ShareError::NotText)),
            Action::FileUnreadable("b".into()),
        ],
    );
    assert_eq!(
        s.notices,
        vec![
            Notice::Share(ShareError::NotText),
            Notice::FileUnreadable("b".into())
        ],
        "one of each kind, the latest"
    );
    let s = after(s, [Action::Dismiss(0), Action::Dismiss(5)]);
    assert_eq!(s.notices, vec![Notice::FileUnreadable("b".into())]);
}

#[test]
fn unreadable_data_is_kept_until_cleared_on_request() {
    let raw = "{\"v\":1,".to_string();
    let s = boot(
        TODAY.into(),
        Err(StorageError::Unreadable {
            why: Unreadable::Damaged,
            raw: raw.clone(),
        }),
        None,
    );
    assert_eq!(
        s.notices,
        vec![Notice::StorageUnreadable(Unreadable::Damaged, Rc::new(raw))]
    );
    let (s, fx) = step(&s, Action::ClearUnreadable);
    assert!(s.notices.is_empty());
    assert_eq!(fx, vec![Effect::Erase(Erase::Unreadable)]);
    let (cleared, _) = step(&s, Action::Erased(Erase::Unreadable, Ok(())));
    assert_eq!(cleared.notices, vec![Notice::Cleared]);
    let (failed, _) = step(&s, Action::Erased(Erase::Unreadable, Err(Unavailable)));
    assert_eq!(failed.notices, vec![Notice::StorageFailed]);
}

#[test]
fn remembered_data_opens_as_it_was_with_a_link_on_top() {
    let saved = || Saved {
        form: Form::from_profile(&profile(2)),
        lang: Lang::En,
        text_size: TextSize::Large,
        step: Step::Ce,
        ticked: Ticked::default(),
        affiliation: Default::default(),
    };
    let s = boot(TODAY.into(), Ok(Some(saved())), None);
    assert_eq!(
        (s.lang, s.text_size, s.step, s.reveal),
        (Lang::En, TextSize::Large, Step::Ce, Reveal::All)
    );
    assert_eq!(s.remembering, Remembering::On);
    let s = boot(TODAY.into(), Ok(Some(saved())), Some(Ok(profile(3))));
    assert!(matches!(s.remembering, Remembering::AsideForLink(_)));
    assert_eq!(s.notices, vec![Notice::SharedOverSaved]);
    let s = boot(TODAY.into(), Err(StorageError::Unavailable), None);
    assert_eq!(s, fresh(), "no storage: a fresh start, and no notice yet");
}

fn remembered(step: Step) -> Saved {
    Saved {
        form: Form::from_profile(&profile(2)),
        lang: Lang::En,
        text_size: TextSize::Large,
        step,
        ticked: Ticked::default(),
        affiliation: Default::default(),
    }
}

#[test]
fn hydrating_the_first_screen_then_what_the_page_held_arrives_as_if_at_once() {
    let title = Field::new(Name::Title);
    let arrival = || Arrival {
        remembered: Ok(Some(remembered(Step::Ce))),
        link: None,
        early: vec![Edit::Set(title, "senior".into())],
    };
    let first = hydrating(TODAY.into(), Arrived::Not);
    assert_eq!(first.arrived, Arrived::Not);
    assert_eq!(
        AppState {
            arrived: Arrived::Yes,
            ..first.clone()
        },
        fresh(),
        "the first render is the prerendered, empty first screen"
    );
    let (hydrated, fx) = step(&first, Action::Arrive(Box::new(arrival())));
    let at_once = started(TODAY.into(), arrival());
    assert_eq!(hydrated.arrived, Arrived::Yes);
    assert_eq!(
        AppState {
            outbox: Outbox::default(),
            ..hydrated
        },
        AppState {
            outbox: Outbox::default(),
            ..at_once.clone()
        }
    );
    assert_eq!((at_once.step, at_once.lang), (Step::Ce, Lang::En));
    assert_eq!(
        at_once.form.value(title),
        "senior",
        "typed early, kept over what was remembered"
    );
    assert_eq!(
        fx,
        vec![Effect::Store],
        "and remembered, since remembering is on"
    );
    assert!(
        at_once.outbox.after(0).any(|r| r.effect == Effect::Store),
        "drawn at once (the offline file), it is remembered too"
    );
}

#[test]
fn with_nothing_to_take_in_the_prerendered_state_is_the_whole_state() {
    let nothing = Arrival {
        remembered: Ok(None),
        link: None,
        early: Vec::new(),
    };
    assert!(nothing.is_nothing());
    let (taken_in, fx) = step(
        &hydrating(TODAY.into(), Arrived::Not),
        Action::Arrive(Box::new(nothing.clone())),
    );
    assert!(fx.is_empty());
    assert_eq!(taken_in, hydrating(TODAY.into(), Arrived::Yes));
    // Storage blocked is nothing too; anything else is something.
    let blocked = Arrival {
        remembered: Err(StorageError::Unavailable),
        ..nothing.clone()
    };
    assert!(blocked.is_nothing());
    for something in [
        Arrival {
            remembered: Ok(Some(remembered(Step::Ce))),
            ..nothing.clone()
        },
        Arrival {
            remembered: Err(StorageError::Unreadable {
                why: Unreadable::Damaged,
                raw: "{".into(),
            }),
            ..nothing.clone()
        },
        Arrival {
            link: Some(Ok(profile(3))),
            ..nothing.clone()
        },
        Arrival {
            early: vec![Edit::Set(Field::new(Name::Title), "senior".into())],
            ..nothing.clone()
        },
    ] {
        assert!(!something.is_nothing(), "{something:?}");
    }
}

#[test]
fn a_share_link_still_opens_on_its_own_step_when_hydrating() {
    let (s, _) = step(
        &hydrating(TODAY.into(), Arrived::Not),
        Action::Arrive(Box::new(Arrival {
            remembered: Ok(None),
            link: Some(Ok(profile(3))),
            early: Vec::new(),
        })),
    );
    assert_eq!(s.step, Step::Result);
    assert_eq!(s.notices, vec![Notice::SharedLoaded]);
    assert_eq!(*s.form, Form::from_profile(&profile(3)));
}

#[test]
fn large_text_is_a_setting_kept_only_when_remembered() {
    let s = after(fresh(), [Action::TextSize(TextSize::Large)]);
    assert_eq!(s.text_size, TextSize::Large);
    assert!(s.remembered().is_none(), "nothing is kept without remember");
    let s = after(s, [Action::Remember(true)]);
    assert_eq!(s.remembered().unwrap().text_size, TextSize::Large);
    let other = s.text_size.toggled();
    let s = after(s, [Action::TextSize(other)]);
    assert_eq!(s.remembered().unwrap().text_size, TextSize::Standard);
}

#[test]
fn the_share_box_opens_says_whether_it_copied_and_forgets_on_edit() {
    let (s, _) = step(&fresh(), Action::Copied(Copied::Done));
    assert_eq!(s.share, ShareBox::Closed, "nothing to say while closed");
    let s = after(s, [Action::OpenShareBox, Action::Copied(Copied::Failed)]);
    assert_eq!(
        s.share,
        ShareBox::Open {
            copied: Some(Copied::Failed)
        }
    );
    let s = after(s, [set(Name::Title, "engineer")]);
    assert_eq!(s.share, ShareBox::Open { copied: None });
    let s = after(s, [Action::CloseShareBox]);
    assert_eq!(s.share, ShareBox::Closed);
    let s = after(
        s,
        [Action::OpenShareBox, Action::OpenShared(Ok(profile(0)))],
    );
    assert_eq!(s.share, ShareBox::Closed, "a new form closes it");
}

#[test]
fn ticks_and_the_employer_are_kept_only_when_remembered() {
    let tick = |on| Action::Tick {
        rule_set: "zj-jxt-gaogong-2020".into(),
        no: 3,
        on,
    };
    let (s, fx) = step(&fresh(), tick(true));
    assert!(s.ticked.is_ticked("zj-jxt-gaogong-2020", 3));
    assert!(fx.is_empty());
    let (s, fx) = step(&remembering(), tick(true));
    assert_eq!(fx, vec![Effect::Store]);
    let (s, fx) = step(&s, Action::Employer("浙江某某纺织有限公司".into()));
    assert_eq!(s.affiliation.employer, "浙江某某纺织有限公司");
    assert_eq!(fx, vec![Effect::Store]);
    let (s, fx) = step(&s, Action::Graduate(true));
    assert!(s.affiliation.graduate);
    assert_eq!(fx, vec![Effect::Store]);
    let (s, _) = step(&s, tick(false));
    assert!(!s.ticked.is_ticked("zj-jxt-gaogong-2020", 3));
}

#[test]
fn requests_wait_in_the_outbox_one_of_each_kind_in_order() {
    let s = Rc::new(fresh());
    let s = Reducible::reduce(s, Action::Go(Step::About));
    let s = Reducible::reduce(s, Action::Remember(true));
    let s = Reducible::reduce(s, Action::Go(Step::Education));
    let pending: Vec<(u32, Effect)> = s
        .outbox
        .after(0)
        .map(|r| (r.number, r.effect.clone()))
        .collect();
    assert_eq!(
        pending,
        vec![
            (2, Effect::ClearFragment),
            (4, Effect::Focus(Focus::Step(Step::Education))),
            (5, Effect::Store),
        ],
        "the first focus gave way to the last; the first store (of step 2) to the \
         second (of step 3)"
    );
    assert_eq!(s.outbox.last(), 5);
    assert_eq!(
        s.outbox.after(4).count(),
        1,
        "what was performed is not again"
    );

    let mut outbox = Outbox::default();
    outbox.request(Effect::Erase(Erase::Forget));
    outbox.request(Effect::Store);
    outbox.request(Effect::Erase(Erase::Everything));
    let kinds: Vec<&Effect> = outbox.after(0).map(|r| &r.effect).collect();
    assert_eq!(
        kinds,
        vec![&Effect::Store, &Effect::Erase(Erase::Everything)]
    );
}

#[test]
fn ticks_round_trip_and_forget_empty_sets() {
    let mut t = Ticked::default();
    t.set("zj-jxt-gaogong-2020", 5, true);
    t.set("zj-jxt-gaogong-2020", 1, true);
    t.set("sx-2020", 2, true);
    t.set("sx-2020", 2, false);
    assert!(t.is_ticked("zj-jxt-gaogong-2020", 5));
    assert!(!t.is_ticked("sx-2020", 2));
    let json = t.to_json();
    assert_eq!(json.to_text(), "{\"zj-jxt-gaogong-2020\":[1,5]}");
    assert_eq!(Ticked::from_json(Some(&json)), t);
    assert_eq!(Ticked::from_json(Some(&Json::Null)), Ticked::default());
}
