//! Strings with numbers or names in them, in both languages: functions taking the
//! language (the plain strings are `i18n`'s constants). Labels of the closed
//! vocabularies, the verdict's messages and input errors come from the engine.

use zhicheng_engine::{Hours, InputError, Lang};

use crate::form::step::Step;
use crate::i18n::{self, Text};

/// The short name of a step (stepper).
pub fn step_short(step: Step, lang: Lang) -> &'static str {
    let t = match step {
        Step::Target => ("申报目标", "Target"),
        Step::About => ("个人情况", "About you"),
        Step::Education => ("学历职称", "Education"),
        Step::Other => ("其他情况", "Other"),
        Step::Ce => ("继续教育", "CE hours"),
        Step::Result => ("结果", "Result"),
    };
    lang.pick(t.0, t.1)
}

/// The heading of a step.
pub fn step_title(step: Step, lang: Lang) -> &'static str {
    let t = match step {
        Step::Target => ("选择规则和申报的职称", "Rules and the title you apply for"),
        Step::About => ("关于你", "About you"),
        Step::Education => ("学历和已取得的职称", "Education and titles held"),
        Step::Other => (
            "年度考核、处分、考试（可不填）",
            "Assessments, sanctions, exams (optional)",
        ),
        Step::Ce => ("继续教育学时", "Continuing-education hours"),
        Step::Result => ("检查结果", "Result"),
    };
    lang.pick(t.0, t.1)
}

pub fn step_of(step: Step, lang: Lang) -> String {
    let (n, total) = (step.index() + 1, Step::ALL.len());
    match lang {
        Lang::Zh => format!("第 {n} 步，共 {total} 步"),
        Lang::En => format!("Step {n} of {total}"),
    }
}

pub fn next_step(step: Step, lang: Lang) -> String {
    format!("{}：{}", i18n::NEXT.get(lang), step_short(step, lang)).replace(
        "：",
        match lang {
            Lang::Zh => "：",
            Lang::En => ": ",
        },
    )
}

pub fn retirement_explained(group: zhicheng_engine::vocab::RetirementGroup) -> Text {
    use zhicheng_engine::vocab::RetirementGroup as G;
    match group {
        G::Male => i18n::RETIREMENT_MALE,
        G::Female55 => i18n::RETIREMENT_FEMALE_55,
        G::Female50 => i18n::RETIREMENT_FEMALE_50,
    }
}

pub fn evaluation_year_option(year: i32, own: bool, lang: Lang) -> String {
    match (lang, own) {
        (Lang::Zh, true) => format!("{year}（通知所属年度）"),
        (Lang::Zh, false) => format!("{year}（推算）"),
        (Lang::En, true) => format!("{year} (the notice's year)"),
        (Lang::En, false) => format!("{year} (projection)"),
    }
}

pub fn row_number(what: Text, n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}{}", what.zh, n),
        Lang::En => format!("{} {n}", what.en),
    }
}

pub fn remove_row(what: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("删除{what}"),
        Lang::En => format!("Remove {what}"),
    }
}

pub fn entered_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已填 {n} 项"),
        Lang::En => format!("{n} entered"),
    }
}

pub fn missing_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("还需填写 {n} 项"),
        Lang::En if n == 1 => "1 field to fill in".to_string(),
        Lang::En => format!("{n} fields to fill in"),
    }
}

pub fn to_fix_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{n} 处需要更正"),
        Lang::En if n == 1 => "1 entry to correct".to_string(),
        Lang::En => format!("{n} entries to correct"),
    }
}

pub fn from_records(hours: Hours, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("另有逐条记录 {hours}"),
        Lang::En => format!("plus {hours} from records"),
    }
}

pub fn year_total(hours: Hours, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("合计 {hours} 学时"),
        Lang::En => format!("Total {hours} h"),
    }
}

pub fn year_heading(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year} 年"),
        Lang::En => year.to_string(),
    }
}

pub fn clear_year(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("清空 {year} 年"),
        Lang::En => format!("Clear {year}"),
    }
}

pub fn lacks(hours: Hours, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("差{hours}"),
        Lang::En => format!("\u{2212}{hours}"),
    }
}

pub fn public_lacks(hours: Hours, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("公需差{hours}"),
        Lang::En => format!("\u{2212}{hours} pub."),
    }
}

/// What a CE year lacks, in words: "专业科目差 12、合计差 24".
pub fn shortfall(s: &zhicheng_engine::verdict::CeShortfall, lang: Lang) -> String {
    let parts: Vec<String> = [
        (s.professional, ("专业科目", "professional")),
        (s.public, ("公需科目", "public")),
        (s.general_public, ("一般公需", "general public")),
        (s.total, ("合计", "total")),
    ]
    .into_iter()
    .filter(|(h, _)| *h > Hours::ZERO)
    .map(|(h, (zh, en))| match lang {
        Lang::Zh => format!("{zh}差 {h}"),
        Lang::En => format!("{en} short by {h}"),
    })
    .collect();
    parts.join(lang.pick("、", ", "))
}

pub fn online_not_counted(year: i32, hours: Hours, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year} 年有 {hours} 学时网络课件超出每年上限，未计入。"),
        Lang::En => format!("{year}: {hours} online hours over the yearly cap were not counted."),
    }
}

pub fn counts(fail: usize, review: usize, lang: Lang) -> String {
    let mut parts = Vec::new();
    if fail > 0 {
        parts.push(match lang {
            Lang::Zh => format!("{fail} 项不符合"),
            Lang::En => format!("{fail} failed"),
        });
    }
    if review > 0 {
        parts.push(match lang {
            Lang::Zh => format!("{review} 项需人工核实"),
            Lang::En => format!("{review} to be reviewed"),
        });
    }
    parts.join(lang.pick("，", ", "))
}

pub fn evaluation_year_line(year: i32, projection: bool, notice: &str, lang: Lang) -> String {
    let p = if projection {
        lang.pick("（推算）", " (projection)")
    } else {
        ""
    };
    match lang {
        Lang::Zh => format!("{year} 年度评审{p} · {notice}"),
        Lang::En => format!("{year} evaluation{p} · {notice}"),
    }
}

pub fn service_months(counted: u32, required: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已满 {counted} 个月（需 {required} 个月）"),
        Lang::En => format!("{counted} months counted ({required} required)"),
    }
}

pub fn earliest(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("预计最早 {year} 年度可以申报"),
        Lang::En => format!("Projected: you may apply from {year}"),
    }
}

pub fn earliest_explained(from: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "这是推算：假设 {from} 年以后每年的继续教育学时都达标，其他情况不变，评审条件沿用现行通知。"
        ),
        Lang::En => format!(
            "This is a projection: it assumes every year after {from} meets the CE minimum, nothing else changes and the current notice's conditions carry forward."
        ),
    }
}

pub fn earliest_none(from: i32, to: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("推算：{from}—{to} 年度都不符合申报条件。"),
        Lang::En => format!("Projection: not eligible in any year from {from} to {to}."),
    }
}

pub fn announce(status: Option<zhicheng_engine::Status>, lang: Lang) -> String {
    match status {
        Some(s) => format!("{}{}", lang.pick("检查结果：", "Result: "), s.label(lang)),
        None => i18n::NO_RESULT_YET.get(lang).to_string(),
    }
}

/// Remembered data written by another version of the app.
pub fn storage_other_version(version: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "本设备上保存的资料来自另一个版本的应用（版本 {version}），本版本无法读取。它还在，没有删除：你可以先下载这份数据留存，再清除并重新开始。"
        ),
        Lang::En => format!(
            "The data saved on this device was written by another version of the app (version {version}) and cannot be read by this one. It is still there, not deleted: you can download it first, then clear it and start over."
        ),
    }
}

pub fn share_not_profile(e: &InputError, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "无法打开这个分享链接：其中的资料有误（{}：{}）。你的其他资料没有改动。",
            e.path,
            e.message_zh()
        ),
        Lang::En => format!(
            "This share link cannot be opened: its data has a problem ({}: {}). Nothing else was changed.",
            e.path,
            e.message_en()
        ),
    }
}

pub fn imported_file(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已导入资料文件 {name}。"),
        Lang::En => format!("Imported the data file {name}."),
    }
}

pub fn import_failed(name: &str, e: &InputError, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("无法导入 {name}：{}：{}", e.path, e.message_zh()),
        Lang::En => format!("Could not import {name}: {}: {}", e.path, e.message_en()),
    }
}

pub fn file_unreadable(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("无法读取文件 {name}。"),
        Lang::En => format!("The file {name} could not be read."),
    }
}

pub fn csv_imported(name: &str, n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已从 {name} 导入 {n} 条记录。"),
        Lang::En if n == 1 => format!("Imported 1 record from {name}."),
        Lang::En => format!("Imported {n} records from {name}."),
    }
}

pub fn csv_repeat(line: usize, same_as: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {line} 行与第 {same_as} 行内容相同，已导入，请核对。"),
        Lang::En => {
            format!("Line {line} repeats line {same_as}; imported all the same, please check.")
        }
    }
}

pub fn about_year(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{year} 年度（之后 5 年内的年度按同一规则推算）"),
        Lang::En => format!("{year} (later years, up to 5, are projected under the same rules)"),
    }
}

pub fn apply_from_notice(notice: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("摘自 {notice}。每一项都可以打开通知原文核对。"),
        Lang::En => format!("From {notice}. Each item opens the notice's own words."),
    }
}

pub fn apply_committees_from(tables: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("按申报职称和专业从通知的表格中找出：{tables}。"),
        Lang::En => format!("Found by title and specialty in the notice's tables: {tables}."),
    }
}

pub fn apply_other_committees(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("其他评委会（{n} 个：其他专业或不受理本专业）"),
        Lang::En if n == 1 => "1 other committee (another specialty, or not yours)".to_string(),
        Lang::En => format!("{n} other committees (other specialties, or not yours)"),
    }
}

pub fn quoted_in(doc: &str, clause: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("原文（本应用未附该文件，据 {doc} {clause} 的引述）"),
        Lang::En => {
            format!("Original text (the document is not bundled; as {doc} {clause} quotes it)")
        }
    }
}

pub fn leaves_out_count(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("本工具未核查的条款（{n} 条）"),
        Lang::En if n == 1 => "1 clause this tool does not check".to_string(),
        Lang::En => format!("{n} clauses this tool does not check"),
    }
}

pub fn apply_none_for_title(title: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("通知的评审计划中没有评审或推荐{title}的评委会。请向所在单位或当地人社部门询问。"),
        Lang::En => format!(
            "No committee in the notice's plan evaluates or recommends {title}. Ask your employer or the local HRSS bureau."
        ),
    }
}

pub fn apply_whole_table(caption: &str, rows: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("全表：{caption}（{rows} 行）"),
        Lang::En => format!("The whole table: {caption} ({rows} rows)"),
    }
}

pub fn batch_progress(checked: usize, percent: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("已检查 {checked} 人（{percent}%）"),
        Lang::En => format!("{checked} people checked ({percent}%)"),
    }
}

pub fn batch_people(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("共 {n} 人"),
        Lang::En if n == 1 => "1 person".to_string(),
        Lang::En => format!("{n} people"),
    }
}

/// The whole tally in a sentence (the live region at the end of a run).
pub fn batch_tally(t: &zhicheng_formats::batch::Tally, lang: Lang) -> String {
    use zhicheng_engine::Status;
    let parts = [
        (Status::Eligible.label(lang), t.eligible),
        (Status::NeedsReview.label(lang), t.needs_review),
        (Status::NotEligible.label(lang), t.not_eligible),
        (Status::NotCovered.label(lang), t.not_covered),
        (i18n::BATCH_BAD_ROW.get(lang), t.errors),
    ];
    let list = parts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| format!("{label} {n}"))
        .collect::<Vec<_>>()
        .join(lang.pick("，", ", "));
    match lang {
        Lang::Zh => format!("筛查完成：共 {} 人，{list}。", t.total()),
        Lang::En => format!("Done: {}, {list}.", batch_people(t.total(), lang)),
    }
}

pub fn batch_results_of(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("筛查结果：{file}"),
        Lang::En => format!("Results: {file}"),
    }
}

pub fn batch_file_named(file: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{file} 无法使用：",),
        Lang::En => format!("{file} cannot be used: "),
    }
}

pub fn batch_stopped_at(line: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {line} 行的引号没有闭合，其后的内容无法读取；之前的行已经检查。"),
        Lang::En => format!(
            "A quote opened on line {line} never closes: the rest of the file cannot be read; the rows before it were checked."
        ),
    }
}

pub fn batch_warnings(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("提示（{n} 条）"),
        Lang::En if n == 1 => "1 warning".to_string(),
        Lang::En => format!("{n} warnings"),
    }
}

pub fn batch_showing(from: usize, to: usize, shown: usize, all: usize, lang: Lang) -> String {
    let filtered = shown != all;
    match lang {
        Lang::Zh if filtered => {
            format!("显示第 {from}–{to} 人，共 {shown} 人符合筛选（全部 {all} 人）。")
        }
        Lang::Zh => format!("显示第 {from}–{to} 人，共 {shown} 人。"),
        Lang::En if filtered => format!("Showing {from}–{to} of {shown} matching ({all} in all)."),
        Lang::En => format!("Showing {from}–{to} of {shown}."),
    }
}

pub fn batch_page(page: usize, pages: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("第 {page} / {pages} 页"),
        Lang::En => format!("Page {page} of {pages}"),
    }
}

/// A person of the roster: `第 5 行 · A001 张三`.
pub fn batch_person(line: usize, id: &str, name: &str, lang: Lang) -> String {
    let who = [id, name]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    match lang {
        Lang::Zh => format!("第 {line} 行 · {who}"),
        Lang::En => format!("Line {line} · {who}"),
    }
}

pub fn calendar_left_out(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("未放入日历的事项（{n} 项）"),
        Lang::En if n == 1 => "1 item not in the calendar".to_string(),
        Lang::En => format!("{n} items not in the calendar"),
    }
}

pub fn qr_too_long(bytes: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("资料太多：压缩后的链接仍有 {bytes} 字节，一个二维码放不下。可以改用“生成分享链接”或导出文件。"),
        Lang::En => format!(
            "Too much data: even compressed, the link is {bytes} bytes, more than one QR code holds. Use “Make a share link” or export a file instead."
        ),
    }
}

/// The roster made of pasted links, as the page names it (in both languages: it is
/// shown as a file name).
pub fn links_roster_name(n: usize) -> String {
    if n == 1 {
        "粘贴的 1 个链接 · 1 pasted link".to_string()
    } else {
        format!("粘贴的 {n} 个链接 · {n} pasted links")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatted_texts() {
        assert_eq!(step_of(Step::Ce, Lang::Zh), "第 5 步，共 6 步");
        assert_eq!(next_step(Step::About, Lang::En), "Next: About you");
        assert_eq!(next_step(Step::About, Lang::Zh), "下一步：个人情况");
        assert_eq!(counts(2, 1, Lang::Zh), "2 项不符合，1 项需人工核实");
    }
}
