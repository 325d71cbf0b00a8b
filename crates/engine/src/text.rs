//! A text in both languages, [`Bi`], and the language to show, [`Lang`]: the one
//! two-language type of the engine, the formats crate and the app.
//!
//! Messages are written once, their Chinese and English side by side, with [`bi!`]:
//!
//! ```
//! use zhicheng_engine::{bi, Bi, Lang};
//!
//! let y = 2024;
//! let said: Bi = bi!("{y} 年已满足。", "{y}: met.");
//! assert_eq!(said.get(Lang::En), "2024: met.");
//!
//! // Where a language needs its own arguments, each follows its text.
//! let (zh, en) = ("工程师", "engineer");
//! let held = bi!("已取得{}。", zh; "Holds {}.", en);
//! assert_eq!(held, Bi::new("已取得工程师。".to_string(), "Holds engineer.".to_string()));
//! ```

/// The language of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Chinese, the default.
    #[default]
    Zh,
    En,
}

impl Lang {
    /// `zh` or `en` by language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A text in Chinese and English. `Bi` (of `String`) for texts written at run time,
/// `Bi<&'static str>` for fixed ones (the app's `i18n::Text`). As JSON (the CLI's
/// plan and calendar): `{"zh": …, "en": …}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub struct Bi<S = String> {
    pub zh: S,
    pub en: S,
}

impl<S> Bi<S> {
    pub const fn new(zh: S, en: S) -> Bi<S> {
        Bi { zh, en }
    }

    /// The text in `lang`, taken out.
    pub fn into_lang(self, lang: Lang) -> S {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }

    /// Each language's text through `f`.
    pub fn map<T>(self, mut f: impl FnMut(S) -> T) -> Bi<T> {
        Bi {
            zh: f(self.zh),
            en: f(self.en),
        }
    }

    /// Both texts borrowed.
    pub fn as_str(&self) -> Bi<&str>
    where
        S: AsRef<str>,
    {
        Bi {
            zh: self.zh.as_ref(),
            en: self.en.as_ref(),
        }
    }
}

impl Bi<&'static str> {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

impl<'a> From<Bi<&'a str>> for Bi {
    fn from(b: Bi<&'a str>) -> Bi {
        b.map(str::to_string)
    }
}

impl Bi {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }

    /// Appends each language's text to its own.
    pub fn push<S: AsRef<str>>(&mut self, more: Bi<S>) {
        self.zh.push_str(more.zh.as_ref());
        self.en.push_str(more.en.as_ref());
    }

    /// The texts joined, each language with its own separator.
    pub fn join(parts: impl IntoIterator<Item = Bi>, sep: Bi<&str>) -> Bi {
        let mut out = Bi::default();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                out.push(sep);
            }
            out.push(part);
        }
        out
    }
}

impl<S: AsRef<str>> std::ops::AddAssign<Bi<S>> for Bi {
    fn add_assign(&mut self, more: Bi<S>) {
        self.push(more);
    }
}

/// A [`Bi`] from a Chinese and an English format string, side by side:
/// `bi!("…{x}…", "…{x}…")` when both name the same variables, or
/// `bi!("…{}…", zh_args…; "…{}…", en_args…)` when each language has its own.
#[macro_export]
macro_rules! bi {
    ($zh:literal, $en:literal $(,)?) => {
        $crate::text::Bi {
            zh: ::std::format!($zh),
            en: ::std::format!($en),
        }
    };
    ($zh:literal $(, $za:expr)* ; $en:literal $(, $ea:expr)* $(,)?) => {
        $crate::text::Bi {
            zh: ::std::format!($zh $(, $za)*),
            en: ::std::format!($en $(, $ea)*),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_once_read_in_either_language() {
        let n = 3;
        let b = bi!("{n} 年", "{n} years");
        assert_eq!((b.get(Lang::Zh), b.get(Lang::En)), ("3 年", "3 years"));
        let b = bi!("{}年", n + 1; "{} {}", n + 1, "years");
        assert_eq!(b.into_lang(Lang::En), "4 years");
    }

    #[test]
    fn joined_and_pushed_per_language() {
        let mut b = Bi::join([bi!("甲", "a"), bi!("乙", "b")], Bi::new("，", ", "));
        b += Bi::new("。", ".");
        assert_eq!(b, Bi::new("甲，乙。".to_string(), "a, b.".to_string()));
        assert_eq!(Bi::join([], Bi::new("、", ", ")), Bi::default());
    }

    #[test]
    fn fixed_texts_stay_static() {
        const T: Bi<&str> = Bi::new("是", "yes");
        let s: &'static str = T.get(Lang::En);
        assert_eq!(s, "yes");
        let owned: Bi = T.into();
        assert_eq!(owned.get(Lang::Zh), "是");
    }
}
