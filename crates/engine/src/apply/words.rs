//! A person's specialty as words a plan knows: the text split into the longest known
//! words (the plan's specialty words and the vocabulary's), and what each means
//! through the specialty vocabulary (rules/specialties.toml).

use crate::rules::{self, Plan, SpecialtyLink};
use crate::Lang;

/// A word of the person's specialty, found in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub word: &'static str,
}

/// A notice word the person's specialty reaches: the word itself, or through a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// The person wrote the notice's word.
    Direct(&'static str),
    /// The person wrote `word`, which the vocabulary says belongs to `means`.
    Linked {
        word: &'static str,
        means: &'static str,
        link: &'static SpecialtyLink,
    },
}

impl Reach {
    /// The notice word reached.
    pub fn notice_word(self) -> &'static str {
        match self {
            Reach::Direct(w) => w,
            Reach::Linked { means, .. } => means,
        }
    }
}

/// A person's specialty text read against one plan.
#[derive(Debug, Clone, Default)]
pub struct Specialty {
    /// The text as matched (an id of the profile format shown in Chinese), if given.
    pub text: Option<String>,
    /// Every notice word the text reaches, direct ones first.
    pub reaches: Vec<Reach>,
}

impl Specialty {
    /// Reads `text` (trimmed; a profile id such as `light_textile` as its label) with
    /// the words `plan` and the vocabulary know.
    pub fn read(plan: &'static Plan, text: Option<&str>) -> Specialty {
        let Some(text) = text.map(str::trim).filter(|s| !s.is_empty()) else {
            return Specialty::default();
        };
        let text = rules::specialty_label(text, Lang::Zh).to_string();
        let known = known_words(plan);
        let words = split(&text, &known);
        let links = rules::specialty_links();
        let mut reaches: Vec<Reach> = words.iter().map(|w| Reach::Direct(w.word)).collect();
        for w in &words {
            for link in links.iter().filter(|l| l.words.contains(&w.word)) {
                reaches.extend(link.means.iter().map(|&means| Reach::Linked {
                    word: w.word,
                    means,
                    link,
                }));
            }
        }
        Specialty {
            text: Some(text),
            reaches,
        }
    }

    pub fn is_given(&self) -> bool {
        self.text.is_some()
    }

    /// The best reach of one of `words`: a direct one before a linked one, then the
    /// longest notice word (the more specific).
    pub fn best_among(&self, words: &[&str]) -> Option<Reach> {
        let rank = |r: &Reach| {
            (
                matches!(r, Reach::Linked { .. }),
                usize::MAX - r.notice_word().chars().count(),
            )
        };
        let mut best: Option<Reach> = None;
        for r in self
            .reaches
            .iter()
            .filter(|r| words.contains(&r.notice_word()))
        {
            if best.is_none_or(|b| rank(r) < rank(&b)) {
                best = Some(*r);
            }
        }
        best
    }
}

/// Every word `plan` and the vocabulary know: specialty words of its rows, of their
/// exclusions and of its CE contacts, and the vocabulary's words and meanings.
fn known_words(plan: &'static Plan) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for t in plan.committees {
        for r in t.rows {
            out.extend(r.specialties);
            for x in r.excludes {
                out.extend(x.words);
            }
        }
    }
    if let Some(c) = &plan.ce_contacts {
        for r in c.rows {
            out.extend(r.specialties);
        }
    }
    for l in rules::specialty_links() {
        out.extend(l.words);
        out.extend(l.means);
    }
    out
}

/// The known words of `text`, leftmost-longest: at each position the longest known
/// word starting there is taken whole, so "机械设计" with 机械设计 known is not also
/// 设计. Characters no known word starts with are skipped.
fn split(text: &str, known: &[&'static str]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let found = known
            .iter()
            .filter(|w| rest.starts_with(**w))
            .max_by_key(|w| w.len());
        match found {
            Some(w) => {
                if !out.iter().any(|o| o.word == *w) {
                    out.push(Word { word: w });
                }
                rest = &rest[w.len()..];
            }
            None => rest = &rest[c.len_utf8()..],
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_word_wins() {
        let known = ["机械", "设计", "机械设计", "工程"];
        let words: Vec<&str> = split("机械设计工程", &known)
            .iter()
            .map(|w| w.word)
            .collect();
        assert_eq!(words, ["机械设计", "工程"]);
    }

    #[test]
    fn unknown_characters_are_skipped_and_words_kept_once() {
        let known = ["轻纺", "材料"];
        let words: Vec<&str> = split("新型轻纺材料与轻纺", &known)
            .iter()
            .map(|w| w.word)
            .collect();
        assert_eq!(words, ["轻纺", "材料"]);
    }
}
