//! What the batch worker sends the page, as plain JSON strings (the engine's own
//! writer and reader; no serde_json in the wasm): each checked person as a [`Row`]
//! (line, id, name, status, each check's status, or why the row gives no verdict),
//! and at the end a [`Summary`] (the tally, warnings, or why the file cannot be used).

use zhicheng_engine::json::{self, Json};
use zhicheng_engine::{CheckId, CheckStatus, Status};
use zhicheng_formats::batch::{Checked, Tally};
use zhicheng_formats::roster::{FileError, Warning};

/// A message in both languages: the engine's two-language text.
pub type Bilingual = zhicheng_engine::Bi;

fn bilingual_json(b: &Bilingual) -> Json {
    Json::object(vec![("en", Json::str(&b.en)), ("zh", Json::str(&b.zh))])
}

fn bilingual_from_json(v: &Json) -> Option<Bilingual> {
    Some(Bilingual {
        en: text(v, "en")?,
        zh: text(v, "zh")?,
    })
}

/// Each check's status, by `CheckId::ALL` index (`None`: the verdict has no such check).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checks(pub [Option<CheckStatus>; CHECKS]);

const CHECKS: usize = CheckId::ALL.len();

impl Checks {
    pub fn status(&self, id: CheckId) -> Option<CheckStatus> {
        self.0[id.index()]
    }

    /// The checks that did not pass (failed, or to be reviewed), in the engine's order.
    pub fn not_passed(&self) -> impl Iterator<Item = (CheckId, CheckStatus)> + '_ {
        CheckId::ALL.iter().filter_map(|&id| match self.status(id) {
            Some(s @ (CheckStatus::Fail | CheckStatus::Review)) => Some((id, s)),
            _ => None,
        })
    }

    /// One letter a check: `p`ass, `f`ail, `r`eview, `i`nfo, `n`ot applicable, `-` none.
    fn code(&self) -> String {
        self.0
            .iter()
            .map(|s| match s {
                Some(CheckStatus::Pass) => 'p',
                Some(CheckStatus::Fail) => 'f',
                Some(CheckStatus::Review) => 'r',
                Some(CheckStatus::Info) => 'i',
                Some(CheckStatus::NotApplicable) => 'n',
                None => '-',
            })
            .collect()
    }

    fn from_code(code: &str) -> Option<Checks> {
        let mut out = [None; CHECKS];
        if code.chars().count() != CHECKS {
            return None;
        }
        for (slot, c) in out.iter_mut().zip(code.chars()) {
            *slot = match c {
                'p' => Some(CheckStatus::Pass),
                'f' => Some(CheckStatus::Fail),
                'r' => Some(CheckStatus::Review),
                'i' => Some(CheckStatus::Info),
                'n' => Some(CheckStatus::NotApplicable),
                '-' => None,
                _ => return None,
            };
        }
        Some(Checks(out))
    }
}

/// What one person's row gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Verdict {
        status: Status,
        earliest_eligible_year: Option<i32>,
        checks: Checks,
    },
    /// No verdict: the line, column and reason (`第 5 行：…` / `line 5: …`).
    Error(Bilingual),
}

/// One person of the roster, as the table shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub person_id: String,
    pub name: String,
    pub outcome: Outcome,
}

/// A row's status, `error` included (for sorting and filtering).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RowStatus {
    Error,
    NotEligible,
    NeedsReview,
    NotCovered,
    Eligible,
}

impl RowStatus {
    /// Most urgent first.
    pub const ALL: [RowStatus; 5] = [
        RowStatus::Error,
        RowStatus::NotEligible,
        RowStatus::NeedsReview,
        RowStatus::NotCovered,
        RowStatus::Eligible,
    ];

    pub fn of(status: Status) -> RowStatus {
        match status {
            Status::Eligible => RowStatus::Eligible,
            Status::NeedsReview => RowStatus::NeedsReview,
            Status::NotEligible => RowStatus::NotEligible,
            Status::NotCovered => RowStatus::NotCovered,
        }
    }

    /// The verdict status, or `None` for a bad row.
    pub fn verdict(self) -> Option<Status> {
        match self {
            RowStatus::Error => None,
            RowStatus::NotEligible => Some(Status::NotEligible),
            RowStatus::NeedsReview => Some(Status::NeedsReview),
            RowStatus::NotCovered => Some(Status::NotCovered),
            RowStatus::Eligible => Some(Status::Eligible),
        }
    }

    /// The id used in the results CSV and in `data-` attributes.
    pub fn as_str(self) -> &'static str {
        self.verdict()
            .map_or(zhicheng_formats::batch::ERROR_STATUS, |s| s.as_str())
    }

    pub fn parse(s: &str) -> Option<RowStatus> {
        RowStatus::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// How many of the tally have this status.
    pub fn count(self, t: &Tally) -> usize {
        match self {
            RowStatus::Error => t.errors,
            RowStatus::NotEligible => t.not_eligible,
            RowStatus::NeedsReview => t.needs_review,
            RowStatus::NotCovered => t.not_covered,
            RowStatus::Eligible => t.eligible,
        }
    }
}

impl Row {
    pub fn of(c: &Checked) -> Row {
        let outcome = match &c.result {
            Ok(v) => {
                let mut checks = [None; CHECKS];
                for check in &v.checks {
                    checks[check.id.index()] = Some(check.status);
                }
                Outcome::Verdict {
                    status: v.status,
                    earliest_eligible_year: v.earliest_eligible_year,
                    checks: Checks(checks),
                }
            }
            Err(e) => Outcome::Error(Bilingual {
                en: e.message_en(),
                zh: e.message_zh(),
            }),
        };
        Row {
            line: c.line,
            person_id: c.person_id.clone(),
            name: c.name.clone(),
            outcome,
        }
    }

    pub fn status(&self) -> RowStatus {
        match &self.outcome {
            Outcome::Verdict { status, .. } => RowStatus::of(*status),
            Outcome::Error(_) => RowStatus::Error,
        }
    }

    pub fn checks(&self) -> Option<&Checks> {
        match &self.outcome {
            Outcome::Verdict { checks, .. } => Some(checks),
            Outcome::Error(_) => None,
        }
    }

    fn json(&self) -> Json {
        let mut fields = vec![
            ("line", Json::int(self.line as i64)),
            ("id", Json::str(&self.person_id)),
            ("name", Json::str(&self.name)),
            ("status", Json::str(self.status().as_str())),
        ];
        match &self.outcome {
            Outcome::Verdict {
                earliest_eligible_year,
                checks,
                ..
            } => {
                fields.push((
                    "earliest",
                    earliest_eligible_year.map_or(Json::Null, |y| Json::int(y.into())),
                ));
                fields.push(("checks", Json::str(checks.code())));
            }
            Outcome::Error(e) => fields.push(("error", bilingual_json(e))),
        }
        Json::object(fields)
    }

    fn from_json(v: &Json) -> Option<Row> {
        let status = RowStatus::parse(&text(v, "status")?)?;
        let outcome = match status.verdict() {
            Some(status) => Outcome::Verdict {
                status,
                earliest_eligible_year: match get(v, "earliest")? {
                    Json::Null => None,
                    y => Some(int(y)?.try_into().ok()?),
                },
                checks: Checks::from_code(&text(v, "checks")?)?,
            },
            None => Outcome::Error(bilingual_from_json(get(v, "error")?)?),
        };
        Some(Row {
            line: int(get(v, "line")?)?.try_into().ok()?,
            person_id: text(v, "id")?,
            name: text(v, "name")?,
            outcome,
        })
    }
}

/// Rows as a JSON array (one chunk of the worker's progress).
pub fn rows_json(rows: &[Row]) -> String {
    Json::Array(rows.iter().map(Row::json).collect()).to_text()
}

/// Reads what [`rows_json`] wrote; `None` for anything else.
pub fn rows_from_json(text: &str) -> Option<Vec<Row>> {
    match json::parse(text).ok()? {
        Json::Array(items) => items.iter().map(Row::from_json).collect(),
        _ => None,
    }
}

/// Which file could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Roster,
    Records,
}

/// A file that cannot be used at all, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileFailure {
    pub file: Which,
    pub reason: Bilingual,
}

impl FileFailure {
    pub fn new(file: Which, e: &FileError) -> FileFailure {
        FileFailure {
            file,
            reason: Bilingual {
                en: e.message_en(),
                zh: e.message_zh(),
            },
        }
    }
}

/// The end of a batch: the tally, the warnings, where an unreadable part stopped the
/// reading, or why a file could not be used at all.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub tally: Tally,
    pub warnings: Vec<Bilingual>,
    /// The line of a CSV error (an unclosed quote) after which nothing could be read.
    pub stopped_at: Option<usize>,
    pub failure: Option<FileFailure>,
}

const TALLY_KEYS: [&str; 5] = [
    "eligible",
    "needs_review",
    "not_eligible",
    "not_covered",
    "errors",
];

fn tally_fields(t: &mut Tally) -> [&mut usize; 5] {
    [
        &mut t.eligible,
        &mut t.needs_review,
        &mut t.not_eligible,
        &mut t.not_covered,
        &mut t.errors,
    ]
}

impl Summary {
    pub fn warning(w: &Warning) -> Bilingual {
        Bilingual {
            en: w.message_en(),
            zh: w.message_zh(),
        }
    }

    pub fn to_json(&self) -> String {
        let mut tally = self.tally;
        let counts = tally_fields(&mut tally)
            .into_iter()
            .zip(TALLY_KEYS)
            .map(|(n, k)| (k, Json::int(*n as i64)))
            .collect();
        Json::object(vec![
            ("tally", Json::object(counts)),
            (
                "warnings",
                Json::Array(self.warnings.iter().map(bilingual_json).collect()),
            ),
            (
                "stopped_at",
                self.stopped_at.map_or(Json::Null, |l| Json::int(l as i64)),
            ),
            (
                "failure",
                self.failure.as_ref().map_or(Json::Null, |f| {
                    Json::object(vec![
                        (
                            "file",
                            Json::str(match f.file {
                                Which::Roster => "roster",
                                Which::Records => "records",
                            }),
                        ),
                        ("reason", bilingual_json(&f.reason)),
                    ])
                }),
            ),
        ])
        .to_text()
    }

    pub fn from_json(text: &str) -> Option<Summary> {
        let v = json::parse(text).ok()?;
        let mut tally = Tally::default();
        let t = get(&v, "tally")?;
        for (slot, key) in tally_fields(&mut tally).into_iter().zip(TALLY_KEYS) {
            *slot = int(get(t, key)?)?.try_into().ok()?;
        }
        let warnings = match get(&v, "warnings")? {
            Json::Array(items) => items
                .iter()
                .map(bilingual_from_json)
                .collect::<Option<Vec<_>>>()?,
            _ => return None,
        };
        let stopped_at = match get(&v, "stopped_at")? {
            Json::Null => None,
            l => Some(int(l)?.try_into().ok()?),
        };
        let failure = match get(&v, "failure")? {
            Json::Null => None,
            f => Some(FileFailure {
                file: match text_of(get(f, "file")?)? {
                    "roster" => Which::Roster,
                    "records" => Which::Records,
                    _ => return None,
                },
                reason: bilingual_from_json(get(f, "reason")?)?,
            }),
        };
        Some(Summary {
            tally,
            warnings,
            stopped_at,
            failure,
        })
    }
}

fn get<'a>(v: &'a Json, key: &str) -> Option<&'a Json> {
    match v {
        Json::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn text_of(v: &Json) -> Option<&str> {
    match v {
        Json::String(s) => Some(s),
        _ => None,
    }
}

fn text(v: &Json, key: &str) -> Option<String> {
    text_of(get(v, key)?).map(str::to_string)
}

fn int(v: &Json) -> Option<i64> {
    match v {
        Json::Number(n) => n.parse().ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_summaries_round_trip() {
        let mut checks = [None; CHECKS];
        checks[0] = Some(CheckStatus::Pass);
        checks[3] = Some(CheckStatus::Fail);
        checks[5] = Some(CheckStatus::Review);
        let rows = vec![
            Row {
                line: 2,
                person_id: "=A1 \"x\"".into(),
                name: "张三".into(),
                outcome: Outcome::Verdict {
                    status: Status::NotEligible,
                    earliest_eligible_year: Some(2026),
                    checks: Checks(checks),
                },
            },
            Row {
                line: 9,
                person_id: String::new(),
                name: String::new(),
                outcome: Outcome::Error(Bilingual {
                    en: "line 9: bad".into(),
                    zh: "第 9 行：错".into(),
                }),
            },
        ];
        let text = rows_json(&rows);
        assert_eq!(rows_from_json(&text), Some(rows.clone()));
        assert_eq!(
            rows[0].checks().unwrap().not_passed().collect::<Vec<_>>(),
            vec![
                (CheckId::ALL[3], CheckStatus::Fail),
                (CheckId::ALL[5], CheckStatus::Review)
            ]
        );
        assert_eq!(rows_from_json("[{\"line\":1}]"), None);

        let summary = Summary {
            tally: Tally {
                eligible: 3,
                needs_review: 1,
                not_eligible: 2,
                not_covered: 0,
                errors: 1,
            },
            warnings: vec![Bilingual {
                en: "w".into(),
                zh: "提示".into(),
            }],
            stopped_at: Some(12),
            failure: Some(FileFailure {
                file: Which::Records,
                reason: Bilingual {
                    en: "e".into(),
                    zh: "错".into(),
                },
            }),
        };
        assert_eq!(Summary::from_json(&summary.to_json()), Some(summary));
        let empty = Summary::default();
        assert_eq!(Summary::from_json(&empty.to_json()), Some(empty));
    }

    #[test]
    fn statuses_read_back() {
        for s in RowStatus::ALL {
            assert_eq!(RowStatus::parse(s.as_str()), Some(s));
        }
    }
}
