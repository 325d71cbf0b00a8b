//! Continuing education (SPEC §7): hours counted per year, the online cap with its
//! best assignment, compliance, the four policies, and what a year still needs
//! ([`Need`]: per category, how much of it may be online, by when).

use crate::date::Date;
use crate::hours::Hours;
use crate::profile::CeRecord;
use crate::rules::{CeRule, Citation};
use crate::sorted::SortedMap;
use crate::verdict::{CeCounted, CeShortfall, CeYear};
use crate::vocab::{CeCategory, CePolicy};

/// Hours per category, indexed by `CeCategory::index()`.
type PerCategory = [Hours; 3];

const P: usize = 0; // professional
const I: usize = 1; // industry_public
const G: usize = 2; // general_public

/// One year's hours as counted under the rule (cap applied), computed once per profile.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct YearHours {
    pub counted: PerCategory,
    pub online_not_counted: Hours,
    /// Online hours under the cap that count (at most the cap; 0 without a cap).
    pub online_capped: Hours,
}

/// Counts every year that has records.
pub fn count_years(records: &[CeRecord], rule: &CeRule) -> SortedMap<i32, YearHours> {
    // base = offline and cap-exempt hours; pool = online hours under the cap.
    let mut raw: SortedMap<i32, (PerCategory, PerCategory)> = SortedMap::new();
    for r in records {
        let (base, pool) = raw.get_or_default(r.year);
        let i = r.category.index();
        let capped = rule.online_cap.is_some()
            && r.online
            && !(r.authority_recognized && rule.online_cap_exempt_years.contains(&r.year));
        if capped {
            pool[i] += r.hours;
        } else {
            base[i] += r.hours;
        }
    }
    raw.into_iter()
        .map(|(year, (base, pool))| (year, count_year(base, pool, rule)))
        .collect()
}

/// Applies the online cap to one year: of the online hours under the cap, at most
/// `cap` count, assigned first where the minimums still lack hours (SPEC §7).
fn count_year(base: PerCategory, pool: PerCategory, rule: &CeRule) -> YearHours {
    let Some(cap) = rule.online_cap else {
        let mut counted = base;
        for i in 0..3 {
            counted[i] += pool[i];
        }
        return YearHours {
            counted,
            online_not_counted: Hours::ZERO,
            online_capped: Hours::ZERO,
        };
    };
    let mut left = cap;
    let mut used: PerCategory = [Hours::ZERO; 3];
    let mut assign = |cat: usize, want: Hours, used: &mut PerCategory| {
        let available = pool[cat].saturating_sub(used[cat]);
        let take = want.min(available).min(left);
        used[cat] += take;
        left = left.saturating_sub(take);
    };
    let lacks =
        |min: Option<Hours>, have: Hours| min.map_or(Hours::ZERO, |m| m.saturating_sub(have));
    // 1. general_public up to what it still lacks.
    assign(G, lacks(rule.min_general, base[G]), &mut used);
    // 2. industry_public, then general_public, up to what `public` still lacks.
    let public_have = |used: &PerCategory| base[I] + base[G] + used[I] + used[G];
    let want = lacks(rule.min_public, public_have(&used));
    assign(I, want, &mut used);
    let want = lacks(rule.min_public, public_have(&used));
    assign(G, want, &mut used);
    // 3. professional up to what it lacks.
    assign(P, lacks(Some(rule.min_professional), base[P]), &mut used);
    // 4. what is left: professional, industry_public, general_public.
    for cat in [P, I, G] {
        assign(cat, pool[cat], &mut used);
    }
    let mut counted = base;
    let mut pooled = Hours::ZERO;
    for i in 0..3 {
        counted[i] += used[i];
        pooled += pool[i].saturating_sub(used[i]);
    }
    YearHours {
        counted,
        online_not_counted: pooled,
        online_capped: cap.saturating_sub(left),
    }
}

/// Compliance of one year's counted hours against the rule's minimums.
pub fn shortfall(counted: &PerCategory, rule: &CeRule) -> CeShortfall {
    let total = counted[P] + counted[I] + counted[G];
    CeShortfall {
        total: rule.min_total.saturating_sub(total),
        professional: rule.min_professional.saturating_sub(counted[P]),
        public: rule
            .min_public
            .map_or(Hours::ZERO, |m| m.saturating_sub(counted[I] + counted[G])),
        general_public: rule
            .min_general
            .map_or(Hours::ZERO, |m| m.saturating_sub(counted[G])),
    }
}

/// The CE picture of an evaluation: the listed years and what the policy concludes.
#[derive(Debug, Clone, PartialEq)]
pub struct CeOutcome {
    pub years: Vec<CeYear>,
    pub judgement: Option<Judgement>,
}

/// What the policy found (absent when there is no start `P`).
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub policy: CePolicy,
    pub met: bool,
    /// For `window_count_and_last_two`: compliant years in the window and how many are needed.
    pub window_count: Option<WindowCount>,
    /// For `last_n_years`: the years evaluated.
    pub span: Option<(i32, i32)>,
    /// Required years that are not compliant, with their shortfalls.
    pub failing: Vec<(i32, CeShortfall)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WindowCount {
    pub first: i32,
    pub last: i32,
    pub compliant: u32,
    pub needed: u32,
}

/// The inputs of one CE evaluation.
#[derive(Clone, Copy)]
pub struct CeQuery<'a> {
    pub rule: &'a CeRule,
    pub counts: &'a SortedMap<i32, YearHours>,
    /// `Y`.
    pub year: i32,
    /// `year(P)`, when there is a start.
    pub start_year: Option<i32>,
    /// Years of service the path requires (`N`).
    pub years_required: u32,
    pub exceptional: bool,
    /// The first year CE is owed: the year of `work_start`, if given.
    pub first_owed: Option<i32>,
    /// Years up to this one are deemed compliant: the rule's own, or a reading of an
    /// ambiguous clause that deems one year more.
    pub deemed_through_year: Option<i32>,
    /// In a projection: years after this are assumed compliant.
    pub assume_compliant_after: Option<i32>,
}

/// Lists the years (SPEC §3 `ce_years`) and applies the policy (SPEC §7).
pub fn evaluate(q: &CeQuery) -> CeOutcome {
    let y = q.year;
    let owed = |year: i32| q.first_owed.is_none_or(|f| year >= f);
    let window: Option<(i32, i32)> = q.start_year.map(|s| (s + 1, y));
    // In order: the window's years, with Y-1 and Y each put in its place if missing.
    let mut listed: Vec<i32> = window.map_or(Vec::new(), |(a, b)| (a..=b).collect());
    for extra in [y - 1, y] {
        if let Err(at) = listed.binary_search(&extra) {
            listed.insert(at, extra);
        }
    }
    listed.retain(|year| owed(*year));

    let window_len = window.map_or(0, |(a, b)| (b - a + 1).max(0) as u32);
    let n = if q.exceptional {
        q.years_required.min(window_len)
    } else {
        q.years_required
    };
    let in_window = |year: i32| window.is_some_and(|(a, b)| (a..=b).contains(&year));
    let last_two = |year: i32| year == y || year == y - 1;
    let span = match q.rule.policy {
        CePolicy::LastNYears => q.start_year.map(|s| ((s + 1).max(y - n as i32 + 1), y)),
        _ => None,
    };
    let required = |year: i32| match q.rule.policy {
        CePolicy::WindowCountAndLastTwo => in_window(year) || last_two(year),
        CePolicy::LastTwoYears => last_two(year),
        CePolicy::EveryYearOfWindow => in_window(year),
        CePolicy::LastNYears => span.is_some_and(|(a, b)| (a..=b).contains(&year)),
    };

    let years: Vec<CeYear> = listed
        .iter()
        .map(|&year| {
            let hours = q.counts.get(&year).copied().unwrap_or_default();
            let c = hours.counted;
            let counted = CeCounted {
                professional: c[P],
                industry_public: c[I],
                general_public: c[G],
                total: c[P] + c[I] + c[G],
            };
            let deemed = q.deemed_through_year.is_some_and(|d| year <= d)
                || q.assume_compliant_after.is_some_and(|a| year > a);
            let shortfall = if deemed {
                CeShortfall::default()
            } else {
                shortfall(&c, q.rule)
            };
            CeYear {
                year,
                deemed,
                required: required(year),
                counted,
                compliant: shortfall.is_zero(),
                shortfall,
                online_not_counted: hours.online_not_counted,
            }
        })
        .collect();

    let judgement = q.start_year.map(|_| {
        let failing: Vec<(i32, CeShortfall)> = years
            .iter()
            .filter(|cy| cy.required && !cy.compliant)
            .map(|cy| (cy.year, cy.shortfall))
            .collect();
        match q.rule.policy {
            CePolicy::WindowCountAndLastTwo => {
                let (first, last) = window.unwrap_or((y + 1, y));
                let compliant = years
                    .iter()
                    .filter(|cy| in_window(cy.year) && cy.compliant)
                    .count() as u32;
                let last_two_ok = years
                    .iter()
                    .filter(|cy| last_two(cy.year))
                    .all(|cy| cy.compliant);
                let count = WindowCount {
                    first,
                    last,
                    compliant,
                    needed: n,
                };
                Judgement {
                    policy: q.rule.policy,
                    met: compliant >= n && last_two_ok,
                    window_count: Some(count),
                    span: None,
                    // Only the years that matter: the last two, and the window's failures
                    // while the count falls short.
                    failing: failing
                        .into_iter()
                        .filter(|(year, _)| last_two(*year) || compliant < n)
                        .collect(),
                }
            }
            policy => Judgement {
                policy,
                met: failing.is_empty(),
                window_count: None,
                span,
                failing,
            },
        }
    });
    CeOutcome { years, judgement }
}

/// Sum per category of the records of one year, before any cap (for the UI's grid).
pub fn entered(records: &[CeRecord], year: i32, category: CeCategory) -> Hours {
    records
        .iter()
        .filter(|r| r.year == year && r.category == category)
        .fold(Hours::ZERO, |a, r| a + r.hours)
}

/// How many more online hours would count in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OnlineRoom {
    /// The rule set sets no online cap: online courseware counts in full.
    Unlimited,
    /// Under the yearly cap: at most `left` more online hours count (`cap` minus the
    /// online hours already counted under it).
    Capped {
        left: Hours,
        cap: Hours,
        /// Courseware the authority provides or recognises is not capped this year
        /// (and does not use up the cap): zj-jxt-gaogong-2020 in 2020.
        exempt: bool,
    },
}

/// By when a year's hours are needed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Due {
    pub date: Date,
    pub basis: DueBasis,
}

/// Why that date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DueBasis {
    /// The notice's own materials deadline (its schedule gives the date).
    NoticeDeadline(Citation),
    /// The end of the calendar year: hours count in the year they are earned.
    YearEnd,
}

/// What a year still needs to be compliant: its shortfalls, the fewest hours that
/// make them up, how many of those may be online, and by when.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Need {
    pub year: i32,
    /// The minimums still lacking (as `ce_years[].shortfall`).
    pub shortfall: CeShortfall,
    /// The fewest hours to add: the professional and public shortfalls (general
    /// public hours count as public too), or the total's, whichever is more.
    pub hours: Hours,
    pub online: OnlineRoom,
    pub due: Due,
}

impl Need {
    /// A year's need from its shortfall and what was counted in it.
    pub fn new(
        rule: &CeRule,
        year: i32,
        shortfall: CeShortfall,
        hours: &YearHours,
        due: Due,
    ) -> Need {
        let public = shortfall.public.max(shortfall.general_public);
        let online = match rule.online_cap {
            None => OnlineRoom::Unlimited,
            Some(cap) => OnlineRoom::Capped {
                left: cap.saturating_sub(hours.online_capped),
                cap,
                exempt: rule.online_cap_exempt_years.contains(&year),
            },
        };
        Need {
            year,
            shortfall,
            hours: shortfall.total.max(shortfall.professional + public),
            online,
            due,
        }
    }

    /// Hours that may go to any category once the professional and public ones are in.
    pub fn any_category(&self) -> Hours {
        let s = &self.shortfall;
        self.hours
            .saturating_sub(s.professional + s.public.max(s.general_public))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(cap: Option<i64>, public: Option<i64>, general: Option<i64>) -> CeRule {
        CeRule {
            policy: CePolicy::EveryYearOfWindow,
            min_total: Hours::from_whole(90),
            min_professional: Hours::from_whole(60),
            min_public: public.map(Hours::from_whole),
            min_general: general.map(Hours::from_whole),
            deemed_through_year: None,
            online_cap: cap.map(Hours::from_whole),
            online_cap_exempt_years: &[2020],
            advisory: false,
            ambiguous_year: None,
        }
    }

    fn h(x: i64) -> Hours {
        Hours::from_whole(x)
    }

    #[test]
    fn cap_fills_what_lacks_first() {
        // Offline: 20 professional, 8 industry, 12 general. Online: 50 professional.
        let y = count_year(
            [h(20), h(8), h(12)],
            [h(50), h(0), h(0)],
            &rule(Some(36), Some(18), None),
        );
        assert_eq!(y.counted, [h(56), h(8), h(12)]);
        assert_eq!(y.online_not_counted, h(14));
    }

    #[test]
    fn cap_goes_to_general_then_public_then_professional() {
        // Nothing offline; 40 online in each category; cap 36; minimums 60/18/12.
        let y = count_year([h(0); 3], [h(40); 3], &rule(Some(36), Some(18), Some(12)));
        // general 12, then public lacks 6 → industry 6, then professional 18.
        assert_eq!(y.counted, [h(18), h(6), h(12)]);
    }

    #[test]
    fn leftover_goes_professional_first() {
        let y = count_year(
            [h(60), h(10), h(10)],
            [h(20), h(20), h(20)],
            &rule(Some(36), Some(18), None),
        );
        // public lacks nothing (20 ≥ 18), professional lacks nothing: leftover 20 P, 16 I.
        assert_eq!(y.counted, [h(80), h(26), h(10)]);
    }

    #[test]
    fn no_cap_counts_everything() {
        let y = count_year(
            [h(1), h(2), h(3)],
            [h(4), h(5), h(6)],
            &rule(None, None, None),
        );
        assert_eq!(y.counted, [h(5), h(7), h(9)]);
    }
}
