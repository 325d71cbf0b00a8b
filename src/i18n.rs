//! Every string of the user interface, in Chinese (the default) and English.
//!
//! Plain strings are [`Text`] constants, here; strings with numbers or names in them
//! are functions taking the language, in `phrases`. Labels of the closed vocabularies (titles,
//! education, statuses…) come from the engine (`label(lang)`), and so do the verdict's
//! messages and the input errors, so none of those are repeated here.

use zhicheng_engine::Lang;

/// A string in both languages: the engine's two-language text, fixed at build time
/// (`get(lang)` gives the `&'static str`).
pub type Text = zhicheng_engine::Bi<&'static str>;

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
    PAGE_BATCH = "批量筛查", "Batch";
    PAGE_ABOUT = "规则来源", "About these rules";
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
    // What is wrong with a field (other problems are the engine's words).
    REQUIRED = "必填", "required";
    YEAR_ENTERED_TWICE = "这一年已经填过一次", "this year is entered twice";
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
    PRACTICE_SUMMARY = "本应用对通行做法的摘要（不是某一文件的原文）", "This app's summary of common practice (not a document's words)";
    LEAVES_OUT_INTRO = "通知中以下与申报有关的规定，本工具没有核查，请自行对照原文：",
        "The notice rules the following for applicants, and this tool does not check them: read them yourself:";
    CLAUSE_NOT_BUNDLED = "本条文未收录。", "The text of this clause is not bundled.";
    ISSUED_BY = "发文机关：", "Issued by: ";
    ISSUED_ON = "发文日期：", "Dated: ";
    WHOLE_NOTICE = "查看通知全文", "Whole notice";
    OPENS_NEW_TAB = "（在新标签页中打开）", " (opens in a new tab)";
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
    RULE_SET_USED = "规则和通知", "Rule set and notice";
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
    STORAGE_DAMAGED = "本设备上保存的资料已损坏，无法读取。它还在，没有删除：你可以先下载这份数据留存，再清除并重新开始。",
        "The data saved on this device is damaged and cannot be read. It is still there, not deleted: you can download it first, then clear it and start over.";
    DOWNLOAD_SAVED = "下载保存的数据", "Download the saved data";
    CLEAR_SAVED = "清除并重新开始", "Clear it and start over";
    SHARE_NOT_BASE64 = "无法打开这个分享链接：“#profile=”或“#z=”后面的内容已损坏（不是 base64url 编码）。你的其他资料没有改动。",
        "This share link cannot be opened: the part after “#profile=” or “#z=” is damaged (not base64url). Nothing else was changed.";
    SHARE_NOT_DEFLATED = "无法打开这个分享链接：“#z=”后面的压缩内容已损坏，无法解压。你的其他资料没有改动。",
        "This share link cannot be opened: the compressed part after “#z=” is damaged and does not unpack. Nothing else was changed.";
    SHARE_NOT_TEXT = "无法打开这个分享链接：链接中的资料解码后不是文本。你的其他资料没有改动。",
        "This share link cannot be opened: its data does not decode to text. Nothing else was changed.";
    SHARED_LOADED = "已打开分享链接中的资料。", "Opened the data in the share link.";
    SHARED_OVER_SAVED = "正在查看分享链接中的资料。你保存在本设备上的资料没有改动，现在也不会保存。",
        "You are viewing the data from a share link. The data remembered on this device is unchanged, and nothing is saved for now.";
    REMEMBER_THIS = "改为记住这份资料", "Remember this one instead";
    BACK_TO_SAVED = "回到我保存的资料", "Back to my saved data";
    CLEARED = "已删除本设备上保存的资料，表单已清空。", "The data saved on this device was erased and the form emptied.";

    // Where to apply (result step)
    APPLY_HEADING = "去哪里申报", "Where to apply";
    APPLY_CHOOSE_FIRST = "在第 1 步选好评审通知和申报职称后，这里会列出受理的评审委员会、时间、电话和申报材料。",
        "Once a notice and a title are chosen in step 1, the committees, dates, phone numbers and materials appear here.";
    APPLY_COMMITTEES = "评审委员会", "Committees";
    APPLY_MATCH_LIKELY = "最可能", "Most likely";
    APPLY_MATCH_POSSIBLE = "可能（未填专业）", "Possible (no specialty given)";
    APPLY_MATCH_RESTRICTED = "仅限部分人员", "Only for some people";
    APPLY_MATCH_OTHER = "其他专业", "Another specialty";
    APPLY_MATCH_EXCLUDED = "不受理本专业", "Leaves your specialty out";
    APPLY_WHO = "是否属于这些评委会的受理范围（选填）", "Whether these committees take you (optional)";
    APPLY_WHO_HINT = "有的评委会只受理本公司或本行业的人员，或只办理大中专毕业生初定。填写工作单位、勾选初定，就能看出哪个适合你。只在本机比对，不会上传，也不进入分享链接。",
        "Some committees take only their own company's or trade's staff, or only give new graduates an initial title. Give your employer, or tick the box for an initial title (初定), to see which fits you. Compared on this device only: never uploaded, and not in share links.";
    APPLY_EMPLOYER = "工作单位", "Employer";
    APPLY_EMPLOYER_HINT = "如“浙江某某纺织有限公司”", "Your employer's name as registered";
    APPLY_GRADUATE = "我是申请初定的大中专毕业生", "I am a new graduate asking for an initial title (初定)";
    APPLY_ELSEWHERE = "通知没有受理该职称的评委会，规定了去向：", "No committee of the notice takes this title; it says where to go:";
    APPLY_CE_REGISTRATION = "继续教育学时登记", "Where CE hours are registered";
    APPLY_NO_CE_REGISTRATION = "通知没有写学时在哪里登记，请向所在单位或主管部门询问。",
        "The notice does not say where CE hours are registered; ask your employer or its department.";
    APPLY_URL_NOTE = "网址按通知原文列出（本应用不会打开或访问它）：", "Address as the notice gives it (the app never opens it):";
    APPLY_FOR_WHOM = "适用：", "For: ";
    APPLY_CONDITIONAL = "另需：", "Also needed: ";
    APPLY_DEADLINE = "接收材料截止", "Materials due";
    APPLY_START = "启动时间", "Starts";
    APPLY_FINISH = "完成时间", "Finishes";
    APPLY_EVALUATION = "预计评审时间", "Evaluation expected";
    APPLY_EVALUATES_CELL = "所评资格", "Evaluates";
    APPLY_RECOMMENDS_CELL = "推荐资格", "Recommends";
    APPLY_APPLICANTS = "申报对象", "Who applies";
    APPLY_SCOPE = "评审专业范围", "Specialty scope";
    APPLY_REMARKS = "备注", "Remarks";
    APPLY_OFFICE = "材料接收和电话", "Office and phone";
    APPLY_ROW_NO_TIME = "表格的这一行没有写时间；通知统一的时间安排见下面的“时间安排”。",
        "This row of the table gives no dates; the notice's own schedule is under “Schedule” below.";
    APPLY_SCHEDULE = "时间安排", "Schedule";
    APPLY_DEADLINE_DATE = "截止日期：", "Deadline: ";
    APPLY_NO_SCHEDULE = "通知没有写统一的时间安排（如有，见上面各评委会的时间）。",
        "The notice gives no schedule for all applicants (any dates are in the committees above).";
    APPLY_CONTACTS = "咨询电话", "Phone numbers for questions";
    APPLY_NO_CONTACTS = "通知没有另外给出咨询电话（如有，见上面各评委会的电话）。",
        "The notice gives no other phone number for questions (any are with the committees above).";
    APPLY_MATERIALS = "申报材料清单", "Materials checklist";
    APPLY_NO_MATERIALS = "通知没有列出申报材料清单，请向受理的评委会或所在单位询问。",
        "The notice lists no materials; ask the committee or your employer.";
    APPLY_TICKS_NOT_KEPT = "勾选只在本页有效，关闭页面后不保留；勾选“记住我的资料”可保存在本设备上。",
        "Ticks last while this page is open; tick “Remember my data” to keep them on this device.";
    APPLY_TICKS_REMEMBERED = "勾选保存在本设备的浏览器中，不会上传。", "Ticks are kept in this browser on this device, never uploaded.";
    APPLY_BY_SYSTEM = "系统自动提取", "filled in by the system";
    APPLY_PRINT = "打印申报指南和材料清单", "Print this guide and checklist";
    APPLY_CE_CONTACTS = "继续教育联系人", "Continuing-education contacts";
    APPLY_NO_CE_CONTACTS = "通知没有列出继续教育联系人。", "The notice lists no continuing-education contacts.";
    APPLY_NO_CE_MATCH = "通知列出的继续教育联系人中，没有与你的专业或职称系列对应的。",
        "None of the notice's continuing-education contacts is for your specialty or series.";
    APPLY_NOTES = "另请阅读", "Also read";

    // Batch screening
    BATCH_INTRO = "人事部门可以一次检查一批人员：选择花名册（CSV 文件，每人一行），需要时再选择学时记录文件，然后开始筛查。",
        "An HR office can check many people at once: choose a roster (a CSV file, one row a person), a CE records file if you have one, then start.";
    BATCH_PRIVACY = "文件只在这个浏览器里读取和检查，不会上传到任何地方。", "The files are read and checked in this browser only; nothing is uploaded.";
    BATCH_FORMAT = "花名册格式", "The roster format";
    BATCH_FORMAT_INTRO = "先下载模板：表头为中文，五行示例可以删掉，再填入自己的人员。",
        "Start from the template: Chinese headers and five example rows to delete before adding your people.";
    BATCH_TEMPLATE = "下载花名册模板（CSV）", "Download the roster template (CSV)";
    BATCH_FORMAT_DETAILS = "格式说明", "The format in brief";
    BATCH_FORMAT_FILE = "文件：", "File: ";
    BATCH_FORMAT_FILE_TEXT = "CSV，逗号分隔，第一行为表头；UTF-8（带或不带 BOM）或 GBK 编码，Excel 的“CSV UTF-8”和“CSV”都可以。列的顺序任意，列名可写中文或英文，不认识的列会被忽略并提示。",
        "CSV, comma-separated, the first row the header; UTF-8 (with or without BOM) or GBK, so both of Excel's “CSV UTF-8” and “CSV” work. Columns in any order, named in Chinese or English; unknown columns are ignored with a warning.";
    BATCH_FORMAT_REQUIRED = "必填列：", "Required columns: ";
    BATCH_FORMAT_OPTIONAL = "可选列：", "Optional columns: ";
    BATCH_FORMAT_VALUES = "填写的值：", "Values: ";
    BATCH_FORMAT_VALUES_TEXT = "可以写中文（如 高级工程师、本科、男、企业、是/否），也可以写英文名称（如 senior_engineer）。适用规则写通知文号或规则集名称。人员编号每人唯一。",
        "In Chinese as HR officers write them (e.g. 高级工程师, 本科, 是/否) or the English names (e.g. senior_engineer); the rule set as its notice's number or name; each person id once.";
    BATCH_FORMAT_CE = "继续教育学时：", "CE hours: ";
    BATCH_FORMAT_CE_TEXT = "每个“年度×类别”一列，如“2024年专业科目”“2024年行业公需科目”“2024年一般公需科目”，网络课件另列“2024年专业科目（网络）”；或者另附学时记录文件（人员编号、年度、类别、学时，每条一行）。两者可以同时使用。",
        "One column per year and category, e.g. ce_2024_professional, ce_2024_industry_public, ce_2024_general_public, online hours apart in ce_2024_professional_online; or a second CSV of records (person_id, year, category, hours, one course a row). Both may be used.";
    BATCH_FORMAT_DATES = "日期：", "Dates: ";
    BATCH_FORMAT_DATES_TEXT = "1980-05-10、1980/5/10、1980年5月10日、19800510 都可以；日期必须真实存在。",
        "1980-05-10, 1980/5/10 or 19800510 all work; the date must exist.";
    BATCH_FORMAT_RESULTS = "结果表：", "Results: ";
    BATCH_FORMAT_RESULTS_TEXT = "UTF-8（带 BOM，Excel 可直接打开），每人一行：结论、每项检查各占一列、不符合项的说明、出错原因。以 =、+、-、@ 开头的单元格前加单引号，表格软件不会把它当公式执行。",
        "UTF-8 with a BOM (Excel opens it right), one row a person: the status, each check in its own column, what failed, and why a row is bad. A cell starting with =, +, - or @ gets a leading ' so a spreadsheet never runs it.";
    BATCH_FORMAT_LIMITS = "限制：", "Limits: ";
    BATCH_FORMAT_LIMITS_TEXT = "每个文件最大 200 MB；一行有错只影响这一行，其余照常检查。",
        "Each file at most 200 MB; a bad row stops only itself, the others are checked.";
    BATCH_FILES = "选择文件", "Choose the files";
    BATCH_CHOOSE_ROSTER = "选择花名册（CSV，可多选）", "Choose the roster (CSV; several are joined)";
    BATCH_LINKS_HEADING = "或粘贴分享链接", "Or paste share links";
    BATCH_LINKS_HINT = "每行一个链接，可在链接前写姓名，例如“张三 https://…#z=…”。读取后它们就是要筛查的花名册；链接中的资料只在本机读取。",
        "One link per line, a name before it if you like (“Zhang San https://…#z=…”). Once read, they are the roster to check; their data is read on this device only.";
    BATCH_LINKS_LABEL = "分享链接（每行一个）", "Share links (one per line)";
    BATCH_LINKS_READ = "读取这些链接", "Read these links";
    BATCH_LINKS_NONE = "没有从这些行中读到任何人的资料，花名册没有改变。", "No one's data could be read from these lines; the roster is unchanged.";
    BATCH_CHOOSE_RECORDS = "选择学时记录文件（可不选）", "Choose a CE records file (optional)";
    BATCH_NO_ROSTER = "还没有选择花名册。", "No roster chosen yet.";
    BATCH_RECORDS_HINT = "学时已经写在花名册里时不需要。", "Not needed when the roster has the CE hours.";
    BATCH_CHOSEN = "已选择：", "Chosen: ";
    BATCH_START = "开始筛查", "Start checking";
    BATCH_RUNNING = "正在检查…", "Checking…";
    BATCH_CANCEL = "取消", "Cancel";
    BATCH_CANCELLED = "已取消，没有结果。可以重新开始。", "Cancelled; there are no results. You can start again.";
    BATCH_FAILED = "筛查没有完成：浏览器无法运行检查程序。请刷新页面后重试。",
        "The check did not finish: the browser could not run it. Reload the page and try again.";
    BATCH_FILE_FAILED = "文件无法使用。", "A file cannot be used.";
    BATCH_DOWNLOAD = "下载结果（CSV）", "Download the results (CSV)";
    BATCH_DOWNLOAD_HINT = "可以直接用 Excel 打开。", "Opens in Excel as it is.";
    BATCH_FILTER_STATUS = "按结论筛选", "Filter by result";
    BATCH_FILTER_CHECK = "按未通过的检查筛选", "Filter by a check not passed";
    BATCH_SORT = "排序", "Sort by";
    BATCH_ALL = "全部", "All";
    BATCH_BAD_ROW = "数据有误", "bad row";
    BATCH_COL_LINE = "行号", "Line";
    BATCH_COL_ID = "人员编号", "Person id";
    BATCH_COL_NAME = "姓名", "Name";
    BATCH_COL_STATUS = "结论", "Result";
    BATCH_COL_PROBLEMS = "未通过的检查或出错原因", "Checks not passed, or why the row is bad";
    BATCH_OPEN = "完整结果", "Full result";
    BATCH_CLOSE = "收起", "Close";
    BATCH_NOT_FOUND = "无法再次读取这一行。", "This row could not be read again.";
    BATCH_NONE_MATCH = "没有符合筛选条件的人员。", "Nobody matches the filters.";
    BATCH_PAGES = "结果分页", "Result pages";
    BATCH_PREV = "上一页", "Previous";
    BATCH_NEXT = "下一页", "Next";

    // About these rules
    RULES_INTRO = "本程序内置以下评审通知的规则。每条结论都注明依据的通知和条款，可以打开原文核对。",
        "The app carries the rules of these notices. Every result names the notice and clause it rests on, and opens the original text.";
    ABOUT_VERSION_HINT = "规则版本随规则数据一起更新；打印的结果上也有这个版本号。",
        "The rules version changes with the rule data; printed results carry it too.";
    ABOUT_NOTICE = "通知", "Notice";
    ABOUT_ISSUER = "发文机关", "Issued by";
    ABOUT_DATE = "发文日期", "Dated";
    ABOUT_REGION = "地区", "Region";
    ABOUT_YEAR = "评审年度", "Evaluation year";
    ABOUT_COVERS = "适用范围", "Covers";
    ABOUT_LEAVES_OUT = "不包括", "Leaves out";
    ABOUT_PLAN = "去哪里申报", "Where to apply";
    ABOUT_HAS_PLAN = "通知列出了评审委员会和联系方式", "The notice lists its committees and contacts";
    ABOUT_NO_PLAN = "通知没有列出评审委员会、截止时间或电话", "The notice lists no committees, deadlines or phone numbers";
    ABOUT_ID = "规则集编号：", "Rule set id: ";
    ABOUT_NATIONAL = "国家层面的共同规则（申报途径、退休年龄、处分期限等）适用于所有规则集，依据的国家文件在每条结论的“依据”中注明。",
        "The national rules shared by every rule set (routes, retirement age, sanction periods…) cite their national documents in each result's sources.";
    PLAN_HEADING = "继续教育计划", "Continuing-education plan";
    PLAN_PRINT = "打印继续教育计划", "Print this plan";
    ADD_TO_CALENDAR = "加入日历（.ics）", "Add to calendar (.ics)";
    CALENDAR_HINT = "下载一个日历文件，用手机或电脑的日历打开即可加入各项截止日期；文件在本机生成，不会上传。",
        "Downloads a calendar file: open it with your phone's or computer's calendar to add each deadline. It is made on this device; nothing is uploaded.";
    HAND_OFF_HEADING = "交给人事部门", "Hand it to HR";
    QR_MAKING = "正在生成二维码…", "Making the QR code…";
    QR_UNAVAILABLE = "这个浏览器不能压缩数据，无法生成二维码。可以改用上面的“生成分享链接”。",
        "This browser cannot compress data, so no QR code can be made. Use “Make a share link” above instead.";
    QR_LABEL = "分享链接的二维码", "QR code of the share link";
    QR_FROM_FILE = "这个页面是从本机文件打开的（离线版）：二维码中的链接指向本机的这个文件，只能在本设备上打开。要交给人事部门，请改用“导出名册行”或“导出”文件。",
        "This page was opened from a file on this device (the offline copy): the code's link points to that file and opens on this device only. To hand your data to HR, use “Export roster row” or “Export” instead.";
    QR_CAPTION = "人事部门用手机扫描此码即可在其浏览器中打开你的资料（资料在链接的“#”之后，不会发送到任何服务器）。",
        "HR can scan this code with a phone to open your data in their own browser (the data is after the link's “#”, which is never sent to any server).";
    FOR_HR_HINT = "导出为批量筛查名册的一行（CSV），人事部门可在“批量筛查”页面导入。姓名和编号只写入这个文件，不会保存。",
        "Exports your data as one row of a batch-screening roster (CSV), which HR can import on the Batch page. The name and id go into this file only; they are not stored.";
    FOR_HR_NAME = "姓名（可选）", "Name (optional)";
    FOR_HR_ID = "编号（可选，留空则自动生成）", "Id (optional; made for you if left empty)";
    FOR_HR_EXPORT = "导出名册行（CSV）", "Export roster row (CSV)";
    LARGE_TEXT = "大字", "Large text";
    LARGE_TEXT_TITLE = "放大或还原整个应用的文字（勾选“在本设备上记住”后会一并记住）",
        "Enlarge or restore the whole app's text (kept with your data when you choose to remember it)";
}

/// The language named in a `lang` attribute.
pub fn html_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
