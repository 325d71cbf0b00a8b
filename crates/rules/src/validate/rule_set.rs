//! One rule set file: its identity and notice, coverage and what it leaves out, the
//! values it overrides, notes on checks, and the citations of every check.

use super::{Cx, NationalRaw};
use crate::ir::*;
use crate::model::*;
use crate::vocab;
use crate::RuleFile;
use std::collections::BTreeMap;
use toml::Spanned;

/// The values a rule set takes from the national layer unless it overrides them.
struct Values {
    end_of_year: Sourced<(u8, u8)>,
    exclude: Sourced<bool>,
    blocking: Sourced<Vec<String>>,
    public_official: Sourced<bool>,
    post_wage: Sourced<bool>,
    fraud: Sourced<(u32, String)>,
    language: Option<Sourced<bool>>,
    mountain: Option<(String, Citation)>,
}

impl Cx {
    pub(super) fn rule_set(
        &mut self,
        file: &RuleFile,
        national: &National,
        nat: &NationalRaw,
    ) -> Option<RuleSet> {
        let raw = self.parse::<RuleSetFile>(file)?;
        let before = self.diags.len();
        let (id, notice, year) = self.identity(file, &raw);
        let drd = self.default_reference_date(file, &raw.default_reference_date, year);
        let coverage = self.coverage(file, &raw.coverage);
        let values = self.values(file, &raw, national, nat);
        let ce = self.ce(file, &raw.ce, nat, year);
        let local = self.citation_table(file, &raw.citations);
        let check_notes = self.check_notes(file, &raw.check_notes);
        if self.diags.len() > before {
            return None;
        }
        let (coverage, values, ce) = (coverage?, values?, ce?);
        let citations = self.check_citations(file, national, nat, &values, &ce, &coverage, local);
        if self.diags.len() > before {
            return None;
        }
        Some(RuleSet {
            id,
            file: file.name.clone(),
            name: raw.name.clone(),
            name_en: raw.name_en.clone(),
            region: raw.region.clone(),
            region_en: raw.region_en.clone(),
            notice,
            year,
            default_reference_date: drd?,
            coverage,
            service_end: values.end_of_year.value,
            exclude_unqualified_years: values.exclude.value,
            requires_post_wage: values.post_wage.value,
            blocking_for_public_institution: values.blocking.value,
            public_official_blocks: values.public_official.value,
            fraud_years: values.fraud.value.0,
            fraud_consequence: values.fraud.value.1,
            senior_economist_exam: nat.senior_economist_exam.value.clone(),
            foreign_language_required: values.language.map(|l| l.value),
            mountain_county: values.mountain.map(|(c, _)| c),
            ce,
            citations,
            check_notes,
        })
    }

    /// The id (= the file name), the notice (a document with its text) and the year.
    fn identity(&mut self, file: &RuleFile, raw: &RuleSetFile) -> (String, String, i32) {
        let id = raw.id.get_ref().clone();
        let stem = file
            .name
            .rsplit('/')
            .next()
            .unwrap_or(&file.name)
            .trim_end_matches(".toml");
        if id != stem {
            self.push(
                file,
                raw.id.span(),
                format!("rule set id `{id}` differs from its file name `{stem}.toml`"),
                Some(format!("name the file {id}.toml, or set id = \"{stem}\"")),
            );
        }
        if !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            || id.is_empty()
        {
            self.push(
                file,
                raw.id.span(),
                format!("rule set id `{id}` must be lowercase letters, digits and dashes"),
                Some("e.g. zj-liandu-2025".into()),
            );
        }
        let notice = raw.notice.get_ref().clone();
        if !self.clauses.contains_key(&notice) {
            self.push(
                file,
                raw.notice.span(),
                format!("notice `{notice}` is not in rules/documents.toml"),
                Some("add the notice as a [[document]] with its text file".into()),
            );
        } else if !self.with_file.contains(&notice) {
            self.push(
                file,
                raw.notice.span(),
                format!("notice `{notice}` has no bundled text"),
                Some(
                    "add its text to rules/sources/ and set `file` in rules/documents.toml".into(),
                ),
            );
        }
        let year = *raw.year.get_ref();
        if !(2000..=2100).contains(&year) {
            self.push(
                file,
                raw.year.span(),
                format!("year {year} is out of range"),
                Some("use the year of the evaluation the notice rules, e.g. 2025".into()),
            );
        }
        (id, notice, year as i32)
    }

    fn default_reference_date(
        &mut self,
        file: &RuleFile,
        p: &Spanned<Param<String>>,
        year: i32,
    ) -> Option<Ymd> {
        let basis = self.basis(file, "default_reference_date", p);
        let d = self.date(file, &p.get_ref().value, "default_reference_date");
        if let Some(d) = d {
            if d.year != year {
                self.push(
                    file,
                    p.get_ref().value.span(),
                    format!("default_reference_date {d} is not in the rule set's year {year}"),
                    Some(format!(
                        "use a date in {year}, usually the notice's date or deadline"
                    )),
                );
            }
        }
        basis.and(d)
    }

    /// `[coverage]`: the titles (and specialties) covered, and every clause bearing on
    /// applicants that the rules leave out.
    fn coverage(&mut self, file: &RuleFile, raw: &Spanned<CoverageRaw>) -> Option<Coverage> {
        let cov = raw.get_ref();
        let cov_source = self.citation(file, &cov.source);
        let mut engineering = Vec::new();
        for t in &cov.engineering {
            if self.known(
                file,
                t.span(),
                "engineering target",
                t.get_ref(),
                vocab::ENGINEERING_TARGETS,
            ) {
                engineering.push(t.get_ref().clone());
            }
        }
        let mut economics = Vec::new();
        for t in &cov.economics {
            if self.known(
                file,
                t.span(),
                "economics target",
                t.get_ref(),
                vocab::ECONOMICS_TARGETS,
            ) {
                economics.push(t.get_ref().clone());
            }
        }
        if engineering.is_empty() && economics.is_empty() {
            self.push(
                file,
                raw.span(),
                "[coverage] covers no target title".into(),
                Some("list the titles under `engineering` or `economics`".into()),
            );
        }
        if let Some(sp) = &cov.specialties {
            if sp.is_empty() || sp.iter().any(|s| s.trim().is_empty()) {
                self.push(
                    file,
                    raw.span(),
                    "[coverage] specialties must be non-empty words".into(),
                    Some("list them, or remove `specialties` to cover every specialty".into()),
                );
            }
        }

        let mut leaves_out = Vec::new();
        for l in &cov.leaves_out {
            let lr = l.get_ref();
            self.words(file, "leaves_out topic", &lr.topic);
            self.words(file, "leaves_out topic_en", &lr.topic_en);
            let mut titles = Vec::new();
            for t in &lr.titles {
                if self.known(file, t.span(), "title", t.get_ref(), vocab::TITLES) {
                    titles.push(t.get_ref().clone());
                }
            }
            if let Some(source) = self.citation(file, &lr.source) {
                leaves_out.push(LeftOut {
                    topic: lr.topic.get_ref().clone(),
                    topic_en: lr.topic_en.get_ref().clone(),
                    source,
                    titles,
                });
            }
        }
        if cov.leaves_out.is_empty() {
            self.push(
                file,
                raw.span(),
                "[coverage] names nothing it leaves out".into(),
                Some("add a [[coverage.leaves_out]] for each clause bearing on applicants that the rules do not encode".into()),
            );
        }
        Some(Coverage {
            source: cov_source?,
            engineering,
            economics,
            specialties: cov.specialties.clone(),
            summary: cov.summary.clone(),
            summary_en: cov.summary_en.clone(),
            leaves_out,
        })
    }

    /// The values the rule set overrides, else the national ones.
    fn values(
        &mut self,
        file: &RuleFile,
        raw: &RuleSetFile,
        national: &National,
        nat: &NationalRaw,
    ) -> Option<Values> {
        let end_of_year = match &raw.service.end_of_year {
            Some(p) => self.month_day(file, p),
            None => Some(nat.end_of_year.clone()),
        };
        let exclude = match &raw.service.exclude_unqualified_years {
            Some(p) => self.flag(file, "exclude_unqualified_years", p),
            None => Some(nat.exclude_unqualified_years.clone()),
        };

        let (blocking, public_official) = match &raw.sanctions {
            None => (
                Some(nat.blocking.clone()),
                Some(nat.public_official_blocks.clone()),
            ),
            Some(s) => (
                match &s.blocking_for_public_institution {
                    Some(p) => self.blocking(file, Some(p)),
                    None => Some(nat.blocking.clone()),
                },
                match &s.public_official_blocks {
                    Some(p) => self.flag(file, "public_official_blocks", p),
                    None => Some(nat.public_official_blocks.clone()),
                },
            ),
        };
        let post_wage = match &raw.technical_post {
            Some(t) => self.flag(file, "requires_post_wage", &t.requires_post_wage),
            None => Some(nat.requires_post_wage.clone()),
        };
        let fraud = match &raw.fraud {
            Some(f) => self.fraud(file, f),
            None => Some(nat.fraud.clone()),
        };
        let language = match &raw.foreign_language {
            Some(l) => self.flag(file, "required", &l.required).map(Some),
            None => Some(None),
        };
        let mountain = match &raw.mountain_counties {
            None => Some(None),
            Some(m) => {
                let src = self.citation(file, &m.source);
                let county = m.county.get_ref();
                if !national
                    .mountain_lists
                    .iter()
                    .any(|l| l.counties.contains(county))
                {
                    self.push(file, m.county.span(), format!("county `{county}` is in none of the mountain-county lists of rules/national.toml"), Some("check the spelling (e.g. 莲都区), or remove [mountain_counties]".into()));
                }
                src.map(|s| Some((county.clone(), s)))
            }
        };

        Some(Values {
            end_of_year: end_of_year?,
            exclude: exclude?,
            blocking: blocking?,
            public_official: public_official?,
            post_wage: post_wage?,
            fraud: fraud?,
            language: language?,
            mountain: mountain?,
        })
    }

    /// `[[check_notes]]`: our sentence on known checks, quoting its clause word for word.
    fn check_notes(&mut self, file: &RuleFile, raw: &[Spanned<CheckNoteRaw>]) -> Vec<CheckNote> {
        let mut out = Vec::new();
        for n in raw {
            let nr = n.get_ref();
            let mut checks = Vec::new();
            for c in &nr.checks {
                if self.known(file, c.span(), "check id", c.get_ref(), vocab::CHECK_IDS) {
                    checks.push(c.get_ref().clone());
                }
            }
            if checks.is_empty() {
                self.push(
                    file,
                    n.span(),
                    "a check note names no check".into(),
                    Some("list the checks it bears on, e.g. checks = [\"ce_hours\"]".into()),
                );
            }
            self.words(file, "zh", &nr.zh);
            self.words(file, "en", &nr.en);
            let source = self.citation(file, &nr.source);
            if let Some(s) = &source {
                self.quoted_words(file, s, &nr.quote);
            }
            if !nr.zh.get_ref().contains(nr.quote.get_ref().as_str()) {
                self.push(
                    file,
                    nr.zh.span(),
                    "the check note's Chinese does not contain its `quote`".into(),
                    Some("quote the notice's words inside the sentence, e.g. 须“经……认定后方为有效学时”".into()),
                );
            }
            if let Some(source) = source {
                out.push(CheckNote {
                    checks,
                    zh: nr.zh.get_ref().clone(),
                    en: nr.en.get_ref().clone(),
                    source,
                });
            }
        }
        out
    }

    /// Every check's citations: the rule set's own, then the sources of the values it
    /// uses, then the national ones; each once.
    #[allow(clippy::too_many_arguments)]
    fn check_citations(
        &mut self,
        file: &RuleFile,
        national: &National,
        nat: &NationalRaw,
        v: &Values,
        ce: &Ce,
        coverage: &Coverage,
        local: BTreeMap<String, Vec<Citation>>,
    ) -> BTreeMap<String, CheckCitations> {
        let cov_source = &coverage.source;
        let cite = |b: &Basis| b.citation().cloned();
        let mut general: BTreeMap<&str, Vec<Option<Citation>>> = BTreeMap::new();
        general.insert("retirement", vec![Some(national.retirement.source.clone())]);
        let mut sanction = vec![cite(&v.blocking.basis)];
        sanction.extend(national.sanction_period_sources.iter().cloned().map(Some));
        if v.public_official.value {
            sanction.push(cite(&v.public_official.basis));
        }
        general.insert("sanction", sanction);
        general.insert("fraud_ban", vec![cite(&v.fraud.basis)]);
        general.insert(
            "technical_post",
            vec![v
                .post_wage
                .value
                .then(|| cite(&v.post_wage.basis))
                .flatten()],
        );
        general.insert(
            "service_years",
            vec![
                cite(&v.end_of_year.basis),
                v.exclude.value.then(|| cite(&v.exclude.basis)).flatten(),
            ],
        );
        general.insert("ce_hours", ce.sources.iter().cloned().map(Some).collect());
        general.insert("exam", vec![cite(&nat.senior_economist_exam.basis)]);
        if let Some(l) = &v.language {
            general.insert("foreign_language", vec![cite(&l.basis)]);
        }
        if let Some((_, src)) = &v.mountain {
            let mut v = vec![Some(src.clone())];
            v.extend(
                national
                    .mountain_lists
                    .iter()
                    .map(|l| Some(l.source.clone())),
            );
            general.insert("mountain_counties", v);
        }
        general.insert("projection", vec![Some(cov_source.clone())]);
        general.insert("coverage", vec![Some(cov_source.clone())]);

        let mut citations = BTreeMap::new();
        for check in vocab::CHECK_IDS {
            let local_list = local.get(*check).cloned().unwrap_or_default();
            let mut gen: Vec<Citation> = Vec::new();
            for c in general
                .get(check)
                .into_iter()
                .flatten()
                .flatten()
                .chain(nat.citations.get(*check).into_iter().flatten())
            {
                if !local_list.contains(c) && !gen.contains(c) {
                    gen.push(c.clone());
                }
            }
            let path_check = matches!(
                *check,
                "qualification_path" | "prerequisite_title" | "service_years"
            );
            let emitted = match *check {
                "foreign_language" => v.language.is_some(),
                "mountain_counties" => v.mountain.is_some(),
                _ => true,
            };
            if emitted && !path_check && local_list.is_empty() && gen.is_empty() {
                self.push(
                    file,
                    0..0,
                    format!("check `{check}` has nothing to cite"),
                    Some(format!(
                        "add `{check} = [{{ doc = \"…\", clause = \"…\" }}]` under [citations]"
                    )),
                );
            }
            citations.insert(
                check.to_string(),
                CheckCitations {
                    local: local_list,
                    general: gen,
                },
            );
        }

        citations
    }
}
