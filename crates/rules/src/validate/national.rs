//! rules/national.toml: the qualification paths, retirement, sanction periods, the national baselines and the dated mountain-county lists.

use super::{parse_ymd, periods_overlap, Cx, NationalRaw, CITE_FIX};
use crate::ir::*;
use crate::model::*;
use crate::vocab;
use crate::RuleFile;
use std::collections::BTreeMap;
use toml::Spanned;

impl Cx {
    pub(super) fn national(&mut self, file: &RuleFile) -> Option<(National, NationalRaw)> {
        let raw = self.parse::<NationalFile>(file)?;
        let before = self.diags.len();
        let paths = self.paths(file, &raw.paths);
        let retirement = self.retirement(file, &raw.retirement);
        let (sanction_periods, sanction_period_sources) =
            self.sanction_periods(file, raw.sanctions.periods.as_ref());
        let baseline = self.baseline(file, &raw);
        let mountain_lists = self.mountain_lists(file, &raw.mountain_counties);
        if self.diags.len() > before {
            return None;
        }
        let national = National {
            paths,
            retirement: retirement?,
            sanction_periods,
            sanction_period_sources,
            mountain_lists,
        };
        Some((national, baseline?))
    }

    /// The qualification paths (SPEC §4): a row per target title, an entry per education.
    fn paths(
        &mut self,
        file: &RuleFile,
        raw_paths: &BTreeMap<String, Spanned<PathTableRaw>>,
    ) -> Vec<PathRule> {
        let mut paths = Vec::new();
        for (target, row) in raw_paths {
            if !self.known(
                file,
                row.span(),
                "target title",
                target,
                &[vocab::ENGINEERING_TARGETS, vocab::ECONOMICS_TARGETS].concat(),
            ) {
                continue;
            }
            let row_ref = row.get_ref();
            let source = match row_ref.get("source") {
                Some(v) => self.citation_value(file, v),
                None => {
                    self.push(
                        file,
                        row.span(),
                        format!("path row `{target}` has no citation"),
                        Some(CITE_FIX.into()),
                    );
                    None
                }
            };
            for key in row_ref.keys() {
                if key != "source" && !vocab::EDUCATIONS.contains(&key.as_str()) {
                    let span = row_ref[key].span();
                    self.known(file, span, "education", key, vocab::EDUCATIONS);
                }
            }
            let mut steps = Vec::new();
            for edu in vocab::EDUCATIONS {
                let Some(v) = row_ref.get(*edu) else {
                    self.push(
                        file,
                        row.span(),
                        format!("path row `{target}` says nothing for `{edu}`"),
                        Some(format!("add `{edu} = {{ requires = \"…\", years = N }}`, `{{ years = N }}` or `\"none\"`")),
                    );
                    continue;
                };
                steps.push(self.path_step(file, target, edu, v));
            }
            if let (Some(source), true) = (source, steps.len() == vocab::EDUCATIONS.len()) {
                paths.push(PathRule {
                    target: target.clone(),
                    source,
                    steps: steps.into_iter().flatten().collect(),
                });
            }
        }
        for t in vocab::ENGINEERING_TARGETS
            .iter()
            .chain(vocab::ECONOMICS_TARGETS)
        {
            if !raw_paths.contains_key(*t) {
                self.push(
                    file,
                    0..0,
                    format!("no path row for target `{t}`"),
                    Some(format!("add [paths.{t}]")),
                );
            }
        }

        paths
    }

    /// The statutory retirement age rule (SPEC §6).
    fn retirement(&mut self, file: &RuleFile, r: &RetirementRaw) -> Option<Retirement> {
        let source = self.citation(file, &r.source);
        let reform_start = self.date(file, &r.reform_start, "reform_start");
        let mut groups = Vec::new();
        for (name, g) in &r.groups {
            self.known(
                file,
                g.span(),
                "retirement group",
                name,
                vocab::RETIREMENT_GROUPS,
            );
        }
        for name in vocab::RETIREMENT_GROUPS {
            match r.groups.get(*name) {
                None => self.push(
                    file,
                    0..0,
                    format!("retirement group `{name}` is missing"),
                    Some(format!("add [retirement.groups.{name}]")),
                ),
                Some(g) => {
                    let gr = g.get_ref();
                    let ok = (30..=80).contains(&gr.original_age_years)
                        && (1..=24).contains(&gr.months_per_step)
                        && (0..=120).contains(&gr.max_raise_months);
                    if !ok {
                        self.push(
                            file,
                            g.span(),
                            format!("retirement group `{name}` has a value out of range"),
                            Some("original_age_years 30–80, months_per_step 1–24, max_raise_months 0–120".into()),
                        );
                    } else {
                        groups.push(RetirementGroup {
                            group: name.to_string(),
                            original_age_years: gr.original_age_years as u32,
                            months_per_step: gr.months_per_step as u32,
                            max_raise_months: gr.max_raise_months as u32,
                        });
                    }
                }
            }
        }

        Some(Retirement {
            source: source?,
            reform_start: reform_start?,
            groups,
        })
    }

    /// Months each sanction kind is in force, and their sources.
    fn sanction_periods(
        &mut self,
        file: &RuleFile,
        periods: Option<&Spanned<SanctionPeriodsRaw>>,
    ) -> (Vec<Option<u32>>, Vec<Citation>) {
        let mut sanction_periods = Vec::new();
        let mut sanction_period_sources = Vec::new();
        match periods {
            None => self.push(
                file,
                0..0,
                "[sanctions.periods] is missing".into(),
                Some("add the months each sanction kind is in force".into()),
            ),
            Some(p) => {
                let table = p.get_ref();
                match table
                    .get("sources")
                    .map(|s| (s.span(), s.get_ref().as_array().cloned()))
                {
                    Some((span, Some(list))) if !list.is_empty() => {
                        for item in list {
                            let v = Spanned::new(span.clone(), item);
                            if let Some(c) = self.citation_value(file, &v) {
                                sanction_period_sources.push(c);
                            }
                        }
                    }
                    _ => self.push(
                        file,
                        p.span(),
                        "[sanctions.periods] has no `sources`".into(),
                        Some(CITE_FIX.into()),
                    ),
                }
                for key in table.keys() {
                    if key != "sources" {
                        self.known(
                            file,
                            table[key].span(),
                            "sanction kind",
                            key,
                            vocab::SANCTION_KINDS,
                        );
                    }
                }
                for kind in vocab::SANCTION_KINDS {
                    match table.get(*kind) {
                        None => self.push(
                            file,
                            p.span(),
                            format!("no period for sanction `{kind}`"),
                            Some(format!("add `{kind} = N` (months) or `\"permanent\"`")),
                        ),
                        Some(v) => match v.get_ref() {
                            toml::Value::Integer(m) if (1..=240).contains(m) => {
                                sanction_periods.push(Some(*m as u32))
                            }
                            toml::Value::String(s) if s == "permanent" => {
                                sanction_periods.push(None)
                            }
                            _ => self.push(
                                file,
                                v.span(),
                                format!("the period of `{kind}` must be months or \"permanent\""),
                                Some("write e.g. 12 or \"permanent\"".into()),
                            ),
                        },
                    }
                }
            }
        }
        (sanction_periods, sanction_period_sources)
    }

    /// The values every rule set inherits unless it overrides them: service, sanctions
    /// that block, fraud, post wage, exams, the CE baseline; and the national citations.
    fn baseline(&mut self, file: &RuleFile, raw: &NationalFile) -> Option<NationalRaw> {
        let blocking = self.blocking(file, raw.sanctions.blocking_for_public_institution.as_ref());
        let public_official_blocks = match &raw.sanctions.public_official_blocks {
            Some(p) => self.flag(file, "public_official_blocks", p),
            None => {
                self.push(
                    file,
                    0..0,
                    "national.toml: [sanctions] public_official_blocks is missing".into(),
                    Some("add it with its basis".into()),
                );
                None
            }
        };

        // Service, fraud, post, exams, CE.
        let end_of_year = match &raw.service.end_of_year {
            Some(p) => self.month_day(file, p),
            None => {
                self.push(
                    file,
                    0..0,
                    "[service] end_of_year is missing".into(),
                    Some("add `end_of_year = { value = \"12-31\", … }`".into()),
                );
                None
            }
        };
        let exclude = match &raw.service.exclude_unqualified_years {
            Some(p) => self.flag(file, "exclude_unqualified_years", p),
            None => {
                self.push(
                    file,
                    0..0,
                    "[service] exclude_unqualified_years is missing".into(),
                    Some("add it with its basis".into()),
                );
                None
            }
        };
        let fraud = self.fraud(file, &raw.fraud);
        let post_wage = self.flag(
            file,
            "requires_post_wage",
            &raw.technical_post.requires_post_wage,
        );
        let exam = {
            let p = &raw.exams.senior_economist;
            let basis = self.basis(file, "senior_economist", p);
            let v = p.get_ref().value.get_ref().clone();
            let ok = self.known(file, p.get_ref().value.span(), "exam", &v, vocab::EXAMS);
            basis
                .filter(|_| ok)
                .map(|basis| Sourced { value: v, basis })
        };
        if let Some(p) = &raw.ce.policy {
            self.push(
                file,
                p.span(),
                "the national layer sets no CE policy".into(),
                Some("move `policy` to the rule set".into()),
            );
        }
        let min_total = match &raw.ce.min_total {
            Some(p) => self.hours(file, "min_total", p),
            None => {
                self.push(
                    file,
                    0..0,
                    "[ce] min_total is missing".into(),
                    Some("add the national baseline".into()),
                );
                None
            }
        };
        let min_professional = match &raw.ce.min_professional {
            Some(p) => self.hours(file, "min_professional", p),
            None => {
                self.push(
                    file,
                    0..0,
                    "[ce] min_professional is missing".into(),
                    Some("add the national baseline".into()),
                );
                None
            }
        };
        for (name, present) in [
            ("min_public", raw.ce.min_public.is_some()),
            ("min_general", raw.ce.min_general.is_some()),
            ("deemed_through_year", raw.ce.deemed_through_year.is_some()),
            ("online_cap", raw.ce.online_cap.is_some()),
            (
                "online_cap_exempt_years",
                raw.ce.online_cap_exempt_years.is_some(),
            ),
            ("advisory", raw.ce.advisory.is_some()),
            ("ambiguous_year", raw.ce.ambiguous_year.is_some()),
        ] {
            if present {
                self.push(
                    file,
                    0..0,
                    format!("national [ce] sets `{name}`, which belongs to a rule set"),
                    Some("move it to the rule set's [ce]".into()),
                );
            }
        }

        let citations = self.citation_table(file, &raw.citations);
        Some(NationalRaw {
            end_of_year: end_of_year?,
            exclude_unqualified_years: exclude?,
            blocking: blocking?,
            public_official_blocks: public_official_blocks?,
            fraud: fraud?,
            requires_post_wage: post_wage?,
            senior_economist_exam: exam?,
            min_total: min_total?,
            min_professional: min_professional?,
            citations,
        })
    }

    /// The dated mountain-county lists: dated lists must not overlap.
    fn mountain_lists(
        &mut self,
        file: &RuleFile,
        raw: &[Spanned<MountainListRaw>],
    ) -> Vec<MountainList> {
        let mut mountain_lists: Vec<MountainList> = Vec::new();
        for m in raw {
            let mr = m.get_ref();
            let from = mr.from.as_ref().and_then(|s| self.date(file, s, "from"));
            let until = mr.until.as_ref().and_then(|s| self.date(file, s, "until"));
            let source = self.citation(file, &mr.source);
            if let (Some(f), Some(u)) = (from, until) {
                if f > u {
                    self.push(
                        file,
                        m.span(),
                        format!("list `{}` ends before it starts", mr.name),
                        Some("swap from and until".into()),
                    );
                }
            }
            if mr.counties.is_empty() {
                self.push(
                    file,
                    m.span(),
                    format!("list `{}` names no county", mr.name),
                    Some("add the counties".into()),
                );
            }
            let list = MountainList {
                name: mr.name.clone(),
                name_en: mr.name_en.clone(),
                from,
                until,
                source: source.unwrap_or(Citation {
                    doc: String::new(),
                    clause: String::new(),
                }),
                counties: mr.counties.clone(),
            };
            for other in &mountain_lists {
                if periods_overlap((list.from, list.until), (other.from, other.until)) {
                    self.push(
                        file,
                        m.span(),
                        format!(
                            "list `{}` overlaps the dates of list `{}`",
                            list.name, other.name
                        ),
                        Some("make one end (`until`) before the next starts (`from`)".into()),
                    );
                }
            }
            mountain_lists.push(list);
        }

        mountain_lists
    }

    pub(super) fn path_step(
        &mut self,
        file: &RuleFile,
        target: &str,
        edu: &str,
        v: &Spanned<toml::Value>,
    ) -> Option<Option<PathStep>> {
        let bad = |cx: &mut Cx| {
            cx.push(
                file,
                v.span(),
                format!("path `{target}` / `{edu}` must be {{ requires = \"title\", years = N }}, {{ years = N }} or \"none\""),
                Some("see docs/rules.md, qualification paths".into()),
            );
            None
        };
        match v.get_ref() {
            toml::Value::String(s) if s == "none" => Some(None),
            toml::Value::Table(t) => {
                let years = t.get("years").and_then(toml::Value::as_integer);
                let requires = t.get("requires").map(|r| r.as_str());
                let extra = t.keys().any(|k| k != "years" && k != "requires");
                match (years, requires, extra) {
                    (Some(y), None, false) if (0..=30).contains(&y) => Some(Some(PathStep {
                        requires: None,
                        years: y as u32,
                    })),
                    (Some(y), Some(Some(title)), false) if (0..=30).contains(&y) => {
                        if self.known(file, v.span(), "title", title, vocab::TITLES) {
                            if title == target {
                                self.push(
                                    file,
                                    v.span(),
                                    format!("path `{target}` requires itself"),
                                    Some("name the lower title".into()),
                                );
                                return None;
                            }
                            Some(Some(PathStep {
                                requires: Some(title.to_string()),
                                years: y as u32,
                            }))
                        } else {
                            None
                        }
                    }
                    _ => bad(self),
                }
            }
            _ => bad(self),
        }
    }

    /// `[fraud]`: the years a finding counts and what it leads to.
    pub(super) fn fraud(
        &mut self,
        file: &RuleFile,
        f: &FraudRaw,
    ) -> Option<Sourced<(u32, String)>> {
        let years = self.count(file, "years", &f.years, 20);
        let consequence = f.consequence.get_ref();
        let known = self.known(
            file,
            f.consequence.span(),
            "fraud consequence",
            consequence,
            vocab::FRAUD_CONSEQUENCES,
        );
        let years = years?;
        known.then(|| Sourced {
            value: (years.value, consequence.clone()),
            basis: years.basis,
        })
    }

    pub(super) fn month_day(
        &mut self,
        file: &RuleFile,
        p: &Spanned<Param<String>>,
    ) -> Option<Sourced<(u8, u8)>> {
        let basis = self.basis(file, "end_of_year", p)?;
        let s = p.get_ref().value.get_ref();
        match parse_ymd(&format!("2001-{s}")) {
            Some(d) => Some(Sourced {
                value: (d.month, d.day),
                basis,
            }),
            None => {
                self.push(
                    file,
                    p.get_ref().value.span(),
                    format!("`end_of_year` `{s}` is not a month and day"),
                    Some("write MM-DD, e.g. \"12-31\"".into()),
                );
                None
            }
        }
    }

    pub(super) fn blocking(
        &mut self,
        file: &RuleFile,
        p: Option<&Spanned<Param<Vec<String>>>>,
    ) -> Option<Sourced<Vec<String>>> {
        let Some(p) = p else {
            self.push(
                file,
                0..0,
                "[sanctions] blocking_for_public_institution is missing".into(),
                Some("list the sanction kinds that block".into()),
            );
            return None;
        };
        let basis = self.basis(file, "blocking_for_public_institution", p)?;
        let kinds = p.get_ref().value.get_ref().clone();
        let span = p.get_ref().value.span();
        let mut ok = true;
        for k in &kinds {
            ok &= self.known(
                file,
                span.clone(),
                "sanction kind",
                k,
                vocab::SANCTION_KINDS,
            );
        }
        ok.then_some(Sourced {
            value: kinds,
            basis,
        })
    }

    pub(super) fn citation_table(
        &mut self,
        file: &RuleFile,
        raw: &BTreeMap<String, Spanned<Vec<CitationRaw>>>,
    ) -> BTreeMap<String, Vec<Citation>> {
        let mut out = BTreeMap::new();
        for (check, list) in raw {
            if !self.known(file, list.span(), "check id", check, vocab::CHECK_IDS) {
                continue;
            }
            if list.get_ref().is_empty() {
                self.push(
                    file,
                    list.span(),
                    format!("citations for `{check}` are empty"),
                    Some("cite at least one clause, or remove the line".into()),
                );
            }
            let cites: Vec<Citation> = list
                .get_ref()
                .iter()
                .filter_map(|c| self.citation(file, c))
                .collect();
            out.insert(check.clone(), cites);
        }
        out
    }
}
