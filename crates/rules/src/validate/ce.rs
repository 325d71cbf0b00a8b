//! A rule set's [ce]: the CE policy, its minimums, deemed years and the online cap (SPEC §7).

use super::{Cx, NationalRaw};
use crate::ir::*;
use crate::model::*;
use crate::vocab;
use crate::RuleFile;
use toml::Spanned;

impl Cx {
    pub(super) fn ce(
        &mut self,
        file: &RuleFile,
        ce: &Spanned<CeRaw>,
        nat: &NationalRaw,
        year: i32,
    ) -> Option<Ce> {
        let raw = ce.get_ref();
        let policy = self.ce_policy(file, ce, &raw.policy);
        let min_total = match &raw.min_total {
            Some(p) => self.hours(file, "min_total", p),
            None => Some(nat.min_total.clone()),
        };
        let min_professional = match &raw.min_professional {
            Some(p) => self.hours(file, "min_professional", p),
            None => Some(nat.min_professional.clone()),
        };
        let min_public = raw
            .min_public
            .as_ref()
            .map(|p| self.hours(file, "min_public", p));
        let min_general = raw
            .min_general
            .as_ref()
            .map(|p| self.hours(file, "min_general", p));
        let deemed = raw
            .deemed_through_year
            .as_ref()
            .map(|p| self.deemed_year(file, p, year));
        let cap = raw
            .online_cap
            .as_ref()
            .map(|p| self.hours(file, "online_cap", p));
        let exempt = self.exempt_years(file, raw);
        let advisory = match &raw.advisory {
            None => Some(false),
            Some(p) => self.flag(file, "advisory", p).map(|s| s.value),
        };
        let ambiguous = raw
            .ambiguous_year
            .as_ref()
            .map(|a| self.ambiguous_year(file, a, raw.deemed_through_year.as_ref(), year));
        let (policy, min_total, min_professional) = (policy?, min_total?, min_professional?);
        let ambiguous = ambiguous.map_or(Some(None), |o| o.map(Some))?;
        let min_public = min_public.map_or(Some(None), |o| o.map(Some))?;
        let min_general = min_general.map_or(Some(None), |o| o.map(Some))?;
        let deemed = deemed.map_or(Some(None), |o| o.map(Some))?;
        let cap = cap.map_or(Some(None), |o| o.map(Some))?;
        self.minimums_agree(
            file,
            ce,
            &min_total,
            &min_professional,
            &min_public,
            &min_general,
        );
        let bases = [
            Some(&min_total.basis),
            Some(&min_professional.basis),
            min_public.as_ref().map(|s| &s.basis),
            min_general.as_ref().map(|s| &s.basis),
            deemed.as_ref().map(|s| &s.basis),
            cap.as_ref().map(|s| &s.basis),
        ];
        let sources = sources(bases, ambiguous.as_ref().map(|a| &a.source));
        Some(Ce {
            policy,
            min_total,
            min_professional,
            min_public,
            min_general,
            deemed_through_year: deemed,
            online_cap: cap,
            online_cap_exempt_years: exempt?,
            advisory: advisory?,
            ambiguous_year: ambiguous,
            sources,
        })
    }

    /// `policy`: present, and one of the vocabulary's.
    fn ce_policy(
        &mut self,
        file: &RuleFile,
        ce: &Spanned<CeRaw>,
        policy: &Option<Spanned<String>>,
    ) -> Option<String> {
        match policy {
            None => {
                self.push(
                    file,
                    ce.span(),
                    "[ce] has no `policy`".into(),
                    Some(format!(
                        "add `policy = \"…\"`, one of: {}",
                        vocab::CE_POLICIES.join(", ")
                    )),
                );
                None
            }
            Some(p) => self
                .known(file, p.span(), "CE policy", p.get_ref(), vocab::CE_POLICIES)
                .then(|| p.get_ref().clone()),
        }
    }

    /// `deemed_through_year`: a year before the rule set's own, with its basis.
    fn deemed_year(
        &mut self,
        file: &RuleFile,
        p: &Spanned<Param<i64>>,
        year: i32,
    ) -> Option<Sourced<i32>> {
        let basis = self.basis(file, "deemed_through_year", p)?;
        let y = *p.get_ref().value.get_ref();
        if !(1990..year as i64).contains(&y) {
            self.push(
                file,
                p.get_ref().value.span(),
                format!("`deemed_through_year` {y} must be before the rule set's year {year}"),
                Some(
                    "name the last year whose hours count as met, e.g. 2018 for \"2019年以前\""
                        .into(),
                ),
            );
            return None;
        }
        Some(Sourced {
            value: y as i32,
            basis,
        })
    }

    /// `online_cap_exempt_years`: real years, and only beside a cap.
    fn exempt_years(&mut self, file: &RuleFile, raw: &CeRaw) -> Option<Vec<i32>> {
        let Some(p) = &raw.online_cap_exempt_years else {
            return Some(Vec::new());
        };
        let basis = self.basis(file, "online_cap_exempt_years", p);
        if raw.online_cap.is_none() {
            self.push(
                file,
                p.span(),
                "`online_cap_exempt_years` without an `online_cap`".into(),
                Some("add the cap, or remove the exemption".into()),
            );
        }
        let years = p.get_ref().value.get_ref();
        if years.iter().any(|y| !(1990..=2100).contains(y)) {
            self.push(
                file,
                p.get_ref().value.span(),
                "`online_cap_exempt_years` lists an impossible year".into(),
                Some("list years like 2020".into()),
            );
        }
        basis.map(|_| years.iter().map(|y| *y as i32).collect())
    }

    /// The minimums do not contradict each other: professional within the total,
    /// general public within public.
    fn minimums_agree(
        &mut self,
        file: &RuleFile,
        ce: &Spanned<CeRaw>,
        min_total: &Sourced<Tenths>,
        min_professional: &Sourced<Tenths>,
        min_public: &Option<Sourced<Tenths>>,
        min_general: &Option<Sourced<Tenths>>,
    ) {
        if min_professional.value > min_total.value {
            self.push(
                file,
                ce.span(),
                "min_professional is more than min_total".into(),
                Some("check the two numbers against the notice".into()),
            );
        }
        if let (Some(g), Some(p)) = (min_general, min_public) {
            if g.value > p.value {
                self.push(
                    file,
                    ce.span(),
                    "min_general is more than min_public".into(),
                    Some("the general public hours are part of the public hours".into()),
                );
            }
        }
    }

    /// `ambiguous_year`: the year right after `deemed_through_year`, whose words in the
    /// cited clause can be read to include it or not.
    fn ambiguous_year(
        &mut self,
        file: &RuleFile,
        a: &Spanned<AmbiguousYearRaw>,
        deemed: Option<&Spanned<Param<i64>>>,
        year: i32,
    ) -> Option<AmbiguousYear> {
        let ar = a.get_ref();
        let y = *ar.value.get_ref();
        let after_deemed = deemed.map(|d| *d.get_ref().value.get_ref() + 1);
        if after_deemed != Some(y) || y >= i64::from(year) {
            self.push(
                file,
                ar.value.span(),
                format!("`ambiguous_year` {y} must be the year after `deemed_through_year`, before {year}"),
                Some("set deemed_through_year to the strict reading (e.g. 2018 for \"2019年以前\") and ambiguous_year to the next year".into()),
            );
            return None;
        }
        let source = self.citation(file, &ar.source)?;
        if !ar.quote.get_ref().contains(&y.to_string()) {
            self.push(
                file,
                ar.quote.span(),
                format!("the quote of `ambiguous_year` does not name {y}"),
                Some("quote the words that can be read two ways, e.g. \"2019年以前的学时都视同合格\"".into()),
            );
        }
        self.quoted_words(file, &source, &ar.quote)
            .then(|| AmbiguousYear {
                year: y as i32,
                quote: ar.quote.get_ref().clone(),
                source,
            })
    }
}

/// Every clause the [ce] values cite, once each, in the order of the values.
fn sources<'a>(
    bases: impl IntoIterator<Item = Option<&'a Basis>>,
    ambiguous: Option<&'a Citation>,
) -> Vec<Citation> {
    let mut sources: Vec<Citation> = Vec::new();
    for c in bases
        .into_iter()
        .flatten()
        .filter_map(Basis::citation)
        .chain(ambiguous)
    {
        if !sources.contains(c) {
            sources.push(c.clone());
        }
    }
    sources
}
