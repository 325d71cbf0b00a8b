//! Bad input: what is wrong, where (a JSON path), in English and Chinese.

use crate::vocab::{Series, Title};
use std::fmt;

/// An input the engine cannot evaluate. `path` names the place, e.g.
/// `ce_records[3].hours`; `$` is the whole document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub kind: InputErrorKind,
}

/// Why an input was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputErrorKind {
    /// Not JSON. `what` says what the parser expected.
    Syntax {
        line: usize,
        column: usize,
        what: SyntaxProblem,
    },
    /// The document is larger than the engine accepts.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Arrays and objects nested deeper than the engine accepts.
    TooDeep {
        limit: usize,
    },
    DuplicateField,
    UnknownField {
        allowed: String,
    },
    Missing,
    WrongType {
        expected: JsonType,
    },
    UnknownValue {
        value: String,
        allowed: String,
    },
    WrongFormat {
        found: String,
    },
    InvalidDate {
        value: String,
    },
    NotWholeNumber,
    YearOutOfRange {
        min: i32,
        max: i32,
    },
    HoursNotPositive,
    HoursTooPrecise,
    HoursTooLarge {
        max: i64,
    },
    TextTooLong {
        max: usize,
    },
    TooManyItems {
        max: usize,
    },
    NotATarget {
        title: Title,
    },
    TitleNotInSeries {
        title: Title,
        series: Series,
    },
    EvaluationYearOutOfRange {
        min: i32,
        max: i32,
    },
    ObtainedAfterEvaluationYear {
        end: String,
    },
    WorkStartRequired {
        target: Title,
    },
}

/// A detail of a JSON syntax error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxProblem {
    UnexpectedEnd,
    ExpectedValue,
    ExpectedCommaOrEnd,
    ExpectedColon,
    ExpectedKey,
    BadNumber,
    BadEscape,
    ControlCharacter,
    TrailingCharacters,
    BadLiteral,
}

impl SyntaxProblem {
    fn en(self) -> &'static str {
        match self {
            SyntaxProblem::UnexpectedEnd => "the text ends too early",
            SyntaxProblem::ExpectedValue => "expected a value",
            SyntaxProblem::ExpectedCommaOrEnd => "expected ',' or a closing bracket",
            SyntaxProblem::ExpectedColon => "expected ':'",
            SyntaxProblem::ExpectedKey => "expected a field name in double quotes",
            SyntaxProblem::BadNumber => "invalid number",
            SyntaxProblem::BadEscape => "invalid escape in a string",
            SyntaxProblem::ControlCharacter => "control character in a string",
            SyntaxProblem::TrailingCharacters => "unexpected text after the end",
            SyntaxProblem::BadLiteral => "unknown word (expected true, false or null)",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            SyntaxProblem::UnexpectedEnd => "内容不完整，提前结束",
            SyntaxProblem::ExpectedValue => "此处应为一个值",
            SyntaxProblem::ExpectedCommaOrEnd => "此处应为逗号或右括号",
            SyntaxProblem::ExpectedColon => "此处应为冒号",
            SyntaxProblem::ExpectedKey => "此处应为带双引号的字段名",
            SyntaxProblem::BadNumber => "数字格式错误",
            SyntaxProblem::BadEscape => "字符串中的转义符无效",
            SyntaxProblem::ControlCharacter => "字符串中含有控制字符",
            SyntaxProblem::TrailingCharacters => "结尾之后还有多余内容",
            SyntaxProblem::BadLiteral => "无法识别的词（应为 true、false 或 null）",
        }
    }
}

/// A JSON type, for "must be a …" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonType {
    Object,
    Array,
    String,
    Integer,
    Number,
    Boolean,
}

impl JsonType {
    fn en(self) -> &'static str {
        match self {
            JsonType::Object => "an object",
            JsonType::Array => "an array",
            JsonType::String => "a string",
            JsonType::Integer => "a whole number",
            JsonType::Number => "a number",
            JsonType::Boolean => "true or false",
        }
    }

    fn zh(self) -> &'static str {
        match self {
            JsonType::Object => "对象",
            JsonType::Array => "数组",
            JsonType::String => "字符串",
            JsonType::Integer => "整数",
            JsonType::Number => "数字",
            JsonType::Boolean => "true 或 false",
        }
    }
}

impl InputError {
    pub fn new(path: impl Into<String>, kind: InputErrorKind) -> InputError {
        InputError {
            path: path.into(),
            kind,
        }
    }

    /// The message without the path, in English.
    pub fn message_en(&self) -> String {
        use InputErrorKind::*;
        match &self.kind {
            Syntax { line, column, what } => format!("not valid JSON at line {line}, column {column}: {}", what.en()),
            TooLarge { bytes, limit } => format!(
                "the file is {:.1} MB; a profile may be at most {:.1} MB",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            TooDeep { limit } => format!("nested more than {limit} levels deep"),
            DuplicateField => "this field appears twice".to_string(),
            UnknownField { allowed } => format!("unknown field; expected one of: {allowed}"),
            Missing => "is required".to_string(),
            WrongType { expected } => format!("must be {}", expected.en()),
            UnknownValue { value, allowed } => format!("unknown value \"{value}\"; expected one of: {allowed}"),
            WrongFormat { found } => format!("must be \"zhicheng-profile/1\", found \"{found}\""),
            InvalidDate { value } => format!("\"{value}\" is not a date that exists (write YYYY-MM-DD)"),
            NotWholeNumber => "must be a whole number".to_string(),
            YearOutOfRange { min, max } => format!("must be a year from {min} to {max}"),
            HoursNotPositive => "must be greater than 0".to_string(),
            HoursTooPrecise => "must have at most one decimal (1.5 yes, 1.25 no)".to_string(),
            HoursTooLarge { max } => format!("must be at most {max} hours"),
            TextTooLong { max } => format!("must be at most {max} characters"),
            TooManyItems { max } => format!("may hold at most {max} entries"),
            NotATarget { title } => format!("\"{}\" cannot be applied for here; targets are the engineering titles and senior_economist", title.as_str()),
            TitleNotInSeries { title, series } => {
                format!("\"{}\" is not a title of the {} series", title.as_str(), series.as_str())
            }
            EvaluationYearOutOfRange { min, max } => format!("must be from {min} to {max} for this rule set"),
            ObtainedAfterEvaluationYear { end } => format!("is after the end of the evaluation year ({end})"),
            WorkStartRequired { target } => format!(
                "is required: the path to {} counts years from the start of professional-technical work",
                target.label_en()
            ),
        }
    }

    /// The message without the path, in Chinese.
    pub fn message_zh(&self) -> String {
        use InputErrorKind::*;
        match &self.kind {
            Syntax { line, column, what } => format!(
                "不是有效的 JSON（第 {line} 行第 {column} 列：{}）",
                what.zh()
            ),
            TooLarge { bytes, limit } => format!(
                "文件大小 {:.1} MB，超过上限 {:.1} MB",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            TooDeep { limit } => format!("嵌套超过 {limit} 层"),
            DuplicateField => "该字段重复出现".to_string(),
            UnknownField { allowed } => format!("未知字段；可用字段：{allowed}"),
            Missing => "必填".to_string(),
            WrongType { expected } => format!("应为{}", expected.zh()),
            UnknownValue { value, allowed } => format!("无法识别的值“{value}”；可选：{allowed}"),
            WrongFormat { found } => format!("应为“zhicheng-profile/1”，实际为“{found}”"),
            InvalidDate { value } => format!("“{value}”不是存在的日期（格式 YYYY-MM-DD）"),
            NotWholeNumber => "应为整数".to_string(),
            YearOutOfRange { min, max } => format!("年份应在 {min} 至 {max} 之间"),
            HoursNotPositive => "学时必须大于 0".to_string(),
            HoursTooPrecise => "学时最多保留一位小数（1.5 可以，1.25 不行）".to_string(),
            HoursTooLarge { max } => format!("学时不能超过 {max}"),
            TextTooLong { max } => format!("最多 {max} 个字符"),
            TooManyItems { max } => format!("最多 {max} 条"),
            NotATarget { title } => format!(
                "“{}”不能作为申报目标；可申报工程系列各级职称和高级经济师",
                title.label_zh()
            ),
            TitleNotInSeries { title, series } => {
                format!("“{}”不属于{}", title.label_zh(), series.label_zh())
            }
            EvaluationYearOutOfRange { min, max } => {
                format!("本规则适用的评审年度为 {min} 至 {max}")
            }
            ObtainedAfterEvaluationYear { end } => format!("取得日期晚于评审年度末（{end}）"),
            WorkStartRequired { target } => format!(
                "必填：申报{}的年限从参加专业技术工作之日起算",
                target.label_zh()
            ),
        }
    }

    /// One line: `path: English — 中文`.
    pub fn one_line(&self) -> String {
        format!(
            "{}: {} — {}",
            self.path,
            self.message_en(),
            self.message_zh()
        )
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message_en())
    }
}

impl std::error::Error for InputError {}
