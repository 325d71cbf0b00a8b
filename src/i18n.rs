//! Every string of the user interface, in Chinese (the default) and English.
//!
//! Plain strings are [`Text`] constants; strings with numbers or names in them are
//! functions taking the language. Labels of the closed vocabularies (titles,
//! education, statuses…) come from the engine (`label(lang)`), and so do the verdict's
//! messages and the input errors, so none of those are repeated here.

use crate::state::{Field, Problem, Step};
use zhicheng_engine::vocab::CeCategory;
use zhicheng_engine::{Hours, InputError, Lang};

/// A string in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    pub fn get(self, lang: Lang) -> &'static str {
        lang.pick(self.zh, self.en)
    }
}

macro_rules! texts {
    ($($name:ident = $zh:literal, $en:literal;)+) => {
        $(pub const $name: Text = Text { zh: $zh, en: $en };)+
        /// Every constant, for the tests.
        #[cfg(test)]
        pub const ALL: &[(&str, Text)] = &[$((stringify!($name), $name),)+];
    };
}

texts! {
    APP_NAME = "职称自测", "职称自测 Self-Check";
    TAGLINE = "看看今年能不能申报职称、还差什么、哪一年可以申报。资料只在本机浏览器中处理，不会上传。",
        "See whether you may apply for a professional title (职称) this year, what is missing, and when you will qualify. Everything stays in this browser; nothing is uploaded.";
    OTHER_LANGUAGE = "English", "中文";
    SWITCH_LANGUAGE = "Switch to English", "切换到中文";
    PAGES = "页面", "Pages";
    PAGE_SELF_CHECK = "个人自测", "Self-check";
    STEPS = "填写步骤", "Steps";
    STEP_COMPLETE = "已填完", "complete";
    STEP_HAS_ERRORS = "有需要更正的内容", "has entries to correct";
    BACK = "上一步", "Back";
    NEXT = "下一步", "Next";
    LIVE_RESULT = "实时结果", "Live result";
    SEE_RESULT = "查看结果", "See the result";
    OPTIONAL_MARK = "可不填", "optional";
    CHOOSE = "请选择", "Choose…";
    REMOVE = "删除", "Remove";
    DATE_HINT = "格式 YYYY-MM-DD，例如 1980-05-10；也可输入 19800510。", "As YYYY-MM-DD, e.g. 1980-05-10; 19800510 works too.";

    // Step: target
    TARGET_INTRO = "先选择你所在地区的评审通知（规则），再选择要申报的职称。",
        "Choose the evaluation notice (the rules) for your region, then the title you apply for.";
    RULE_SET = "评审通知（规则）", "Evaluation notice (rules)";
    COVERS = "适用范围：", "Covers: ";
    EVALUATION_YEAR = "评审年度", "Evaluation year";
    EVALUATION_YEAR_HINT = "默认是通知所属的年度；选以后的年度，就按这份通知的规则推算。",
        "The notice's own year by default; a later year is a projection under the same rules.";
    CHOOSE_RULE_SET_FIRST = "请先选择评审通知。", "Choose a notice first.";
    TARGET_TITLE = "申报职称", "Title you apply for";
    SPECIALTY = "专业", "Specialty";
    SPECIALTY_LISTED_HINT = "这份通知只评审下列专业。", "This notice covers only these specialties.";
    SPECIALTY_FREE_HINT = "例如：电气工程。", "For example: electrical engineering.";
    SPECIALTY_OTHER = "其他专业", "Another specialty";
    EXCEPTIONAL = "按破格条件申报", "Applying under the exceptional route (破格)";
    EXCEPTIONAL_HINT = "只有按破格途径申报时才勾选。", "Tick only if you apply under the exceptional route.";

    // Step: about
    ABOUT_INTRO = "这些信息用于检查退休、身份和岗位方面的条件。",
        "Used for the retirement, employment and post checks.";
    BIRTH_DATE = "出生日期", "Date of birth";
    RETIREMENT_GROUP = "退休年龄类别", "Retirement-age group";
    RETIREMENT_GROUP_HINT = "按你原来适用的法定退休年龄选择；国家渐进式延迟退休的办法会自动计算。",
        "Choose by the statutory retirement age that originally applied to you; the gradual raise is worked out for you.";
    RETIREMENT_MALE = "所有男性。", "All men.";
    RETIREMENT_FEMALE_55 = "在管理或专业技术岗位工作的女性（申报职称的女性大多属于这一类）。",
        "Women in management or professional-technical posts (most women who apply for a title).";
    RETIREMENT_FEMALE_50 = "在工人（工勤技能）岗位工作的女性。", "Women in worker (skilled-trade) posts.";
    EMPLOYMENT = "单位类型", "Employer type";
    POST = "工作岗位", "Your post";
    IN_TECHNICAL_POST = "我目前在专业技术岗位上工作", "I work in a professional-technical post";
    PROFESSION_MATCHES = "我从事的专业与申报的专业一致", "My field of work matches the specialty I apply in";
    RETIRED = "我已经退休", "I have retired";
    PUBLIC_INSTITUTION = "事业单位人员", "Public-institution staff";
    POST_WAGE_PAID = "我在岗，并领取该岗位的工资", "I hold the post and am paid its wage";
    MOVED_FROM_GOVERNMENT_ORGAN = "我是从机关调入事业单位的", "I moved to the institution from a government organ";

    // Step: education
    EDUCATION_INTRO = "学历和已取得的职称决定申报途径，以及任职年限从哪天算起。",
        "Your education and titles decide your route and the day your years of service start.";
    EDUCATION = "最高学历", "Highest education";
    WORK_START = "参加专业技术工作的时间", "Start of professional-technical work";
    WORK_START_HINT = "申报途径不需要前一级职称时，年限从这一天算起。", "Where your route needs no lower title, years count from this day.";
    TITLES_HELD = "已取得的职称", "Titles you hold";
    TITLES_HELD_HINT = "按证书上的取得时间填写；还没有职称可以不填。", "Use the date on the certificate; leave empty if you hold none.";
    TITLE_NAME = "职称", "Title";
    TITLE_OBTAINED = "取得日期", "Date obtained";
    ADD_TITLE = "添加职称", "Add a title";
    // One row of a list, numbered: "职称1", "Title 1".
    ROW_ASSESSMENT = "考核", "Assessment";
    ROW_SANCTION = "处分", "Sanction";
    ROW_FRAUD = "记录", "Finding";
    ROW_RECORD = "记录", "Record";
    NONE_YET = "还没有添加。", "None added yet.";

    // Step: other
    OTHER_INTRO = "没有这些情况可以直接跳过。不填时：每年考核都按合格计，没有处分、没有弄虚作假记录、没有通过考试。",
        "Skip this step if none applies. Left empty: every annual assessment counts as competent, and there are no sanctions, fraud findings or exams passed.";
    ASSESSMENTS = "年度考核", "Annual assessments";
    ASSESSMENTS_HINT = "只需填写结果不是“合格”的年度，例如不合格或优秀。", "Only years not graded competent, e.g. unqualified or excellent.";
    YEAR = "年度", "Year";
    GRADE = "考核结果", "Grade";
    ADD_ASSESSMENT = "添加一个年度", "Add a year";
    SANCTIONS = "处分", "Sanctions";
    SANCTIONS_HINT = "填写受到的处分及其生效日期。", "Each sanction with the day it took effect.";
    SANCTION_KIND = "处分类型", "Kind";
    SANCTION_EFFECTIVE = "生效日期", "Effective from";
    SANCTION_OFFICIAL = "这是以公职人员身份受到的政务处分", "Given as a public official (政务处分)";
    ADD_SANCTION = "添加处分", "Add a sanction";
    FRAUD = "弄虚作假记录", "Fraud findings";
    FRAUD_HINT = "曾在职称评审中被认定弄虚作假的，填写那一次评审的年度。", "If fraud was found in a past evaluation, the year of that evaluation.";
    FRAUD_YEAR = "被认定的评审年度", "Year of that evaluation";
    ADD_FRAUD = "添加记录", "Add a finding";
    EXAMS = "考试", "Exams";
    EXAMS_HINT = "申报高级经济师需要通过全国统一考试。", "Senior economist applicants need the national exam.";
    EXAM_PASSED = "我已通过高级经济专业技术资格考试", "I passed the senior economist examination";
    EXAM_YEAR = "考试年度", "Year of the exam";
    ADVANCED = "检查基准日期（一般不用填）", "Reference date (rarely needed)";
    REFERENCE_DATE = "检查基准日期", "Reference date";
    REFERENCE_DATE_HINT = "条件按哪一天的情况检查。不填时使用通知规定的日期。", "The day the conditions are checked as of. Left empty, the notice's own date is used.";

    // Step: continuing education
    CE_INTRO = "按年度填写继续教育登记系统里的学时，或者逐条添加、从 CSV 文件导入。两种方式的学时合并计算。",
        "Enter the hours from the CE registration system by year, or add records one by one or import a CSV file. Both are counted together.";
    CE_GRID = "按年度填写", "Hours by year";
    CE_GRID_HINT = "网络课件的学时请填在“网络课件”一列，部分通知对它有上限。",
        "Put online-courseware hours in the “online” column: some notices cap them.";
    CE_NO_YEARS = "还没有年度。在第 1 步选好评审通知后，这里会列出要看的年度；也可以在下面自己添加。",
        "No years yet. Once a notice is chosen in step 1, the years that matter appear here; you can also add a year below.";
    CE_OFFLINE = "非网络", "Not online";
    CE_ONLINE = "网络课件", "Online";
    CE_CATEGORY = "类别", "Category";
    ADD_YEAR = "添加年度", "Add a year";
    ADD = "添加", "Add";
    CE_NOT_JUDGED = "这一年不在本次评价范围内", "this year is not judged this time";
    CE_RECORDS = "逐条记录", "Individual records";
    CE_RECORDS_HINT = "每条记录是一门课程或一次活动，会计入上面对应的年度和类别。",
        "Each record is one course or activity; it counts towards its year and category above.";
    CE_HOURS = "学时", "Hours";
    CE_RECORD_ONLINE = "网络课件", "Online courseware";
    CE_RECORD_AUTHORITY = "主管部门提供或认可", "Provided or recognised by the authority";
    NOTE = "备注", "Note";
    ADD_RECORD = "添加一条记录", "Add a record";
    CLEAR_RECORDS = "删除全部记录", "Remove all records";
    CSV_IMPORT = "从 CSV 文件导入", "Import from a CSV file";
    CSV_HINT = "下载模板，用 Excel 填好后另存为 CSV（UTF-8 或 GBK 编码都可以），再选择该文件。有问题的行会逐行列出，其余照常导入。",
        "Download the template, fill it in with Excel, save it as CSV (UTF-8 or GBK), then choose the file. Lines with a problem are listed one by one; the rest are imported.";
    CSV_CHOOSE = "选择 CSV 文件", "Choose a CSV file";
    CSV_TEMPLATE = "下载 CSV 模板", "Download the CSV template";
    CSV_EXPORT = "导出已填学时（CSV）", "Download the hours entered (CSV)";
    CSV_NOT_IMPORTED = "以下行未导入：", "These lines were not imported:";
    CE_LEGEND = "“差N”是还缺的学时；“公需”指行业公需和一般公需合计。",
        "“−N” is the hours still missing; “pub.” is for industry and general public together.";

    // The verdict
    RESULT = "检查结果", "Result";
    NO_RESULT_YET = "还不能给出结果", "No result yet";
    STILL_TO_FILL = "还需填写：", "Still to fill in:";
    TO_CORRECT = "需要更正：", "To correct:";
    INPUT_PROBLEM = "资料有误：", "The data has a problem:";
    CHECKS = "逐项检查", "Each check";
    WHAT_TO_DO = "怎么办：", "What to do: ";
    SOURCES = "依据：", "Sources: ";
    ORIGINAL_TEXT = "原文", "Original text (Chinese)";
    OUR_SUMMARY = "摘要（非原文）", "Our summary, not the original text";
    CLAUSE_NOT_BUNDLED = "本条文未收录。", "The text of this clause is not bundled.";
    ISSUED_BY = "发文机关：", "Issued by: ";
    ISSUED_ON = "发文日期：", "Dated: ";
    CE_TABLE = "继续教育学时（每年）", "CE hours per year";
    COL_YEAR = "年度", "Year";
    COL_PROFESSIONAL = "专业", "Prof.";
    COL_INDUSTRY = "行业公需", "Industry";
    COL_GENERAL = "一般公需", "General";
    COL_TOTAL = "合计", "Total";
    COL_STATUS = "结果", "Status";
    CE_MET = "达标", "met";
    CE_SHORT = "未达标", "short";
    CE_DEEMED = "视同达标", "deemed met";
    CE_NOT_REQUIRED = "不评价", "not judged";
    RULES_VERSION = "规则版本", "Rules version";
    SERVICE = "任职年限", "Years of service";
    RULE_SET_USED = "依据通知", "Notice";
    REFERENCE_DATE_USED = "基准日期", "Reference date";
    GENERATED_ON = "生成日期", "Generated on";
    DISCLAIMER = "本结果根据公开的评审通知自动推算，仅供参考，以评审机构的审核为准。",
        "Worked out automatically from the published notices, for guidance only; the evaluating body's review decides.";
    PROJECTED = "推算", "projection";
    PRINT = "打印 / 保存为 PDF", "Print / save as PDF";

    // Your data
    YOUR_DATA = "你的资料", "Your data";
    PRIVACY = "所有计算都在这个浏览器里完成，资料不会发送到任何服务器。",
        "Everything is worked out in this browser; nothing is sent to any server.";
    REMEMBER = "记住我的资料", "Remember my data on this device";
    REMEMBER_HINT = "勾选后保存在本设备的浏览器中，下次打开自动填好；不勾选时，关闭页面资料就没有了。",
        "Ticked, your entries are kept in this browser for next time; unticked, they are gone when you close the page.";
    CLEAR_DATA = "清除我的资料", "Clear my data";
    CLEAR_DATA_HINT = "删除本设备上保存的所有资料，并清空表单。", "Erases everything saved on this device and empties the form.";
    EXPORT = "导出资料文件", "Export a data file";
    IMPORT = "导入资料文件", "Import a data file";
    FILE_HINT = "资料文件（zhicheng-profile/1 格式的 .json）可以在另一台设备上导入。",
        "A data file (.json in the zhicheng-profile/1 format) can be imported on another device.";
    SHARE = "生成分享链接", "Make a share link";
    SHARE_LINK = "分享链接", "Share link";
    SHARE_HINT = "你填写的全部资料都在链接“#”后面（浏览器不会把这部分发送给服务器）。只发给你信任的人。",
        "Everything you entered is in the link after the “#” (browsers never send that part to a server). Share it only with people you trust.";
    COPY = "复制链接", "Copy the link";
    COPIED = "链接已复制。", "Link copied.";
    COPY_FAILED = "无法自动复制，请手动选中链接复制。", "Could not copy automatically; select the link and copy it.";
    NEED_COMPLETE = "填完必填项后才能导出或分享。", "Fill in the required fields to export or share.";
    HIDE = "收起", "Hide";

    // Notices
    DISMISS = "关闭提示", "Dismiss";
    UNDO = "撤销", "Undo";
    STORAGE_FAILED = "无法在本设备上保存资料（浏览器存储已满或被禁用）。自测照常可用，只是不会记住。",
        "Your data cannot be saved on this device (browser storage is full or disabled). The check still works; it just won't be remembered.";
    STORAGE_UNREADABLE = "本设备上保存的资料无法读取，已忽略（没有删除）。", "The data saved on this device could not be read and was ignored (not deleted).";
    SHARE_NOT_BASE64 = "无法打开这个分享链接：“#profile=”后面的内容已损坏（不是 base64url 编码）。你的其他资料没有改动。",
        "This share link cannot be opened: the part after “#profile=” is damaged (not base64url). Nothing else was changed.";
    SHARE_NOT_TEXT = "无法打开这个分享链接：“#profile=”后面的内容解码后不是文本。你的其他资料没有改动。",
        "This share link cannot be opened: the part after “#profile=” does not decode to text. Nothing else was changed.";
    SHARED_LOADED = "已打开分享链接中的资料。", "Opened the data in the share link.";
    SHARED_OVER_SAVED = "正在查看分享链接中的资料。你保存在本设备上的资料没有改动，现在也不会保存。",
        "You are viewing the data from a share link. The data remembered on this device is unchanged, and nothing is saved for now.";
    REMEMBER_THIS = "改为记住这份资料", "Remember this one instead";
    BACK_TO_SAVED = "回到我保存的资料", "Back to my saved data";
    CLEARED = "已删除本设备上保存的资料，表单已清空。", "The data saved on this device was erased and the form emptied.";
}

/// The language named in a `lang` attribute.
pub fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

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
    format!("{}：{}", NEXT.get(lang), step_short(step, lang)).replace(
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
        G::Male => RETIREMENT_MALE,
        G::Female55 => RETIREMENT_FEMALE_55,
        G::Female50 => RETIREMENT_FEMALE_50,
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

/// The name of a CE cell: "2024 年专业科目（网络课件）".
pub fn ce_cell(year: i32, cell: usize, lang: Lang) -> String {
    let cat = CeCategory::ALL[cell / 2].label(lang);
    let mode = if cell % 2 == 1 { CE_ONLINE } else { CE_OFFLINE }.get(lang);
    match lang {
        Lang::Zh => format!("{year} 年{cat}（{mode}）学时"),
        Lang::En => format!("{year} {cat} hours ({mode})"),
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
        None => NO_RESULT_YET.get(lang).to_string(),
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

/// A field's name for the lists of what is missing or wrong.
pub fn field_label(field: Field, lang: Lang) -> String {
    let row = |what: Text, i: usize, part: Text| match lang {
        Lang::Zh => format!("{}{}的{}", what.zh, i + 1, part.zh),
        Lang::En => format!("{} of {} {}", part.en, what.en.to_lowercase(), i + 1),
    };
    match field {
        Field::RuleSet => RULE_SET.get(lang).into(),
        Field::EvaluationYear => EVALUATION_YEAR.get(lang).into(),
        Field::Title => TARGET_TITLE.get(lang).into(),
        Field::Specialty => SPECIALTY.get(lang).into(),
        Field::ReferenceDate => REFERENCE_DATE.get(lang).into(),
        Field::BirthDate => BIRTH_DATE.get(lang).into(),
        Field::RetirementGroup => RETIREMENT_GROUP.get(lang).into(),
        Field::Employment => EMPLOYMENT.get(lang).into(),
        Field::Education => EDUCATION.get(lang).into(),
        Field::WorkStart => WORK_START.get(lang).into(),
        Field::TitleName(i) => row(TITLE_NAME, i, TITLE_NAME),
        Field::TitleObtained(i) => row(TITLE_NAME, i, TITLE_OBTAINED),
        Field::AssessmentYear(i) => row(ROW_ASSESSMENT, i, YEAR),
        Field::AssessmentGrade(i) => row(ROW_ASSESSMENT, i, GRADE),
        Field::SanctionKind(i) => row(ROW_SANCTION, i, SANCTION_KIND),
        Field::SanctionEffective(i) => row(ROW_SANCTION, i, SANCTION_EFFECTIVE),
        Field::FraudYear(i) => row(ROW_FRAUD, i, FRAUD_YEAR),
        Field::ExamYear => EXAM_YEAR.get(lang).into(),
        Field::CeNewYear => ADD_YEAR.get(lang).into(),
        Field::CeCell { year, cell } => ce_cell(year, cell, lang),
        Field::RecordYear(i) => row(ROW_RECORD, i, YEAR),
        Field::RecordCategory(i) => row(ROW_RECORD, i, CE_CATEGORY),
        Field::RecordHours(i) => row(ROW_RECORD, i, CE_HOURS),
        Field::RecordNote(i) => row(ROW_RECORD, i, NOTE),
    }
}

/// What is wrong with a field, in `lang`.
pub fn problem(problem: &Problem, lang: Lang) -> String {
    match problem {
        Problem::Missing => lang.pick("必填", "required").to_string(),
        Problem::Bad(kind) => {
            let e = InputError::new("", kind.clone());
            match lang {
                Lang::Zh => e.message_zh(),
                Lang::En => e.message_en(),
            }
        }
        Problem::RepeatedYear => lang
            .pick("这一年已经填过一次", "this year is entered twice")
            .to_string(),
        Problem::Engine(e) => match lang {
            Lang::Zh => e.message_zh(),
            Lang::En => e.message_en(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::cell_index;

    fn has_cjk(s: &str) -> bool {
        s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
    }

    #[test]
    fn every_text_is_in_both_languages() {
        // The language switch names each language in itself, and the app's name
        // keeps its Chinese in English.
        const OWN_WORDS: [&str; 3] = ["OTHER_LANGUAGE", "SWITCH_LANGUAGE", "APP_NAME"];
        for (name, t) in ALL {
            assert!(!t.zh.is_empty() && !t.en.is_empty(), "{name}");
            assert_ne!(t.zh, t.en, "{name}");
            if OWN_WORDS.contains(name) {
                continue;
            }
            assert!(has_cjk(t.zh), "{name}: the Chinese text has no Chinese");
            // English may quote a Chinese term in brackets; otherwise no Chinese.
            let unquoted: String =
                t.en.split(['(', ')'])
                    .step_by(2)
                    .collect::<Vec<_>>()
                    .concat();
            assert!(!has_cjk(&unquoted), "{name}: {}", t.en);
        }
    }

    #[test]
    fn formatted_texts() {
        assert_eq!(step_of(Step::Ce, Lang::Zh), "第 5 步，共 6 步");
        assert_eq!(next_step(Step::About, Lang::En), "Next: About you");
        assert_eq!(next_step(Step::About, Lang::Zh), "下一步：个人情况");
        assert_eq!(
            field_label(Field::TitleObtained(1), Lang::En),
            "Date obtained of title 2"
        );
        assert_eq!(
            field_label(Field::TitleObtained(1), Lang::Zh),
            "职称2的取得日期"
        );
        assert_eq!(
            ce_cell(2024, cell_index(0, true), Lang::Zh),
            "2024 年专业科目（网络课件）学时"
        );
        assert_eq!(counts(2, 1, Lang::Zh), "2 项不符合，1 项需人工核实");
        assert_eq!(
            problem(
                &Problem::Bad(zhicheng_engine::InputErrorKind::HoursNotPositive),
                Lang::En
            ),
            "must be greater than 0"
        );
    }
}
