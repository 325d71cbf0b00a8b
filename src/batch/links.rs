//! Share links pasted on the batch page: an HR officer collects the links people
//! sent (one per line, a name before it if they like: `张三 https://…#z=…`) and
//! checks them as one roster. Read here (which line holds which link, and the name
//! before it); the page inflates the short ones (`#z=`) and writes the profiles as
//! roster rows ([`roster_text`]), the same rows as the "for HR" export.

use zhicheng_engine::{bi, InputError, Profile};
use zhicheng_formats::roster;

use super::report::Bilingual;
use crate::share::{self, Link, ShareError};

/// The fragments a share link carries its profile in.
const MARKS: [&str; 2] = ["#profile=", "#z="];

/// One pasted line that holds a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Pasted {
    /// 1-based, as the officer counts the lines.
    pub line: usize,
    /// What stands before the link, without separators: the roster's name.
    pub name: String,
    pub link: Link,
}

/// What the pasted text holds: the links, and the lines with text but no link.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lines {
    pub links: Vec<Pasted>,
    pub without_link: Vec<usize>,
}

/// Reads the pasted text line by line; blank lines are skipped.
pub fn read(text: &str) -> Lines {
    let mut out = Lines::default();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let Some(mark) = MARKS.iter().filter_map(|m| trimmed.find(m)).min() else {
            out.without_link.push(line_no);
            continue;
        };
        // The link starts at its scheme (a name may run into it: `张三：https://…`),
        // or else after the last space before its fragment.
        let before = &trimmed[..mark];
        let start = ["https://", "http://", "file://"]
            .iter()
            .filter_map(|scheme| before.rfind(scheme))
            .max()
            .or_else(|| {
                before
                    .rfind(char::is_whitespace)
                    .map(|i| i + before[i..].chars().next().map_or(1, char::len_utf8))
            })
            .unwrap_or(0);
        let name = trimmed[..start]
            .trim()
            .trim_end_matches([':', '：', ',', '，', '、', '-', '—', '|'])
            .trim()
            .to_string();
        let token = trimmed[start..]
            .split_whitespace()
            .next()
            .unwrap_or_default();
        match share::read_link(token) {
            Some(link) => out.links.push(Pasted {
                line: line_no,
                name,
                link,
            }),
            None => out.without_link.push(line_no),
        }
    }
    out
}

/// Why a pasted line gives no one, in both languages.
pub fn problem(line: usize, why: &LineProblem) -> Bilingual {
    match why {
        LineProblem::NoLink => bi!(
            "第 {line} 行：没有分享链接（链接中应有 #profile= 或 #z=），已跳过",
            "line {line}: no share link (a link has #profile= or #z= in it); skipped"
        ),
        LineProblem::Link(ShareError::NotBase64) => bi!(
            "第 {line} 行：链接已损坏（不是 base64url 编码），已跳过",
            "line {line}: the link is damaged (not base64url); skipped"
        ),
        LineProblem::Link(ShareError::NotDeflated) => bi!(
            "第 {line} 行：链接的压缩内容已损坏，无法解压，已跳过",
            "line {line}: the link's compressed data is damaged; skipped"
        ),
        LineProblem::Link(ShareError::NotText) => bi!(
            "第 {line} 行：链接中的资料不是文本，已跳过",
            "line {line}: the link's data is not text; skipped"
        ),
        LineProblem::Link(ShareError::NotProfile(e)) => not_profile(line, e),
    }
}

fn not_profile(line: usize, e: &InputError) -> Bilingual {
    bi!(
        "第 {line} 行：链接中的资料无法读取（{}：{}），已跳过", e.path, e.message_zh();
        "line {line}: the link's data cannot be read ({}: {}); skipped", e.path, e.message_en()
    )
}

/// Why a line gives no one.
#[derive(Debug, Clone, PartialEq)]
pub enum LineProblem {
    NoLink,
    Link(ShareError),
}

/// The people as a roster: the export's header, then one row each (its id from the
/// data, [`roster::default_person_id`], so a person sent twice is seen twice).
pub fn roster_text(people: &[(String, Profile)]) -> String {
    let mut text = roster::export_header();
    for (name, profile) in people {
        text += &roster::row_for(profile, &roster::default_person_id(profile), name);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::{encode, fragment};
    use zhicheng_formats::roster::Roster;

    fn example(name: &str) -> Profile {
        let text = std::fs::read_to_string(format!(
            "{}/tests/examples/{name}.profile.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        Profile::from_json(&text).unwrap()
    }

    #[test]
    fn names_and_links_are_read_line_by_line() {
        let p = example("liandu_senior_engineer_eligible");
        let url = format!("https://zc.example/#{}", fragment(&p));
        let text = format!(
            "张三：{url}\n\n  {url}  \nLi Si - {url}\n王五 https://zc.example/#z={}\nhello\nhttps://zc.example/#profile=!!\n",
            encode(b"not deflated")
        );
        let lines = read(&text);
        let names: Vec<_> = lines
            .links
            .iter()
            .map(|p| (p.line, p.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [(1, "张三"), (3, ""), (4, "Li Si"), (5, "王五"), (7, "")]
        );
        assert_eq!(lines.links[0].link, Link::Plain(Ok(p.clone())));
        assert!(matches!(lines.links[3].link, Link::Deflated(Ok(_))));
        assert_eq!(lines.links[4].link, Link::Plain(Err(ShareError::NotBase64)));
        assert_eq!(lines.without_link, [6]);
    }

    #[test]
    fn pasted_people_become_a_roster_the_batch_reads() {
        let a = example("liandu_senior_engineer_eligible");
        let b = example("jxt_2019_online_hours_over_cap");
        let text = roster_text(&[("张三".into(), a.clone()), (String::new(), b.clone())]);
        let people: Vec<_> = Roster::read(&text).unwrap().collect();
        assert_eq!(people.len(), 2);
        assert_eq!(people[0].name, "张三");
        assert_eq!(people[0].person_id, roster::default_person_id(&a));
        assert_eq!(people[1].person_id, roster::default_person_id(&b));
        assert!(people.iter().all(|p| p.profile.is_ok()));
    }

    #[test]
    fn every_problem_names_its_line_in_both_languages() {
        for why in [
            LineProblem::NoLink,
            LineProblem::Link(ShareError::NotBase64),
            LineProblem::Link(ShareError::NotDeflated),
            LineProblem::Link(ShareError::NotText),
        ] {
            let b = problem(7, &why);
            assert!(
                b.zh.starts_with("第 7 行") && b.en.starts_with("line 7"),
                "{b:?}"
            );
        }
    }
}
