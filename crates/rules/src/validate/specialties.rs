//! rules/specialties.toml: the labels of the profile's specialty ids, and the links
//! from the words a person may write to the notices' specialty words, each with the
//! clause that groups them or the convention that says why.

use super::Cx;
use crate::ir::*;
use crate::model::*;
use crate::vocab;
use crate::{RuleFile, RuleFiles};
use std::collections::BTreeSet;
use toml::Spanned;

impl Cx {
    pub(super) fn specialties(
        &mut self,
        files: &RuleFiles,
        rule_sets: &[RuleSet],
        plans: &[Plan],
    ) -> Specialties {
        let Some(file) = &files.specialties else {
            return Specialties::default();
        };
        let Some(raw) = self.parse::<SpecialtiesFile>(file) else {
            return Specialties::default();
        };
        let labels = self.labels(file, &raw.label);
        for rs in rule_sets {
            for id in rs.coverage.specialties.iter().flatten() {
                if !labels.iter().any(|l| &l.id == id) {
                    self.push(
                        file,
                        0..0,
                        format!(
                            "rule set `{}` covers specialty `{id}`, which has no [[label]]",
                            rs.id
                        ),
                        Some(format!(
                            "add [[label]] id = \"{id}\" with its Chinese and English"
                        )),
                    );
                }
            }
        }
        // The notices' specialty words: what a link may lead to.
        let mut notice_words: BTreeSet<&str> = BTreeSet::new();
        for p in plans {
            for t in &p.committees {
                notice_words.extend(
                    t.rows
                        .iter()
                        .flat_map(|r| r.specialties.iter().map(String::as_str)),
                );
            }
            if let Some(t) = &p.ce_contacts {
                notice_words.extend(
                    t.rows
                        .iter()
                        .flat_map(|r| r.specialties.iter().map(String::as_str)),
                );
            }
        }
        // A plan with a mistake is left out of the bundle: its words are unknown then,
        // and a link to them is not a mistake of its own.
        let plans_whole = self.diags.is_empty();
        let links = raw
            .link
            .iter()
            .filter_map(|l| self.link(file, plans_whole.then_some(&notice_words), l))
            .collect();
        Specialties { labels, links }
    }

    fn labels(
        &mut self,
        file: &RuleFile,
        raw: &[Spanned<SpecialtyLabelRaw>],
    ) -> Vec<SpecialtyLabel> {
        let mut out: Vec<SpecialtyLabel> = Vec::new();
        for l in raw {
            let lr = l.get_ref();
            let id = lr.id.get_ref();
            let ok_id = !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
            if !ok_id {
                self.push(
                    file,
                    lr.id.span(),
                    format!("label id `{id}` must be lowercase letters and underscores"),
                    Some("write the id as profiles spell it, e.g. light_textile".into()),
                );
            }
            if out.iter().any(|o| &o.id == id) {
                self.push(
                    file,
                    lr.id.span(),
                    format!("label `{id}` is given twice"),
                    Some("keep one".into()),
                );
                continue;
            }
            self.words(file, "zh", &lr.zh);
            self.words(file, "en", &lr.en);
            out.push(SpecialtyLabel {
                id: id.clone(),
                zh: lr.zh.get_ref().clone(),
                en: lr.en.get_ref().clone(),
            });
        }
        out
    }

    /// One link: its words and the notice words they mean, single words each; what it
    /// means is a specialty word of some plan row; its basis a clause that has every
    /// word, or a convention saying why.
    fn link(
        &mut self,
        file: &RuleFile,
        notice_words: Option<&BTreeSet<&str>>,
        l: &Spanned<LinkRaw>,
    ) -> Option<SpecialtyLink> {
        let lr = l.get_ref();
        let kind_ok = self.known(
            file,
            lr.kind.span(),
            "link kind",
            lr.kind.get_ref(),
            vocab::LINK_KINDS,
        );
        let mut seen = BTreeSet::new();
        for w in lr.words.iter().chain(&lr.means) {
            let word = w.get_ref();
            if word.is_empty() || word.chars().any(char::is_whitespace) {
                self.push(
                    file,
                    w.span(),
                    format!("`{word}` must be one word without spaces"),
                    Some("split it into words".into()),
                );
            } else if !seen.insert(word.as_str()) {
                self.push(
                    file,
                    w.span(),
                    format!("`{word}` is listed twice in one link"),
                    Some("keep one".into()),
                );
            }
        }
        if lr.words.is_empty() || lr.means.is_empty() {
            self.push(
                file,
                l.span(),
                "a link needs `words` and what they `means`".into(),
                Some("e.g. words = [\"纺织\"], means = [\"轻纺\"]".into()),
            );
        }
        for m in lr.means.iter().filter(|_| notice_words.is_some()) {
            if !notice_words.is_some_and(|w| w.contains(m.get_ref().as_str())) {
                self.push(
                    file,
                    m.span(),
                    format!("`{}` is not a specialty word of any plan row", m.get_ref()),
                    Some("a link leads to a word of the plans' `specialties` lists; add it there (from the row's text) or correct it".into()),
                );
            }
        }
        let basis = match (&lr.source, &lr.convention) {
            (Some(c), None) => {
                let cite = self.citation(file, c)?;
                for w in lr.words.iter().chain(&lr.means) {
                    self.quoted_words(file, &cite, w);
                }
                Basis::Source(cite)
            }
            (None, Some(why)) if why.get_ref().trim().chars().count() >= 10 => {
                Basis::Convention(why.get_ref().clone())
            }
            _ => {
                self.push(
                    file,
                    l.span(),
                    "a link needs either a `source` whose quote has every word, or a `convention` saying why, in a sentence".into(),
                    Some("cite the clause that groups the words (e.g. 附件1 第3项), or write convention = \"…\"".into()),
                );
                return None;
            }
        };
        kind_ok.then(|| SpecialtyLink {
            words: lr.words.iter().map(|w| w.get_ref().clone()).collect(),
            means: lr.means.iter().map(|w| w.get_ref().clone()).collect(),
            kind: lr.kind.get_ref().clone(),
            basis,
        })
    }
}
