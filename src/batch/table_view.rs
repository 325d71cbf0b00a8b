//! How the results table is shown: sorted by a column (ascending or not), filtered by
//! status and by a check not passed, a page at a time; and the changes the user makes
//! to it. Pure: the table (`batch::table`) draws what this selects.

use zhicheng_engine::{sort, CheckId};

use super::report::{Row, RowStatus};
use crate::i18n;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// The roster's order.
    #[default]
    Line,
    PersonId,
    Name,
    /// Most urgent first: bad rows, not eligible, needs review, not covered, eligible.
    Status,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::Line,
        SortKey::PersonId,
        SortKey::Name,
        SortKey::Status,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Line => "line",
            SortKey::PersonId => "person_id",
            SortKey::Name => "name",
            SortKey::Status => "status",
        }
    }

    pub fn label(self) -> i18n::Text {
        match self {
            SortKey::Line => i18n::BATCH_COL_LINE,
            SortKey::PersonId => i18n::BATCH_COL_ID,
            SortKey::Name => i18n::BATCH_COL_NAME,
            SortKey::Status => i18n::BATCH_COL_STATUS,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    Ascending,
    Descending,
}

/// How the table is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TableView {
    pub sort: SortKey,
    pub order: Order,
    pub status: Option<RowStatus>,
    /// Only rows where this check failed or is to be reviewed.
    pub check: Option<CheckId>,
    pub page: usize,
}

/// A change the user makes to the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Sort by this column; the same column again reverses the order.
    SortBy(SortKey),
    Status(Option<RowStatus>),
    Check(Option<CheckId>),
    Page(usize),
}

impl TableView {
    pub fn with(self, change: Change) -> TableView {
        let mut v = self;
        v.page = 0;
        match change {
            Change::SortBy(key) if key == self.sort => {
                v.order = match self.order {
                    Order::Ascending => Order::Descending,
                    Order::Descending => Order::Ascending,
                }
            }
            Change::SortBy(key) => {
                v.sort = key;
                v.order = Order::Ascending;
            }
            Change::Status(s) => v.status = s,
            Change::Check(c) => v.check = c,
            Change::Page(p) => v.page = p,
        }
        v
    }

    /// The rows shown, filtered and sorted (before paging).
    pub fn rows<'a>(&self, rows: &'a [Row]) -> Vec<&'a Row> {
        let mut out: Vec<&Row> = rows
            .iter()
            .filter(|r| self.status.is_none_or(|s| r.status() == s))
            .filter(|r| {
                self.check.is_none_or(|id| {
                    r.checks()
                        .is_some_and(|c| c.not_passed().any(|(i, _)| i == id))
                })
            })
            .collect();
        // Stable sorts: ties keep the roster's order.
        match self.sort {
            SortKey::Line => sort::stable_by_key(&mut out, |r| r.line),
            SortKey::PersonId => sort::stable_by(&mut out, |a, b| a.person_id.cmp(&b.person_id)),
            SortKey::Name => sort::stable_by(&mut out, |a, b| a.name.cmp(&b.name)),
            SortKey::Status => sort::stable_by_key(&mut out, |r| r.status()),
        }
        if self.order == Order::Descending {
            out.reverse();
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::report::{Bilingual, Checks, Outcome};
    use zhicheng_engine::CheckStatus;
    use zhicheng_engine::Status;

    fn row(line: usize, id: &str, status: Option<Status>, fail: Option<CheckId>) -> Row {
        let mut checks = [Some(CheckStatus::Pass); CheckId::ALL.len()];
        if let Some(id) = fail {
            checks[id.index()] = Some(CheckStatus::Fail);
        }
        Row {
            line,
            person_id: id.into(),
            name: String::new(),
            outcome: match status {
                Some(status) => Outcome::Verdict {
                    status,
                    earliest_eligible_year: None,
                    checks: Checks(checks),
                },
                None => Outcome::Error(Bilingual {
                    en: "bad".into(),
                    zh: "错".into(),
                }),
            },
        }
    }

    #[test]
    fn sorting_filtering_and_paging() {
        let ce = CheckId::ALL[CheckId::ALL.len() - 1];
        let rows = vec![
            row(2, "B", Some(Status::Eligible), None),
            row(3, "A", None, None),
            row(4, "C", Some(Status::NotEligible), Some(ce)),
        ];
        let lines = |v: TableView| v.rows(&rows).iter().map(|r| r.line).collect::<Vec<_>>();
        let v = TableView::default();
        assert_eq!(lines(v), [2, 3, 4]);
        let by_id = v.with(Change::SortBy(SortKey::PersonId));
        assert_eq!(lines(by_id), [3, 2, 4]);
        assert_eq!(
            lines(by_id.with(Change::SortBy(SortKey::PersonId))),
            [4, 2, 3]
        );
        assert_eq!(lines(v.with(Change::SortBy(SortKey::Status))), [3, 4, 2]);
        assert_eq!(lines(v.with(Change::Status(Some(RowStatus::Error)))), [3]);
        assert_eq!(lines(v.with(Change::Check(Some(ce)))), [4]);
        let paged = v.with(Change::Page(3));
        assert_eq!(paged.page, 3);
        assert_eq!(paged.with(Change::Status(None)).page, 0);
    }
}
