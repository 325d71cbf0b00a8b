//! Every reader of a file reads values as the lenient module does: the table of
//! spellings (`lenient::SPELLINGS`) run through the roster's cells, the roster's
//! records file and the CE import, and generated spellings (dates in every accepted
//! form, full-width variants, Excel serials, hours, years, yes/no and junk) accepted
//! by all of them alike and refused by all of them with the same refusal (the same
//! reason and text quoted, so the same words).

use proptest::prelude::*;
use zhicheng_engine::profile::CeRecord;
use zhicheng_formats::ce_csv;
use zhicheng_formats::lenient::{self, Kind, Outcome, Reason, Refusal, Source, Value, SPELLINGS};
use zhicheng_formats::roster::{Problem, RecordsFile, Roster};

/// What a reader made of a spelling: its value (none for empty), or its refusal.
type Got = Result<Option<Value>, Refusal>;

fn outcome(got: &Got) -> Outcome {
    match got {
        Ok(Some(v)) => Outcome::Value(*v),
        Ok(None) => Outcome::Empty,
        Err(r) => Outcome::Refused(r.reason),
    }
}

/// The module's own reading, as a file's reader must read it.
fn module(kind: Kind, input: &str) -> Got {
    fn of<T: Into<Value>>(r: Result<Option<T>, Refusal>) -> Got {
        r.map(|v| v.map(Into::into))
    }
    match kind {
        Kind::Date => of(lenient::spreadsheet_date(input)),
        Kind::Year => of(lenient::year(input)),
        Kind::Hours => of(lenient::hours(input)),
        Kind::GridHours => of(lenient::grid_hours(input)),
        Kind::YesNo => of(lenient::yes_no(input)),
    }
}

/// A CSV cell holding `v` exactly.
fn cell(v: &str) -> String {
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v.to_string()
    }
}

const ROSTER_HEADER: &str =
    "person_id,rule_set,title,birth_date,retirement_group,employment,education,work_start";
const ROSTER_ROW: &str = "A1,sx-2020,技术员,1990-01-01,男,企业,本科,2019-07-01";

/// The spelling in a roster cell of its kind: `reference_date`, `evaluation_year`,
/// `retired` and `in_technical_post` (defaults no and yes, so empty is told from
/// both), `ce_2024_professional`. `None` for a kind the roster has no cell of.
fn roster_cell(kind: Kind, input: &str) -> Option<Got> {
    let columns: &[&str] = match kind {
        Kind::Date => &["reference_date"],
        Kind::Year => &["evaluation_year"],
        Kind::GridHours => &["ce_2024_professional"],
        Kind::YesNo => &["retired", "in_technical_post"],
        Kind::Hours => return None,
    };
    let text = format!(
        "{ROSTER_HEADER},{}\n{ROSTER_ROW}{}\n",
        columns.join(","),
        format!(",{}", cell(input)).repeat(columns.len())
    );
    let entry = Roster::read(&text).unwrap().next().unwrap();
    let p = match entry.profile {
        Ok(p) => p,
        Err(e) => {
            assert_eq!(e.column.as_deref(), Some(columns[0]), "{input:?}: {e}");
            let Problem::Value(r) = e.problem else {
                panic!("{input:?}: {e}")
            };
            return Some(Err(r));
        }
    };
    Some(Ok(match kind {
        Kind::Date => p.reference_date.map(Value::Date),
        Kind::Year => p.evaluation_year.map(Value::Year),
        Kind::GridHours => p.ce_records.first().map(|r| Value::Hours(r.hours)),
        Kind::YesNo => match (p.person.retired, p.person.in_technical_post) {
            (false, true) => None,
            (yes, also) => {
                assert_eq!(yes, also, "{input:?}");
                Some(Value::YesNo(yes))
            }
        },
        Kind::Hours => unreachable!(),
    }))
}

/// The CE columns `year,category,hours,online` of a line holding the spelling in its
/// column; `None` for a kind the CE import does not read.
fn ce_fields(kind: Kind, input: &str) -> Option<String> {
    let v = cell(input);
    Some(match kind {
        Kind::Year => format!("{v},professional,8,否"),
        Kind::Hours => format!("2024,professional,{v},否"),
        Kind::YesNo => format!("2024,professional,8,{v}"),
        Kind::Date | Kind::GridHours => return None,
    })
}

/// What a CE line gave, as the spelling's value or refusal.
fn ce_got(kind: Kind, input: &str, read: Result<CeRecord, ce_csv::Problem>) -> Got {
    match read {
        Ok(r) => Ok(Some(match kind {
            Kind::Year => Value::Year(r.year),
            Kind::Hours => Value::Hours(r.hours),
            // Empty is no: the CE import's default.
            _ => Value::YesNo(r.online),
        })),
        Err(ce_csv::Problem::Missing(_)) => Ok(None),
        Err(ce_csv::Problem::Value(_, r)) => Err(r),
        Err(p) => panic!("{input:?}: {p:?}"),
    }
}

/// The spelling in a line of the CE import.
fn ce_import(kind: Kind, input: &str) -> Option<Got> {
    let text = format!("year,category,hours,online\n{}\n", ce_fields(kind, input)?);
    let imp = ce_csv::import(&text);
    let read = match (imp.records.as_slice(), imp.errors.as_slice()) {
        ([r], []) => Ok(r.clone()),
        ([], [e]) => Err(e.problem.clone()),
        _ => panic!("{input:?}: {imp:?}"),
    };
    Some(ce_got(kind, input, read))
}

/// The spelling in a line of a roster's records file.
fn records_file(kind: Kind, input: &str) -> Option<Got> {
    let records = format!(
        "person_id,year,category,hours,online\nA1,{}\n",
        ce_fields(kind, input)?
    );
    let records = RecordsFile::read(&records).unwrap();
    let roster = format!("{ROSTER_HEADER}\n{ROSTER_ROW}\n");
    let entry = Roster::read(&roster)
        .unwrap()
        .with_records(&records)
        .next()
        .unwrap();
    let read = match entry.profile {
        Ok(p) => match p.ce_records.as_slice() {
            [r] => Ok(r.clone()),
            _ => panic!("{input:?}: {:?}", p.ce_records),
        },
        Err(e) => match e.problem {
            Problem::Records(line) => Err(line.problem),
            _ => panic!("{input:?}: {e}"),
        },
    };
    Some(ce_got(kind, input, read))
}

/// Every reader of files that reads `kind`, by name, with what it made of `input`.
fn readers(kind: Kind, input: &str) -> Vec<(&'static str, Got)> {
    [
        ("roster cell", roster_cell(kind, input)),
        ("CE import", ce_import(kind, input)),
        ("records file", records_file(kind, input)),
    ]
    .into_iter()
    .filter_map(|(name, got)| Some((name, got?)))
    .collect()
}

/// The words of a refusal in each reader's message: the module's, whole.
fn assert_same_words(name: &str, input: &str, r: &Refusal) {
    let words = r.message();
    match name {
        "roster cell" => {
            let e = Problem::Value(r.clone());
            assert_eq!(
                (e.message_en(), e.message_zh()),
                (words.en, words.zh),
                "{input:?}"
            );
        }
        _ => {
            let line = ce_csv::LineError {
                line: 2,
                problem: ce_csv::Problem::Value(ce_csv::Column::Hours, r.clone()),
            };
            let zh = words.zh.strip_prefix("学时").unwrap_or(&words.zh);
            assert!(line.message_en().ends_with(&words.en), "{input:?}: {line}");
            assert!(
                line.message_zh().ends_with(zh),
                "{input:?}: {}",
                line.message_zh()
            );
        }
    }
}

/// The table of spellings, through every reader of files.
#[test]
fn every_reader_of_files_reads_every_spelling_as_the_table_says() {
    let mut runs = 0;
    for s in SPELLINGS {
        let want = s.expected(Source::File);
        for (name, got) in readers(s.kind, s.input) {
            // The CE import's yes/no has a default of its own: empty is no.
            let want = match (name, s.kind, want) {
                ("CE import" | "records file", Kind::YesNo, Outcome::Empty) => {
                    Outcome::Value(Value::YesNo(false))
                }
                _ => want,
            };
            assert_eq!(outcome(&got), want, "{name}: {:?} {:?}", s.kind, s.input);
            if let Err(r) = &got {
                assert_eq!(r, &Refusal::new(r.reason, s.input), "{name}: {:?}", s.input);
                assert_same_words(name, s.input, r);
            }
            runs += 1;
        }
    }
    assert!(runs > 300, "{runs}");
}

/// Every reader agrees with the module on `input`: the same value, or the same
/// refusal (reason and text quoted).
fn agree(kind: Kind, input: &str) -> Result<(), TestCaseError> {
    let want = module(kind, input);
    for (name, got) in readers(kind, input) {
        let want = match (name, kind, &want) {
            ("CE import" | "records file", Kind::YesNo, Ok(None)) => Ok(Some(Value::YesNo(false))),
            _ => want.clone(),
        };
        prop_assert_eq!(got, want, "{} {:?} {:?}", name, kind, input);
    }
    Ok(())
}

/// `s` with each character, at random, in the form a Chinese input method types.
fn widen(s: String, picks: Vec<bool>) -> String {
    s.chars()
        .zip(picks.into_iter().chain(std::iter::repeat(false)))
        .map(|(c, wide)| match (c, wide) {
            ('!'..='~', true) => char::from_u32(c as u32 + 0xfee0).unwrap_or(c),
            (' ', true) => '\u{3000}',
            _ => c,
        })
        .collect()
}

/// Spaces around a value, as cells and fields carry them.
fn padding() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", " ", "\u{3000}", "\t", "  \u{3000}"])
}

/// A date in one of the accepted forms (or near one): its parts, separators, a time,
/// an Excel serial.
fn date_text() -> impl Strategy<Value = String> {
    let ymd = (1850..2250i32, 0..14u32, 0..33u32);
    prop_oneof![
        (
            ymd.clone(),
            prop::sample::select(vec!["-", "/", ".", "。"]),
            any::<bool>()
        )
            .prop_map(|((y, m, d), sep, pad)| if pad {
                format!("{y}{sep}{m:02}{sep}{d:02}")
            } else {
                format!("{y}{sep}{m}{sep}{d}")
            }),
        (ymd.clone(), any::<bool>())
            .prop_map(|((y, m, d), day)| format!("{y}年{m}月{d}{}", if day { "日" } else { "" })),
        ymd.prop_map(|(y, m, d)| format!("{y:04}{m:02}{d:02}")),
        (9_000..101_000u32).prop_map(|n| n.to_string()),
        (
            (1900..2201i32, 1..13u32, 1..29u32),
            prop::sample::select(vec!["0:00", "00:00:00", "23:59:59.5", "24:00", "noon"])
        )
            .prop_map(|((y, m, d), t)| format!("{y}/{m}/{d} {t}")),
        "[0-9./年月日 -]{0,12}",
    ]
}

/// Hours as typed: a decimal with a sign now and then, or something near one.
fn hours_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ("[+-]?", "[0-9]{0,6}", prop::option::of("[0-9]{0,3}")).prop_map(|(sign, whole, frac)| {
            match frac {
                Some(f) => format!("{sign}{whole}.{f}"),
                None => format!("{sign}{whole}"),
            }
        }),
        "[0-9.eE+, -]{0,8}",
        prop::sample::select(vec!["inf", "NaN", "12学时", "１２．５", "1e3"])
            .prop_map(String::from),
    ]
}

fn year_text() -> impl Strategy<Value = String> {
    prop_oneof![
        (
            "[0-9]{1,6}",
            prop::sample::select(vec!["", "年", "年度", " 年"])
        )
            .prop_map(|(y, unit)| format!("{y}{unit}")),
        "[0-9x.+年-]{0,7}",
    ]
}

fn yes_no_text() -> impl Strategy<Value = String> {
    let words = vec![
        "是", "否", "有", "无", "y", "n", "Yes", "NO", "true", "False", "t", "f", "1", "0", "√",
        "×", "✓", "✗", "maybe", "2", "是否", "x", "",
    ];
    prop_oneof![
        prop::sample::select(words).prop_map(String::from),
        "[a-zA-Z01 ]{0,5}",
    ]
}

/// `text` widened at random and padded.
fn typed(text: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    (
        text,
        prop::collection::vec(any::<bool>(), 0..16),
        padding(),
        padding(),
    )
        .prop_map(|(t, picks, before, after)| format!("{before}{}{after}", widen(t, picks)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn readers_agree_on_dates(s in typed(date_text())) {
        agree(Kind::Date, &s)?;
    }

    #[test]
    fn readers_agree_on_hours(s in typed(hours_text())) {
        agree(Kind::Hours, &s)?;
        agree(Kind::GridHours, &s)?;
    }

    #[test]
    fn readers_agree_on_years(s in typed(year_text())) {
        agree(Kind::Year, &s)?;
    }

    #[test]
    fn readers_agree_on_yes_and_no(s in typed(yes_no_text())) {
        agree(Kind::YesNo, &s)?;
    }
}

/// The generators reach what they are for: serials, full-width dates, refusals of
/// every reason a date, hours and years can have.
#[test]
fn generated_spellings_reach_every_reason() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = std::collections::HashSet::new();
    let mut serial = false;
    for (kind, strategy) in [
        (Kind::Date, typed(date_text()).boxed()),
        (Kind::Hours, typed(hours_text()).boxed()),
        (Kind::Year, typed(year_text()).boxed()),
        (Kind::YesNo, typed(yes_no_text()).boxed()),
    ] {
        for _ in 0..2_000 {
            let s = strategy.new_tree(&mut runner).unwrap().current();
            match module(kind, &s) {
                Err(r) => {
                    seen.insert(r.reason);
                }
                Ok(Some(_)) if kind == Kind::Date && lenient::date(&s).is_err() => serial = true,
                Ok(_) => {}
            }
        }
    }
    assert!(serial, "no Excel serial was generated");
    for reason in Reason::ALL {
        assert!(seen.contains(&reason), "{reason:?} never generated");
    }
}
